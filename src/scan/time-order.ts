/**
 * The order scanSurvival visits its samples in: by time, ties by sample index. `visit` holds
 * sample indices in increasing order, so a stable sort by time alone gives it; with finite times
 * it is done by distinct time (a follow-up column has few: 6,480 among 158,728 patients), O(n +
 * d log d) instead of a comparison sort's O(n log n) calls (0.2 s at 159k patients, 2 loaded
 * cores). Any non-finite time takes the comparison sort (the property test holds both equal).
 */

/** `visit` (increasing sample indices) ordered by (timeOf[s], s), as a new array. */
export function orderByTime(visit: readonly number[], timeOf: Float64Array): number[] {
  const slot = new Map<number, number>()
  for (const s of visit) {
    const t = timeOf[s] as number
    if (!Number.isFinite(t)) return orderByComparison(visit, timeOf)
    slot.set(t, (slot.get(t) ?? 0) + 1)
  }
  const times = Float64Array.from(slot.keys()).sort()
  let at = 0
  for (const t of times) {
    const c = slot.get(t) as number
    slot.set(t, at)
    at += c
  }
  const out = new Array<number>(visit.length)
  for (const s of visit) {
    const t = timeOf[s] as number
    const k = slot.get(t) as number
    out[k] = s
    slot.set(t, k + 1)
  }
  return out
}

/** The general order: a comparison sort by (time, sample index). */
export function orderByComparison(visit: readonly number[], timeOf: Float64Array): number[] {
  return [...visit].sort((i, j) => (timeOf[i] as number) - (timeOf[j] as number) || i - j)
}
