/**
 * The clinical and continuous feature scan behind `scan --features clinical:…,tmb` (and `figures`'
 * km/forest): build the vectors asked for (clinical columns, TMB, mutation count, and — with
 * `multivariable` or `genomicAsVectors` — the genomic features), scan them against every endpoint,
 * and format the two term tables with `#` lines that say how each feature and endpoint was read.
 * Pure over values already read: the CLI parses the options (cli/feature-scan.ts) and prints.
 */
import { InputError } from '../errors.js'
import { mutationCountVector, tmbVector } from '../features/burden.js'
import { clinicalFactor } from '../features/clinical-factor.js'
import { responseTermsTsv, survivalTermsTsv } from '../features/format.js'
import { genomicVector } from '../features/genomic.js'
import { scanFeatureVectors, type FeatureScanEndpoint } from '../features/scan.js'
import { numericTransform, type TransformName } from '../features/transform.js'
import type { FeatureVector } from '../features/vector.js'
import type { CohortMatrix } from '../matrix/types.js'
import type { ClinicalTable } from '../model/clinical.js'
import type { EndpointSpec } from '../scan/endpoints.js'

/** What to test beyond the genomic features: clinical columns, TMB, mutation count. */
export interface FeatureScanWords {
  readonly clinical: readonly string[]
  readonly tmb: boolean
  readonly mutationCount: boolean
}

export interface FeatureScanInput {
  readonly clinical: ClinicalTable
  readonly words: FeatureScanWords
  readonly endpoints: readonly EndpointSpec[]
  /** The classified calls; needed for tmb, mutation_count and the genomic features. */
  readonly matrix?: CohortMatrix | undefined
  /** Feature indices of `matrix` tested as vectors (multivariable, or with `genomicAsVectors`). */
  readonly genomicFeatures?: readonly number[] | undefined
  /** Which variant classes TMB and mutation count count, as the output states it. */
  readonly classes: string
  /** Test the genomic features as vectors too (km, forest); scan does so only in the multivariable model. */
  readonly genomicAsVectors?: boolean | undefined
}

export interface FeatureScanSettings {
  readonly transform?: TransformName | undefined
  readonly cutoff?: number | undefined
  readonly maxstat?: boolean | undefined
  readonly maxstatPMethod?: 'Lau94' | 'exactGauss' | undefined
  /** A column whose levels stratify the response test (exact Mantel–Haenszel). */
  readonly strata?: string | undefined
  readonly multivariable?: boolean | undefined
  /** Column → reference level of a clinical factor. */
  readonly references?: ReadonlyMap<string, string> | undefined
  /** Numeric-looking columns read as levels (case-insensitive). */
  readonly categorical?: readonly string[] | undefined
  readonly exomeMb?: number | undefined
  /** Clinical columns in every multivariable model (used only with `multivariable`). */
  readonly covariates?: readonly string[] | undefined
  readonly confType?: 'log' | 'log-log' | undefined
  readonly adjust?: 'BH' | 'bonferroni' | undefined
  readonly lenient?: boolean | undefined
}

export interface FeatureScanRun {
  readonly vectors: readonly FeatureVector[]
  readonly covariates: readonly FeatureVector[]
  readonly endpoints: readonly FeatureScanEndpoint[]
  readonly transform: string
}

/** Beyond this many genomic terms a multivariable model is a fishing trip, not a model. */
const MAX_GENOMIC_TERMS = 20

export function featureScan(input: FeatureScanInput, o: FeatureScanSettings = {}): FeatureScanRun {
  const { clinical, words, matrix } = input
  const genomicFeatures = input.genomicFeatures ?? []
  const categorical = new Set((o.categorical ?? []).map((c) => c.trim().toLowerCase()))
  const factor = (col: string) => clinicalFactor(clinical, col, { reference: o.references?.get(col), categorical: categorical.has(col.toLowerCase()) })
  const vectors: FeatureVector[] = words.clinical.map(factor)
  if (words.tmb || words.mutationCount) {
    if (!matrix) throw new InputError('USAGE', 'tmb and mutation_count are computed from the calls: give the VCF/MAF inputs')
    if (words.tmb) vectors.push(tmbVector(matrix, input.classes, { exomeMb: o.exomeMb }))
    if (words.mutationCount) vectors.push(mutationCountVector(matrix, input.classes))
  }
  if ((o.multivariable || input.genomicAsVectors) && matrix) {
    if (genomicFeatures.length > MAX_GENOMIC_TERMS) {
      throw new InputError('USAGE', `--multivariable: ${genomicFeatures.length} genomic features selected; a model needs a few named terms`, { suggestion: 'name them with --genes, or use --features rules / clinical:COL' })
    }
    for (const f of genomicFeatures) vectors.push(genomicVector(matrix, f))
  }
  if (vectors.length === 0) throw new InputError('USAGE', 'no feature to test: name clinical:COL, tmb or mutation_count in --features')
  const covariates = o.multivariable ? (o.covariates ?? []).map(factor) : []
  const transformName = o.transform ?? 'none'
  const transform = numericTransform(transformName)
  const out = input.endpoints.map((ep) =>
    scanFeatureVectors(clinical, ep.kind === 'group' ? { kind: 'group', spec: ep.spec, name: ep.name } : { kind: 'survival', spec: ep.spec, name: ep.name }, vectors, {
      transform,
      confType: o.confType ?? 'log',
      cutoff: o.cutoff,
      maxstat: o.maxstat,
      maxstatPMethod: o.maxstatPMethod ?? 'Lau94',
      strata: o.strata === undefined ? undefined : clinicalFactor(clinical, o.strata, { categorical: true }),
      multivariable: o.multivariable,
      covariates,
      adjust: o.adjust ?? 'BH',
      lenient: o.lenient,
    }),
  )
  return { vectors, covariates, endpoints: out, transform: transformName }
}

export function featureScanText(run: FeatureScanRun): string[] {
  const lines: string[] = [`# clinical and continuous features (numeric effects per unit after --transform ${run.transform}):`]
  for (const v of [...run.vectors, ...run.covariates]) {
    const miss = Object.entries(v.missing).map(([k, n]) => `${n} ${k}`)
    lines.push(`#   ${v.id}: ${v.interpretation}${miss.length ? `; no value: ${miss.join(', ')}` : ''}`)
  }
  for (const e of run.endpoints) {
    const ex = Object.entries(e.excluded).map(([k, n]) => `${n} ${k}`)
    for (const r of e.reading) lines.push(`# ${r}`)
    lines.push(`# endpoint ${e.description}; ${e.tested} patients${ex.length ? `; excluded: ${ex.join(', ')}` : ''}; q over the univariable rows of the endpoint`)
    if (e.multivariableDropped) {
      const d = Object.entries(e.multivariableDropped).map(([k, n]) => `${n} ${k}`)
      lines.push(`# multivariable model: every term in one model${d.length ? `; dropped for a missing value: ${d.join(', ')}` : '; no patient dropped'}`)
    }
  }
  const surv = run.endpoints.flatMap((e) => e.survival)
  const resp = run.endpoints.flatMap((e) => e.response)
  if (resp.length > 0) lines.push(...responseTermsTsv(resp))
  if (surv.length > 0) {
    if (resp.length > 0) lines.push('')
    lines.push(...survivalTermsTsv(surv))
  }
  return lines
}
