/**
 * A model matrix from named covariates, as R's model.matrix with treatment contrasts: a numeric
 * covariate is one column; a categorical one is a 0/1 column for every level but the reference.
 * The reference level is the caller's, or else the first level in code-point order (R's factor()
 * default in the C locale), and is always reported. Rows with a missing value in any covariate
 * are left out (R's na.omit) and counted, never silently.
 *
 * This is the one model-matrix builder: the multivariable Cox model here and the feature models of
 * src/features (which add their own names, units and drop reasons on top) both use it.
 */

export type Covariate =
  | {
      readonly name: string
      readonly kind: 'numeric'
      readonly values: readonly (number | undefined)[]
      /**
       * Applied to the complete-case values, all at once (a per-SD scaling needs them all); the
       * column holds its result. Default: the values as they are.
       */
      readonly transform?: ((values: readonly number[]) => readonly number[]) | undefined
    }
  | {
      readonly name: string
      readonly kind: 'categorical'
      readonly values: readonly (string | undefined)[]
      readonly reference?: string | undefined
      /**
       * The level set, in column order, when the caller knows it (a feature's levels over the whole
       * table): every level but the reference gets its column even if no complete row has it (an
       * all-zero column, which the model reports as not estimable). Default: the levels of the
       * complete rows in code-point order, at least two of them.
       */
      readonly levels?: readonly string[] | undefined
    }

export interface DesignColumn {
  /** "name" for numeric, "name=level" for a level of a categorical covariate */
  readonly term: string
  readonly covariate: string
  /** the level this column indicates (categorical only) */
  readonly level: string | undefined
  /** the reference level it is compared with (categorical only) */
  readonly reference: string | undefined
}

export interface Design {
  readonly columns: readonly DesignColumn[]
  /** complete-case rows, n × columns */
  readonly rows: readonly (readonly number[])[]
  /** indices (into the input) of the rows kept, in input order */
  readonly kept: readonly number[]
  /** indices of the rows dropped for a missing value */
  readonly dropped: readonly number[]
}

const byCodePoint = (a: string, b: string) => (a < b ? -1 : a > b ? 1 : 0)

/** Whether covariate `c` has no value in row `i` (undefined, or an empty categorical cell). */
export function missingAt(c: Covariate, i: number): boolean {
  const v = c.values[i]
  return v === undefined || v === ''
}

export function designMatrix(covariates: readonly Covariate[], n: number): Design {
  if (covariates.length === 0) throw new RangeError('designMatrix: no covariates')
  const seen = new Set<string>()
  for (const c of covariates) {
    if (seen.has(c.name)) throw new RangeError(`designMatrix: covariate ${c.name} is given twice`)
    seen.add(c.name)
    if (c.values.length !== n) throw new RangeError(`designMatrix: ${c.name} has ${c.values.length} values, expected ${n}`)
    if (c.kind === 'numeric') {
      c.values.forEach((v, i) => {
        if (v !== undefined && !Number.isFinite(v)) throw new RangeError(`designMatrix: ${c.name}[${i}] must be a finite number or missing, got ${String(v)}`)
      })
    }
  }
  const kept: number[] = []
  const dropped: number[] = []
  for (let i = 0; i < n; i++) (covariates.every((c) => !missingAt(c, i)) ? kept : dropped).push(i)
  const columns: DesignColumn[] = []
  const values: (readonly number[])[] = []
  for (const c of covariates) {
    if (c.kind === 'numeric') {
      const raw = kept.map((i) => c.values[i] as number)
      const col = c.transform ? c.transform(raw) : raw
      if (col.length !== raw.length) throw new RangeError(`designMatrix: the transform of ${c.name} gave ${col.length} values for ${raw.length}`)
      columns.push({ term: c.name, covariate: c.name, level: undefined, reference: undefined })
      values.push(col)
      continue
    }
    const levels = c.levels ?? [...new Set(kept.map((i) => c.values[i] as string))].sort(byCodePoint)
    const reference = c.reference ?? levels[0]
    if (reference === undefined || !levels.includes(reference)) {
      throw new RangeError(`designMatrix: reference level ${JSON.stringify(reference)} of ${c.name} is not among its levels (${levels.map((l) => JSON.stringify(l)).join(', ')})`)
    }
    if (c.levels === undefined && levels.length < 2) throw new RangeError(`designMatrix: ${c.name} has a single level (${JSON.stringify(reference)}) among the complete rows; nothing to compare`)
    for (const level of levels) {
      if (level === reference) continue
      columns.push({ term: `${c.name}=${level}`, covariate: c.name, level, reference })
      values.push(kept.map((i) => (c.values[i] === level ? 1 : 0)))
    }
  }
  const rows = kept.map((_, r) => values.map((col) => col[r] as number))
  return { columns, rows, kept, dropped }
}
