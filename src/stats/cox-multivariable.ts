/**
 * Multivariable Cox model over named numeric and categorical covariates, as R's
 * coxph(Surv(time, event) ~ a + factor(b) + …) (Efron ties, the fit of cox.ts): every term's
 * HR with its Wald interval and p, the likelihood-ratio, Wald and score tests, and the patients
 * and events used after leaving out rows with a missing covariate (R's na.omit), with the count
 * dropped. Categorical covariates are dummy-coded against a stated reference level (design.ts).
 */
import { coxph, type CoxOptions, type CoxTest } from './cox.js'
import { designMatrix, type Covariate } from './design.js'
import type { EventFlag } from './survival-input.js'

export interface CoxTerm {
  readonly term: string
  readonly covariate: string
  readonly level: string | undefined
  readonly reference: string | undefined
  readonly coef: number
  readonly se: number
  readonly hr: number
  readonly hrLower: number
  readonly hrUpper: number
  readonly z: number
  readonly p: number
}

export interface CoxMultivariableResult {
  readonly n: number
  readonly events: number
  /** rows left out for a missing covariate value, and the events among them */
  readonly dropped: number
  readonly droppedEvents: number
  readonly terms: readonly CoxTerm[]
  readonly likelihoodRatio: CoxTest
  readonly wald: CoxTest
  readonly score: CoxTest
  readonly loglik: readonly [number, number]
  readonly converged: boolean
  readonly warning: string | undefined
}

export function coxMultivariable(
  time: readonly number[],
  event: readonly EventFlag[],
  covariates: readonly Covariate[],
  options: Omit<CoxOptions, 'names'> = {},
): CoxMultivariableResult {
  if (time.length !== event.length) throw new RangeError(`coxMultivariable: time has ${time.length} values but event has ${event.length}`)
  const design = designMatrix(covariates, time.length)
  if (design.kept.length === 0) throw new RangeError('coxMultivariable: no patient has every covariate')
  const fit = coxph(
    design.kept.map((i) => time[i] as number),
    design.kept.map((i) => event[i] as EventFlag),
    design.rows,
    { ...options, names: design.columns.map((c) => c.term) },
  )
  const terms = fit.coefficients.map((c, j): CoxTerm => {
    const col = design.columns[j]
    return {
      term: c.name,
      covariate: col?.covariate ?? c.name,
      level: col?.level,
      reference: col?.reference,
      coef: c.coef,
      se: c.se,
      hr: c.hr,
      hrLower: c.lower,
      hrUpper: c.upper,
      z: c.z,
      p: c.p,
    }
  })
  const droppedEvents = design.dropped.filter((i) => event[i] === 1 || event[i] === true).length
  return {
    n: fit.n,
    events: fit.events,
    dropped: design.dropped.length,
    droppedEvents,
    terms,
    likelihoodRatio: fit.likelihoodRatio,
    wald: fit.wald,
    score: fit.score,
    loglik: fit.loglik,
    converged: fit.converged,
    warning: fit.warning,
  }
}
