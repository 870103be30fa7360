/**
 * Logistic regression as R's glm(y ~ x1 + …, family = binomial): coefficients, standard errors,
 * Wald z and p, odds ratios with Wald intervals (R's confint.default), profile-likelihood
 * intervals (the exact roots of the profile deviance: what MASS's confint.glm approximates by
 * spline interpolation of a profile grid), residual and null deviance, AIC.
 *
 * Separation (an outcome perfectly predicted by a direction of the covariates, e.g. a factor
 * level with 0/10 responders) is detected by Konis's linear program (separation.ts) before
 * anything is reported: the maximum likelihood estimate does not exist, so each separated term
 * gets coef ±∞, OR ∞ or 0, its likelihood-ratio p (the deviance change when the term is fixed at
 * 0, which stays finite) and its profile bound on the closed side; `separation` says so and the
 * other terms carry R's glm numbers from its 25 iterations, which are not estimates either. Use
 * firthLogistic for finite estimates.
 */
import { dropColumn, logisticDesign, type Binary } from './logistic-design.js'
import { irls, type IrlsFit } from './logistic-fit.js'
import { pchisq } from './incomplete-gamma.js'
import { pnorm, qnorm } from './normal.js'
import { profileBound, type ProfilePoint } from './profile-interval.js'
import { detectSeparation, SEPARATION_LP_LIMIT } from './separation.js'

export interface LogisticOptions {
  /** covariate names (the intercept is "(Intercept)") */
  readonly names?: readonly string[] | undefined
  readonly confLevel?: number | undefined
  /** compute profile-likelihood intervals (default true; one constrained fit per root step) */
  readonly profile?: boolean | undefined
}

export interface LogisticTerm {
  readonly name: string
  readonly coef: number
  readonly se: number
  /** Wald z; undefined for a separated term (no estimate to divide). */
  readonly z: number | undefined
  /** Wald p, or the likelihood-ratio p for a separated term (see pMethod). */
  readonly p: number
  readonly pMethod: 'wald' | 'likelihood-ratio'
  readonly or: number
  /** Wald interval exp(b ± z·se); for a separated term the profile bounds. */
  readonly orLower: number
  readonly orUpper: number
  readonly profileLower: number
  readonly profileUpper: number
  /** +1/−1 when separation sends this coefficient to ±∞. */
  readonly infinite: -1 | 0 | 1
}

export interface LogisticResult {
  readonly n: number
  /** observations with y = 1 */
  readonly events: number
  readonly terms: readonly LogisticTerm[]
  readonly deviance: number
  readonly nullDeviance: number
  readonly dfResidual: number
  readonly aic: number
  readonly iterations: number
  readonly converged: boolean
  readonly separation: boolean
  readonly warning: string | undefined
  readonly intervalMethod: string
}

export function logisticRegression(y: readonly Binary[], X: readonly (readonly number[])[], options: LogisticOptions = {}): LogisticResult {
  const d = logisticDesign(y, X, options.names, 'logisticRegression')
  const { p } = d
  const n = d.y.length
  const fit = irls(d.y, d.x, p)
  const singularAt = fit.singular.findIndex((s) => s)
  if (singularAt >= 0) throw new RangeError(`logisticRegression: ${d.names[singularAt] ?? `column ${singularAt}`} is constant or collinear with the columns before it`)
  // Under separation glm's iterations drive the separated observations' fitted probabilities to
  // 0 or 1 (measured 3e-9 and 9e-9 on the separated fixtures after R's iterations); a converged fit
  // with every fitted probability inside [1e-6, 1 − 1e-6] has no separation, and the linear
  // program (whose size grows with the distinct rows) is skipped.
  const nearBoundary = !fit.converged || fit.mu.some((m) => m < 1e-6 || m > 1 - 1e-6)
  const tooLarge = nearBoundary && distinctRows(d.y, d.x, p) > SEPARATION_LP_LIMIT
  const sep = nearBoundary && !tooLarge ? detectSeparation(d.y, d.x, p) : { separated: false, direction: new Array<0>(p).fill(0) }
  const z = qnorm(1 - (1 - (options.confLevel ?? 0.95)) / 2)
  const q = z * z
  const events = d.y.reduce((s, v) => s + v, 0)
  const ybar = events / n
  const nullDeviance = -2 * (events * Math.log(ybar) + (n - events) * Math.log(1 - ybar))
  const wantProfile = options.profile ?? true

  const terms = d.names.map((name, j): LogisticTerm => {
    const b = fit.coef[j] as number
    const se = Math.sqrt((fit.covariance[j] as number[])[j] as number)
    const infinite = sep.direction[j] ?? 0
    const profile = wantProfile || infinite !== 0 ? profileFor(d.y, d.x, p, j, fit.coef) : undefined
    const target = fit.deviance + q
    const lower = profile ? (infinite === -1 ? -Infinity : profileBound(profile, target, b, se, -1)) : NaN
    const upper = profile ? (infinite === 1 ? Infinity : profileBound(profile, target, b, se, 1)) : NaN
    if (infinite !== 0) {
      const lr = profileFor(d.y, d.x, p, j, fit.coef)(0).deviance - fit.deviance
      return {
        name, coef: infinite * Infinity, se: Infinity, z: undefined, p: pchisq(Math.max(lr, 0), 1), pMethod: 'likelihood-ratio',
        or: infinite === 1 ? Infinity : 0, orLower: Math.exp(lower), orUpper: Math.exp(upper), profileLower: Math.exp(lower), profileUpper: Math.exp(upper), infinite,
      }
    }
    const zv = b / se
    return {
      name, coef: b, se, z: zv, p: 2 * pnorm(-Math.abs(zv)), pMethod: 'wald',
      or: Math.exp(b), orLower: Math.exp(b - z * se), orUpper: Math.exp(b + z * se), profileLower: Math.exp(lower), profileUpper: Math.exp(upper), infinite: 0,
    }
  })
  const separated = terms.filter((t) => t.infinite !== 0).map((t) => t.name)
  let warning: string | undefined
  if (sep.separated) warning = `separation: ${separated.join(', ')} perfectly predict the outcome; the maximum likelihood estimate does not exist (OR reported as ${separated.length > 1 ? 'infinite or 0' : terms.find((t) => t.infinite !== 0)?.or === 0 ? '0' : 'Inf'}); use Firth's penalized likelihood for finite estimates`
  else if (tooLarge) warning = `fitted probabilities numerically 0 or 1 occurred and separation was not checked (more than ${SEPARATION_LP_LIMIT} distinct rows); the estimates may be infinite`
  else if (!fit.converged) warning = 'glm.fit: algorithm did not converge'
  return {
    n,
    events,
    terms,
    deviance: fit.deviance,
    nullDeviance,
    dfResidual: n - p,
    aic: fit.deviance + 2 * p,
    iterations: fit.iterations,
    converged: fit.converged,
    separation: sep.separated,
    warning,
    intervalMethod: 'orLower/orUpper: Wald exp(b ± z·se) as confint.default (profile bounds for separated terms); profileLower/profileUpper: exact profile-likelihood roots',
  }
}

function distinctRows(y: Uint8Array, x: Float64Array, p: number): number {
  const keys = new Set<string>()
  for (let i = 0; i < y.length; i++) keys.add(`${y[i] ?? 0}|${Array.from(x.subarray(i * p, (i + 1) * p)).join(',')}`)
  return keys.size
}

/** D(b) and dD/db with coefficient j fixed at b (offset), the rest refitted by IRLS. */
function profileFor(y: Uint8Array, x: Float64Array, p: number, j: number, coef: readonly number[]): (b: number) => ProfilePoint {
  const { rest, column } = dropColumn(x, p, j)
  const start = coef.filter((_, a) => a !== j)
  const offset = new Float64Array(y.length)
  return (b: number) => {
    column.forEach((v, i) => (offset[i] = b * v))
    const fit: IrlsFit = p === 1 ? offsetOnly(y, offset) : irls(y, rest, p - 1, offset, 100, 1e-12, start)
    let score = 0
    for (let i = 0; i < y.length; i++) score += (column[i] as number) * ((y[i] as number) - (fit.mu[i] as number))
    return { deviance: fit.deviance, slope: -2 * score }
  }
}

/** A model whose only coefficient is fixed: nothing left to fit. */
function offsetOnly(y: Uint8Array, offset: Float64Array): IrlsFit {
  const mu = offset.map((e) => 1 / (1 + Math.exp(-e)))
  let deviance = 0
  for (let i = 0; i < y.length; i++) deviance += y[i] === 1 ? -2 * Math.log(mu[i] as number) : -2 * Math.log(1 - (mu[i] as number))
  return { coef: [], covariance: [], deviance, mu, iterations: 0, converged: true, singular: [] }
}
