/**
 * The iteratively reweighted least squares of R's glm.fit for binomial(link = "logit") with 0/1
 * responses and unit weights, step for step: start at μ = (y + ½)/2, solve the weighted least
 * squares, stop when |dev − dev_old|/(|dev| + 0.1) < 1e-8 (glm.control), at most 25 iterations,
 * halve the step when the deviance is not finite. R clamps the inverse link and its derivative at
 * |η| > 30 (logit_linkinv / logit_mu_eta in family.c); we do the same so fits under separation
 * take the same path. Like summary.glm, the covariance is (XᵀWX)⁻¹ with the weights of the last
 * iteration (computed before its update), which is why our SEs equal R's to rounding.
 *
 * An offset lets the profile-likelihood intervals fix one coefficient. O(n·p²) per iteration.
 */
import { cholesky, choleskyInverse, choleskySolve, type Matrix } from './linalg.js'

const THRESH = 30
const EPS = Number.EPSILON

export function logitInverse(eta: number): number {
  const t = eta < -THRESH ? EPS : eta > THRESH ? 1 / EPS : Math.exp(eta)
  return t / (1 + t)
}

function logitMuEta(eta: number): number {
  if (eta > THRESH || eta < -THRESH) return EPS
  const e = Math.exp(eta)
  return Math.max(e / ((1 + e) * (1 + e)), EPS)
}

/** Binomial deviance of 0/1 responses: −2 log-likelihood (y log y = 0). */
export function binomialDeviance(y: ArrayLike<number>, mu: ArrayLike<number>): number {
  let d = 0
  for (let i = 0; i < y.length; i++) {
    const m = mu[i] as number
    d += y[i] === 1 ? -2 * Math.log(m) : -2 * Math.log(1 - m)
  }
  return d
}

export interface IrlsFit {
  readonly coef: number[]
  /** (XᵀWX)⁻¹ at the last iteration's weights, as summary.glm's cov.unscaled. */
  readonly covariance: Matrix
  readonly deviance: number
  readonly mu: Float64Array
  readonly iterations: number
  readonly converged: boolean
  /** Columns the weighted cross-product could not identify (constant or collinear). */
  readonly singular: readonly boolean[]
}

/** X is row-major n × p (intercept included by the caller). */
export function irls(y: Uint8Array, x: Float64Array, p: number, offset?: Float64Array, maxIter = 25, epsilon = 1e-8, start?: readonly number[]): IrlsFit {
  const n = y.length
  const eta = new Float64Array(n)
  const mu = new Float64Array(n)
  for (let i = 0; i < n; i++) {
    if (start === undefined) {
      mu[i] = ((y[i] as number) + 0.5) / 2
      eta[i] = Math.log((mu[i] as number) / (1 - (mu[i] as number)))
    } else {
      // A warm start (profile fits): glm.fit's default start ignores the offset, which can throw
      // the first step far off when the offset is large.
      let s = offset?.[i] ?? 0
      for (let a = 0; a < p; a++) s += (start[a] as number) * (x[i * p + a] as number)
      eta[i] = s
      mu[i] = logitInverse(s)
    }
  }
  let devOld = 0
  for (let i = 0; i < n; i++) {
    const m = mu[i] as number
    devOld += y[i] === 1 ? -2 * Math.log(m) : -2 * Math.log(1 - m)
  }
  let coef = new Array<number>(p).fill(0)
  let coefOld: number[] | undefined
  let xtwx: Matrix = []
  let singular: readonly boolean[] = new Array<boolean>(p).fill(false)
  let converged = false
  let iterations = 0
  let deviance = devOld
  for (let iter = 1; iter <= maxIter; iter++) {
    iterations = iter
    xtwx = Array.from({ length: p }, () => new Array<number>(p).fill(0))
    const xtwz = new Array<number>(p).fill(0)
    for (let i = 0; i < n; i++) {
      const d = logitMuEta(eta[i] as number)
      const m = mu[i] as number
      const w = (d * d) / (m * (1 - m))
      const z = (eta[i] as number) - (offset?.[i] ?? 0) + ((y[i] as number) - m) / d
      const o = i * p
      for (let a = 0; a < p; a++) {
        const wa = w * (x[o + a] as number)
        xtwz[a] = (xtwz[a] as number) + wa * z
        const row = xtwx[a] as number[]
        for (let b = 0; b <= a; b++) row[b] = (row[b] as number) + wa * (x[o + b] as number)
      }
    }
    for (let a = 0; a < p; a++) for (let b = 0; b < a; b++) (xtwx[b] as number[])[a] = (xtwx[a] as number[])[b] as number
    const ch = cholesky(xtwx)
    singular = ch.singular
    let next = choleskySolve(ch, xtwz)
    let dev = evaluate(next)
    // glm.fit: an infinite deviance halves the step back towards the previous coefficients.
    // With a warm start (our profile fits, not R's path) it also halves whenever the deviance
    // grows: plain IRLS can diverge from a start far from the optimum; with halving it cannot.
    const from = coefOld ?? start
    for (let half = 0; (!Number.isFinite(dev) || (start !== undefined && dev > devOld)) && from !== undefined && half < 60; half++) {
      next = next.map((s, j) => (s + (from[j] as number)) / 2)
      dev = evaluate(next)
    }
    coef = next
    deviance = dev
    if (Math.abs(dev - devOld) / (Math.abs(dev) + 0.1) < epsilon) {
      converged = true
      break
    }
    devOld = dev
    coefOld = coef
  }
  return { coef, covariance: choleskyInverse(cholesky(xtwx)), deviance, mu, iterations, converged, singular }

  function evaluate(beta: readonly number[]): number {
    for (let i = 0; i < n; i++) {
      let s = offset?.[i] ?? 0
      for (let a = 0; a < p; a++) s += (beta[a] as number) * (x[i * p + a] as number)
      eta[i] = s
      mu[i] = logitInverse(s)
    }
    return binomialDeviance(y, mu)
  }
}
