/**
 * Log-gamma and Loader's saddle-point pieces (stirlerr, bd0, log dbinom), the building blocks R's
 * nmath uses so that binomial/beta densities stay accurate when the arguments are in the millions.
 *
 * Reference: C. Loader (2000), "Fast and Accurate Computation of Binomial Probabilities"; R's
 * src/nmath/stirlerr.c, bd0.c, dbinom.c. The direct formula x·log(p) + (n−x)·log(1−p) − log B(...)
 * cancels catastrophically for large n (terms ~1e7, result ~1), which is why these exist.
 */

/** log(sqrt(2π)) */
export const LN_SQRT_2PI = 0.9189385332046728
const LN_2PI = 1.8378770664093453

/**
 * stirlerr(n) = log(n!) − log(sqrt(2πn)·(n/e)^n) at n = 0, 0.5, 1, …, 15: mpmath 1.3 loggamma at
 * 40 digits, rounded to the nearest double (the same table R hard-codes as sferr_halves).
 */
const SFERR_HALVES: readonly number[] = [
  0, 0.15342640972002736, 0.08106146679532726, 0.05481412105191765, 0.0413406959554093,
  0.03316287351993629, 0.02767792568499834, 0.023746163656297496, 0.020790672103765093,
  0.018488450532673187, 0.016644691189821193, 0.015134973221917378, 0.013876128823070748,
  0.012810465242920227, 0.01189670994589177, 0.011104559758206917, 0.010411265261972096,
  0.009799416126158804, 0.009255462182712733, 0.008768700134139386, 0.00833056343336287,
  0.00793411456431402, 0.007573675487951841, 0.007244554301320383, 0.00694284010720953,
  0.006665247032707682, 0.006408994188004207, 0.006171712263039458, 0.0059513701127588475,
  0.0057462165130101155, 0.005554733551962801,
]

/**
 * Stirling-series remainder 1/(12x) − 1/(360x³) + … for x ≥ 10; the first omitted term is
 * < 4e-17 at x = 10, below double rounding.
 */
function stirlingSeries(x: number): number {
  const x2 = 1 / (x * x)
  return (
    (1 / 12 -
      x2 *
        (1 / 360 -
          x2 * (1 / 1260 - x2 * (1 / 1680 - x2 * (1 / 1188 - x2 * (691 / 360360 - x2 * (1 / 156))))))) /
    x
  )
}

/** log Γ(x) for x > 0 (absolute error ~1e-15 for small x, ~1 ulp of the result for large x). */
export function logGamma(x: number): number {
  if (!(x > 0)) return x === 0 ? Infinity : NaN
  if (x === Infinity) return Infinity
  if (x < 10) {
    // Γ(x) = Γ(x+k) / (x(x+1)…(x+k−1)); the product has relative error ≤ k·eps, i.e. ~1e-15
    // absolute in the log. Tiny x: log Γ(x) ≈ −log x, still handled by the product.
    let prod = 1
    let y = x
    while (y < 10) {
      prod *= y
      y += 1
    }
    return logGamma(y) - Math.log(prod)
  }
  return (x - 0.5) * Math.log(x) - x + LN_SQRT_2PI + stirlingSeries(x)
}

/** Loader's stirlerr(n) = log Γ(n+1) − (n+½)log n + n − log√(2π), accurate for all n ≥ 0. */
export function stirlerr(n: number): number {
  if (n <= 15) {
    const nn = n + n
    if (nn === Math.floor(nn)) return SFERR_HALVES[nn] ?? NaN
    return logGamma(n + 1) - (n + 0.5) * Math.log(n) + n - LN_SQRT_2PI
  }
  return stirlingSeries(n)
}

/**
 * Loader's deviance term bd0(x, np) = x·log(x/np) + np − x, evaluated by a series when x ≈ np,
 * where the direct form loses all digits to cancellation.
 */
export function bd0(x: number, np: number): number {
  if (Math.abs(x - np) < 0.1 * (x + np)) {
    let v = (x - np) / (x + np)
    let s = (x - np) * v
    if (Math.abs(s) < Number.MIN_VALUE) return s
    let ej = 2 * x * v
    v = v * v
    for (let j = 1; j < 1000; j++) {
      ej *= v
      const s1 = s + ej / (2 * j + 1)
      if (s1 === s) return s1
      s = s1
    }
  }
  return x * Math.log(x / np) + np - x
}

/**
 * log of the binomial density C(n,x) p^x q^(n−x) for real x in [0, n] (R's dbinom_raw, log = TRUE).
 * q = 1 − p is passed separately so callers can supply it without rounding.
 */
export function logDbinomRaw(x: number, n: number, p: number, q: number): number {
  if (p === 0) return x === 0 ? 0 : -Infinity
  if (q === 0) return x === n ? 0 : -Infinity
  if (x === 0) {
    if (n === 0) return 0
    return p < 0.1 ? -bd0(n, n * q) - n * p : n * Math.log(q)
  }
  if (x === n) return q < 0.1 ? -bd0(n, n * p) - n * q : n * Math.log(p)
  if (x < 0 || x > n) return -Infinity
  const lc = stirlerr(n) - stirlerr(x) - stirlerr(n - x) - bd0(x, n * p) - bd0(n - x, n * q)
  // R writes log1p(−x/n), which loses digits when x/n ≈ 1 (n − x = 1, n = 1e6: 3e-12 error in the
  // log); n − x is exact for integer counts, so take its log directly.
  const lf = LN_2PI + Math.log(x) + Math.log(n - x) - Math.log(n)
  return lc - 0.5 * lf
}

/** log of the binomial probability mass for integer x (R's dbinom(x, n, p, log = TRUE)). */
export function logDbinom(x: number, n: number, p: number): number {
  return logDbinomRaw(x, n, p, 1 - p)
}

/** log Beta(a, b), avoiding the cancellation of three large log-gammas when a and b are large. */
export function logBeta(a: number, b: number): number {
  const p = Math.min(a, b)
  const q = Math.max(a, b)
  if (p >= 10) {
    // R's lbeta: both large → Stirling with the corrections combined before adding.
    const corr = stirlingSeries(p) + stirlingSeries(q) - stirlingSeries(p + q)
    return Math.log(q) * -0.5 + LN_SQRT_2PI + corr + (p - 0.5) * Math.log(p / (p + q)) + q * Math.log1p(-p / (p + q))
  }
  if (q >= 10) {
    // One large: log Γ(q) − log Γ(p+q) via the same series, keeping p's log-gamma exact.
    const corr = stirlingSeries(q) - stirlingSeries(p + q)
    return logGamma(p) + corr + p - p * Math.log(p + q) + (q - 0.5) * Math.log1p(-p / (p + q))
  }
  return logGamma(p) + logGamma(q) - logGamma(p + q)
}

/** log(exp(a) + exp(b)) without overflow. */
export function logAddExp(a: number, b: number): number {
  if (a === -Infinity) return b
  if (b === -Infinity) return a
  return a > b ? a + Math.log1p(Math.exp(b - a)) : b + Math.log1p(Math.exp(a - b))
}
