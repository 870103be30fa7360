/**
 * The Poisson-binomial distribution: the number of successes among independent trials with
 * probabilities q_1..q_n. Built by convolving one trial at a time, P_k ← P_k(1 − q) + P_{k−1}q,
 * which adds only non-negative terms, so every probability (and tail summed from its own end) is
 * accurate to a few ulps relative even when it is 1e-300: what a p-value needs. O(n·K) time with K
 * the largest count with any mass (trials with q = 0 add nothing, q = 1 shift the support).
 * DISCOVER uses a characteristic-function (DFT) method instead, faster but with absolute error
 * ~1e-15, which cannot resolve small tails.
 */

export interface PoissonBinomial {
  /** smallest possible count (trials with q = 1) */
  readonly lo: number
  /** P(T = lo + k), k = 0.. */
  readonly probabilities: Float64Array
}

export function poissonBinomial(q: ArrayLike<number>): PoissonBinomial {
  let lo = 0
  const uncertain: number[] = []
  for (let i = 0; i < q.length; i++) {
    const v = q[i] as number
    if (!(v >= 0 && v <= 1)) throw new RangeError(`poissonBinomial: q[${i}] must be a probability, got ${String(v)}`)
    if (v === 1) lo++
    else if (v > 0) uncertain.push(v)
  }
  const pr = new Float64Array(uncertain.length + 1)
  pr[0] = 1
  uncertain.forEach((v, i) => {
    for (let k = i + 1; k >= 1; k--) pr[k] = (pr[k] as number) * (1 - v) + (pr[k - 1] as number) * v
    pr[0] = (pr[0] as number) * (1 - v)
  })
  return { lo, probabilities: pr }
}

/** P(T ≤ t) and P(T ≥ t), each summed from its own end of the support. */
export function poissonBinomialTails(dist: PoissonBinomial, t: number): { readonly lower: number; readonly upper: number } {
  const { lo, probabilities: pr } = dist
  let lower = 0
  for (let k = 0; k < pr.length && lo + k <= t; k++) lower += pr[k] as number
  let upper = 0
  for (let k = pr.length - 1; k >= 0 && lo + k >= t; k--) upper += pr[k] as number
  return { lower: Math.min(1, lower), upper: Math.min(1, upper) }
}
