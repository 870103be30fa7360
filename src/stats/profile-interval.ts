/**
 * Profile-likelihood confidence bounds for one coefficient: the values b where the profile
 * deviance D(b) (the deviance minimised over the other coefficients with this one fixed at b)
 * exceeds its minimum by the χ²₁ quantile. Root-found with Newton/bisection (root.ts) on
 * g(b) = D(b) − D_min − q using dD/db, which every caller gets from its constrained fit's score;
 * solved to ~1e-10 in b. A side where D(b) never climbs by q within |b − b̂| ≤ `limit` is
 * unbounded (±∞): what a separated coefficient gives on its open side.
 */
import { solveBracketed } from './root.js'

export interface ProfilePoint {
  /** profile deviance at b */
  readonly deviance: number
  /** dD/db at b */
  readonly slope: number
}

/**
 * One bound: walk from `from` (where g < 0) in `direction` by doubling steps until g ≥ 0, then
 * solve. Returns ±∞ when no crossing is found within `limit`.
 */
export function profileBound(
  profile: (b: number) => ProfilePoint,
  target: number,
  from: number,
  step: number,
  direction: 1 | -1,
  limit = 100,
): number {
  const g = (b: number) => {
    const pt = profile(b)
    return { value: pt.deviance - target, slope: pt.slope }
  }
  let inner = from
  let size = Math.max(step, 1e-3)
  let outer = from + direction * size
  for (;;) {
    const v = g(outer).value
    if (v >= 0) break
    if (!Number.isFinite(v) || Math.abs(outer - from) > limit) return direction * Infinity
    inner = outer
    size *= 2
    outer = from + direction * size
  }
  const lo = Math.min(inner, outer)
  const hi = Math.max(inner, outer)
  return solveBracketed(g, lo, hi, 1e-12).root
}
