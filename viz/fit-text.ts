/** Shorten a label (with an ellipsis) until its estimated width fits, for the KM and forest plots. */
import { textWidth, truncate } from './text.js'

/** The longest prefix of `s` (ending in '…' when cut) whose estimated width is at most `maxWidth`. */
export function fitText(s: string, size: number, maxWidth: number): string {
  if (textWidth(s, size) <= maxWidth) return s
  const cps = [...s].length
  // Binary search on the code-point budget: width grows monotonically with the prefix length.
  let lo = 1
  let hi = cps
  while (lo < hi) {
    const mid = Math.ceil((lo + hi) / 2)
    if (textWidth(truncate(s, mid), size) <= maxWidth) lo = mid
    else hi = mid - 1
  }
  return truncate(s, lo)
}
