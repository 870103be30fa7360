/**
 * biomarkit scan <inputs...> --clinical F --endpoint orr|dcr|pfs|os|COLUMN[,…] [--features genes,rules,pathways]
 *   [--min-altered N] [--alternative ...] [--covariates LIST] [--format tsv|json] [-o FILE]
 */
import { Command, Option } from 'commander'
import { z } from 'zod'
import { mkdir, stat } from 'node:fs/promises'
import { join, sep } from 'node:path'
import { sampleStatements, sampleWarnings } from '../../src/clinical/provenance.js'
import { InputError } from '../../src/errors.js'
import { writeFileAtomic } from '../../src/io/write.js'
import type { ClinicalTable } from '../../src/model/clinical.js'
import { parseEndpoint } from '../../src/scan/endpoints.js'
import { scanGroups, scanSurvival, scanTsv, selectFeatures, type GroupScan, type SurvivalScan } from '../../src/scan/index.js'
import { LogFactorialTable } from '../../src/stats/log-factorial.js'
import { addClassifyOptions, classifyOptions, parseList } from '../analysis-options.js'
import { addClinicalOptions, loadClinical } from '../clinical-options.js'
import type { CliIO } from '../context.js'
import { addInputOptions, addLowMemoryOptions, classifyInputs, inputAction } from '../inputs.js'
import { emit } from '../output.js'
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
  format: z.enum(['tsv', 'json']).default('tsv'),
  output: z.string().optional(),
  lenient: z.boolean().optional(),
})

export interface ScanRun {
  readonly groups: GroupScan[]
  readonly survival: SurvivalScan[]
}

const count = (ex: Readonly<Record<string, number>>): string => Object.entries(ex).map(([k, v]) => `${v} ${k}`).join('; ')

/** What was tested and how each input was read, one statement a line (stderr notes, JSON, report). */
export function scanStatements(table: ClinicalTable, run: ScanRun): string[] {
  const out = [...sampleStatements(table)]
  for (const g of run.groups) {
    out.push(...g.endpoint.reading, `${g.endpoint.name}: ${g.tested} sequenced samples tested${Object.keys(g.excluded).length > 0 ? `; excluded: ${count(g.excluded)}` : ''}`)
    for (const f of g.families) out.push(`family "${f}": ${g.rows.filter((r) => r.family === f).length} tests, q within the family`)
  }
  for (const sv of run.survival) {
    out.push(...sv.reading, `${sv.endpoint}: ${sv.tested} sequenced samples tested, ${sv.testedEvents} events${Object.keys(sv.excluded).length > 0 ? `; excluded: ${count(sv.excluded)}` : ''}`)
  }
  return out
}

/** `-o` names a folder: an existing directory, or a path ending in a separator. */
async function isFolder(out: string | undefined): Promise<boolean> {
  if (out === undefined || out === '-') return false
  if (out.endsWith('/') || out.endsWith(sep)) return true
  return (await stat(out).catch(() => undefined))?.isDirectory() ?? false
}

/** One file name per endpoint: letters, digits, '.', '-' and '_' kept; a repeat gets a suffix. */
function endpointFiles(names: readonly string[]): string[] {
  const used = new Set<string>()
  return names.map((n) => {
    const base = n.replace(/[^A-Za-z0-9._-]+/g, '_').replace(/^\.+/, '_') || 'endpoint'
    let name = `${base}.tsv`
    for (let i = 2; used.has(name.toLowerCase()); i++) name = `${base}-${i}.tsv`
    used.add(name.toLowerCase())
    return name
  })
}

export function scanCommand(io: CliIO): Command {
  const cmd = new Command('scan').description('association of every feature with response (Fisher) and survival (KM, log-rank, Cox)')
  addClinicalOptions(addLowMemoryOptions(addClassifyOptions(addInputOptions(cmd))))
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
    .addOption(new Option('--format <fmt>', 'output format').choices(['tsv', 'json']).default('tsv'))
    .option('-o, --output <file|folder/>', 'output file (default: stdout); a folder gets one TSV per endpoint')
    .action(inputAction(async (inputs, raw) => {
      const o = parseOptions(Schema, raw)
      const copts = classifyOptions(raw)
      const types = o.features ?? ['genes', ...(copts.rules ? ['rules' as const] : []), ...(copts.pathways ? ['pathways' as const] : [])]
      const { matrix, reports, files } = await classifyInputs(inputs, raw, io, { ...copts, withPathways: types.includes('pathways') })
      const clinical = await loadClinical(o.clinical, raw, matrix.samples)
      const folder = await isFolder(o.output)
      if (folder && o.format === 'json') throw new InputError('USAGE', '-o names a folder, and --format json writes one document', { suggestion: 'give -o a file name, e.g. -o scan.json' })
      const featureTypes = types.map((t) => (t === 'genes' ? 'gene' : t === 'rules' ? 'rule' : 'pathway'))
      const features = selectFeatures(matrix, { types: featureTypes, minAltered: o.minAltered, genes: o.genes })
      const table = new LogFactorialTable(matrix.samples.length + 1)
      const run: ScanRun = { groups: [], survival: [] }
      const perEndpoint: { name: string; groups: GroupScan[]; survival: SurvivalScan[] }[] = []
      for (const word of o.endpoint) {
        const ep = parseEndpoint(word, o.time, o.event)
        if (ep.kind === 'group') {
          const g = scanGroups(matrix, clinical.table, ep.spec, features, { alternative: o.alternative, adjust: o.adjust, table, lenient: o.lenient })
          run.groups.push(g)
          perEndpoint.push({ name: ep.name, groups: [g], survival: [] })
        } else {
          const sv = scanSurvival(matrix, clinical.table, ep.spec, features, { confType: o.confType, covariates: o.covariates, adjust: o.adjust, lenient: o.lenient, curves: false })
          run.survival.push(sv)
          perEndpoint.push({ name: ep.name, groups: [], survival: [sv] })
        }
      }
      const statements = scanStatements(clinical.table, run)
      const warnings = sampleWarnings(clinical.table)
      const inputsUsed = [...files, o.clinical]
      if (o.format === 'json') {
        const text =
          JSON.stringify(
            {
              features: features.length,
              clinical: { file: clinical.table.file, sampleMatch: clinical.table.sampleMatch, interpretation: statements, warnings },
              groupEndpoints: run.groups.map((g) => ({
                endpoint: g.endpoint.name,
                column: g.endpoint.column,
                ...(g.endpoint.kind === 'binary' ? { positive: g.endpoint.positive, reference: g.endpoint.negative } : { levels: g.endpoint.levels }),
                reading: g.endpoint.reading,
                tested: g.tested,
                excluded: g.excluded,
                families: g.families,
                rows: g.rows,
              })),
              survivalEndpoints: run.survival.map((s) => ({ endpoint: s.endpoint, timeColumn: s.timeColumn, eventColumn: s.eventColumn, timeUnit: s.timeUnit ?? null, eventCoding: s.coding, reading: s.reading, tested: s.tested, events: s.testedEvents, excluded: s.excluded, rows: s.rows })),
              readReports: [...reports, clinical.report],
            },
            (_k, v: unknown) => (typeof v === 'number' && !Number.isFinite(v) ? (Number.isNaN(v) ? null : v > 0 ? 'Inf' : '-Inf') : v),
            1,
          ) + '\n'
        await emit(io, text, o.output, inputsUsed)
      } else {
        for (const w of warnings) io.stderr(`biomarkit: warning: ${w}\n`)
        for (const st of statements) io.stderr(`biomarkit: ${st}\n`)
        if (folder) {
          const dir = o.output as string
          await mkdir(dir, { recursive: true })
          const names = endpointFiles(perEndpoint.map((e) => e.name))
          const outs = perEndpoint.map((e, i) => ({ path: join(dir, names[i] as string), text: scanTsv(e.groups.flatMap((g) => g.rows), e.survival.flatMap((sv) => sv.rows)).join('\n') + '\n' }))
          for (const f of outs) await writeFileAtomic(f.path, f.text, inputsUsed)
          io.stderr(`biomarkit: wrote ${outs.map((f) => f.path).join(', ')}\n`)
        } else {
          await emit(io, scanTsv(run.groups.flatMap((g) => g.rows), run.survival.flatMap((sv) => sv.rows)).join('\n') + '\n', o.output, inputsUsed)
        }
      }
      if (features.length === 0) io.stderr('biomarkit: no feature met --min-altered; nothing was tested\n')
    }))
  return cmd
}
