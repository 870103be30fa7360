/**
 * biomarkit km --clinical F --endpoint pfs|os|TIME~EVENT --feature clinical:COL|tmb|mutation_count|FEATURE_ID [inputs...] -o km.svg [--png]
 * biomarkit forest --clinical F --endpoint pfs|orr|… --features clinical:A,B,… [--multivariable --covariates …] -o forest.svg [--png]
 * One figure each, with the statistics printed on it: KM curves per level (or high/low at the
 * cut-off) with HR, 95% CI, P, medians and numbers at risk; a hazard-ratio (survival endpoint) or
 * odds-ratio (binary endpoint) forest of the univariable or the multivariable terms.
 */
import { Command } from 'commander'
import { z } from 'zod'
import { readClinical } from '../../src/clinical/read.js'
import { InputError, quote } from '../../src/errors.js'
import { writeFileAtomic } from '../../src/io/write.js'
import { parseEndpoint, type EndpointSpec } from '../../src/scan/endpoints.js'
import { featureIndices, forestFeatureSvg, kmFeatureSvg } from '../../src/pipeline/feature-figures.js'
import { renderPng } from '../../viz/index.js'
import { addClassifyOptions, classifyOptions } from '../analysis-options.js'
import type { CliIO } from '../context.js'
import { addFeatureScanOptions, runFeatureScan } from '../feature-scan.js'
import { addInputOptions, classifyInputs, inputAction } from '../inputs.js'
import { CLINICAL_OPTIONS } from '../clinical-options.js'
import { CLINICAL, collectList, COVARIATES, ENDPOINT, OUTPUT_SVG, PNG, TITLE } from '../common-options.js'
import { addOptions, opt, parseOptions, schemaOf, variant } from '../option-table.js'
import { parseFeatureWords, type FeatureWords } from './feature-options.js'
import { limitsOf } from '../read-limits.js'

/** The options km, forest and burden share: one table. */
const FIGURE_OPTIONS = {
  clinical: variant(CLINICAL, { required: true }),
  endpoint: variant(ENDPOINT, { description: 'pfs, os, TIME~EVENT (km, forest) or orr, dcr, a two-valued column (forest)', required: true }),
  covariates: variant(COVARIATES, { description: 'with --multivariable: clinical columns in the model' }),
  sampleColumn: variant(CLINICAL_OPTIONS.sampleColumn, { description: 'sample-ID column of the clinical table' }),
  responseColumn: CLINICAL_OPTIONS.responseColumn,
  title: TITLE,
  timeLabel: opt('--time-label <text>', 'time axis title (default "Time (<time column>)")', z.string()),
  png: PNG,
  output: variant(OUTPUT_SVG, { description: 'the SVG file', required: true }),
}

const Common = schemaOf(FIGURE_OPTIONS)

export function addCommon(cmd: Command): Command {
  return addOptions(addFeatureScanOptions(addClassifyOptions(addInputOptions(cmd))), FIGURE_OPTIONS)
}

/** Vectors and term rows for the asked features; genomic feature ids are read from the calls. */
export async function prepare(io: CliIO, inputs: string[], raw: Record<string, unknown>, words: FeatureWords, genomicIds: readonly string[], ep: EndpointSpec) {
  const o = parseOptions(Common, raw)
  const clinical = await readClinical(o.clinical, { sampleColumn: o.sampleColumn, responseColumn: o.responseColumn, limits: limitsOf(raw, io) })
  const needCalls = genomicIds.length > 0 || words.tmb || words.mutationCount
  const classified = needCalls ? await classifyInputs(inputs, raw, io, { ...classifyOptions(raw), withPathways: true }) : undefined
  const features = classified && genomicIds.length > 0 ? featureIndices(classified.matrix, genomicIds) : []
  const run = runFeatureScan(raw, words, clinical.table, [ep], classified?.matrix, features, (classifyOptions(raw).classes ?? ["maftools' nine non-synonymous classes"]).join(', '), true)
  return { o, clinical, run, files: [...(classified?.files ?? []), o.clinical] }
}

export function splitWords(list: readonly string[]): { words: FeatureWords; genomic: string[] } {
  const keywords: string[] = []
  const genomic: string[] = []
  let inClinical = false
  for (const w of list) {
    const lower = w.toLowerCase()
    if (lower.startsWith('clinical:')) inClinical = true
    else if (lower === 'tmb' || lower === 'mutation_count' || lower === 'mutations') inClinical = false
    else if (!inClinical) {
      genomic.push(w)
      continue
    }
    keywords.push(w)
  }
  return { words: parseFeatureWords(keywords), genomic }
}

export async function writeFigure(io: CliIO, svg: string, out: string, png: boolean | undefined, inputs: readonly string[]): Promise<void> {
  await writeFileAtomic(out, svg, inputs, io.registry)
  if (png) await writeFileAtomic(out.replace(/\.svg$/i, '') + '.png', renderPng(svg), inputs, io.registry)
  io.stderr(`biomarkit: wrote ${out}${png ? ' and its PNG' : ''}\n`)
}

export const KM_OPTIONS = { feature: opt('--feature <name>', 'clinical:COL, tmb, mutation_count, or a gene / rule / pathway id of the calls', z.string(), { required: true }) }

export function kmCommand(io: CliIO): Command {
  const cmd = new Command('km').description('one Kaplan–Meier figure of a clinical factor, a numeric feature at a cut-off, or a genomic feature, with HR, CI, P, medians and numbers at risk')
  addCommon(cmd)
  addOptions(cmd, KM_OPTIONS)
    .action(inputAction(io, async (inputs, raw) => {
      const feature = parseOptions(schemaOf(KM_OPTIONS), raw).feature
      const ep = parseEndpoint(String(raw['endpoint']))
      if (ep.kind !== 'survival') throw new InputError('USAGE', `km: ${quote(ep.name)} is not a survival endpoint (pfs, os or TIME~EVENT)`)
      const { words, genomic } = splitWords([feature])
      const { o, clinical, run, files } = await prepare(io, inputs, raw, words, genomic, ep)
      await writeFigure(io, kmFeatureSvg(run, clinical.table, ep, { title: o.title, timeLabel: o.timeLabel }), o.output, o.png, files)
    }))
  return cmd
}

const FOREST_OPTIONS = { features: opt('--features <list>', 'clinical:A,B,…, tmb, mutation_count, gene / rule ids', z.array(z.string()), { parse: collectList, required: true }) }

export function forestCommand(io: CliIO): Command {
  const cmd = new Command('forest').description('a hazard-ratio (survival endpoint) or odds-ratio (response endpoint) forest plot of univariable or multivariable terms')
  addCommon(cmd)
  addOptions(cmd, FOREST_OPTIONS)
    .action(inputAction(io, async (inputs, raw) => {
      const list = parseOptions(schemaOf(FOREST_OPTIONS), raw).features
      const ep = parseEndpoint(String(raw['endpoint']))
      const { words, genomic } = splitWords(list)
      const { o, run, files } = await prepare(io, inputs, raw, words, genomic, ep)
      const svg = forestFeatureSvg(run, { multivariable: raw['multivariable'] === true, title: o.title })
      await writeFigure(io, svg, o.output, o.png, files)
    }))
  return cmd
}
