/**
 * biomarkit scan <inputs...> --clinical F --endpoint orr|dcr|pfs|os|COLUMN[,…] [--features genes,rules,pathways]
 *   [--min-altered N] [--alternative ...] [--covariates LIST] [--format tsv|json] [-o FILE]
 */
import { Command } from 'commander'
import { z } from 'zod'
import { mkdir, stat } from 'node:fs/promises'
import { join, sep } from 'node:path'
import { sampleWarnings } from '../../src/clinical/provenance.js'
import { InputError } from '../../src/errors.js'
import { writeFilesAtomic } from '../../src/io/write.js'
import { readReportJson } from '../../src/model/report.js'
import { parseEndpoint } from '../../src/scan/endpoints.js'
import { scanTsv, selectFeatures } from '../../src/scan/index.js'
import { jsonNumbers } from '../../src/io/json-numbers.js'
import { addClassifyOptions, classifyOptions } from '../analysis-options.js'
import { addClinicalOptions } from '../clinical-options.js'
import type { CliIO } from '../context.js'
import { addInputOptions, addLowMemoryOptions, classifyInputs, inputAction } from '../inputs.js'
import { studyEndpoint } from '../../src/pipeline/clinical-level.js'
import { scanEndpoints, scanStatements } from '../../src/pipeline/endpoint-scan.js'
import { loadClinicalSource } from '../levels.js'
import { featureScanText, type FeatureScanRun } from '../../src/pipeline/feature-scan.js'
import { addFeatureScanOptions, runFeatureScan, wantsFeatureScan } from '../feature-scan.js'
import { parseFeatureWords } from './feature-options.js'
import { responseTermsTsv, survivalTermsTsv } from '../../src/features/format.js'
import { addExcelSafeOption, emit, guardTable } from '../output.js'
import { ADJUST, ALTERNATIVE, CLINICAL, collectList, CONF_TYPE, COVARIATES, FORMAT, GENES, MIN_ALTERED, OUTPUT, PATIENT_COLUMN } from '../common-options.js'
import { addOptions, choice, opt, parseOptions, schemaOf, variant } from '../option-table.js'

/** scan's own options, declared and validated from this table. */
const SCAN_OPTIONS = {
  clinical: variant(CLINICAL, { description: 'clinical table (TSV/CSV or cBioPortal clinical file); a study folder brings its own' }),
  patientColumn: PATIENT_COLUMN,
  perPatient: choice('--per-patient <mode>', 'patient-level tests: a patient with several samples is altered if any is (any), its first sample (first), or an error', ['any', 'first', 'error'], 'any'),
  endpoint: opt('--endpoint <list>', 'orr, dcr, pfs, os, TIME~EVENT, or a clinical column; comma-separated or repeated', z.array(z.string()).min(1, 'name at least one endpoint'), { parse: collectList, required: true }),
  features: opt('--features <list>', 'what to test: genes,rules,pathways (default genes, plus rules/pathways when given), tmb, mutation_count, clinical:COL[,COL…]', z.array(z.string()), { parse: collectList }),
  genes: variant(GENES, { description: 'test only these genes' }),
  minAltered: MIN_ALTERED,
  alternative: ALTERNATIVE,
  adjust: ADJUST,
  covariates: COVARIATES,
  time: opt('--time <column>', 'survival time column (with --event and --endpoint survival)', z.string()),
  event: opt('--event <column>', 'survival event column', z.string()),
  confType: CONF_TYPE,
  format: FORMAT,
  output: variant(OUTPUT, { flags: '-o, --output <file|folder/>', description: 'output file (default: stdout); a folder gets one TSV per endpoint' }),
}

const Schema = schemaOf(SCAN_OPTIONS).extend({ lenient: z.boolean().optional(), excelSafe: z.boolean().optional(), strata: z.string().optional() })

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
  addOptions(cmd, SCAN_OPTIONS)
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
      // Each endpoint is tested at its level (src/pipeline/clinical-level.ts): per patient when it reads patient attributes.
      const { run, perEndpoint, levels } = scanEndpoints(clinical, matrix, endpoints, features, { alternative: o.alternative, adjust: o.adjust, lenient: o.lenient, strata: o.strata, confType: o.confType, covariates: o.covariates, perPatient: o.perPatient })
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
