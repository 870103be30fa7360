import type { FeatureType } from '../matrix/types.js'

export interface Median {
  /** NaN when not reached. */
  readonly median: number
  readonly lower: number
  readonly upper: number
}

/** One feature × survival endpoint: KM medians per group, log-rank, Cox HR (altered vs wild-type). */
export interface SurvivalRow {
  readonly feature: string
  readonly label: string
  readonly featureType: FeatureType
  readonly endpoint: string
  readonly family: string
  readonly nAltered: number
  readonly nWildType: number
  readonly notAssayed: number
  readonly eventsAltered: number
  readonly eventsWildType: number
  readonly medianAltered: Median | undefined
  readonly medianWildType: Median | undefined
  readonly logrankChisq: number | undefined
  readonly logrankP: number | undefined
  /** Hazard ratio altered vs wild-type (Cox, Efron ties), adjusted for `covariates`. */
  readonly hr: number | undefined
  readonly hrLower: number | undefined
  readonly hrUpper: number | undefined
  readonly coxP: number | undefined
  q: number
  readonly p: number
  readonly test: string
  readonly covariates: readonly string[]
  /** Unit of the medians ('days', 'months'…); undefined when the input does not say it. */
  readonly timeUnit?: string | undefined
  /** Convergence or data warnings (e.g. "no events in altered group: HR not estimable"). */
  readonly note?: string | undefined
}
