/**
 * Number formatting for people (CLI tables, HTML report). Machine outputs (JSON/TSV) keep full
 * precision; these strings are for reading. Deterministic: no locale, fixed rules.
 */

/** The smallest p-value R prints as a number: .Machine$double.eps. */
export const P_FLOOR = 2.220446049250313e-16

/** `digits` significant digits, trailing zeros trimmed, exponent form outside [1e-4, 1e6). */
export function formatSignificant(x: number, digits = 4): string {
  if (Number.isNaN(x)) return 'NA'
  if (x === Infinity) return 'Inf'
  if (x === -Infinity) return '-Inf'
  if (x === 0) return '0'
  const ax = Math.abs(x)
  if (ax >= 1e-4 && ax < 1e6) {
    const s = x.toPrecision(digits)
    // toPrecision may still choose exponent form near the boundary (e.g. 999999.5 → "1.000e+6").
    if (!s.includes('e')) return s.includes('.') ? s.replace(/\.?0+$/, '') : s
  }
  const [mant = '', exp = '0'] = x.toExponential(digits - 1).split('e')
  const m = mant.includes('.') ? mant.replace(/\.?0+$/, '') : mant
  const e = Number(exp)
  return `${m}e${e < 0 ? '-' : '+'}${String(Math.abs(e)).padStart(2, '0')}`
}

/**
 * A p-value the way R's format.pval shows it: 4 significant digits, and `< 2.2e-16` below machine
 * epsilon (where the digits are no longer meaningful).
 */
export function formatP(p: number, digits = 4): string {
  if (Number.isNaN(p)) return 'NA'
  if (p < P_FLOOR) return '< 2.2e-16'
  return formatSignificant(p, digits)
}

/** An odds or hazard ratio: 4 significant digits; 0 and Inf spelled as such. */
export function formatRatio(r: number, digits = 4): string {
  return formatSignificant(r, digits)
}

/** A confidence interval: `[lo, hi]` with ratio formatting. */
export function formatInterval(lo: number, hi: number, digits = 4): string {
  return `[${formatRatio(lo, digits)}, ${formatRatio(hi, digits)}]`
}
