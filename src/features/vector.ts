/**
 * A feature as one value per sample, whatever its source: a clinical column (binary, categorical
 * or numeric, decided by its values), the computed TMB or mutation count, or a genomic feature of
 * the matrix (altered vs wild-type; not assayed = no value). Every test and model of the
 * clinical/continuous scan reads features in this one shape, so a clinical factor, TMB and a gene
 * can sit in one multivariable model.
 */

export type VectorKind = 'binary' | 'categorical' | 'numeric'
export type VectorSource = 'clinical' | 'tmb' | 'mutation_count' | 'gene' | 'rule' | 'pathway'

interface VectorBase {
  /** 'clinical:brain_mets', 'tmb', 'mutation_count', 'TP53'. */
  readonly id: string
  readonly label: string
  readonly source: VectorSource
  /** How the values were read, said in the output (e.g. "binary: yes vs no (reference)"). */
  readonly interpretation: string
  /** Samples of the universe with no value (missing cell, not assayed), by reason. */
  readonly missing: Readonly<Record<string, number>>
}

export interface LevelVector extends VectorBase {
  readonly kind: 'binary' | 'categorical'
  /** Reference level first, then the others in sorted order. */
  readonly levels: readonly string[]
  readonly values: ReadonlyMap<string, string>
}

export interface NumericVector extends VectorBase {
  readonly kind: 'numeric'
  /** 'mut/Mb', 'mutations' or undefined (a clinical column's own unit). */
  readonly unit: string | undefined
  readonly values: ReadonlyMap<string, number>
}

export type FeatureVector = LevelVector | NumericVector

export function referenceOf(v: LevelVector): string {
  return v.levels[0] as string
}
