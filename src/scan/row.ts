/**
 * One association result: a feature × endpoint comparison with its counts, rates, odds ratios,
 * p, q, test, side and power — everything a user needs to check it against R.
 */
import type { FeatureType } from '../matrix/types.js'
import type { Alternative } from '../stats/fisher.js'
import type { StratifiedResult } from './strata.js'

export interface Rate {
  readonly x: number
  readonly n: number
  readonly rate: number
  readonly lower: number
  readonly upper: number
}

export interface AssociationRow {
  readonly feature: string
  readonly label: string
  readonly featureType: FeatureType
  readonly endpoint: string
  /** "CR+PR vs SD+PD", "M1 vs rest", "M1 vs M2". */
  readonly comparison: string
  /** Name of the multiple-testing family this row's q belongs to. */
  readonly family: string
  /** Altered / assayed among the tested samples. */
  readonly altered: number
  readonly assayed: number
  readonly notAssayed: number
  /** 2×2: rows altered / wild-type; columns group 1 / group 0 (or level / rest). */
  readonly a: number
  readonly b: number
  readonly c: number
  readonly d: number
  /** Share of group 1 among altered and among wild-type (e.g. ORR), Clopper–Pearson 95% CI. */
  readonly rateAltered: Rate | undefined
  readonly rateWildType: Rate | undefined
  /** Conditional MLE odds ratio (R fisher.test $estimate) with its exact CI. */
  readonly oddsRatio: number
  readonly oddsRatioLower: number
  readonly oddsRatioUpper: number
  /** ad/bc (NaN when undefined). */
  readonly sampleOddsRatio: number
  readonly p: number
  q: number
  readonly test: string
  readonly alternative: Alternative
  /** Exact power of the two-sided Fisher test at α = 0.05 against `powerEffect`. */
  readonly power: number | undefined
  readonly powerEffect: string | undefined
  /** Smallest / largest odds ratio detectable with 80% power (undefined when none is). */
  readonly mdorLow: number | undefined
  readonly mdorHigh: number | undefined
  /** With `--strata`: the exact test of a common odds ratio across the strata (R mantelhaen.test(exact = TRUE)). */
  stratified?: StratifiedResult | undefined
}
