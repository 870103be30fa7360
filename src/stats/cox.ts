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
 */
import { choleskyInverse, choleskySolve, cholesky, quadraticForm, type Matrix, zeros } from './linalg.js'
import { pchisq } from './incomplete-gamma.js'
import { pnorm, qnorm } from './normal.js'
import { type EventFlag, orderByTime, survivalData } from './survival-input.js'

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

/** Log partial likelihood (Efron), score and information at beta; rows pre-sorted by time desc. */
function efron(beta: readonly number[], x: readonly (readonly number[])[], time: Float64Array, event: Uint8Array, order: readonly number[]): Derivatives {
  const p = beta.length
  const n = order.length
  const eta = new Float64Array(n)
  let etaMax = -Infinity
  for (let i = 0; i < n; i++) {
    let s = 0
    const xi = x[i] ?? []
    for (let j = 0; j < p; j++) s += (beta[j] ?? 0) * (xi[j] ?? 0)
    eta[i] = s
    if (s > etaMax) etaMax = s
  }
  // A common shift of η cancels in the partial likelihood; it keeps exp() finite.
  const risk = eta.map((e) => Math.exp(e - etaMax))
  let loglik = 0
  const u = new Array<number>(p).fill(0)
  const imat = zeros(p)
  let s0 = 0
  const s1 = new Array<number>(p).fill(0)
  const s2 = zeros(p)
  let k = n - 1
  // Walk from the latest time back, adding each tied block to the risk set before scoring it.
  while (k >= 0) {
    const t = time[order[k] ?? 0]
    let d = 0
    let d0 = 0
    const d1 = new Array<number>(p).fill(0)
    const d2 = zeros(p)
    while (k >= 0 && time[order[k] ?? 0] === t) {
      const i = order[k] ?? 0
      const r = risk[i] ?? 0
      const xi = x[i] ?? []
      s0 += r
      for (let a = 0; a < p; a++) {
        s1[a] = (s1[a] ?? 0) + r * (xi[a] ?? 0)
        for (let b = 0; b <= a; b++) (s2[a] as number[])[b] = (s2[a]?.[b] ?? 0) + r * (xi[a] ?? 0) * (xi[b] ?? 0)
      }
      if (event[i] === 1) {
        d++
        d0 += r
        loglik += (eta[i] ?? 0) - etaMax
        for (let a = 0; a < p; a++) {
          u[a] = (u[a] ?? 0) + (xi[a] ?? 0)
          d1[a] = (d1[a] ?? 0) + r * (xi[a] ?? 0)
          for (let b = 0; b <= a; b++) (d2[a] as number[])[b] = (d2[a]?.[b] ?? 0) + r * (xi[a] ?? 0) * (xi[b] ?? 0)
        }
      }
      k--
    }
    for (let l = 0; l < d; l++) {
      const frac = l / d
      const denom = s0 - frac * d0
      loglik -= Math.log(denom)
      const mean = s1.map((v, a) => (v - frac * (d1[a] ?? 0)) / denom)
      for (let a = 0; a < p; a++) {
        u[a] = (u[a] ?? 0) - (mean[a] ?? 0)
        for (let b = 0; b <= a; b++) {
          const second = ((s2[a]?.[b] ?? 0) - frac * (d2[a]?.[b] ?? 0)) / denom
          ;(imat[a] as number[])[b] = (imat[a]?.[b] ?? 0) + second - (mean[a] ?? 0) * (mean[b] ?? 0)
        }
      }
    }
  }
  for (let a = 0; a < p; a++) for (let b = 0; b < a; b++) (imat[b] as number[])[a] = imat[a]?.[b] ?? 0
  return { loglik, u, imat }
}

function test(statistic: number, df: number): CoxTest {
  return { statistic, df, p: df > 0 ? pchisq(statistic, df) : 1 }
}

/**
 * Fit a Cox model. `x` is n rows × p covariates (numeric; encode factors as 0/1 columns).
 */
export function coxph(time: readonly number[], event: readonly EventFlag[], x: readonly (readonly number[])[], options: CoxOptions = {}): CoxResult {
  const data = survivalData(time, event, 'coxph')
  const n = data.time.length
  if (x.length !== n) throw new RangeError(`coxph: x has ${x.length} rows but time has ${n}`)
  const p = x[0]?.length ?? 0
  if (p === 0) throw new RangeError('coxph: need at least one covariate')
  for (let i = 0; i < n; i++) {
    const row = x[i] ?? []
    if (row.length !== p) throw new RangeError(`coxph: row ${i} of x has ${row.length} covariates, expected ${p}`)
    for (const v of row) if (!Number.isFinite(v)) throw new RangeError(`coxph: x[${i}] has a non-finite value ${v}`)
  }
  const maxIter = options.maxIter ?? 20
  const eps = options.eps ?? 1e-9
  const tolerInf = Math.sqrt(eps)
  const names = options.names ?? Array.from({ length: p }, (_, j) => `x${j + 1}`)
  // Centre covariates (R does too): the fit is unchanged, the sums lose fewer digits.
  const means = Array.from({ length: p }, (_, j) => x.reduce((s, r) => s + (r[j] ?? 0), 0) / n)
  const xc = x.map((r) => r.map((v, j) => v - (means[j] ?? 0)))
  const order = orderByTime(data.time)
  const f = (b: readonly number[]) => efron(b, xc, data.time, data.event, order)

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
    events: data.event.reduce((s, e) => s + e, 0),
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
