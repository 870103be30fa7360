/**
 * Co-occurrence and mutual exclusivity among features: for each distinct pair (i < j), a 2×2 on the
 * samples assayed for both (n11 both altered, n10 only i, n01 only j, n00 neither), Fisher's exact
 * test, the conditional-MLE odds ratio (> 1 co-occurring, < 1 mutually exclusive) and BH over the
 * k(k−1)/2 distinct pairs — not over k² ordered pairs as maftools' somaticInteractions does.
 *
 * Complexity: O(k² × samples) for k features (k is the user's --top, typically ≤ 50).
 */
import { ALTERED, NOT_ASSAYED, type StateMatrix } from '../matrix/types.js'
import { fisherExact, type Alternative } from '../stats/fisher.js'
import { LogFactorialTable } from '../stats/log-factorial.js'
import { pAdjust } from '../stats/padjust.js'

export interface InteractionRow {
  readonly featureA: string
  readonly featureB: string
  readonly n11: number
  readonly n10: number
  readonly n01: number
  readonly n00: number
  /** Samples assayed for both. */
  readonly n: number
  readonly oddsRatio: number
  readonly oddsRatioLower: number
  readonly oddsRatioUpper: number
  readonly p: number
  q: number
  readonly relation: 'co-occurrence' | 'mutual exclusivity' | 'none'
}

export function interactions(m: StateMatrix, features: readonly number[], alternative: Alternative = 'two-sided'): InteractionRow[] {
  const n = m.samples.length
  const table = new LogFactorialTable(n + 1)
  const rows: InteractionRow[] = []
  for (let x = 0; x < features.length; x++) {
    for (let y = x + 1; y < features.length; y++) {
      const fi = features[x] as number
      const fj = features[y] as number
      let n11 = 0
      let n10 = 0
      let n01 = 0
      let n00 = 0
      for (let s = 0; s < n; s++) {
        const a = m.state[fi * n + s]
        const b = m.state[fj * n + s]
        if (a === NOT_ASSAYED || b === NOT_ASSAYED) continue
        if (a === ALTERED) {
          if (b === ALTERED) n11++
          else n10++
        } else if (b === ALTERED) n01++
        else n00++
      }
      const r = fisherExact(n11, n10, n01, n00, { alternative, table })
      rows.push({
        featureA: (m.features[fi] as { id: string }).id,
        featureB: (m.features[fj] as { id: string }).id,
        n11,
        n10,
        n01,
        n00,
        n: n11 + n10 + n01 + n00,
        oddsRatio: r.oddsRatio,
        oddsRatioLower: r.ci[0],
        oddsRatioUpper: r.ci[1],
        p: r.p,
        q: Number.NaN,
        relation: r.oddsRatio > 1 ? 'co-occurrence' : r.oddsRatio < 1 ? 'mutual exclusivity' : 'none',
      })
    }
  }
  const q = pAdjust(
    rows.map((r) => r.p),
    'BH',
  )
  rows.forEach((r, i) => (r.q = q[i] as number))
  return rows
}
