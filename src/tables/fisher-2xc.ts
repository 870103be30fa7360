/**
 * Fisher's exact test for a 2 × c (or r × 2) contingency table, as R's fisher.test on such a
 * table: p = the summed probability of every table with the observed margins whose probability
 * is ≤ the observed one × (1 + 1e-7) (R's relative tolerance for ties). Tables are enumerated
 * column by column (the first row's count in each column, given what is left of the row total):
 * at most ∏(column totals + 1) tables; refused past `limit` (the study tables have a few hundred).
 * A 2 × 2 table gives fisher.test's p too (tested against src/stats/fisher.ts).
 */
import { sharedLogFactorials } from '../stats/log-factorial.js'

export const ENUMERATION_LIMIT = 5_000_000

/** `table[i][j]`: rows × columns counts; one dimension must be 2. Undefined when too large. */
export function fisherExact2xC(table: readonly (readonly number[])[], limit = ENUMERATION_LIMIT): number | undefined {
  let rows = table.map((r) => [...r])
  if (rows.length !== 2) {
    if (rows.some((r) => r.length !== 2)) throw new RangeError('fisherExact2xC: the table must have two rows or two columns')
    rows = [rows.map((r) => r[0] as number), rows.map((r) => r[1] as number)]
  }
  const top = rows[0] as number[]
  const bottom = rows[1] as number[]
  // Columns with no patient carry no information (R drops nothing, but their factor is 1).
  const cols = top.map((a, j) => a + (bottom[j] as number)).filter((t) => t > 0)
  const obsTop = top.filter((_, j) => top[j] as number + (bottom[j] as number) > 0)
  const n = cols.reduce((a, b) => a + b, 0)
  const r1 = obsTop.reduce((a, b) => a + b, 0)
  const lf = sharedLogFactorials
  // log P(table) = Σ log C(c_j, a_j) − log C(n, r1)
  const logDenom = lf.logChoose(n, r1)
  const logP = (a: readonly number[]) => a.reduce((s, x, j) => s + lf.logChoose(cols[j] as number, x), 0) - logDenom
  const obs = logP(obsTop)
  const threshold = obs + Math.log1p(1e-7)
  let count = 1
  for (const c of cols) count *= c + 1
  if (count > limit) return undefined
  // Suffix sums bound what later columns can absorb.
  const rest = new Array<number>(cols.length + 1).fill(0)
  for (let j = cols.length - 1; j >= 0; j--) rest[j] = (rest[j + 1] as number) + (cols[j] as number)
  let total = 0
  const walk = (j: number, left: number, acc: number) => {
    if (j === cols.length) {
      if (left === 0 && acc <= threshold) total += Math.exp(acc)
      return
    }
    const c = cols[j] as number
    const lo = Math.max(0, left - (rest[j + 1] as number))
    const hi = Math.min(c, left)
    for (let a = lo; a <= hi; a++) walk(j + 1, left - a, acc + lf.logChoose(c, a))
  }
  walk(0, r1, -logDenom)
  return Math.min(1, total)
}
