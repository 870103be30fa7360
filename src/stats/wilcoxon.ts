/**
 * Wilcoxon rank-sum (Mann–Whitney) test with R's wilcox.test(x, y) semantics (R 4.2, mu = 0):
 * W = Σ ranks of x − n_x(n_x+1)/2; exact p when both groups have fewer than 50 values and there
 * are no ties (exact = NULL), otherwise the normal approximation with tie-corrected variance and
 * a continuity correction of ½ towards the null (correct = TRUE). Asking for exact with ties
 * falls back to the normal approximation as R does (R warns; we say so in `method`).
 *
 * Non-finite values are refused rather than dropped (R drops NA silently): the caller counts and
 * reports what it leaves out.
 */
import type { Alternative } from './fisher.js'
import { pnorm } from './normal.js'
import { averageRanks } from './rank.js'

export interface WilcoxonOptions {
  readonly alternative?: Alternative | undefined
  /** undefined = R's default (exact when n_x < 50, n_y < 50 and no ties) */
  readonly exact?: boolean | undefined
  /** continuity correction for the normal approximation (R default true) */
  readonly correct?: boolean | undefined
}

export interface WilcoxonResult {
  /** R's W statistic (Mann–Whitney U of x). */
  readonly w: number
  readonly p: number
  readonly nX: number
  readonly nY: number
  readonly exact: boolean
  /** Whether tied values were present (and the variance corrected for them). */
  readonly ties: boolean
  readonly method: string
  /** Set when the normal approximation has zero variance (every value equal): p is NaN, as in R. */
  readonly warning: string | undefined
}

/**
 * Distribution of W for sizes m, n without ties: counts[w] / C(m+n, m), w = 0..m·n. Built by adding
 * one rank at a time (subset-sum over "chosen k of the first i ranks", shifted so the sum starts at
 * 0): O(m·(m+n)·m·n) additions of positive doubles, ≤ 6e6 for m = n = 49, relative error ~1e-15.
 */
export function wilcoxonDistribution(m: number, n: number): Float64Array {
  const maxW = m * n
  // c[k][s]: number of k-subsets of the ranks seen so far whose (rank − its position among the
  // chosen) sum is s; the shift keeps every s within 0..m·n.
  const c: Float64Array[] = Array.from({ length: m + 1 }, () => new Float64Array(maxW + 1))
  ;(c[0] as Float64Array)[0] = 1
  for (let i = 1; i <= m + n; i++) {
    for (let k = Math.min(i, m); k >= 1; k--) {
      const shift = i - k // rank i chosen as the k-th smallest contributes i − k
      if (shift > n) continue
      const to = c[k] as Float64Array
      const from = c[k - 1] as Float64Array
      for (let s = maxW - shift; s >= 0; s--) {
        const f = from[s] as number
        if (f !== 0) to[s + shift] = (to[s + shift] as number) + f
      }
    }
  }
  const counts = c[m] as Float64Array
  let total = 0
  for (const v of counts) total += v
  return counts.map((v) => v / total)
}

/** P(W ≤ q) from a distribution as above (R's pwilcox(q, m, n)). */
function lowerTail(dist: Float64Array, q: number): number {
  let s = 0
  for (let w = 0; w <= Math.min(q, dist.length - 1); w++) s += dist[w] as number
  return Math.min(1, s)
}

/** P(W ≥ q) (R's pwilcox(q − 1, m, n, lower.tail = FALSE)), summed from the top to keep small tails exact. */
function upperTail(dist: Float64Array, q: number): number {
  let s = 0
  for (let w = dist.length - 1; w >= Math.max(q, 0); w--) s += dist[w] as number
  return Math.min(1, s)
}

function checkGroup(values: readonly number[], name: string): void {
  if (values.length === 0) throw new RangeError(`wilcoxonRankSum: not enough observations in ${name} (need at least 1)`)
  values.forEach((v, i) => {
    if (!Number.isFinite(v)) throw new RangeError(`wilcoxonRankSum: ${name}[${i}] must be a finite number, got ${String(v)}`)
  })
}

export function wilcoxonRankSum(x: readonly number[], y: readonly number[], options: WilcoxonOptions = {}): WilcoxonResult {
  checkGroup(x, 'x')
  checkGroup(y, 'y')
  const alternative = options.alternative ?? 'two-sided'
  const correct = options.correct ?? true
  const nX = x.length
  const nY = y.length
  const { ranks, ties } = averageRanks([...x, ...y])
  let rankSumX = 0
  for (let i = 0; i < nX; i++) rankSumX += ranks[i] as number
  const w = rankSumX - (nX * (nX + 1)) / 2
  const hasTies = ties.length > 0
  const wantExact = options.exact ?? (nX < 50 && nY < 50)
  if (wantExact && !hasTies) {
    const dist = wilcoxonDistribution(nX, nY)
    const p =
      alternative === 'two-sided'
        ? Math.min(1, 2 * (w > (nX * nY) / 2 ? upperTail(dist, w) : lowerTail(dist, w)))
        : alternative === 'greater'
          ? upperTail(dist, w)
          : lowerTail(dist, w)
    return { w, p, nX, nY, exact: true, ties: false, method: 'Wilcoxon rank sum exact test', warning: undefined }
  }
  const n = nX + nY
  const tieSum = ties.reduce((s, t) => s + t * t * t - t, 0)
  const sigma = Math.sqrt(((nX * nY) / 12) * (n + 1 - tieSum / (n * (n - 1))))
  const centred = w - (nX * nY) / 2
  const correction = !correct ? 0 : alternative === 'two-sided' ? Math.sign(centred) * 0.5 : alternative === 'greater' ? 0.5 : -0.5
  const z = (centred - correction) / sigma
  const p = alternative === 'two-sided' ? 2 * Math.min(pnorm(z), pnorm(z, false)) : alternative === 'greater' ? pnorm(z, false) : pnorm(z)
  const method = `Wilcoxon rank sum test${correct ? ' with continuity correction' : ''}${wantExact && hasTies ? ' (exact p not possible with ties: normal approximation, as R)' : ''}`
  return {
    w,
    p,
    nX,
    nY,
    exact: false,
    ties: hasTies,
    method,
    warning: sigma === 0 ? 'every value is tied: the rank-sum statistic has no variance and no p-value' : undefined,
  }
}
