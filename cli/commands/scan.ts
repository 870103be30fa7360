/**
 * biomarkit scan <inputs...> --clinical F --endpoint orr|dcr|pfs|os|COLUMN[,…] [--features genes,rules,pathways]
 *   [--min-altered N] [--alternative ...] [--covariates LIST] [--format tsv|json] [-o FILE]
 */
import { Command, Option } from 'commander'
import { z } from 'zod'
import { readClinical } from '../../src/clinical/read.js'
import { parseEndpoint } from '../../src/scan/endpoints.js'
import { groupRowsTsv, scanGroups, scanSurvival, selectFeatures, survivalRowsTsv, type GroupScan, type SurvivalScan } from '../../src/scan/index.js'
import { LogFactorialTable } from '../../src/stats/log-factorial.js'
import { addClassifyOptions, classifyOptions, parseList } from '../analysis-options.js'
import type { CliIO } from '../context.js'
import { addInputOptions, addLowMemoryOptions, classifyInputs, inputAction } from '../inputs.js'
import { addExcelSafeOption, emit } from '../output.js'
import { parseOptions } from '../validate.js'

const Schema = z.object({
  clinical: z.string({ message: 'required: the clinical table' }),
  endpoint: z.array(z.string()).min(1, 'name at least one endpoint'),
  features: z.array(z.enum(['genes', 'rules', 'pathways'])).optional(),
  genes: z.array(z.string()).optional(),
  minAltered: z.coerce.number().int().nonnegative().optional(),
  alternative: z.enum(['two-sided', 'less', 'greater']).default('two-sided'),
  adjust: z.enum(['BH', 'bonferroni']).default('BH'),
  covariates: z.array(z.string()).optional(),
  time: z.string().optional(),
  event: z.string().optional(),
  confType: z.enum(['log', 'log-log']).default('log'),
  sampleColumn: z.string().optional(),
  responseColumn: z.string().optional(),
  format: z.enum(['tsv', 'json']).default('tsv'),
  output: z.string().optional(),
  lenient: z.boolean().optional(),
  excelSafe: z.boolean().optional(),
})

export interface ScanRun {
  readonly groups: GroupScan[]
  readonly survival: SurvivalScan[]
}

function header(name: string, g: GroupScan | SurvivalScan): string[] {
  const ex = Object.entries(g.excluded)
  const lines = [`# endpoint ${name}: ${g.tested} sequenced samples tested`]
  if (ex.length > 0) lines.push(`# excluded: ${ex.map(([k, v]) => `${v} ${k}`).join('; ')}`)
  const fams = [...new Set(g.rows.map((r) => r.family))]
  for (const f of fams) lines.push(`# family "${f}": ${g.rows.filter((r) => r.family === f).length} tests, q = Benjamini-Hochberg within the family`)
  return lines
}

export function scanCommand(io: CliIO): Command {
  const cmd = new Command('scan').description('association of every feature with response (Fisher) and survival (KM, log-rank, Cox)')
  addExcelSafeOption(addLowMemoryOptions(addClassifyOptions(addInputOptions(cmd))))
    .requiredOption('--clinical <file>', 'clinical table (TSV/CSV or cBioPortal clinical file)')
    .requiredOption('--endpoint <list>', 'orr, dcr, pfs, os, TIME~EVENT, or a clinical column; comma-separated or repeated', (v: string, prev: string[] = []) => [...prev, ...parseList(v)])
    .option('--features <list>', 'feature types to test: genes,rules,pathways (default genes, plus rules/pathways when given)', parseList)
    .option('--genes <list>', 'test only these genes', parseList)
    .option('--min-altered <n>', 'test genes altered in at least N assayed samples (default 6: maftools minMut 5 = more than 5)')
    .addOption(new Option('--alternative <side>', 'side of the Fisher test').choices(['two-sided', 'less', 'greater']).default('two-sided'))
    .addOption(new Option('--adjust <method>', 'multiple-testing correction within each family').choices(['BH', 'bonferroni']).default('BH'))
    .option('--covariates <list>', 'clinical columns to adjust the Cox model for (e.g. brain_mets,prior_trop2_adc)', parseList)
    .option('--time <column>', 'survival time column (with --event and --endpoint survival)')
    .option('--event <column>', 'survival event column')
    .addOption(new Option('--conf-type <type>', 'KM confidence interval type, as R survfit').choices(['log', 'log-log']).default('log'))
    .option('--sample-column <name>', 'sample-ID column of the clinical table')
    .option('--response-column <name>', 'best-response column of the clinical table')
    .addOption(new Option('--format <fmt>', 'output format').choices(['tsv', 'json']).default('tsv'))
    .option('-o, --output <file>', 'output file (default: stdout)')
    .action(inputAction(async (inputs, raw) => {
      const o = parseOptions(Schema, raw)
      const copts = classifyOptions(raw)
      const types = o.features ?? ['genes', ...(copts.rules ? ['rules' as const] : []), ...(copts.pathways ? ['pathways' as const] : [])]
      const { matrix, reports, files } = await classifyInputs(inputs, raw, io, { ...copts, withPathways: types.includes('pathways') })
      const clinical = await readClinical(o.clinical, { sampleColumn: o.sampleColumn, responseColumn: o.responseColumn, lenient: o.lenient })
      const featureTypes = types.map((t) => (t === 'genes' ? 'gene' : t === 'rules' ? 'rule' : 'pathway'))
      const features = selectFeatures(matrix, { types: featureTypes, minAltered: o.minAltered, genes: o.genes })
      const table = new LogFactorialTable(matrix.samples.length + 1)
      const run: ScanRun = { groups: [], survival: [] }
      for (const word of o.endpoint) {
        const ep = parseEndpoint(word, o.time, o.event)
        if (ep.kind === 'group') run.groups.push(scanGroups(matrix, clinical.table, ep.spec, features, { alternative: o.alternative, adjust: o.adjust, table, lenient: o.lenient }))
        else run.survival.push(scanSurvival(matrix, clinical.table, ep.spec, features, { confType: o.confType, covariates: o.covariates, adjust: o.adjust, lenient: o.lenient, curves: false }))
      }
      let text: string
      if (o.format === 'json') {
        text =
          JSON.stringify(
            {
              features: features.length,
              groupEndpoints: run.groups.map((g) => ({ endpoint: g.endpoint.name, column: g.endpoint.column, tested: g.tested, excluded: g.excluded, families: g.families, rows: g.rows })),
              survivalEndpoints: run.survival.map((s) => ({ endpoint: s.endpoint, timeColumn: s.timeColumn, eventColumn: s.eventColumn, tested: s.tested, excluded: s.excluded, rows: s.rows })),
              readReports: [...reports, clinical.report],
            },
            (_k, v: unknown) => (typeof v === 'number' && !Number.isFinite(v) ? (Number.isNaN(v) ? null : v > 0 ? 'Inf' : '-Inf') : v),
            1,
          ) + '\n'
      } else {
        const blocks: string[] = [`# biomarkit scan: ${features.length} feature(s) × ${o.endpoint.length} endpoint(s)`]
        const groupRows = run.groups.flatMap((g) => g.rows)
        if (run.groups.length > 0) blocks.push(...run.groups.flatMap((g) => header(g.endpoint.name, g)), ...groupRowsTsv(groupRows))
        if (run.survival.length > 0) {
          if (run.groups.length > 0) blocks.push('')
          blocks.push(...run.survival.flatMap((s) => header(s.endpoint, s)), ...survivalRowsTsv(run.survival.flatMap((s) => s.rows)))
        }
        text = blocks.join('\n') + '\n'
      }
      await emit(io, text, o.output, [...files, o.clinical], { tabular: o.format === 'tsv', excelSafe: o.excelSafe })
      if (features.length === 0) io.stderr('biomarkit: no feature met --min-altered; nothing was tested\n')
    }))
  return cmd
}
