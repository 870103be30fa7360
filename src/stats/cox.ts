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
import { choleskyInverse, choleskySolve, cholesky, quadraticForm, type Matrix, zeros } from './linalg.js'
import { pchisq } from './incomplete-gamma.js'
import { pnorm, qnorm } from './normal.js'
import { type EventFlag, sortByTime, survivalData } from './survival-input.js'

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

interface Derivatives {
  readonly loglik: number
  readonly u: number[]
  readonly imat: Matrix
}

/** Rows in time order, covariates centred, row-major n × p; what coxSorted fits. */
export interface CoxRows {
  readonly time: Float64Array
  /** 1 = event, 0 = censored */
  readonly event: Uint8Array
  readonly x: Float64Array
  readonly p: number
}

/** Buffers efron reuses across the Newton steps of one fit, so an evaluation allocates only its O(p²) result. */
interface Scratch {
  readonly eta: Float64Array
  readonly risk: Float64Array
  readonly s1: Float64Array
  readonly s2: Float64Array
  readonly d1: Float64Array
  readonly d2: Float64Array
  readonly mean: Float64Array
  readonly u: Float64Array
  readonly imat: Float64Array
}

function scratch(n: number, p: number): Scratch {
  return {
    eta: new Float64Array(n),
    risk: new Float64Array(n),
    s1: new Float64Array(p),
    s2: new Float64Array(p * p),
    d1: new Float64Array(p),
    d2: new Float64Array(p * p),
    mean: new Float64Array(p),
    u: new Float64Array(p),
    imat: new Float64Array(p * p),
  }
}

/**
 * Log partial likelihood (Efron) at beta, returned; score and lower-triangle information left in
 * w.u and w.imat. O(n·p²): one pass from the latest time back, adding each tied block to the risk
 * set before scoring it. The additions happen row by row in the same order as before this code moved
 * to flat typed arrays (rows in time order, ties in input order), so every sum and every printed
 * digit is unchanged; summing per block or per group instead would be faster but move last bits.
 */
function efron(beta: readonly number[], rows: CoxRows, w: Scratch): number {
  const etaMax = linearPredictor(beta, rows, w.eta)
  riskScores(w.eta, etaMax, w.risk)
  return rows.p === 1 ? accumulate1(rows, w, etaMax) : accumulate(rows, w, etaMax)
}

/** η = xβ row by row (summed over columns in order); returns max η. */
function linearPredictor(beta: readonly number[], rows: CoxRows, eta: Float64Array): number {
  const { x, p } = rows
  const n = eta.length
  let etaMax = -Infinity
  for (let i = 0; i < n; i++) {
    let s = 0
    for (let j = 0; j < p; j++) s += (beta[j] as number) * (x[i * p + j] as number)
    eta[i] = s
    if (s > etaMax) etaMax = s
  }
  return etaMax
}

/**
 * A common shift of η cancels in the partial likelihood; it keeps exp() finite. Neighbouring rows
 * often share η (a 0/1 covariate), and exp of the same argument is the same number, so it is reused
 * (measured 14 → 6 ns a row for the scan's altered indicator at 8% altered).
 */
function riskScores(eta: Float64Array, etaMax: number, risk: Float64Array): void {
  let last = NaN
  let lastRisk = NaN
  for (let i = 0; i < eta.length; i++) {
    const e = eta[i] as number
    if (e !== last) {
      last = e
      lastRisk = Math.exp(e - etaMax)
    }
    risk[i] = lastRisk
  }
}

/**
 * accumulate for one covariate (the scan's altered indicator): the same additions in the same
 * order, with scalars instead of 1×1 arrays (measured 3.2 → 2.2 ms CPU per fit at n = 10,000).
 */
function accumulate1(rows: CoxRows, w: Scratch, etaMax: number): number {
  const { time, event, x } = rows
  const { eta, risk, u: uOut, imat: imatOut } = w
  const n = time.length
  let loglik = 0
  let u = 0
  let imat = 0
  let s0 = 0
  let s1 = 0
  let s2 = 0
  let k = n - 1
  while (k >= 0) {
    const t = time[k]
    let d = 0
    let d0 = 0
    let d1 = 0
    let d2 = 0
    while (k >= 0 && time[k] === t) {
      const r = risk[k] as number
      const xa = x[k] as number
      s0 += r
      s1 = s1 + r * xa
      s2 = s2 + r * xa * xa
      if (event[k] === 1) {
        d++
        d0 += r
        loglik += (eta[k] as number) - etaMax
        u = u + xa
        d1 = d1 + r * xa
        d2 = d2 + r * xa * xa
      }
      k--
    }
    for (let l = 0; l < d; l++) {
      const frac = l / d
      const denom = s0 - frac * d0
      loglik -= Math.log(denom)
      const mean = (s1 - frac * d1) / denom
      u = u - mean
      const second = (s2 - frac * d2) / denom
      imat = imat + second - mean * mean
    }
  }
  uOut[0] = u
  imatOut[0] = imat
  return loglik
}

/** The backward walk over tied blocks: log partial likelihood, score and information. */
function accumulate(rows: CoxRows, w: Scratch, etaMax: number): number {
  const { time, event, x, p } = rows
  const n = time.length
  const { eta, risk, s1, s2, d1, d2, mean, u, imat } = w
  let loglik = 0
  u.fill(0)
  imat.fill(0)
  let s0 = 0
  s1.fill(0)
  s2.fill(0)
  let k = n - 1
  while (k >= 0) {
    const t = time[k]
    let d = 0
    let d0 = 0
    d1.fill(0)
    d2.fill(0)
    while (k >= 0 && time[k] === t) {
      const r = risk[k] as number
      const o = k * p
      s0 += r
      for (let a = 0; a < p; a++) {
        const xa = x[o + a] as number
        s1[a] = (s1[a] as number) + r * xa
        for (let b = 0; b <= a; b++) s2[a * p + b] = (s2[a * p + b] as number) + r * xa * (x[o + b] as number)
      }
      if (event[k] === 1) {
        d++
        d0 += r
        loglik += (eta[k] as number) - etaMax
        for (let a = 0; a < p; a++) {
          const xa = x[o + a] as number
          u[a] = (u[a] as number) + xa
          d1[a] = (d1[a] as number) + r * xa
          for (let b = 0; b <= a; b++) d2[a * p + b] = (d2[a * p + b] as number) + r * xa * (x[o + b] as number)
        }
      }
      k--
    }
    for (let l = 0; l < d; l++) {
      const frac = l / d
      const denom = s0 - frac * d0
      loglik -= Math.log(denom)
      for (let a = 0; a < p; a++) mean[a] = ((s1[a] as number) - frac * (d1[a] as number)) / denom
      for (let a = 0; a < p; a++) {
        u[a] = (u[a] as number) - (mean[a] as number)
        for (let b = 0; b <= a; b++) {
          const second = ((s2[a * p + b] as number) - frac * (d2[a * p + b] as number)) / denom
          imat[a * p + b] = (imat[a * p + b] as number) + second - (mean[a] as number) * (mean[b] as number)
        }
      }
    }
  }
  return loglik
}

/** efron at beta, with the score and (symmetrised) information copied out of the scratch buffers. */
function derivatives(beta: readonly number[], rows: CoxRows, w: Scratch): Derivatives {
  const loglik = efron(beta, rows, w)
  const p = rows.p
  const imat = zeros(p)
  for (let a = 0; a < p; a++) {
    for (let b = 0; b <= a; b++) {
      const v = w.imat[a * p + b] as number
      ;(imat[a] as number[])[b] = v
      ;(imat[b] as number[])[a] = v
    }
  }
  return { loglik, u: Array.from(w.u), imat }
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
  const maxIter = options.maxIter ?? 20
  const eps = options.eps ?? 1e-9
  const tolerInf = Math.sqrt(eps)
  const names = options.names ?? Array.from({ length: p }, (_, j) => `x${j + 1}`)
  const work = scratch(n, p)
  const f = (b: readonly number[]) => derivatives(b, rows, work)

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
    events: rows.event.reduce((s, e) => s + e, 0),
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
