/**
 * Kaplan–Meier estimate with R's survfit(Surv(time, event) ~ 1) semantics (survival 3.x):
 * one row per distinct time (event or censoring), Greenwood standard error on the log scale
 * (R's $std.err), pointwise CIs of type "log" (R's default), "log-log" or "plain", and the median
 * with its CI exactly as print.survfit reports them (survival:::survmean's minmin rule).
 *
 * Complexity: O(n log n) for kaplanMeier (one sort), O(n) for kmSorted on rows already in time
 * order, O(distinct times) memory for the steps, O(1) when only the median is wanted.
 */
import { qnorm } from './normal.js'
import { type EventFlag, sortByTime, survivalData } from './survival-input.js'

export type ConfType = 'log' | 'log-log' | 'plain'

export interface KmStep {
  readonly time: number
  readonly nRisk: number
  readonly nEvent: number
  readonly nCensor: number
  readonly surv: number
  /** Greenwood standard error of log S(t) (R's survfit $std.err); Infinity once S reaches 0. */
  readonly stdErrLog: number
  /** Standard error of S(t) itself, S·stdErrLog (what summary.survfit prints); NaN when S = 0. */
  readonly stdErr: number
  /** Pointwise CI; NaN where R reports NA (S = 0 for log, S ∈ {0, 1} for log-log). */
  readonly lower: number
  readonly upper: number
}

export interface SurvivalMedian {
  /** NaN when the curve never reaches 0.5 ("not reached"). */
  readonly estimate: number
  readonly lower: number
  readonly upper: number
}

export interface KaplanMeier {
  readonly n: number
  readonly events: number
  readonly confType: ConfType
  readonly confLevel: number
  readonly steps: readonly KmStep[]
  readonly median: SurvivalMedian
}

export interface KmOptions {
  readonly confType?: ConfType | undefined
  readonly confLevel?: number | undefined
}

/** survival:::survfit_confint for the three types we support (ulimit = TRUE). */
function confint(s: number, se: number, z: number, type: ConfType): readonly [number, number] {
  if (type === 'log') {
    if (s === 0) return [NaN, NaN]
    return [Math.exp(Math.log(s) - z * se), Math.min(Math.exp(Math.log(s) + z * se), 1)]
  }
  if (type === 'log-log') {
    if (s === 0 || s === 1) return [NaN, NaN]
    const se2 = (z * se) / Math.log(s)
    const ll = Math.log(-Math.log(s))
    return [Math.exp(-Math.exp(ll - se2)), Math.exp(-Math.exp(ll + se2))]
  }
  const half = z * se * s
  return [Math.max(s - half, 0), Math.min(s + half, 1)]
}

const HALF_TOL = Math.sqrt(Number.EPSILON)

/** R's 'minmin': first time the curve is below 0.5, or the midpoint rule when it sits exactly at 0.5. */
export function firstBelowHalf(times: readonly number[], y: readonly number[]): number {
  const tol = HALF_TOL
  const xs: number[] = []
  const ys: number[] = []
  for (let i = 0; i < y.length; i++) {
    const v = y[i] ?? NaN
    if (!Number.isNaN(v) && v < 0.5 + tol) {
      xs.push(times[i] ?? NaN)
      ys.push(v)
    }
  }
  const x0 = xs[0]
  const y0 = ys[0]
  if (x0 === undefined || y0 === undefined) return NaN
  if (Math.abs(y0 - 0.5) < tol) {
    // The curve is flat at exactly 0.5 from x0 until it next drops: R takes the midpoint.
    const j = ys.findIndex((v) => v < y0)
    if (j >= 0) return (x0 + (xs[j] ?? NaN)) / 2
  }
  return x0
}

/** R's 'minmin' rule fed one curve point at a time, in time order: the same answer as firstBelowHalf. */
class HalfCrossing {
  private x0 = NaN
  private y0 = NaN
  /** 0: not yet below 0.5; 1: first point sits on 0.5, waiting for the next drop; 2: decided. */
  private state = 0
  private result = NaN

  push(t: number, y: number): void {
    if (this.state === 0) {
      // NaN compares false, so NaN points are skipped as in firstBelowHalf.
      if (!(y < 0.5 + HALF_TOL)) return
      this.x0 = t
      this.y0 = y
      if (Math.abs(y - 0.5) < HALF_TOL) this.state = 1
      else {
        this.result = t
        this.state = 2
      }
    } else if (this.state === 1 && y < this.y0) {
      this.result = (this.x0 + t) / 2
      this.state = 2
    }
  }

  value(): number {
    return this.state === 1 ? this.x0 : this.result
  }

  /** No later point can change value(). */
  get decided(): boolean {
    return this.state === 2
  }
}

/** The two-sided normal quantile for a confidence level in (0, 1). */
export function kmCriticalValue(confLevel: number): number {
  if (!(confLevel > 0 && confLevel < 1)) throw new RangeError(`kaplanMeier: confLevel must be in (0, 1), got ${confLevel}`)
  return qnorm(1 - (1 - confLevel) / 2)
}

export interface KmSummary {
  readonly n: number
  readonly events: number
  readonly median: SurvivalMedian
}

/**
 * The Kaplan–Meier walk over rows already in time order (tied times adjacent): O(n), no
 * allocation per row. Pushes one step per distinct time into `steps` when given; the median and its
 * CI are tracked as the walk goes, so a caller that only needs them (scan) keeps no curve.
 * `z` is kmCriticalValue(confLevel).
 */
export function kmSorted(time: Float64Array, event: Uint8Array, z: number, confType: ConfType, steps?: KmStep[]): KmSummary {
  const n = time.length
  const estimate = new HalfCrossing()
  const lowerCrossing = new HalfCrossing()
  const upperCrossing = new HalfCrossing()
  let surv = 1
  let greenwood = 0
  let events = 0
  let k = 0
  while (k < n) {
    const t = time[k] as number
    const nRisk = n - k
    let nEvent = 0
    let nCensor = 0
    while (k < n && time[k] === t) {
      if (event[k] === 1) nEvent++
      else nCensor++
      k++
    }
    if (nEvent > 0) {
      surv *= 1 - nEvent / nRisk
      // d/(n(n−d)) is Infinity when everyone at risk dies, as in R.
      greenwood += nRisk === nEvent ? Infinity : nEvent / (nRisk * (nRisk - nEvent))
      events += nEvent
    }
    const stdErrLog = Math.sqrt(greenwood)
    const [lower, upper] = confint(surv, stdErrLog, z, confType)
    estimate.push(t, surv)
    lowerCrossing.push(t, lower)
    upperCrossing.push(t, upper)
    if (steps) steps.push({ time: t, nRisk, nEvent, nCensor, surv, stdErrLog, stdErr: surv === 0 ? NaN : surv * stdErrLog, lower, upper })
    else if (estimate.decided && lowerCrossing.decided && upperCrossing.decided) {
      // Median and CI are fixed: what is left to report is the number of events. The walk would
      // otherwise take a log and two exps per distinct time to the end of follow-up.
      for (; k < n; k++) events += event[k] === 1 ? 1 : 0
    }
  }
  return { n, events, median: { estimate: estimate.value(), lower: lowerCrossing.value(), upper: upperCrossing.value() } }
}

/** O(n log n) for the sort, then kaplanMeierSorted. */
export function kaplanMeier(time: readonly number[], event: readonly EventFlag[], options: KmOptions = {}): KaplanMeier {
  kmCriticalValue(options.confLevel ?? 0.95)
  const data = sortByTime(survivalData(time, event, 'kaplanMeier'))
  return kaplanMeierSorted(data.time, data.event, options)
}

/** The whole curve for rows already in time order: O(n). */
export function kaplanMeierSorted(time: Float64Array, event: Uint8Array, options: KmOptions = {}): KaplanMeier {
  const confType = options.confType ?? 'log'
  const confLevel = options.confLevel ?? 0.95
  const steps: KmStep[] = []
  const { n, events, median } = kmSorted(time, event, kmCriticalValue(confLevel), confType, steps)
  return { n, events, confType, confLevel, steps, median }
}

/** Number at risk (time ≥ t) at each requested time, for risk tables under a KM plot. */
export function numberAtRisk(time: readonly number[], at: readonly number[]): number[] {
  const sorted = Float64Array.from(time).sort()
  return at.map((t) => {
    // first index with sorted[i] ≥ t
    let lo = 0
    let hi = sorted.length
    while (lo < hi) {
      const mid = (lo + hi) >>> 1
      if ((sorted[mid] ?? 0) < t) lo = mid + 1
      else hi = mid
    }
    return sorted.length - lo
  })
}
