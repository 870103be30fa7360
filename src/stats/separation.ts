/**
 * Detection of complete or quasi-complete separation in a logistic regression, by the linear
 * program of Konis (2007), as R's detectseparation::detect_separation: with s_i = 2y_i − 1,
 *   maximise Σ_i s_i x_iᵀb  subject to  s_i x_iᵀb ≥ 0 for every i,  −1 ≤ b_j ≤ 1.
 * b = 0 is feasible with objective 0; the maximum is positive exactly when some direction b
 * separates the outcomes, and then the maximum likelihood estimate does not exist: the
 * coefficients with b_j ≠ 0 run to ±∞ (sign of b_j). Solved by a dense simplex with Bland's rule
 * (the problem is degenerate at the origin, and Bland's rule cannot cycle). The tableau is
 * (n + 2p) × (n + 4p): fine for cohorts of thousands and a few dozen columns.
 */

export interface Separation {
  readonly separated: boolean
  /** Per column: +1 / −1 when the coefficient runs to +∞ / −∞, 0 when finite. */
  readonly direction: readonly (-1 | 0 | 1)[]
}

/** Largest number of distinct (y, x) rows the dense tableau is built for (~1e7 doubles, 80 MB). */
export const SEPARATION_LP_LIMIT = 3000

/**
 * x row-major n × p (intercept included); y 0/1. Identical (y, x) rows give identical
 * constraints, so the LP is built over distinct rows (the objective weighted by their count):
 * a few factor columns make a handful of rows whatever n is.
 */
export function detectSeparation(y: Uint8Array, x: Float64Array, p: number): Separation {
  const distinct = new Map<string, { y: number; row: number; count: number }>()
  for (let i = 0; i < y.length; i++) {
    const key = `${y[i] ?? 0}|${Array.from(x.subarray(i * p, (i + 1) * p)).join(',')}`
    const hit = distinct.get(key)
    if (hit) hit.count++
    else distinct.set(key, { y: y[i] ?? 0, row: i, count: 1 })
  }
  const rows = [...distinct.values()]
  if (rows.length > SEPARATION_LP_LIMIT) {
    throw new RangeError(`detectSeparation: ${rows.length} distinct rows exceed the ${SEPARATION_LP_LIMIT} the dense linear program is built for`)
  }
  const yy = Uint8Array.from(rows, (r) => r.y)
  const xx = new Float64Array(rows.length * p)
  rows.forEach((r, k) => xx.set(x.subarray(r.row * p, (r.row + 1) * p), k * p))
  return separationProgram(yy, xx, p, Float64Array.from(rows, (r) => r.count))
}

function separationProgram(y: Uint8Array, x: Float64Array, p: number, weight: Float64Array): Separation {
  const n = y.length
  const nv = 2 * p // u then v, b = u − v
  const m = n + 2 * p
  const cols = nv + m + 1 // variables, slacks, rhs
  const t = new Float64Array((m + 1) * cols) // last row: objective (reduced costs, negated)
  const basis = new Int32Array(m)
  let scale = 0
  for (let i = 0; i < n; i++) {
    const s = y[i] === 1 ? 1 : -1
    for (let j = 0; j < p; j++) {
      const a = -s * (x[i * p + j] as number) // −s x_iᵀ(u − v) ≤ 0
      t[i * cols + j] = a
      t[i * cols + p + j] = -a
      const wa = (weight[i] as number) * a
      t[m * cols + j] = (t[m * cols + j] as number) + wa // objective row holds −c: c_j = Σ s x_ij = −Σ a
      t[m * cols + p + j] = (t[m * cols + p + j] as number) - wa
      scale = Math.max(scale, Math.abs(a))
    }
  }
  for (let k = 0; k < nv; k++) {
    const r = n + k
    t[r * cols + k] = 1
    t[r * cols + cols - 1] = 1
  }
  for (let r = 0; r < m; r++) {
    t[r * cols + nv + r] = 1
    basis[r] = nv + r
  }
  const tol = 1e-9 * Math.max(1, scale)
  for (let iter = 0; iter < 50 * (m + nv); iter++) {
    // Bland: the lowest-index column that improves the objective enters.
    let enter = -1
    for (let c = 0; c < cols - 1; c++) {
      if ((t[m * cols + c] as number) < -tol) {
        enter = c
        break
      }
    }
    if (enter < 0) break
    let leave = -1
    let best = Infinity
    for (let r = 0; r < m; r++) {
      const a = t[r * cols + enter] as number
      if (a > tol) {
        const ratio = (t[r * cols + cols - 1] as number) / a
        if (ratio < best - 1e-12 || (Math.abs(ratio - best) <= 1e-12 && leave >= 0 && (basis[r] as number) < (basis[leave] as number))) {
          best = ratio
          leave = r
        }
      }
    }
    if (leave < 0) break // unbounded cannot happen (the box bounds b); stop defensively
    const pv = t[leave * cols + enter] as number
    for (let c = 0; c < cols; c++) t[leave * cols + c] = (t[leave * cols + c] as number) / pv
    for (let r = 0; r <= m; r++) {
      if (r === leave) continue
      const f = t[r * cols + enter] as number
      if (f === 0) continue
      for (let c = 0; c < cols; c++) t[r * cols + c] = (t[r * cols + c] as number) - f * (t[leave * cols + c] as number)
    }
    basis[leave] = enter
  }
  const w = new Float64Array(nv)
  for (let r = 0; r < m; r++) if ((basis[r] as number) < nv) w[basis[r] as number] = t[r * cols + cols - 1] as number
  const objective = t[m * cols + cols - 1] as number
  const direction = Array.from({ length: p }, (_, j) => {
    const b = (w[j] as number) - (w[p + j] as number)
    return b > 1e-7 ? 1 : b < -1e-7 ? -1 : 0
  }) as (-1 | 0 | 1)[]
  const separated = objective > tol && direction.some((d) => d !== 0)
  return { separated, direction: separated ? direction : direction.map(() => 0) }
}
