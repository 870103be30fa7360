/**
 * Fisher's exact test for a 2×2 table, numerically identical to R's fisher.test (p-value rule,
 * one-sided tails, conditional MLE odds ratio and its exact confidence interval), except that the
 * estimate and interval are solved to ~1e-15 relative in log-odds space instead of R's uniroot
 * tolerance of 1.2e-4 (absolute, in R's search variable).
 *
 * Table layout: [[a, b], [c, d]]. Callers put altered / wild-type in rows and responder /
 * non-responder in columns; the test itself is symmetric in that choice up to the direction of
 * one-sided alternatives (which refer to the odds ratio ad/bc).
 */
import type { LogFactorialTable } from './log-factorial.js'
import { sharedLogFactorials } from './log-factorial.js'
import { logSumExp, NoncentralHypergeometric } from './noncentral-hypergeometric.js'
import { bracketIncreasing, solveBracketed } from './root.js'

export type Alternative = 'two-sided' | 'less' | 'greater'

export const ALTERNATIVES: readonly Alternative[] = ['two-sided', 'less', 'greater']

export interface FisherOptions {
  readonly alternative?: Alternative | undefined
  /** Confidence level of the interval, in (0, 1); default 0.95. */
  readonly confLevel?: number | undefined
  /** Share one table across many tests (a scan); defaults to a process-wide table. */
  readonly table?: LogFactorialTable | undefined
}

export interface FisherResult {
  readonly a: number
  readonly b: number
  readonly c: number
  readonly d: number
  readonly alternative: Alternative
  /** p-value in [0, 1]; 0 only when the true value is below the smallest double (~5e-324). */
  readonly p: number
  /** Conditional maximum-likelihood odds ratio (R's $estimate); 0 or Infinity at the support ends. */
  readonly oddsRatio: number
  /** Exact conditional CI for the odds ratio: [0, hi] for 'less', [lo, Infinity] for 'greater'. */
  readonly ci: readonly [number, number]
  readonly confLevel: number
  /** ad/bc: Infinity when bc = 0 < ad, 0 when ad = 0 < bc, NaN when ad = bc = 0 (undefined). */
  readonly sampleOddsRatio: number
  /** Haldane–Anscombe corrected (a+½)(d+½)/((b+½)(c+½)); always finite and positive. */
  readonly haldaneOddsRatio: number
  readonly method: string
}

/** R's relErr: tables whose probability is within a factor 1 + 1e-7 of the observed one count as ties. */
const LOG_REL_ERR = Math.log1p(1e-7)

const METHOD: Readonly<Record<Alternative, string>> = {
  'two-sided': "Fisher's exact test (two-sided, R rule)",
  less: "Fisher's exact test (one-sided, alternative: odds ratio < 1)",
  greater: "Fisher's exact test (one-sided, alternative: odds ratio > 1)",
}

function checkCount(name: string, v: number): void {
  if (!Number.isSafeInteger(v) || v < 0) throw new RangeError(`fisherExact: ${name} must be a non-negative integer, got ${v}`)
}

function distribution(a: number, b: number, c: number, d: number, table: LogFactorialTable): NoncentralHypergeometric {
  for (const [name, v] of [['a', a], ['b', b], ['c', c], ['d', d]] as const) checkCount(name, v)
  return new NoncentralHypergeometric(a + c, b + d, a + b, table)
}

function pValue(dist: NoncentralHypergeometric, x: number, alternative: Alternative): number {
  if (alternative === 'less') return Math.exp(dist.logTail(x, 0, false).logP)
  if (alternative === 'greater') return Math.exp(dist.logTail(x, 0, true).logP)
  const logd = dist.logd
  const cutoff = (logd[x - dist.lo] ?? 0) + LOG_REL_ERR
  const logP = logSumExp(logd, (j) => (logd[j] ?? 0) <= cutoff) - logSumExp(logd)
  return Math.min(1, Math.exp(logP))
}

/** p-value only (no estimate or interval): the fast path for scans. */
export function fisherPValue(
  a: number,
  b: number,
  c: number,
  d: number,
  alternative: Alternative = 'two-sided',
  table: LogFactorialTable = sharedLogFactorials,
): number {
  return pValue(distribution(a, b, c, d, table), a, alternative)
}

function solveTheta(f: (theta: number) => { value: number; slope: number }): number {
  const bracket = bracketIncreasing((t) => f(t).value, 0, 1, 1e5)
  if (bracket === undefined) throw new Error('fisherExact: could not bracket the odds ratio (please report)')
  if (bracket[0] === bracket[1]) return bracket[0]
  return solveBracketed(f, bracket[0], bracket[1]).root
}

/** Conditional MLE: the θ with E[X; θ] = x (R's mle()). */
function conditionalMle(dist: NoncentralHypergeometric, x: number): number {
  if (x === dist.lo) return 0
  if (x === dist.hi) return Infinity
  return Math.exp(
    solveTheta((t) => {
      const r = dist.meanMinus(x, t)
      return { value: r.value, slope: r.variance }
    }),
  )
}

/** Upper limit: P(X ≤ x; ψ) = alpha (R's ncp.U). */
function upperLimit(dist: NoncentralHypergeometric, x: number, alpha: number): number {
  if (x === dist.hi) return Infinity
  const logAlpha = Math.log(alpha)
  return Math.exp(
    solveTheta((t) => {
      const r = dist.logTail(x, t, false)
      return { value: logAlpha - r.logP, slope: -r.slope }
    }),
  )
}

/** Lower limit: P(X ≥ x; ψ) = alpha (R's ncp.L). */
function lowerLimit(dist: NoncentralHypergeometric, x: number, alpha: number): number {
  if (x === dist.lo) return 0
  const logAlpha = Math.log(alpha)
  return Math.exp(
    solveTheta((t) => {
      const r = dist.logTail(x, t, true)
      return { value: r.logP - logAlpha, slope: r.slope }
    }),
  )
}

export function sampleOddsRatio(a: number, b: number, c: number, d: number): number {
  const num = a * d
  const den = b * c
  if (den === 0) return num === 0 ? NaN : Infinity
  return num / den
}

/** Fisher's exact test on [[a, b], [c, d]] with R's semantics (see file comment). */
export function fisherExact(a: number, b: number, c: number, d: number, options: FisherOptions = {}): FisherResult {
  const alternative = options.alternative ?? 'two-sided'
  const confLevel = options.confLevel ?? 0.95
  if (!(confLevel > 0 && confLevel < 1)) throw new RangeError(`fisherExact: confLevel must be in (0, 1), got ${confLevel}`)
  const dist = distribution(a, b, c, d, options.table ?? sharedLogFactorials)
  const p = pValue(dist, a, alternative)
  let ci: readonly [number, number]
  if (alternative === 'less') ci = [0, upperLimit(dist, a, 1 - confLevel)]
  else if (alternative === 'greater') ci = [lowerLimit(dist, a, 1 - confLevel), Infinity]
  else {
    const alpha = (1 - confLevel) / 2
    ci = [lowerLimit(dist, a, alpha), upperLimit(dist, a, alpha)]
  }
  return {
    a,
    b,
    c,
    d,
    alternative,
    p,
    oddsRatio: conditionalMle(dist, a),
    ci,
    confLevel,
    sampleOddsRatio: sampleOddsRatio(a, b, c, d),
    haldaneOddsRatio: ((a + 0.5) * (d + 0.5)) / ((b + 0.5) * (c + 0.5)),
    method: METHOD[alternative],
  }
}
