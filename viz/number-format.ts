/**
 * Number formatting shared by the report tables and the KM / forest plots. Values that users
 * compare with R print at 3 significant digits (R's signif(x, 3)); non-finite values print as R
 * prints them (Inf, NA) so a reader can tell "unbounded" from "missing".
 */

/** 3 significant digits, trailing zeros dropped; Inf / -Inf / NA for non-finite, "" for undefined. */
export function sig(x: number | undefined, digits = 3): string {
  if (x === undefined) return ''
  if (Number.isNaN(x)) return 'NA'
  if (x === Infinity) return 'Inf'
  if (x === -Infinity) return '-Inf'
  if (x === 0) return '0'
  // Below 1e-4 and from 1e6 on, scientific notation as R prints it ("1.2e-06" in R, "1.2e-6" here).
  const a = Math.abs(x)
  if (a < 1e-4 || a >= 1e6) {
    const [m = '', e = ''] = x.toExponential(digits - 1).split('e')
    return `${m.includes('.') ? m.replace(/\.?0+$/, '') : m}e${e.replace('+', '')}`
  }
  return Number(x.toPrecision(digits)).toString()
}

/** Odds ratio with its interval, e.g. "2.31 [0.52, 11.8]". */
export function orWithCi(or: number, lower: number, upper: number): string {
  return `${sig(or)} [${sig(lower)}, ${sig(upper)}]`
}

/** Percentage with 1 decimal, e.g. "33.3%"; "NA" when the denominator is 0. */
export function percent(x: number, n: number): string {
  return n === 0 ? 'NA' : `${((100 * x) / n).toFixed(1)}%`
}
