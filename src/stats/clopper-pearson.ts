/**
 * Exact (Clopper–Pearson) confidence interval for a binomial proportion, as R's
 * binom.test(x, n, conf.level)$conf.int: the lower limit solves P(X ≥ x; p) = α, the upper limit
 * P(X ≤ x; p) = α (α = (1 − level)/2 two-sided), 0 when x = 0 and 1 when x = n. R states these as
 * qbeta(α, x, n−x+1) and qbeta(1−α, x+1, n−x); the binomial-sum form is the same function and lets us
 * solve in whichever of p or 1 − p is small, so neither limit loses digits to the rounding of 1 − p.
 */
import type { Alternative } from './fisher.js'
import { binomialTail } from './binomial-tail.js'
import { logDbinomRaw } from './gamma.js'
import { solveBracketed } from './root.js'

export interface BinomialInterval {
  readonly x: number
  readonly n: number
  /** x / n */
  readonly estimate: number
  readonly lower: number
  readonly upper: number
  readonly confLevel: number
}

/** p with P(X ≥ x; n, p) = alpha, for 0 < x ≤ n (increasing in p). */
function lowerCore(x: number, n: number, alpha: number): number {
  const f = (p: number) => {
    const q = 1 - p
    // d/dp P(X ≥ x) = n · dbinom(x−1; n−1, p): the beta density of the x-th order statistic.
    const slope = p <= 0 || p >= 1 ? 0 : n * Math.exp(logDbinomRaw(x - 1, n - 1, p, q))
    return { value: binomialTail(x, n, p, false, q) - alpha, slope }
  }
  return solveBracketed(f, 0, 1, 4 * Number.EPSILON, 1e-300).root
}

/** p with P(X ≤ x; n, p) = alpha, for 0 ≤ x < n, by symmetry: 1 − lowerCore(n − x). */
function upperLimit(x: number, n: number, alpha: number): number {
  if (x === n) return 1
  if (x < n / 2) {
    const f = (p: number) => {
      const q = 1 - p
      const slope = p <= 0 || p >= 1 ? 0 : n * Math.exp(logDbinomRaw(x, n - 1, p, q))
      return { value: alpha - binomialTail(x, n, p, true, q), slope }
    }
    return solveBracketed(f, 0, 1, 4 * Number.EPSILON, 1e-300).root
  }
  return 1 - lowerCore(n - x, n, alpha)
}

function lowerLimit(x: number, n: number, alpha: number): number {
  if (x === 0) return 0
  if (x <= n / 2) return lowerCore(x, n, alpha)
  return 1 - upperLimit(n - x, n, alpha)
}

export function clopperPearson(x: number, n: number, confLevel = 0.95, alternative: Alternative = 'two-sided'): BinomialInterval {
  if (!Number.isSafeInteger(n) || n < 1) throw new RangeError(`clopperPearson: n must be a positive integer, got ${n}`)
  if (!Number.isSafeInteger(x) || x < 0 || x > n) throw new RangeError(`clopperPearson: x must be an integer in 0..n, got ${x}`)
  if (!(confLevel > 0 && confLevel < 1)) throw new RangeError(`clopperPearson: confLevel must be in (0, 1), got ${confLevel}`)
  let lower: number
  let upper: number
  if (alternative === 'less') {
    lower = 0
    upper = upperLimit(x, n, 1 - confLevel)
  } else if (alternative === 'greater') {
    lower = lowerLimit(x, n, 1 - confLevel)
    upper = 1
  } else {
    const alpha = (1 - confLevel) / 2
    lower = lowerLimit(x, n, alpha)
    upper = upperLimit(x, n, alpha)
  }
  return { x, n, estimate: x / n, lower, upper, confLevel }
}
