/**
 * Binomial tail probabilities P(X ≤ k) and P(X ≥ k) for X ~ Bin(n, p), summed term by term from k
 * away from the mode until the terms stop mattering. Each term is Loader's density with p and
 * q = 1 − p passed separately, so a q of 5e-6 given exactly is never rounded through 1 − p. The
 * tail on the far side of the mode is computed as 1 − the near side. Cost O(√(n·p·q)·40) terms.
 */
import { logDbinomRaw } from './gamma.js'

/**
 * Sum of exp(logDbinomRaw(j)) for j = from, from+step, … while terms are ≥ eps·sum. Terms after the
 * first come from the ratio of neighbours, dbinom(j+1)/dbinom(j) = (n−j)/(j+1) · p/q, re-anchored
 * on Loader's exact density every 16 terms, so rounding never builds up past ~16 ulps of a term
 * (the sum is dominated by its first terms; CIs still agree with R to 1e-12, see
 * test/stats/distributions.test.ts); each exact term costs an exp, a log-gamma correction and bd0,
 * the ratio two multiplications.
 */
function sumOutward(from: number, to: number, step: 1 | -1, n: number, p: number, q: number): number {
  const exactEveryTerm = p <= 0 || q <= 0
  const up = p / q
  const down = q / p
  let sum = 0
  let t = 0
  let k = 0
  for (let j = from; step > 0 ? j <= to : j >= to; j += step, k++) {
    t = exactEveryTerm || (k & 15) === 0 ? Math.exp(logDbinomRaw(j, n, p, q)) : step > 0 ? t * ((n - j + 1) / j) * up : t * ((j + 1) / (n - j)) * down
    sum += t
    // Moving away from the mode the terms fall at least geometrically, so once one is below
    // 1e-17·sum the rest cannot change the sum (a 0 term means all later ones underflow too).
    if (t <= sum * 1e-17) break
  }
  return sum
}

/** P(X ≤ k) (lower = true) or P(X ≥ k) (lower = false); q defaults to 1 − p. */
export function binomialTail(k: number, n: number, p: number, lower: boolean, q: number = 1 - p): number {
  if (lower ? k < 0 : k > n) return 0
  if (lower ? k >= n : k <= 0) return 1
  const mode = Math.floor((n + 1) * p)
  // Near tail: the one that does not contain the mode, summed from k outward.
  if (lower) {
    if (k < mode) return Math.min(1, sumOutward(k, 0, -1, n, p, q))
    return Math.max(0, 1 - sumOutward(k + 1, n, 1, n, p, q))
  }
  if (k > mode) return Math.min(1, sumOutward(k, n, 1, n, p, q))
  return Math.max(0, 1 - sumOutward(k - 1, 0, -1, n, p, q))
}
