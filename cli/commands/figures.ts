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
import { survivalEndpoint } from '../../src/clinical/survival.js'
import { InputError, quote } from '../../src/errors.js'
import { writeFileAtomic } from '../../src/io/write.js'
import { parseEndpoint, type EndpointSpec } from '../../src/scan/endpoints.js'
import { forestSvg } from '../../viz/forest.js'
import { kmSvg } from '../../viz/km.js'
import { renderPng } from '../../viz/index.js'
import { factorKmInput, hrForestOptions, hrForestRows, orForestOptions, orForestRows } from '../../viz/study-figures.js'
import { addClassifyOptions, classifyOptions, parseList } from '../analysis-options.js'
import type { CliIO } from '../context.js'
import { addFeatureScanOptions, runFeatureScan } from '../feature-scan.js'
import { addInputOptions, classifyInputs, inputAction } from '../inputs.js'
import { parseOptions } from '../validate.js'
import { parseFeatureWords, type FeatureWords } from './feature-options.js'
import { limitsOf } from '../read-limits.js'

const Common = z.object({
  clinical: z.string({ message: 'required: the clinical table' }),
  endpoint: z.string({ message: 'required: the endpoint' }),
  sampleColumn: z.string().optional(),
  responseColumn: z.string().optional(),
  output: z.string({ message: 'required: -o FILE.svg' }),
  png: z.boolean().optional(),
  title: z.string().optional(),
  timeLabel: z.string().optional(),
})

export function addCommon(cmd: Command): Command {
  return addFeatureScanOptions(addClassifyOptions(addInputOptions(cmd)))
    .requiredOption('--clinical <file>', 'clinical table')
    .requiredOption('--endpoint <name>', 'pfs, os, TIME~EVENT (km, forest) or orr, dcr, a two-valued column (forest)')
    .option('--covariates <list>', 'with --multivariable: clinical columns in the model', parseList)
    .option('--sample-column <name>', 'sample-ID column of the clinical table')
    .option('--response-column <name>', 'best-response column of the clinical table')
    .option('--title <text>', 'figure title')
    .option('--time-label <text>', 'time axis title (default "Time (<time column>)")')
    .option('--png', 'also write a PNG next to the SVG (same name, .png)')
    .requiredOption('-o, --output <file>', 'the SVG file')
}

/** Vectors and term rows for the asked features; genomic feature ids are read from the calls. */
export async function prepare(io: CliIO, inputs: string[], raw: Record<string, unknown>, words: FeatureWords, genomicIds: readonly string[], ep: EndpointSpec) {
  const o = parseOptions(Common, raw)
  const clinical = await readClinical(o.clinical, { sampleColumn: o.sampleColumn, responseColumn: o.responseColumn, limits: limitsOf(raw, io) })
  const needCalls = genomicIds.length > 0 || words.tmb || words.mutationCount
  const classified = needCalls ? await classifyInputs(inputs, raw, io, { ...classifyOptions(raw), withPathways: true }) : undefined
  let features: number[] = []
  if (classified && genomicIds.length > 0) {
    const index = new Map(classified.matrix.features.map((f, i) => [f.id.toLowerCase(), i]))
    features = genomicIds.map((id) => {
      const i = index.get(id.toLowerCase())
      if (i === undefined) throw new InputError('USAGE', `feature ${quote(id)} is not in the matrix`, { suggestion: 'a gene symbol, rule id or pathway id of the calls; or clinical:COL, tmb, mutation_count' })
      return i
    })
  }
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

export function kmCommand(io: CliIO): Command {
  const cmd = new Command('km').description('one Kaplan–Meier figure of a clinical factor, a numeric feature at a cut-off, or a genomic feature, with HR, CI, P, medians and numbers at risk')
  addCommon(cmd)
    .requiredOption('--feature <name>', 'clinical:COL, tmb, mutation_count, or a gene / rule / pathway id of the calls')
    .action(inputAction(io, async (inputs, raw) => {
      const feature = z.string().parse(raw['feature'])
      const ep = parseEndpoint(String(raw['endpoint']))
      if (ep.kind !== 'survival') throw new InputError('USAGE', `km: ${quote(ep.name)} is not a survival endpoint (pfs, os or TIME~EVENT)`)
      const { words, genomic } = splitWords([feature])
      const { o, clinical, run, files } = await prepare(io, inputs, raw, words, genomic, ep)
      const v = run.vectors[0]
      const rows = run.endpoints[0]?.survival ?? []
      if (!v) throw new InputError('USAGE', 'km: no feature to draw')
      const sep = survivalEndpoint(clinical.table, ep.spec)
      const input = factorKmInput(v, sep, rows, { title: o.title, timeLabel: o.timeLabel ?? `Time (${sep.timeColumn})` })
      await writeFigure(io, kmSvg(input), o.output, o.png, files)
    }))
  return cmd
}

export function forestCommand(io: CliIO): Command {
  const cmd = new Command('forest').description('a hazard-ratio (survival endpoint) or odds-ratio (response endpoint) forest plot of univariable or multivariable terms')
  addCommon(cmd)
    .requiredOption('--features <list>', 'clinical:A,B,…, tmb, mutation_count, gene / rule ids', (v: string, prev: string[] = []) => [...prev, ...parseList(v)])
    .action(inputAction(io, async (inputs, raw) => {
      const list = z.array(z.string()).parse(raw['features'])
      const ep = parseEndpoint(String(raw['endpoint']))
      const { words, genomic } = splitWords(list)
      const { o, run, files } = await prepare(io, inputs, raw, words, genomic, ep)
      const multi = raw['multivariable'] === true
      const pick = <T extends { model: string }>(rows: readonly T[]) => rows.filter((r) => (multi ? r.model === 'multivariable' : r.model === 'univariable'))
      const e = run.endpoints[0]
      if (!e) throw new InputError('USAGE', 'forest: no endpoint')
      const what = multi ? 'Multivariable' : 'Univariable'
      const svg =
        e.kind === 'survival'
          ? forestSvg(hrForestRows(pick(e.survival)), hrForestOptions(o.title ?? `${what} Cox regression — ${e.endpoint}`, multi))
          : forestSvg(orForestRows(pick(e.response)), orForestOptions(o.title ?? `${what} logistic regression — ${e.endpoint}`, multi))
      await writeFigure(io, svg, o.output, o.png, files)
    }))
  return cmd
}
