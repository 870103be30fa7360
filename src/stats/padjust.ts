/**
 * Multiple-testing adjustment identical to R's p.adjust (stats 4.x):
 * missing p-values (undefined, null, NaN) are skipped and stay missing (NaN), and n defaults to the
 * number of NON-missing p-values, exactly as R's lazily evaluated `n = length(p)` after it drops NAs.
 * With n ≤ 1 the input is returned unchanged. Values are not range-checked (neither does R).
 */

export type PAdjustMethod = 'BH' | 'bonferroni' | 'holm' | 'hochberg' | 'BY' | 'none'

export const PADJUST_METHODS: readonly PAdjustMethod[] = ['BH', 'bonferroni', 'holm', 'hochberg', 'BY', 'none']

type Missing = number | null | undefined

function isPresent(v: Missing): v is number {
  return typeof v === 'number' && !Number.isNaN(v)
}

/** Adjust p-values; output has the input's length and order, NaN where the input was missing. */
export function pAdjust(p: readonly Missing[], method: PAdjustMethod, n?: number): number[] {
  const out = p.map((v) => (isPresent(v) ? v : NaN))
  const idx: number[] = []
  for (let i = 0; i < p.length; i++) if (isPresent(p[i])) idx.push(i)
  const lp = idx.length
  const m = n ?? lp
  if (!(m >= lp)) throw new RangeError(`pAdjust: n (${m}) must be at least the number of non-missing p-values (${lp})`)
  if (m <= 1 || method === 'none') return out
  const val = (i: number) => out[i] ?? NaN
  if (method === 'bonferroni') {
    for (const i of idx) out[i] = Math.min(1, m * val(i))
    return out
  }
  // Stable sort by p (ties keep input order, like R's order()); the cumulative min/max make the
  // result independent of how ties are ordered anyway.
  const asc = [...idx].sort((x, y) => val(x) - val(y))
  const adjusted = new Map<number, number>()
  if (method === 'holm') {
    let run = -Infinity
    asc.forEach((i, r) => {
      run = Math.max(run, (m - r) * val(i))
      adjusted.set(i, Math.min(1, run))
    })
  } else {
    // Step-up methods walk from the largest p down: rank i = lp..1.
    let q = 1
    if (method === 'BY') {
      q = 0
      for (let k = 1; k <= m; k++) q += 1 / k
    }
    let run = Infinity
    for (let r = lp - 1; r >= 0; r--) {
      const i = asc[r] ?? 0
      const rank = r + 1
      const factor = method === 'hochberg' ? m + 1 - rank : (q * m) / rank
      run = Math.min(run, factor * val(i))
      adjusted.set(i, Math.min(1, run))
    }
  }
  for (const [i, v] of adjusted) out[i] = v
  return out
}
