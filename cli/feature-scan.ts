/**
 * `scan`'s clinical and continuous features: build the vectors the `--features` words ask for
 * (clinical columns, TMB, mutation count, and — with --multivariable — the genomic features),
 * scan them against every endpoint, and print the two term tables with `#` lines that say how
 * each feature and endpoint was read.
 */
import type { Command } from 'commander'
import { z } from 'zod'
import { DEFAULT_EXOME_MB, mutationCountVector, tmbVector } from '../src/features/burden.js'
import { clinicalFactor } from '../src/features/clinical-factor.js'
import { responseTermsTsv, survivalTermsTsv } from '../src/features/format.js'
import { genomicVector } from '../src/features/genomic.js'
import { scanFeatureVectors, type FeatureScanEndpoint } from '../src/features/scan.js'
import { numericTransform, TRANSFORM_NAMES } from '../src/features/transform.js'
import type { FeatureVector } from '../src/features/vector.js'
import { InputError } from '../src/errors.js'
import type { CohortMatrix } from '../src/matrix/types.js'
import type { ClinicalTable } from '../src/model/clinical.js'
import type { EndpointSpec } from '../src/scan/endpoints.js'
import { parseReferences, type FeatureWords } from './commands/feature-options.js'
import { CLINICAL_OPTIONS } from './clinical-options.js'
import { ADJUST, CONF_TYPE, COVARIATES } from './common-options.js'
import { INPUT_OPTIONS } from './inputs.js'
import { addOptions, choice, collectList, opt, parseOptions, schemaOf } from './option-table.js'

/** scan's clinical and continuous feature options (also km, forest, burden): one table. */
export const FEATURE_SCAN_OPTIONS = {
  transform: choice('--transform <t>', 'numeric features: effect per unit of the value after this transform', TRANSFORM_NAMES, 'none'),
  cutoff: opt('--cutoff <x>', 'numeric features vs survival: high (≥ x, in the raw unit, e.g. 10 mut/Mb) vs low; default the median', z.coerce.number().finite()),
  maxstat: opt('--maxstat', 'numeric features vs survival: also the data-chosen cut-point (R maxstat, Lausen 1994 corrected p), labelled exploratory', z.boolean()),
  maxstatPmethod: choice('--maxstat-pmethod <m>', "with --maxstat: R maxstat's p-value method, Lau94 (bound) or exactGauss (the exact Gaussian law, computed deterministically)", ['Lau94', 'exactGauss']),
  strata: opt('--strata <column>', 'response: an exact test of the common odds ratio stratified by this column (R mantelhaen.test(exact = TRUE)), beside Fisher', z.string()),
  multivariable: opt('--multivariable', 'one model per endpoint with every selected feature and the --covariates (Cox for survival, logistic for response)', z.boolean()),
  categorical: opt('--categorical <list>', 'numeric-looking clinical columns to read as levels (e.g. line_of_therapy)', z.array(z.string()), { parse: collectList }),
  exomeMb: opt('--exome-mb <mb>', `TMB: coding territory of samples with no panel, in Mb (default ${DEFAULT_EXOME_MB}, maftools tmb's captureSize)`, z.coerce.number().positive()),
}

export function addFeatureScanOptions(cmd: Command): Command {
  return addOptions(cmd, FEATURE_SCAN_OPTIONS)
}

// The options of other tables this reads: --reference (clinical), --lenient (inputs) and the model
// options of the command that declares them (scan: --covariates, --conf-type, --adjust).
const Schema = schemaOf({ ...FEATURE_SCAN_OPTIONS, covariates: COVARIATES, confType: CONF_TYPE, adjust: ADJUST, lenient: INPUT_OPTIONS.lenient }).extend({
  // Not a default of the option (its help shows none): the method used when --maxstat is given alone.
  maxstatPmethod: FEATURE_SCAN_OPTIONS.maxstatPmethod.schema.default('Lau94'),
  reference: CLINICAL_OPTIONS.reference.schema.optional(),
})

export interface FeatureScanRun {
  readonly vectors: readonly FeatureVector[]
  readonly covariates: readonly FeatureVector[]
  readonly endpoints: readonly FeatureScanEndpoint[]
  readonly transform: string
}

/** Whether anything beyond the genomic scan was asked for. */
export function wantsFeatureScan(words: FeatureWords, raw: Record<string, unknown>): boolean {
  return words.clinical.length > 0 || words.tmb || words.mutationCount || raw['multivariable'] === true
}

export function runFeatureScan(
  raw: Record<string, unknown>,
  words: FeatureWords,
  clinical: ClinicalTable,
  endpoints: readonly EndpointSpec[],
  matrix: CohortMatrix | undefined,
  genomicFeatures: readonly number[],
  classes: string,
  /** Test the genomic features as vectors too (km, forest); scan does so only in the multivariable model. */
  genomicAsVectors = false,
): FeatureScanRun {
  const o = parseOptions(Schema, raw)
  // --reference is declared once (cli/clinical-options.ts); here only its COL=LEVEL values.
  const refs = parseReferences((o.reference ?? []).flatMap((r) => r.split(',')).filter((r) => r.includes('=')))
  const categorical = new Set((o.categorical ?? []).map((c) => c.trim().toLowerCase()))
  const factor = (col: string) => clinicalFactor(clinical, col, { reference: refs.get(col), categorical: categorical.has(col.toLowerCase()) })
  const vectors: FeatureVector[] = words.clinical.map(factor)
  if (words.tmb || words.mutationCount) {
    if (!matrix) throw new InputError('USAGE', 'tmb and mutation_count are computed from the calls: give the VCF/MAF inputs')
    if (words.tmb) vectors.push(tmbVector(matrix, classes, { exomeMb: o.exomeMb }))
    if (words.mutationCount) vectors.push(mutationCountVector(matrix, classes))
  }
  if ((o.multivariable || genomicAsVectors) && matrix) {
    if (genomicFeatures.length > 20) {
      throw new InputError('USAGE', `--multivariable: ${genomicFeatures.length} genomic features selected; a model needs a few named terms`, { suggestion: 'name them with --genes, or use --features rules / clinical:COL' })
    }
    for (const f of genomicFeatures) vectors.push(genomicVector(matrix, f))
  }
  if (vectors.length === 0) throw new InputError('USAGE', 'no feature to test: name clinical:COL, tmb or mutation_count in --features')
  const covariates = o.multivariable ? (o.covariates ?? []).map(factor) : []
  const transform = numericTransform(o.transform)
  const out = endpoints.map((ep) =>
    scanFeatureVectors(clinical, ep.kind === 'group' ? { kind: 'group', spec: ep.spec, name: ep.name } : { kind: 'survival', spec: ep.spec, name: ep.name }, vectors, {
      transform,
      confType: o.confType,
      cutoff: o.cutoff,
      maxstat: o.maxstat,
      maxstatPMethod: o.maxstatPmethod,
      strata: o.strata === undefined ? undefined : clinicalFactor(clinical, o.strata, { categorical: true }),
      multivariable: o.multivariable,
      covariates,
      adjust: o.adjust,
      lenient: o.lenient,
    }),
  )
  return { vectors, covariates, endpoints: out, transform: o.transform }
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
