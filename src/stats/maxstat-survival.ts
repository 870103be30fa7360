/**
 * Maximally selected log-rank statistic for a data-driven cut-point of a continuous marker, as R's
 * maxstat.test(Surv(time, status) ~ x, smethod = "LogRank", pmethod = "Lau94") (maxstat 0.7):
 * log-rank scores a_i = δ_i − Σ_{j: t_j ≤ t_i} δ_j/(N − r_j + 1) with r the "max" rank of the
 * time (exactRankTests::cscores.Surv); for every candidate cut, the standardised sum of the scores
 * of the samples with x ≤ cut (the linear rank statistic with its permutation variance); M is the
 * largest |statistic| among cuts leaving between ⌊N·minprop⌋ (at least 1) and ⌊N·maxprop⌋ samples
 * below; the cut-point is the x value of the first cut reaching M (samples with x ≤ cutpoint form
 * the low group). The p-value is Lausen, Sauerbrei & Schumacher's (1994) improved Bonferroni bound,
 * which corrects for having picked the best cut; it is an upper bound and may exceed 1 (R returns
 * it unclipped; so do we).
 *
 * pmethod = "exactGauss" (option `pmethod`) is the exact limiting Gaussian law of M instead
 * (max-gauss.ts): R computes it with a randomised integral (mvtnorm::pmvnorm, error ≈ 1e-3); we
 * compute the same probability deterministically, to ~1e-9.
 * The result is exploratory: the cut was chosen on these data.
 */
import { maxGaussP } from './max-gauss.js'
import { pnorm } from './normal.js'
import { type EventFlag, survivalData } from './survival-input.js'

export interface MaxstatOptions {
  readonly minprop?: number | undefined
  readonly maxprop?: number | undefined
  /** R's pmethod: "Lau94" (default, Lausen 1994 bound) or "exactGauss" (max-gauss.ts). */
  readonly pmethod?: MaxstatPMethod | undefined
}

export type MaxstatPMethod = 'Lau94' | 'exactGauss'
export const MAXSTAT_PMETHODS: readonly MaxstatPMethod[] = ['Lau94', 'exactGauss']

export interface MaxstatCut {
  readonly cutpoint: number
  /** samples with x ≤ cutpoint */
  readonly below: number
  readonly statistic: number
}

export interface MaxstatResult {
  /** samples with x ≤ cutpoint form the low group */
  readonly cutpoint: number
  /** maximally selected standardised log-rank statistic M */
  readonly statistic: number
  /** Lausen 1994 corrected p (an upper bound; may exceed 1 as in R), or the exactGauss p */
  readonly p: number
  readonly below: number
  readonly above: number
  readonly n: number
  readonly cuts: readonly MaxstatCut[]
  readonly method: string
}

/** exactRankTests::cscores.Surv log-rank scores, in input order. */
export function logRankScores(time: Float64Array, event: Uint8Array): Float64Array {
  const n = time.length
  const order = Array.from({ length: n }, (_, i) => i).sort((a, b) => (time[a] as number) - (time[b] as number) || a - b)
  // "max" rank: position (1-based) of the last sample with the same time in sorted order.
  const maxRank = new Int32Array(n)
  for (let k = n - 1; k >= 0; k--) {
    const i = order[k] as number
    const next = order[k + 1]
    maxRank[i] = next !== undefined && time[next] === time[i] ? (maxRank[next] as number) : k + 1
  }
  const cumulative = new Float64Array(n)
  let s = 0
  for (let k = 0; k < n; k++) {
    const i = order[k] as number
    s += (event[i] as number) / (n - (maxRank[i] as number) + 1)
    cumulative[k] = s
  }
  return Float64Array.from({ length: n }, (_, i) => (event[i] as number) - (cumulative[(maxRank[i] as number) - 1] as number))
}

/** Lausen, Sauerbrei & Schumacher (1994) bound, as maxstat's pLausen94. */
export function pLausen94(b: number, n: number, below: readonly number[]): number {
  let d = 0
  for (let k = 0; k + 1 < below.length; k++) {
    const m1 = below[k] as number
    const m2 = below[k + 1] as number
    const t = Math.sqrt(1 - (m1 * (n - m2)) / ((n - m1) * m2))
    d += (1 / Math.PI) * Math.exp((-b * b) / 2) * (t - ((b * b) / 4 - 1) * (t * t * t) / 6)
  }
  return 1 - (pnorm(b) - pnorm(-b)) + d
}

export function maxstatSurvival(time: readonly number[], status: readonly EventFlag[], x: readonly number[], options: MaxstatOptions = {}): MaxstatResult {
  const minprop = options.minprop ?? 0.1
  const maxprop = options.maxprop ?? 0.9
  if (!(minprop >= 0 && maxprop <= 1 && minprop <= maxprop)) throw new RangeError(`maxstatSurvival: minprop ${minprop} and maxprop ${maxprop} must satisfy 0 ≤ minprop ≤ maxprop ≤ 1`)
  const data = survivalData(time, status, 'maxstatSurvival')
  const n = data.time.length
  if (x.length !== n) throw new RangeError(`maxstatSurvival: x has ${x.length} values but time has ${n}`)
  x.forEach((v, i) => {
    if (!Number.isFinite(v)) throw new RangeError(`maxstatSurvival: x[${i}] must be a finite number, got ${String(v)}`)
  })
  if (!data.event.includes(1)) throw new RangeError('maxstatSurvival: no events (every time is censored): the log-rank statistic is undefined')
  const scores = logRankScores(data.time, data.event)
  const order = Array.from({ length: n }, (_, i) => i).sort((a, b) => (x[a] as number) - (x[b] as number) || a - b)
  const ys = order.map((i) => scores[i] as number)
  const xs = order.map((i) => x[i] as number)
  // candidate m: samples strictly below each distinct value, i.e. the cut after position m
  let candidates: number[] = []
  xs.forEach((v, k) => {
    if (k === 0 || v !== xs[k - 1]) candidates.push(k)
  })
  // R drops the first and the last candidate here (meaning, it seems, the empty cut and the full
  // one; but the full one is never a candidate, so the cut below the largest value goes too). We
  // follow R, so the same data give the same cut-point.
  if (minprop === 0 && maxprop === 1) candidates = candidates.slice(1, -1)
  else {
    const lo = Math.max(1, Math.floor(n * minprop))
    const hi = Math.floor(n * maxprop)
    candidates = candidates.filter((m) => m >= lo && m <= hi)
  }
  if (candidates.length === 0) throw new RangeError(`maxstatSurvival: no cut leaves between ${minprop} and ${maxprop} of the ${n} samples on each side (too few distinct values of x)`)
  let ss = 0
  let ss2 = 0
  for (const y of ys) {
    ss += y
    ss2 += y * y
  }
  const cum: number[] = []
  let c = 0
  for (const y of ys) cum.push((c += y))
  const cuts = candidates.map((m): MaxstatCut => {
    const e = (m / n) * ss
    const v = ((m * (n - m)) / (n * n * (n - 1))) * (n * ss2 - ss * ss)
    return { cutpoint: xs[m - 1] as number, below: m, statistic: Math.abs(((cum[m - 1] as number) - e) / Math.sqrt(v)) }
  })
  let best = cuts[0] as MaxstatCut
  for (const cut of cuts) if (cut.statistic > best.statistic) best = cut
  const exact = options.pmethod === 'exactGauss'
  return {
    cutpoint: best.cutpoint,
    statistic: best.statistic,
    p: exact ? maxGaussP(best.statistic, n, candidates) : pLausen94(best.statistic, n, candidates),
    below: best.below,
    above: n - best.below,
    n,
    cuts,
    method: exact
      ? 'maximally selected log-rank statistic, exactGauss p (its exact limiting Gaussian law, Hothorn & Lausen 2003; exploratory: the cut-point was chosen on these data)'
      : 'maximally selected log-rank statistic, Lausen (1994) corrected p (exploratory: the cut-point was chosen on these data)',
  }
}
