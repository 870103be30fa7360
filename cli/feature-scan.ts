/**
 * `scan`'s clinical and continuous features: the options, validated, handed to the library's
 * feature scan (src/pipeline/feature-scan.ts), which builds the vectors, scans them and formats
 * the term tables.
 */
import type { Command } from 'commander'
import { z } from 'zod'
import { DEFAULT_EXOME_MB } from '../src/features/burden.js'
import { TRANSFORM_NAMES } from '../src/features/transform.js'
import { featureScan, type FeatureScanRun } from '../src/pipeline/feature-scan.js'
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
  const references = parseReferences((o.reference ?? []).flatMap((r) => r.split(',')).filter((r) => r.includes('=')))
  return featureScan(
    { clinical, words, endpoints, matrix, genomicFeatures, classes, genomicAsVectors },
    {
      transform: o.transform,
      cutoff: o.cutoff,
      maxstat: o.maxstat,
      maxstatPMethod: o.maxstatPmethod,
      strata: o.strata,
      multivariable: o.multivariable,
      references,
      categorical: o.categorical,
      exomeMb: o.exomeMb,
      covariates: o.covariates,
      confType: o.confType,
      adjust: o.adjust,
      lenient: o.lenient,
    },
  )
}
