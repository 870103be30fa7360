/**
 * Result rows of the clinical / continuous feature scan. Keys are the JSON names (plain
 * statistics names: hr, hr_lower, wald_p, wilcoxon_p, auc …) so `--format json` reads as the TSV.
 */
import type { VectorKind, VectorSource } from './vector.js'

export type ModelKind = 'univariable' | 'multivariable' | 'cut-off'

export interface MedianCell {
  readonly n: number
  readonly events: number
  /** NaN when not reached. */
  readonly median: number
  readonly lower: number
  readonly upper: number
}

/** One term (a level vs its reference, or a numeric feature per transformed unit) × a survival endpoint. */
export interface SurvivalTermRow {
  readonly feature: string
  readonly feature_type: VectorSource
  readonly kind: VectorKind
  readonly endpoint: string
  readonly model: ModelKind
  /** Model column: "brain_mets=yes", "log10(nonsyn_muts)", "TMB ≥ 10". */
  readonly term: string
  readonly level: string | undefined
  readonly reference: string | undefined
  /** How a numeric effect is expressed ("per unit of log10(TMB)"). */
  readonly unit: string | undefined
  /** Patients and events in the model (or in the two compared groups). */
  readonly n: number
  readonly events: number
  /** Left out of this model for a missing value (feature, covariate). */
  readonly n_dropped: number
  readonly hr: number | undefined
  readonly hr_lower: number | undefined
  readonly hr_upper: number | undefined
  readonly wald_p: number | undefined
  /** Log-rank across the feature's groups (univariable and cut-off rows). */
  readonly logrank_p: number | undefined
  readonly median_level: MedianCell | undefined
  readonly median_reference: MedianCell | undefined
  /** Exploratory only: the data-chose cut-point and its maxstat-corrected p. */
  readonly p: number
  q: number
  readonly covariates: readonly string[]
  readonly note: string
  /** Cut-off rows: the split point in the feature's raw unit (high is ≥). */
  readonly cutoff?: number | undefined
}

/** One term × a binary response endpoint. */
export interface ResponseTermRow {
  readonly feature: string
  readonly feature_type: VectorSource
  readonly kind: VectorKind
  readonly endpoint: string
  readonly comparison: string
  readonly model: ModelKind
  readonly term: string
  readonly level: string | undefined
  readonly reference: string | undefined
  readonly unit: string | undefined
  readonly n: number
  /** Responders among the n. */
  readonly responders: number
  readonly n_dropped: number
  /** Level rows: responders / patients at the level and at the reference. */
  readonly responders_level: number | undefined
  readonly n_level: number | undefined
  readonly responders_reference: number | undefined
  readonly n_reference: number | undefined
  /** Fisher's exact test (level vs reference), conditional-MLE OR and exact CI. */
  readonly fisher_p: number | undefined
  readonly or_cmle: number | undefined
  readonly or_cmle_lower: number | undefined
  readonly or_cmle_upper: number | undefined
  /** Logistic regression (glm, or Firth when there is separation): OR per level / per transformed unit. */
  readonly or: number | undefined
  readonly or_lower: number | undefined
  readonly or_upper: number | undefined
  readonly or_p: number | undefined
  readonly or_method: string | undefined
  /** Numeric features: Wilcoxon rank-sum (responders vs rest), AUC with DeLong 95% CI, medians. */
  readonly wilcoxon_p: number | undefined
  readonly auc: number | undefined
  readonly auc_lower: number | undefined
  readonly auc_upper: number | undefined
  readonly median_responders: number | undefined
  readonly median_nonresponders: number | undefined
  /** With strata: exact conditional test of a common OR (R mantelhaen.test(exact = TRUE)). */
  readonly mh_or?: number | undefined
  readonly mh_or_lower?: number | undefined
  readonly mh_or_upper?: number | undefined
  readonly mh_p?: number | undefined
  readonly mh_strata?: number | undefined
  readonly p: number
  q: number
  readonly covariates: readonly string[]
  readonly note: string
}
