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
import { writeFilesAtomic } from '../../src/io/write.js'
import type { ClinicalTable } from '../../src/model/clinical.js'
import { readReportJson } from '../../src/model/report.js'
import { parseEndpoint } from '../../src/scan/endpoints.js'
import { scanGroups, scanSurvival, scanTsv, selectFeatures, strataStatement, type GroupScan, type SurvivalScan } from '../../src/scan/index.js'
import { LogFactorialTable } from '../../src/stats/log-factorial.js'
import { jsonNumbers } from '../../src/io/json-numbers.js'
import { addClassifyOptions, classifyOptions, parseList } from '../analysis-options.js'
import { addClinicalOptions } from '../clinical-options.js'
import type { CliIO } from '../context.js'
import { addInputOptions, addLowMemoryOptions, classifyInputs, inputAction } from '../inputs.js'
import { atLevel, loadClinicalSource, studyEndpoint, studyEndpointNote } from '../levels.js'
import { addFeatureScanOptions, featureScanText, runFeatureScan, wantsFeatureScan, type FeatureScanRun } from '../feature-scan.js'
import { parseFeatureWords } from './feature-options.js'
import { responseTermsTsv, survivalTermsTsv } from '../../src/features/format.js'
import { addExcelSafeOption, emit, guardTable } from '../output.js'
import { parseOptions } from '../validate.js'

const Schema = z.object({
  clinical: z.string().optional(),
  patientColumn: z.string().optional(),
  perPatient: z.enum(['any', 'first', 'error']).default('any'),
  endpoint: z.array(z.string()).min(1, 'name at least one endpoint'),
  features: z.array(z.string()).optional(),
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
  excelSafe: z.boolean().optional(),
  strata: z.string().optional(),
})

export interface ScanRun {
  readonly groups: GroupScan[]
  readonly survival: SurvivalScan[]
}

const count = (ex: Readonly<Record<string, number>>): string => Object.entries(ex).map(([k, v]) => `${v} ${k}`).join('; ')

/** What was tested and how each input was read, one statement a line (stderr notes, JSON, report). */
export function scanStatements(table: ClinicalTable, run: ScanRun, levels: ReadonlyMap<object, readonly string[]> = new Map()): string[] {
  const out = [...sampleStatements(table)]
  const unit = (r: object): string => ((levels.get(r) ?? []).some((l) => l.startsWith('patient-level')) ? 'patients' : 'sequenced samples')
  for (const g of run.groups) {
    out.push(...g.endpoint.reading, ...(levels.get(g) ?? []).map((l) => `${g.endpoint.name}: ${l}`), `${g.endpoint.name}: ${g.tested} ${unit(g)} tested${Object.keys(g.excluded).length > 0 ? `; excluded: ${count(g.excluded)}` : ''}`)
    for (const f of g.families) out.push(`family "${f}": ${g.rows.filter((r) => r.family === f).length} tests, q within the family`)
    if (g.strata) out.push(strataStatement(g.endpoint.name, g.strata))
  }
  for (const sv of run.survival) {
    out.push(...sv.reading, ...(levels.get(sv) ?? []).map((l) => `${sv.endpoint}: ${l}`), `${sv.endpoint}: ${sv.tested} ${unit(sv)} tested, ${sv.testedEvents} events${Object.keys(sv.excluded).length > 0 ? `; excluded: ${count(sv.excluded)}` : ''}`)
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
  addExcelSafeOption(addClinicalOptions(addLowMemoryOptions(addClassifyOptions(addInputOptions(cmd)))))
    .option('--clinical <file>', 'clinical table (TSV/CSV or cBioPortal clinical file); a study folder brings its own')
    .option('--patient-column <name>', 'patient-ID column of the clinical table: test every endpoint per patient')
    .addOption(new Option('--per-patient <mode>', 'patient-level tests: a patient with several samples is altered if any is (any), its first sample (first), or an error').choices(['any', 'first', 'error']).default('any'))
    .requiredOption('--endpoint <list>', 'orr, dcr, pfs, os, TIME~EVENT, or a clinical column; comma-separated or repeated', (v: string, prev: string[] = []) => [...prev, ...parseList(v)])
    .option('--features <list>', 'what to test: genes,rules,pathways (default genes, plus rules/pathways when given), tmb, mutation_count, clinical:COL[,COL…]', (v: string, prev: string[] = []) => [...prev, ...parseList(v)])
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
  addFeatureScanOptions(cmd)
    .action(inputAction(io, async (inputs, raw) => {
      const o = parseOptions(Schema, raw)
      const copts = classifyOptions(raw)
      const words = parseFeatureWords(o.features ?? [])
      const types = o.features ? words.genomic : ['genes' as const, ...(copts.rules ? ['rules' as const] : []), ...(copts.pathways ? ['pathways' as const] : [])]
      // Clinical features alone need no calls: scan runs on the clinical table by itself.
      const needCalls = types.length > 0 || words.tmb || words.mutationCount || inputs.length > 0 || raw['manifest'] !== undefined
      const classified = needCalls ? await classifyInputs(inputs, raw, io, { ...copts, withPathways: types.includes('pathways') }) : undefined
      const reports = classified?.reports ?? []
      const files = classified?.files ?? []
      const clinical = await loadClinicalSource(raw, o, classified?.matrix.samples)
      // Statements and sample-match warnings come from the table the samples were matched in.
      const sampleTable = clinical.plain ?? (clinical.leveled as NonNullable<typeof clinical.leveled>).sample
      const folder = await isFolder(o.output)
      if (folder && o.format === 'json') throw new InputError('USAGE', '-o names a folder, and --format json writes one document', { suggestion: 'give -o a file name, e.g. -o scan.json' })
      const featureTypes = types.map((t) => (t === 'genes' ? 'gene' : t === 'rules' ? 'rule' : 'pathway'))
      const features = classified ? selectFeatures(classified.matrix, { types: featureTypes, minAltered: o.minAltered, genes: o.genes }) : []
      const endpoints = o.endpoint.map((word) => studyEndpoint(clinical, parseEndpoint(word, o.time, o.event), word))
      // --strata stratifies the exact test of a response (group) endpoint; it never changes a survival row.
      if (o.strata !== undefined && !endpoints.some((ep) => ep.kind === 'group')) {
        throw new InputError('USAGE', `--strata ${o.strata}: the stratified exact test is for a response endpoint (orr, dcr or a group column); ${o.endpoint.join(', ')} ${endpoints.length > 1 ? 'are survival endpoints' : 'is a survival endpoint'}`, { suggestion: 'add --endpoint orr, or drop --strata' })
      }
      if (o.strata !== undefined && endpoints.some((ep) => ep.kind !== 'group')) io.stderr(`biomarkit: --strata ${o.strata}: survival endpoints are not stratified (the stratified test is for response endpoints)\n`)
      const extra: FeatureScanRun | undefined = wantsFeatureScan(words, raw) ? runFeatureScan(raw, words, sampleTable, endpoints, classified?.matrix, features, (copts.classes ?? ["maftools' nine non-synonymous classes"]).join(', ')) : undefined
      const matrix = featureTypes.length > 0 ? classified?.matrix : undefined
      const run: ScanRun = { groups: [], survival: [] }
      const perEndpoint: { name: string; groups: GroupScan[]; survival: SurvivalScan[] }[] = []
      // Each endpoint is tested at its level (cli/levels.ts): per patient when it reads patient attributes.
      const levels = new Map<object, readonly string[]>()
      const cache = {}
      const cov = o.covariates ?? []
      const table = new LogFactorialTable((matrix?.samples.length ?? 0) + 1)
      for (const ep of endpoints) {
        if (matrix === undefined) break
        if (ep.kind === 'group') {
          const r = atLevel(clinical, matrix, o.perPatient, cache, (m, t) => scanGroups(m, t, ep.spec, features, { alternative: o.alternative, adjust: o.adjust, table, lenient: o.lenient, strata: o.strata }), (g) => [g.endpoint.column, ...cov, ...(o.strata === undefined ? [] : [o.strata])])
          levels.set(r.result, r.notes)
          run.groups.push(r.result)
          perEndpoint.push({ name: ep.name, groups: [r.result], survival: [] })
        } else {
          const r = atLevel(clinical, matrix, o.perPatient, cache, (m, t) => scanSurvival(m, t, ep.spec, features, { confType: o.confType, covariates: o.covariates, adjust: o.adjust, lenient: o.lenient, curves: false }), (v) => [v.timeColumn, v.eventColumn, ...cov])
          levels.set(r.result, [...studyEndpointNote(ep), ...r.notes])
          run.survival.push(r.result)
          perEndpoint.push({ name: ep.name, groups: [], survival: [r.result] })
        }
      }
      const statements = scanStatements(sampleTable, run, levels)
      const warnings = sampleWarnings(sampleTable)
      const inputsUsed = [...files, ...clinical.files]
      if (o.format === 'json') {
        const text =
          JSON.stringify(
            {
              features: features.length,
              ...(extra ? { featureVectors: [...extra.vectors, ...extra.covariates].map((v) => ({ id: v.id, kind: v.kind, interpretation: v.interpretation, missing: v.missing })), featureEndpoints: extra.endpoints } : {}),
              clinical: { file: sampleTable.file, sampleMatch: sampleTable.sampleMatch, interpretation: statements, warnings },
              groupEndpoints: run.groups.map((g) => ({
                endpoint: g.endpoint.name,
                column: g.endpoint.column,
                level: levels.get(g),
                ...(g.endpoint.kind === 'binary' ? { positive: g.endpoint.positive, reference: g.endpoint.negative } : { levels: g.endpoint.levels }),
                reading: g.endpoint.reading,
                tested: g.tested,
                excluded: g.excluded,
                families: g.families,
                ...(g.strata ? { strata: { column: g.strata.column, levels: g.strata.levels, tested: g.strata.tested, noValue: g.strata.noValue } } : {}),
                rows: g.rows,
              })),
              survivalEndpoints: run.survival.map((s) => ({ endpoint: s.endpoint, timeColumn: s.timeColumn, eventColumn: s.eventColumn, level: levels.get(s), timeUnit: s.timeUnit ?? null, eventCoding: s.coding, reading: s.reading, tested: s.tested, events: s.testedEvents, excluded: s.excluded, rows: s.rows })),
              readReports: [...reports, ...clinical.reports].map(readReportJson),
            },
            jsonNumbers,
            1,
          ) + '\n'
        await emit(io, text, o.output, inputsUsed)
      } else {
        for (const w of warnings) io.stderr(`biomarkit: warning: ${w}\n`)
        for (const st of statements) io.stderr(`biomarkit: ${st}\n`)
        // Feature statistics have columns of their own: their statements go to stderr with the others,
        // and their tables are files of their own (one table per file, as for the endpoints).
        const featureTables: { name: string; lines: string[] }[] = []
        if (extra) {
          for (const line of featureScanText(extra)) if (line.startsWith('#')) io.stderr(`biomarkit: ${line.replace(/^#\s*/, '')}\n`)
          const resp = extra.endpoints.flatMap((e) => e.response)
          const surv = extra.endpoints.flatMap((e) => e.survival)
          if (resp.length > 0) featureTables.push({ name: 'features-response.tsv', lines: responseTermsTsv(resp) })
          if (surv.length > 0) featureTables.push({ name: 'features-survival.tsv', lines: survivalTermsTsv(surv) })
        }
        const genomic = matrix !== undefined && perEndpoint.length > 0
        if (!folder && (genomic ? 1 : 0) + featureTables.length > 1) {
          throw new InputError('USAGE', `these results are ${(genomic ? 1 : 0) + featureTables.length} tables of different columns (${[...(genomic ? ['alteration rows'] : []), ...featureTables.map((t) => t.name.replace(/\.tsv$/, ''))].join(', ')}), and one TSV holds one table`, {
            suggestion: 'give -o a folder (-o results/) for one TSV per table, or --format json for one document',
          })
        }
        if (!genomic && !folder && featureTables.length === 1) {
          await emit(io, (featureTables[0] as { lines: string[] }).lines.join('\n') + '\n', o.output, inputsUsed, { tabular: true, excelSafe: o.excelSafe })
        } else if (folder) {
          const dir = o.output as string
          // A path ending in '/' that names a file (or lies under one) is the user's to fix: exit 1, not a crash.
          await mkdir(dir, { recursive: true }).catch((e: unknown) => {
            throw new InputError('OUTPUT', `-o ${dir}: cannot create the output folder (${(e as NodeJS.ErrnoException).code ?? String(e)})`, { suggestion: 'name a folder that can be created, or a file' })
          })
          const names = endpointFiles(perEndpoint.map((e) => e.name))
          const outs = [
            ...perEndpoint.map((e, i) => ({ path: join(dir, names[i] as string), text: scanTsv(e.groups.flatMap((g) => g.rows), e.survival.flatMap((sv) => sv.rows)).join('\n') + '\n' })),
            ...featureTables.map((t) => ({ path: join(dir, t.name), text: t.lines.join('\n') + '\n' })),
          ]
          // One transaction: every endpoint's file replaces its target, or none does.
          await writeFilesAtomic(outs.map((f) => ({ path: f.path, data: guardTable(io, f.text, f.path, o.excelSafe) })), inputsUsed, io.registry)
          io.stderr(`biomarkit: wrote ${outs.map((f) => f.path).join(', ')}\n`)
        } else {
          await emit(io, scanTsv(run.groups.flatMap((g) => g.rows), run.survival.flatMap((sv) => sv.rows)).join('\n') + '\n', o.output, inputsUsed, { tabular: true, excelSafe: o.excelSafe })
        }
      }
      if (features.length === 0 && featureTypes.length > 0 && classified) io.stderr('biomarkit: no feature met --min-altered; nothing was tested\n')
    }))
  return cmd
}
