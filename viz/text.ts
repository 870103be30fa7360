/**
 * Text measurement without a font engine. Advances are DejaVu Sans's (the widest font of our stack:
 * CI renders with it; Helvetica/Arial are ~10% narrower), rounded up per character class from its
 * hmtx table (units per em 2048: digits 1303, 'a' 1255, 'A' 1401, 'M' 1767, space 651, '%' 1946).
 * Overestimating keeps labels from colliding. Labels are shortened with an ellipsis so one
 * 5,000-character sample name cannot stretch the figure.
 */
/** Average advance in em, for callers that budget characters rather than measure a string. */
export const EM_ADVANCE = 0.6

function advance(cp: number): number {
  if (cp === 0x20) return 0.32
  if (cp >= 0x30 && cp <= 0x39) return 0.64
  if (cp >= 0x41 && cp <= 0x5a) return cp === 0x4d || cp === 0x57 ? 0.99 : cp === 0x49 || cp === 0x4a ? 0.32 : 0.74
  if (cp >= 0x61 && cp <= 0x7a) return cp === 0x6d || cp === 0x77 ? 0.98 : cp === 0x69 || cp === 0x6a || cp === 0x6c ? 0.28 : 0.62
  if (cp === 0x25) return 0.95
  if (cp < 0x80) return 0.5
  // CJK and other wide scripts take a full em.
  if (cp >= 0x1100 && (cp <= 0x115f || (cp >= 0x2e80 && cp <= 0xa4cf) || (cp >= 0xac00 && cp <= 0xd7a3) || (cp >= 0xf900 && cp <= 0xfaff) || (cp >= 0xff00 && cp <= 0xff60) || cp >= 0x1f300)) return 1
  return 0.7
}

export function textWidth(s: string, size: number): number {
  let w = 0
  for (const ch of s) w += advance(ch.codePointAt(0) ?? 0)
  return w * size
}

/** Shorten to at most `max` code points, ending in '…' when cut. */
export function truncate(s: string, max: number): string {
  const cps = [...s]
  return cps.length <= max ? s : `${cps.slice(0, Math.max(1, max - 1)).join('')}…`
}

/**
 * The widest of `texts` (at least `floor`): a loop, not Math.max(...spread), whose one argument
 * per item overflows the stack past ~125,000 rows or legend items (a RangeError, exit 2).
 */
export function widest(texts: Iterable<string>, size: number, floor = 0): number {
  let w = floor
  for (const t of texts) {
    const x = textWidth(t, size)
    if (x > w) w = x
  }
  return w
}
