/**
 * Feature vectors → model columns (R's model.matrix with treatment contrasts):
 * binary/categorical → one 0/1 column per non-reference level, named "column=level";
 * numeric → the value after the stated transform, named "column" or "log10(column)".
 * A sample enters the model only when every vector has a value for it (complete cases, as R's
 * na.omit); the others are counted by the first vector that lacks them. O(samples × columns).
 */
import { InputError, quote } from '../errors.js'
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
  const dropped: Record<string, number> = {}
  const samples: string[] = []
  for (const s of universe) {
    const lacking = vectors.find((v) => !v.values.has(s))
    if (lacking) dropped[`missing ${lacking.label}`] = (dropped[`missing ${lacking.label}`] ?? 0) + 1
    else samples.push(s)
  }
  const terms: DesignTerm[] = []
  const columns: number[][] = []
  const notes: string[] = []
  for (const v of vectors) {
    if (v.kind === 'numeric') {
      const raw = samples.map((s) => v.values.get(s) as number)
      const t = transform.apply(raw, v.label)
      if (t.note) notes.push(t.note)
      const name = t.label(v.label)
      terms.push({ name, feature: v.id, level: undefined, reference: undefined, unit: transform.name === 'sd' ? `per SD of ${v.label}` : `per unit of ${name}` })
      columns.push(t.values)
    } else {
      const ref = v.levels[0] as string
      for (const level of v.levels.slice(1)) {
        terms.push({ name: `${v.label}=${level}`, feature: v.id, level, reference: ref, unit: undefined })
        columns.push(samples.map((s) => (v.values.get(s) === level ? 1 : 0)))
      }
    }
  }
  const x = samples.map((_, i) => columns.map((c) => c[i] as number))
  return { terms, samples, x, dropped, notes }
}

/** The identity transform, for callers that want raw units. */
export const NO_TRANSFORM: NumericTransform = {
  name: 'none',
  apply: (values) => ({ values: [...values], label: (c) => c }),
}

export function refuseConstant(values: readonly number[], what: string): void {
  if (values.length > 0 && values.every((v) => v === values[0])) throw new InputError('BAD_VALUE', `${quote(what)}: every value is the same; no effect can be estimated`)
}
