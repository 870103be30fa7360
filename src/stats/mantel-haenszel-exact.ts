/**
 * Exact conditional test of a common odds ratio across 2×2 strata, as R's
 * mantelhaen.test(x, exact = TRUE) on a 2×2×K array: S = Σ a_k given every stratum's margins has
 * the convolution of the strata's central hypergeometric distributions; the conditional MLE of
 * the common OR solves E_ψ[S] = s, the interval inverts the two tails, and the two-sided p sums
 * the null probabilities ≤ P(S = s)·(1 + 1e-7) (R's tolerance for ties in the distribution).
 *
 * Everything is in log space (each stratum from noncentral-hypergeometric.ts's recurrence,
 * convolved by log-sum-exp), so large strata do not underflow where R's linear d2x2xk would.
 * R solves the estimate and bounds with uniroot's default tolerance (≈1e-4 on ψ or 1/ψ); ours are
 * solved to ~1e-15 (see root.ts), so R agrees only to its tolerance.
 *
 * A table is { a, b, c, d } = [[a, b], [c, d]], rows exposure, columns outcome, as fisherExact.
 * O(K·S²) for the convolution with S the support of the sum.
 */
import type { Alternative } from './fisher.js'
import { sharedLogFactorials } from './log-factorial.js'
import { NoncentralHypergeometric, logSumExp } from './noncentral-hypergeometric.js'
import { bracketIncreasing, solveBracketed } from './root.js'

export interface Table2x2 {
  readonly a: number
  readonly b: number
  readonly c: number
  readonly d: number
}

export interface MantelHaenszelExactResult {
  /** observed S = Σ a */
  readonly s: number
  /** conditional MLE of the common odds ratio */
  readonly or: number
  readonly orLower: number
  readonly orUpper: number
  readonly p: number
  readonly strata: number
  readonly method: string
}

export interface MantelHaenszelOptions {
  readonly alternative?: Alternative | undefined
  readonly confLevel?: number | undefined
}

const LOG_REL_ERR = Math.log1p(1e-7)

function convolve(tables: readonly Table2x2[]): { lo: number; logd: Float64Array } {
  let lo = 0
  let logd = new Float64Array([0])
  tables.forEach((t, k) => {
    for (const [name, v] of Object.entries(t)) {
      if (!Number.isSafeInteger(v) || v < 0) throw new RangeError(`mantelHaenszelExact: stratum ${k + 1}: ${name} must be a non-negative integer, got ${String(v)}`)
    }
    if (t.a + t.b + t.c + t.d < 2) throw new RangeError(`mantelHaenszelExact: stratum ${k + 1} has fewer than 2 observations (R: sample size in each stratum must be > 1)`)
    const h = new NoncentralHypergeometric(t.a + t.c, t.b + t.d, t.a + t.b, sharedLogFactorials)
    const next = new Float64Array(logd.length + h.logd.length - 1).fill(-Infinity)
    const terms = new Float64Array(Math.min(logd.length, h.logd.length))
    for (let s = 0; s < next.length; s++) {
      let count = 0
      for (let i = Math.max(0, s - h.logd.length + 1); i <= Math.min(s, logd.length - 1); i++) terms[count++] = (logd[i] as number) + (h.logd[s - i] as number)
      next[s] = logSumExp(terms.subarray(0, count))
    }
    const total = logSumExp(next)
    logd = next.map((v) => v - total)
    lo += h.lo
  })
  return { lo, logd }
}

/** log P_θ(S in the selected part) and its θ-derivative E[S | part] − E[S]. */
function logProbability(lo: number, logd: Float64Array, theta: number, select: (s: number) => boolean): { logP: number; slope: number; mean: number; variance: number } {
  const levels = logd.map((v, j) => v + theta * (lo + j))
  const top = Math.max(...levels)
  let all0 = 0, all1 = 0, all2 = 0, part0 = 0, part1 = 0
  levels.forEach((v, j) => {
    const w = Math.exp(v - top)
    const s = lo + j
    all0 += w
    all1 += w * s
    all2 += w * s * s
    if (select(s)) {
      part0 += w
      part1 += w * s
    }
  })
  const mean = all1 / all0
  return { logP: Math.log(part0) - Math.log(all0), slope: part1 / part0 - mean, mean, variance: Math.max(0, all2 / all0 - mean * mean) }
}

function solveTheta(f: (theta: number) => { value: number; slope: number }): number {
  const bracket = bracketIncreasing((t) => f(t).value, 0, 1, 1e5)
  if (bracket === undefined) throw new Error('mantelHaenszelExact: could not bracket the odds ratio (please report)')
  if (bracket[0] === bracket[1]) return bracket[0]
  return solveBracketed(f, bracket[0], bracket[1]).root
}

export function mantelHaenszelExact(tables: readonly Table2x2[], options: MantelHaenszelOptions = {}): MantelHaenszelExactResult {
  if (tables.length < 2) throw new RangeError(`mantelHaenszelExact: need at least 2 strata, got ${tables.length} (R: each dimension in table must be >= 2); one stratum is fisherExact`)
  const alternative = options.alternative ?? 'two-sided'
  const confLevel = options.confLevel ?? 0.95
  const { lo, logd } = convolve(tables)
  const hi = lo + logd.length - 1
  const s = tables.reduce((acc, t) => acc + t.a, 0)
  const at = (theta: number, select: (v: number) => boolean) => logProbability(lo, logd, theta, select)

  let p: number
  if (alternative === 'less') p = Math.exp(at(0, (v) => v <= s).logP)
  else if (alternative === 'greater') p = Math.exp(at(0, (v) => v >= s).logP)
  else {
    const cutoff = (logd[s - lo] as number) + LOG_REL_ERR
    p = Math.min(1, Math.exp(logSumExp(logd, (j) => (logd[j] as number) <= cutoff)))
  }
  const or = s === lo ? 0 : s === hi ? Infinity : Math.exp(solveTheta((t) => { const r = at(t, () => true); return { value: r.mean - s, slope: r.variance } }))
  const upper = (alpha: number) => (s === hi ? Infinity : Math.exp(solveTheta((t) => { const r = at(t, (v) => v <= s); return { value: Math.log(alpha) - r.logP, slope: -r.slope } })))
  const lower = (alpha: number) => (s === lo ? 0 : Math.exp(solveTheta((t) => { const r = at(t, (v) => v >= s); return { value: r.logP - Math.log(alpha), slope: r.slope } })))
  const [orLower, orUpper] =
    alternative === 'less' ? [0, upper(1 - confLevel)] : alternative === 'greater' ? [lower(1 - confLevel), Infinity] : [lower((1 - confLevel) / 2), upper((1 - confLevel) / 2)]
  return { s, or, orLower, orUpper, p, strata: tables.length, method: 'Exact conditional test of independence in 2 x 2 x k tables' }
}
