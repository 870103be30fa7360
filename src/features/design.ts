/**
 * Feature vectors → model columns, through the one model-matrix builder (src/stats/design.ts, R's
 * model.matrix with treatment contrasts): binary/categorical → one 0/1 column per non-reference
 * level, named "column=level"; numeric → the value after the stated transform, named "column" or
 * "log10(column)". What this adds on top: samples instead of row indices, the feature's own level
 * order (reference first, every level of the table even if the complete cases lack one), the
 * effect unit said in the output, and why each left-out sample was dropped.
 * A sample enters the model only when every vector has a value for it (complete cases, as R's
 * na.omit); the others are counted by the first vector that lacks them. O(samples × columns).
 */
import { InputError, quote } from '../errors.js'
import { designMatrix, missingAt, type Covariate } from '../stats/design.js'
import type { FeatureVector } from './vector.js'

/** A transform of a numeric feature's values (all samples at once: "per SD" needs them all). */
export interface NumericTransform {
  /** 'none', 'log10', 'log2', 'sd'. */
  readonly name: string
  apply(values: readonly number[], what: string): { values: number[]; label: (column: string) => string; note?: string | undefined }
}

export interface DesignTerm {
  /** Model column name. */
  readonly name: string
  /** The vector it comes from. */
  readonly feature: string
  /** Level this indicator codes (binary/categorical), undefined for numeric. */
  readonly level: string | undefined
  readonly reference: string | undefined
  /** Effect unit said in the output: "per 1 unit of log10(nonsyn_muts)". */
  readonly unit: string | undefined
}

export interface Design {
  readonly terms: readonly DesignTerm[]
  readonly samples: readonly string[]
  /** Row per sample in `samples` order. */
  readonly x: readonly (readonly number[])[]
  /** Left out for a missing value: reason → count. */
  readonly dropped: Readonly<Record<string, number>>
  readonly notes: readonly string[]
}

/**
 * `universe`: candidate samples in order (e.g. those with a response or follow-up).
 */
export function buildDesign(vectors: readonly FeatureVector[], universe: readonly string[], transform: NumericTransform): Design {
  // One column twice (a feature also named in --covariates) cannot be estimated: say so, never an NA row.
  const twice = vectors.find((v, i) => vectors.findIndex((w) => w.id === v.id) !== i)
  if (twice) throw new InputError('USAGE', `${quote(twice.label)} is in the model twice (a feature also named as a covariate?); one model cannot estimate the same column twice`, { suggestion: 'name it once, in --features or in --covariates' })
  const notes: string[] = []
  const labels = new Map<string, string>()
  const covariates = vectors.map((v): Covariate => {
    if (v.kind !== 'numeric') return { name: v.id, kind: 'categorical', values: universe.map((s) => v.values.get(s)), levels: v.levels }
    return {
      name: v.id,
      kind: 'numeric',
      values: universe.map((s) => v.values.get(s)),
      transform: (raw) => {
        const t = transform.apply(raw, v.label)
        if (t.note) notes.push(t.note)
        labels.set(v.id, t.label(v.label))
        return t.values
      },
    }
  })
  const d = designMatrix(covariates, universe.length)
  const byId = new Map(vectors.map((v) => [v.id, v]))
  const terms = d.columns.map((c): DesignTerm => {
    const v = byId.get(c.covariate) as FeatureVector
    if (c.level !== undefined) return { name: `${v.label}=${c.level}`, feature: v.id, level: c.level, reference: c.reference, unit: undefined }
    const name = labels.get(v.id) as string
    return { name, feature: v.id, level: undefined, reference: undefined, unit: transform.name === 'sd' ? `per SD of ${v.label}` : `per unit of ${name}` }
  })
  const dropped: Record<string, number> = {}
  for (const i of d.dropped) {
    const lacking = vectors[covariates.findIndex((c) => missingAt(c, i))] as FeatureVector
    const reason = `missing ${lacking.label}`
    dropped[reason] = (dropped[reason] ?? 0) + 1
  }
  return { terms, samples: d.kept.map((i) => universe[i] as string), x: d.rows, dropped, notes }
}

/** The identity transform, for callers that want raw units. */
export const NO_TRANSFORM: NumericTransform = {
  name: 'none',
  apply: (values) => ({ values: [...values], label: (c) => c }),
}
