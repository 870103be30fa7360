/**
 * Text measurement without a font engine: an average advance of 0.6 em (DejaVu Sans averages
 * ~0.55 em over ASCII letters and digits; the extra 0.05 keeps labels from touching). Labels are
 * shortened with an ellipsis so one 5,000-character sample name cannot stretch the figure.
 */
export const EM_ADVANCE = 0.6

export function textWidth(s: string, size: number): number {
  return [...s].length * size * EM_ADVANCE
}

/** Shorten to at most `max` code points, ending in '…' when cut. */
export function truncate(s: string, max: number): string {
  const cps = [...s]
  return cps.length <= max ? s : `${cps.slice(0, Math.max(1, max - 1)).join('')}…`
}
