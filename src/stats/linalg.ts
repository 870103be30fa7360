/**
 * Tiny dense linear algebra for Cox and log-rank (a handful of covariates or groups): symmetric
 * positive (semi)definite solve and inverse by Cholesky with R's rule for singular directions
 * (survival's cholesky2: pivots below toler·(largest diagonal) are treated as 0 and those
 * coordinates get 0 in the solution and inverse).
 */

export type Matrix = number[][]

export function zeros(n: number, m = n): Matrix {
  return Array.from({ length: n }, () => new Array<number>(m).fill(0))
}

function at(a: Matrix, i: number, j: number): number {
  return a[i]?.[j] ?? 0
}

function set(a: Matrix, i: number, j: number, v: number): void {
  const row = a[i]
  if (row) row[j] = v
}

export interface Cholesky {
  /** LDLᵀ packed: unit-lower L below the diagonal, D on it. */
  readonly factor: Matrix
  /** Number of non-singular pivots. */
  readonly rank: number
  readonly singular: readonly boolean[]
}

/** LDLᵀ factorisation in the style of survival's cholesky2 (toler relative to the largest pivot). */
export function cholesky(a: Matrix, toler = Number.EPSILON ** 0.75): Cholesky {
  const n = a.length
  const f = a.map((r) => [...r])
  let eps = 0
  for (let i = 0; i < n; i++) eps = Math.max(eps, Math.abs(at(f, i, i)))
  eps = eps === 0 ? toler : eps * toler
  const singular: boolean[] = new Array<boolean>(n).fill(false)
  let rank = 0
  for (let i = 0; i < n; i++) {
    const pivot = at(f, i, i)
    if (!Number.isFinite(pivot) || pivot < eps) {
      set(f, i, i, 0)
      singular[i] = true
      continue
    }
    rank++
    for (let j = i + 1; j < n; j++) {
      const temp = at(f, j, i) / pivot
      set(f, j, i, temp)
      set(f, j, j, at(f, j, j) - temp * temp * pivot)
      for (let k = j + 1; k < n; k++) set(f, k, j, at(f, k, j) - temp * at(f, k, i))
    }
  }
  return { factor: f, rank, singular }
}

/** Solve A x = b using the factorisation; singular coordinates get 0. */
export function choleskySolve(ch: Cholesky, b: readonly number[]): number[] {
  const n = b.length
  const f = ch.factor
  const x = [...b]
  for (let i = 0; i < n; i++) {
    let t = x[i] ?? 0
    for (let j = 0; j < i; j++) t -= at(f, i, j) * (x[j] ?? 0)
    x[i] = t
  }
  for (let i = n - 1; i >= 0; i--) {
    const d = at(f, i, i)
    if (d === 0) {
      x[i] = 0
      continue
    }
    let t = (x[i] ?? 0) / d
    for (let j = i + 1; j < n; j++) t -= at(f, j, i) * (x[j] ?? 0)
    x[i] = t
  }
  return x
}

/** Inverse (generalised: rows/columns of singular pivots are 0), column by column. */
export function choleskyInverse(ch: Cholesky): Matrix {
  const n = ch.factor.length
  const inv = zeros(n)
  for (let c = 0; c < n; c++) {
    const e = new Array<number>(n).fill(0)
    e[c] = 1
    const col = choleskySolve(ch, e)
    for (let r = 0; r < n; r++) set(inv, r, c, ch.singular[r] || ch.singular[c] ? 0 : (col[r] ?? 0))
  }
  return inv
}

export function quadraticForm(v: readonly number[], m: Matrix): number {
  let s = 0
  for (let i = 0; i < v.length; i++) for (let j = 0; j < v.length; j++) s += (v[i] ?? 0) * at(m, i, j) * (v[j] ?? 0)
  return s
}
