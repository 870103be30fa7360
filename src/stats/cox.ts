/**
 * Cox proportional hazards with Efron's tie handling, as R's coxph(Surv(time, event) ~ x1 + …)
 * (survival 3.x coxfit6 defaults: start at β = 0, Newton–Raphson, halve the step whenever the
 * log partial likelihood gets worse, stop when |1 − ℓ_old/ℓ_new| ≤ 1e-9, at most 20 iterations).
 * After R's stopping rule is met we take further Newton steps until they are below 1e-13, so our
 * coefficients are the exact maximiser while R's stop within its 1e-9 loglik tolerance (measured
 * difference to R ≤ 1e-9 relative on the reference fits).
 *
 * Monotone likelihood (e.g. no events in one group): like R we detect it with
 * |U·V| > eps and > toler.inf·|β| at the final iterate and report a warning string with R's wording
 * instead of throwing; the coefficient is then large and meaningless, exactly as in R.
 *
 * Complexity: O(n log n) to sort (coxph only), then O(n·p²) per log-likelihood evaluation and
 * about 5–10 evaluations per fit (Newton steps, halvings, polish); O(n·p) memory, allocated once
 * per fit. coxSorted fits rows already in time order, for callers that fit many models to one
 * sorted set of samples.
 */
import { choleskyInverse, choleskySolve, cholesky, quadraticForm, type Matrix } from './linalg.js'
import { pchisq } from './incomplete-gamma.js'
import { pnorm, qnorm } from './normal.js'
import { type EventFlag, sortByTime, survivalData } from './survival-input.js'
import { derivatives, scratch, type CoxRows, type Derivatives } from './cox-efron.js'

export type { CoxRows } from './cox-efron.js'

export interface CoxOptions {
  readonly maxIter?: number | undefined
  readonly eps?: number | undefined
  readonly confLevel?: number | undefined
  /** Covariate names for the result (default x1, x2, …). */
  readonly names?: readonly string[] | undefined
}

export interface CoxCoefficient {
  readonly name: string
  readonly coef: number
  readonly hr: number
  readonly se: number
  readonly lower: number
  readonly upper: number
  readonly z: number
  readonly p: number
}

export interface CoxTest {
  readonly statistic: number
  readonly df: number
  readonly p: number
}

export interface CoxResult {
  readonly n: number
  readonly events: number
  readonly coefficients: readonly CoxCoefficient[]
  /** Variance matrix of the coefficients (inverse information). */
  readonly variance: Matrix
  /** [null, fitted] log partial likelihood, as R's $loglik */
  readonly loglik: readonly [number, number]
  readonly likelihoodRatio: CoxTest
  readonly wald: CoxTest
  /** Score (log-rank for one binary covariate) test at β = 0, R's $score */
  readonly score: CoxTest
  /** Iterations R's rule needed (R's $iter). */
  readonly iterations: number
  readonly converged: boolean
  readonly warning: string | undefined
}


function test(statistic: number, df: number): CoxTest {
  return { statistic, df, p: df > 0 ? pchisq(statistic, df) : 1 }
}

/** Column means of a row-major n × p matrix, summed in row order (as R centres before fitting). */
export function columnMeans(x: Float64Array, n: number, p: number): number[] {
  const means: number[] = []
  for (let j = 0; j < p; j++) {
    let s = 0
    for (let i = 0; i < n; i++) s += x[i * p + j] as number
    means.push(s / n)
  }
  return means
}

/**
 * Fit a Cox model. `x` is n rows × p covariates (numeric; encode factors as 0/1 columns).
 * O(n log n) for the sort, then coxSorted.
 */
export function coxph(time: readonly number[], event: readonly EventFlag[], x: readonly (readonly number[])[], options: CoxOptions = {}): CoxResult {
  const data = survivalData(time, event, 'coxph')
  const n = data.time.length
  if (x.length !== n) throw new RangeError(`coxph: x has ${x.length} rows but time has ${n}`)
  const p = x[0]?.length ?? 0
  if (p === 0) throw new RangeError('coxph: need at least one covariate')
  const flat = new Float64Array(n * p)
  for (let i = 0; i < n; i++) {
    const row = x[i] ?? []
    if (row.length !== p) throw new RangeError(`coxph: row ${i} of x has ${row.length} covariates, expected ${p}`)
    row.forEach((v, j) => {
      if (!Number.isFinite(v)) throw new RangeError(`coxph: x[${i}] has a non-finite value ${v}`)
      flat[i * p + j] = v
    })
  }
  // Centre covariates in input order (R does too): the fit is unchanged, the sums lose fewer digits.
  const means = columnMeans(flat, n, p)
  const sorted = sortByTime(data)
  const xc = new Float64Array(n * p)
  sorted.order.forEach((i, k) => {
    for (let j = 0; j < p; j++) xc[k * p + j] = (flat[i * p + j] as number) - (means[j] as number)
  })
  return coxSorted({ time: sorted.time, event: sorted.event, x: xc, p }, options)
}

/**
 * Fit a Cox model to rows already in time order with centred covariates (tied times keep their
 * order, which fixes the order of the floating-point sums). O(n·p²) per Newton step, O(n + p²)
 * memory allocated once per fit.
 */
export function coxSorted(rows: CoxRows, options: CoxOptions = {}): CoxResult {
  const n = rows.time.length
  const p = rows.p
  if (rows.x.length !== n * p || p === 0) throw new RangeError(`coxSorted: x has ${rows.x.length} values for ${n} rows × ${p} covariates`)
  const work = scratch(n, p)
  return coxNewton((b) => derivatives(b, rows, work), { n, p, events: rows.event.reduce((s, e) => s + e, 0) }, options)
}

/** What the Newton driver needs to know about the rows besides the evaluator. */
export interface CoxShape {
  readonly n: number
  readonly p: number
  readonly events: number
}

/**
 * coxph's Newton–Raphson (see the file comment) over any evaluator of the Efron log partial
 * likelihood, score and information at β: `derivatives` over CoxRows (coxSorted), or the
 * two-group evaluator of ./cox-binary.ts. The evaluator is the only O(n) part.
 */
export function coxNewton(f: (beta: readonly number[]) => Derivatives, shape: CoxShape, options: CoxOptions = {}): CoxResult {
  const { n, p } = shape
  const maxIter = options.maxIter ?? 20
  const eps = options.eps ?? 1e-9
  const tolerInf = Math.sqrt(eps)
  const names = options.names ?? Array.from({ length: p }, (_, j) => `x${j + 1}`)

  let beta = new Array<number>(p).fill(0)
  const init = f(beta)
  let cur = init
  let iterations = 0
  let converged = maxIter === 0
  let halving = false
  let ch = cholesky(cur.imat)
  let newBeta = beta.map((b, j) => b + (choleskySolve(ch, cur.u)[j] ?? 0))
  for (let iter = 1; iter <= maxIter; iter++) {
    iterations = iter
    const next = f(newBeta)
    if (!halving && Math.abs(1 - cur.loglik / next.loglik) <= eps) {
      beta = newBeta
      cur = next
      converged = true
      break
    }
    if (!(next.loglik >= cur.loglik) || !Number.isFinite(next.loglik)) {
      // Worse (or overflow): step halving, as coxfit6.
      halving = true
      newBeta = newBeta.map((v, j) => (v + (beta[j] ?? 0)) / 2)
      continue
    }
    halving = false
    beta = newBeta
    cur = next
    ch = cholesky(cur.imat)
    const step = choleskySolve(ch, cur.u)
    newBeta = beta.map((b, j) => b + (step[j] ?? 0))
  }
  if (!converged) iterations = maxIter

  let variance = choleskyInverse(cholesky(cur.imat))
  let warning: string | undefined
  const infinite: number[] = []
  for (let j = 0; j < p; j++) {
    const uv = Math.abs(cur.u.reduce((s, uk, kk) => s + uk * (variance[kk]?.[j] ?? 0), 0))
    if (!Number.isFinite(cur.u[j] ?? NaN) || (uv > eps && uv > tolerInf * Math.abs(beta[j] ?? 0))) infinite.push(j + 1)
  }
  if (!converged) warning = 'Ran out of iterations and did not converge'
  else if (infinite.length > 0) warning = `Loglik converged before variable ${infinite.join(',')}; coefficient may be infinite.`
  else {
    // Polish: pure Newton steps to the exact maximiser (quadratic convergence, ≤ 5 steps).
    for (let extra = 0; extra < 8; extra++) {
      const step = choleskySolve(cholesky(cur.imat), cur.u)
      const trial = beta.map((b, j) => b + (step[j] ?? 0))
      const next = f(trial)
      if (!(next.loglik >= cur.loglik - 1e-12 * Math.abs(cur.loglik))) break
      beta = trial
      cur = next
      if (step.every((s, j) => Math.abs(s) <= 1e-13 * Math.max(1, Math.abs(beta[j] ?? 0)))) break
    }
    variance = choleskyInverse(cholesky(cur.imat))
  }

  const z975 = qnorm(1 - (1 - (options.confLevel ?? 0.95)) / 2)
  // A covariate the information matrix cannot identify (constant, or collinear with earlier ones)
  // gets coef NA in R (which.sing); we report NaN for all of its statistics.
  const singular = cholesky(cur.imat).singular
  const coefficients = beta.map((b0, j) => {
    const b = singular[j] ? NaN : b0
    const se = singular[j] ? NaN : Math.sqrt(variance[j]?.[j] ?? NaN)
    const zv = b / se
    return { name: names[j] ?? `x${j + 1}`, coef: b, hr: Math.exp(b), se, lower: Math.exp(b - z975 * se), upper: Math.exp(b + z975 * se), z: zv, p: 2 * pnorm(-Math.abs(zv)) }
  })
  const rank = cholesky(cur.imat).rank
  const scoreStat = quadraticForm(init.u, choleskyInverse(cholesky(init.imat)))
  // R's Wald test β'V⁻β over the identified coefficients; singular ones contribute 0.
  const waldStat = quadraticForm(beta.map((b, j) => (singular[j] ? 0 : b)), cur.imat)
  return {
    n,
    events: shape.events,
    coefficients,
    variance,
    loglik: [init.loglik, cur.loglik],
    likelihoodRatio: test(2 * (cur.loglik - init.loglik), rank),
    wald: test(waldStat, rank),
    score: test(scoreStat, p),
    iterations,
    converged,
    warning,
  }
}
