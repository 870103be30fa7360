/**
 * Regularized incomplete gamma P(a, x) and Q(a, x) = 1 − P, each computed directly (never as
 * 1 − the other) in its accurate region: the power series for x < a + 1, the Legendre continued
 * fraction (modified Lentz) otherwise. The common factor x^a e^(−x) / Γ(a+1) uses Loader's
 * saddle-point form, so it stays accurate when a is in the thousands (chi-square with many df).
 */
import { bd0, LN_SQRT_2PI, logGamma, stirlerr } from './gamma.js'

const EPS = Number.EPSILON
const TINY = 1e-300

/** log(x^a e^(−x) / Γ(a + 1)), the Poisson density at a with mean x, in log space. */
function logPoissonTerm(a: number, x: number): number {
  if (x === 0) return a === 0 ? 0 : -Infinity
  if (a < 10) return a * Math.log(x) - x - logGamma(a + 1)
  return -stirlerr(a) - bd0(a, x) - LN_SQRT_2PI - 0.5 * Math.log(a)
}

/** Σ x^n / ((a+1)…(a+n)), n ≥ 0: P(a, x) = term · series. */
function series(a: number, x: number): number {
  let sum = 1
  let term = 1
  for (let n = 1; n < 100_000; n++) {
    term *= x / (a + n)
    sum += term
    if (term < sum * EPS) break
  }
  return sum
}

/** Continued fraction for Q(a, x)·Γ(a)/(x^a e^(−x)) (Numerical Recipes gcf, modified Lentz). */
function continuedFraction(a: number, x: number): number {
  let b = x + 1 - a
  let c = 1 / TINY
  let d = 1 / b
  let h = d
  for (let i = 1; i < 100_000; i++) {
    const an = -i * (i - a)
    b += 2
    d = an * d + b
    if (Math.abs(d) < TINY) d = TINY
    c = b + an / c
    if (Math.abs(c) < TINY) c = TINY
    d = 1 / d
    const del = d * c
    h *= del
    if (Math.abs(del - 1) < EPS) break
  }
  return h
}

export interface GammaTails {
  readonly lower: number
  readonly upper: number
}

/** P(a, x) and Q(a, x) for a > 0, x ≥ 0. */
export function regularizedGamma(a: number, x: number): GammaTails {
  if (!(a > 0) || !(x >= 0)) return { lower: NaN, upper: NaN }
  if (x === 0) return { lower: 0, upper: 1 }
  if (x === Infinity) return { lower: 1, upper: 0 }
  const logTerm = logPoissonTerm(a, x)
  if (x < a + 1) {
    const lower = Math.exp(logTerm) * series(a, x)
    return { lower, upper: 1 - lower }
  }
  // x^a e^(−x)/Γ(a) = a · x^a e^(−x)/Γ(a+1)
  const upper = Math.exp(logTerm + Math.log(a)) * continuedFraction(a, x)
  return { lower: 1 - upper, upper }
}

/** Chi-square distribution function; upper tail by default (what a test's p-value needs). */
export function pchisq(q: number, df: number, lowerTail = false): number {
  if (q <= 0) return lowerTail ? 0 : 1
  const t = regularizedGamma(df / 2, q / 2)
  return lowerTail ? t.lower : t.upper
}
