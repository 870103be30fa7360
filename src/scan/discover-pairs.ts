/**
 * DISCOVER beside Fisher for `interactions`: a background of per-cell alteration probabilities
 * fitted to every gene's and every sample's alteration count (src/stats/discover.ts), then per
 * pair the one-sided test in the direction the pair leans (observed both-altered vs expected), BH
 * over the pairs. A not-assayed cell counts as not altered in the background (DISCOVER needs a
 * complete matrix); the output says so. Also measures how much burden varies across samples and
 * how many Fisher-significant pairs DISCOVER does not confirm: when that count is high, the
 * "co-occurrence" is mostly burden. O(genes × samples) per background sweep.
 */
import { ALTERED, type StateMatrix } from '../matrix/types.js'
import { discoverBackground, discoverPairTest } from '../stats/discover.js'
import { pAdjust } from '../stats/padjust.js'
import type { InteractionRow } from './interactions.js'

export interface DiscoverPair {
  readonly expected: number
  readonly p: number
  q: number
  readonly direction: 'co-occurrence' | 'mutual exclusivity'
}

export interface DiscoverSummary {
  readonly pairs: DiscoverPair[]
  /** Altered gene features per sample: median and maximum. */
  readonly burdenMedian: number
  readonly burdenMax: number
  readonly genes: number
  /** Pairs with Fisher q < 0.05 and DISCOVER q ≥ 0.05. */
  readonly fisherOnly: number
  readonly fisherSignificant: number
  readonly note: string
}

export function discoverPairs(m: StateMatrix, rows: readonly InteractionRow[]): DiscoverSummary {
  const n = m.samples.length
  const geneIdx = m.features.flatMap((f, i) => (f.type === 'gene' ? [i] : []))
  const rowOf = new Map<string, number>()
  const matrix = geneIdx.map((f, k) => {
    rowOf.set(m.features[f]?.id as string, k)
    const r: (0 | 1)[] = new Array<0 | 1>(n)
    for (let s = 0; s < n; s++) r[s] = m.state[f * n + s] === ALTERED ? 1 : 0
    return r
  })
  if (rows.length === 0 || geneIdx.length === 0) return { pairs: [], burdenMedian: 0, burdenMax: 0, genes: geneIdx.length, fisherOnly: 0, fisherSignificant: 0, note: 'no gene pairs to test' }
  const bg = discoverBackground(matrix)
  const pairs = rows.map((r): DiscoverPair => {
    const a = rowOf.get(r.featureA)
    const b = rowOf.get(r.featureB)
    if (a === undefined || b === undefined) return { expected: Number.NaN, p: Number.NaN, q: Number.NaN, direction: 'co-occurrence' }
    const t = discoverPairTest(matrix[a] as (0 | 1)[], matrix[b] as (0 | 1)[], bg.p[a] as Float64Array, bg.p[b] as Float64Array)
    const co = t.observed >= t.expected
    return { expected: t.expected, p: co ? t.pCooccurrence : t.pExclusivity, q: Number.NaN, direction: co ? 'co-occurrence' : 'mutual exclusivity' }
  })
  const q = pAdjust(pairs.map((p) => p.p), 'BH')
  pairs.forEach((p, i) => (p.q = q[i] as number))
  const burden = Array.from({ length: n }, (_, s) => matrix.reduce((acc, r) => acc + (r[s] as number), 0)).sort((x, y) => x - y)
  const burdenMedian = n === 0 ? 0 : n % 2 ? (burden[(n - 1) / 2] as number) : ((burden[n / 2 - 1] as number) + (burden[n / 2] as number)) / 2
  const burdenMax = burden[n - 1] ?? 0
  const fisherSignificant = rows.filter((r) => r.q < 0.05).length
  const fisherOnly = rows.filter((r, i) => r.q < 0.05 && !((pairs[i]?.q ?? 1) < 0.05)).length
  const uneven = burdenMax > 4 * Math.max(1, burdenMedian)
  const note =
    `sample burden: median ${burdenMedian}, max ${burdenMax} altered genes of ${geneIdx.length}` +
    (uneven ? ' — uneven enough to make unrelated genes "co-occur" under Fisher' : '') +
    `; ${fisherOnly} of ${fisherSignificant} Fisher-significant pairs (q < 0.05) are not significant under DISCOVER` +
    (fisherOnly > 0 && uneven ? ': read those as burden, not co-occurrence' : '')
  return { pairs, burdenMedian, burdenMax, genes: geneIdx.length, fisherOnly, fisherSignificant, note }
}
