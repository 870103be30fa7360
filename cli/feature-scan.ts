/**
 * `scan`'s clinical and continuous features: the options, validated, handed to the library's
 * feature scan (src/pipeline/feature-scan.ts), which builds the vectors, scans them and formats
 * the term tables.
 */
import type { Command } from 'commander'
import { Option } from 'commander'
import { z } from 'zod'
import { DEFAULT_EXOME_MB } from '../src/features/burden.js'
import { TRANSFORM_NAMES } from '../src/features/transform.js'
import { featureScan, type FeatureScanRun } from '../src/pipeline/feature-scan.js'
import type { CohortMatrix } from '../src/matrix/types.js'
import type { ClinicalTable } from '../src/model/clinical.js'
import type { EndpointSpec } from '../src/scan/endpoints.js'
import { parseReferences, type FeatureWords } from './commands/feature-options.js'
import { parseOptions } from './validate.js'

export function addFeatureScanOptions(cmd: Command): Command {
  return cmd
    .addOption(new Option('--transform <t>', 'numeric features: effect per unit of the value after this transform').choices([...TRANSFORM_NAMES]).default('none'))
    .option('--cutoff <x>', 'numeric features vs survival: high (≥ x, in the raw unit, e.g. 10 mut/Mb) vs low; default the median')
    .option('--maxstat', 'numeric features vs survival: also the data-chosen cut-point (R maxstat, Lausen 1994 corrected p), labelled exploratory')
    .addOption(new Option('--maxstat-pmethod <m>', "with --maxstat: R maxstat's p-value method, Lau94 (bound) or exactGauss (the exact Gaussian law, computed deterministically)").choices(['Lau94', 'exactGauss']))
    .option('--strata <column>', 'response: an exact test of the common odds ratio stratified by this column (R mantelhaen.test(exact = TRUE)), beside Fisher')
    .option('--multivariable', 'one model per endpoint with every selected feature and the --covariates (Cox for survival, logistic for response)')
    .option('--categorical <list>', 'numeric-looking clinical columns to read as levels (e.g. line_of_therapy)', (v: string, prev: string[] = []) => [...prev, ...v.split(',')])
    .option('--exome-mb <mb>', `TMB: coding territory of samples with no panel, in Mb (default ${DEFAULT_EXOME_MB}, maftools tmb's captureSize)`)
}

const Schema = z.object({
  transform: z.enum(TRANSFORM_NAMES).default('none'),
  cutoff: z.coerce.number().finite().optional(),
  maxstat: z.boolean().optional(),
  maxstatPmethod: z.enum(['Lau94', 'exactGauss']).default('Lau94'),
  strata: z.string().optional(),
  multivariable: z.boolean().optional(),
  reference: z.array(z.string()).optional(),
  categorical: z.array(z.string()).optional(),
  exomeMb: z.coerce.number().positive().optional(),
  covariates: z.array(z.string()).optional(),
  confType: z.enum(['log', 'log-log']).default('log'),
  adjust: z.enum(['BH', 'bonferroni']).default('BH'),
  lenient: z.boolean().optional(),
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
