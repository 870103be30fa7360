/**
 * JSON has no Infinity or NaN (JSON.stringify writes null for both, which hides an unbounded odds
 * ratio). The one encoding every JSON output uses: ±Infinity → "Inf" / "-Inf" (as R prints them),
 * NaN (an undefined statistic) → null.
 */

/** One number as JSON can hold it. */
export function jsonNumber(x: number): number | string | null {
  if (Number.isNaN(x)) return null
  if (x === Infinity) return 'Inf'
  if (x === -Infinity) return '-Inf'
  return x
}

/** A JSON.stringify replacer applying jsonNumber to every number. */
export function jsonNumbers(_key: string, v: unknown): unknown {
  return typeof v === 'number' ? jsonNumber(v) : v
}
