/**
 * Validation shared by the logistic models: a 0/1 response and an n × p covariate matrix become
 * a row-major design with an intercept first. Refuses what R would turn into NA or an error
 * (non-finite values, ragged rows, a single outcome) with the index of the offending value.
 */

export type Binary = 0 | 1 | boolean

export interface LogisticDesign {
  readonly y: Uint8Array
  /** row-major n × (p + 1), column 0 the intercept */
  readonly x: Float64Array
  readonly p: number
  readonly names: readonly string[]
}

export function logisticDesign(y: readonly Binary[], covariates: readonly (readonly number[])[], names: readonly string[] | undefined, what: string): LogisticDesign {
  const n = y.length
  if (covariates.length !== n) throw new RangeError(`${what}: X has ${covariates.length} rows but y has ${n}`)
  if (n === 0) throw new RangeError(`${what}: no observations`)
  const k = covariates[0]?.length ?? 0
  if (names !== undefined && names.length !== k) throw new RangeError(`${what}: ${names.length} names for ${k} covariates`)
  const p = k + 1
  const yy = new Uint8Array(n)
  const x = new Float64Array(n * p)
  let events = 0
  for (let i = 0; i < n; i++) {
    const yi = y[i]
    if (yi !== 0 && yi !== 1 && yi !== true && yi !== false) throw new RangeError(`${what}: y[${i}] must be 0/1 or a boolean, got ${String(yi)}`)
    yy[i] = yi === 1 || yi === true ? 1 : 0
    events += yy[i] as number
    const row = covariates[i] ?? []
    if (row.length !== k) throw new RangeError(`${what}: row ${i} of X has ${row.length} values, expected ${k}`)
    x[i * p] = 1
    row.forEach((v, j) => {
      if (!Number.isFinite(v)) throw new RangeError(`${what}: X[${i}][${j}] must be a finite number, got ${String(v)}`)
      x[i * p + j + 1] = v
    })
  }
  if (events === 0 || events === n) throw new RangeError(`${what}: every observation has y = ${events === 0 ? 0 : 1}; a logistic model needs both outcomes`)
  return { y: yy, x, p, names: ['(Intercept)', ...(names ?? Array.from({ length: k }, (_, j) => `x${j + 1}`))] }
}

/** The design without column j (for a fit with that coefficient fixed by an offset), and column j. */
export function dropColumn(x: Float64Array, p: number, j: number): { readonly rest: Float64Array; readonly column: Float64Array } {
  const n = x.length / p
  const rest = new Float64Array(n * (p - 1))
  const column = new Float64Array(n)
  for (let i = 0; i < n; i++) {
    let c = 0
    for (let a = 0; a < p; a++) {
      if (a === j) column[i] = x[i * p + a] as number
      else rest[i * (p - 1) + c++] = x[i * p + a] as number
    }
  }
  return { rest, column }
}
