/**
 * Multiple testing within named families: rows carry their family; q is adjusted over that family only.
 */
import { pAdjust } from '../stats/padjust.js'

export type AdjustMethod = 'BH' | 'bonferroni'

export function adjustWithinFamilies(rows: { family: string; p: number; q: number }[], method: AdjustMethod): void {
  const byFamily = new Map<string, number[]>()
  rows.forEach((r, i) => {
    const list = byFamily.get(r.family)
    if (list) list.push(i)
    else byFamily.set(r.family, [i])
  })
  for (const idx of byFamily.values()) {
    const q = pAdjust(
      idx.map((i) => (rows[i] as { p: number }).p),
      method,
    )
    idx.forEach((i, k) => {
      ;(rows[i] as { q: number }).q = q[k] as number
    })
  }
}
