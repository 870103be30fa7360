/**
 * biomarkit table baseline|efficacy|ae [AE_FILE] --clinical F [...] [--format tsv|json] [-o FILE]
 * The study tables: baseline characteristics (Table 1), efficacy overall and by subgroup
 * (Table 2), adverse events by term (Table 3). Each says what it counted and how.
 */
import { Command, Option } from 'commander'
import { z } from 'zod'
import { readClinical } from '../../src/clinical/read.js'
import { InputError } from '../../src/errors.js'
import { readTable } from '../../src/io/table.js'
import { efficacyTable } from '../../src/pipeline/efficacy.js'
import { adverseEventTable } from '../../src/tables/adverse-events.js'
import { aeTsv } from '../../src/tables/ae-format.js'
import { baselineTable } from '../../src/tables/baseline.js'
import { baselineTsv } from '../../src/tables/baseline-format.js'
import { efficacyTsv } from '../../src/tables/efficacy-format.js'
import { parseList } from '../analysis-options.js'
import type { CliIO } from '../context.js'
import { emit } from '../output.js'
import { parseOptions } from '../validate.js'
import { jsonText, parseReferences } from './feature-options.js'
import { cliReadLimits } from '../read-limits.js'

const Schema = z.object({
  clinical: z.string().optional(),
  columns: z.array(z.string()).optional(),
  by: z.string().optional(),
  categorical: z.array(z.string()).optional(),
  subgroups: z.array(z.string()).optional(),
  reference: z.array(z.string()).optional(),
  sampleColumn: z.string().optional(),
  responseColumn: z.string().optional(),
  patientColumn: z.string().optional(),
  termColumn: z.string().optional(),
  gradeColumn: z.string().optional(),
  format: z.enum(['tsv', 'json']).default('tsv'),
  output: z.string().optional(),
})

const collect = (v: string, prev: string[] = []) => [...prev, ...parseList(v)]

export function tableCommand(io: CliIO): Command {
  return new Command('table')
    .description('study tables: baseline characteristics, efficacy by subgroup, adverse events')
    .argument('<kind>', 'baseline | efficacy | ae')
    .argument('[file]', 'ae: the adverse-event table (patient, term, grade; one row per event)')
    .option('--clinical <file>', 'clinical table (baseline, efficacy; ae: the safety population)')
    .option('--columns <list>', 'baseline: the characteristics, in order', collect)
    .option('--by <column>', 'baseline: one column per level of this column, with Fisher / Wilcoxon p')
    .option('--categorical <list>', 'baseline: numeric-looking columns to count by level (e.g. line_of_therapy)', collect)
    .option('--subgroups <list>', 'efficacy: one row per level of each column, with the HR vs its reference', collect)
    .option('--reference <col=level>', 'reference level of a subgroup column (repeatable)', collect)
    .option('--sample-column <name>', 'patient/sample-ID column of the clinical table')
    .option('--response-column <name>', 'best-response column of the clinical table')
    .option('--patient-column <name>', 'ae: patient column (default: patient_id, patient, subject_id …)')
    .option('--term-column <name>', 'ae: term column (default: term, ae_term, adverse_event …)')
    .option('--grade-column <name>', 'ae: CTCAE grade column (default: grade, ctcae_grade …)')
    .addOption(new Option('--format <fmt>', 'output format').choices(['tsv', 'json']).default('tsv'))
    .option('-o, --output <file>', 'output file (default: stdout)')
    .action(async (kind: string, file: string | undefined, raw: Record<string, unknown>) => {
      const o = parseOptions(Schema, raw)
      const limits = cliReadLimits(io)
      const clinical = o.clinical === undefined ? undefined : await readClinical(o.clinical, { sampleColumn: o.sampleColumn, responseColumn: o.responseColumn, limits })
      const inputs = [...(o.clinical ? [o.clinical] : []), ...(file ? [file] : [])]
      let lines: string[]
      let json: unknown
      if (kind === 'baseline' || kind === 'efficacy') {
        if (!clinical) throw new InputError('USAGE', `table ${kind}: --clinical is required`)
        if (file !== undefined) throw new InputError('USAGE', `table ${kind}: takes no file argument (the clinical table is --clinical)`)
        if (kind === 'baseline') {
          const cols = o.columns ?? clinical.table.columns.filter((c) => c !== clinical.table.sampleColumn)
          const t = baselineTable(clinical.table, cols, { by: o.by, categorical: o.categorical })
          lines = [`# Baseline characteristics: ${clinical.table.rows.size} patients of ${clinical.table.file}; categorical n (% of the group), numeric median (range) and IQR (R quantile type 7)`, ...t.notes.map((n) => `# ${n}`), ...baselineTsv(t)]
          json = { kind: 'baseline', patients: clinical.table.rows.size, ...t }
        } else {
          const rows = efficacyTable(clinical.table, o.subgroups ?? [], parseReferences(o.reference))
          lines = [
            `# Efficacy: ${clinical.table.rows.size} patients of ${clinical.table.file}; ORR = CR+PR and DCR = CR+PR+SD over patients with an evaluable best response (NE and missing excluded), Clopper–Pearson 95% CI; KM medians (R survfit, log CI); HR: Cox (Efron ties) of each level vs the column's reference`,
            ...efficacyTsv(rows),
          ]
          json = { kind: 'efficacy', patients: clinical.table.rows.size, rows }
        }
      } else if (kind === 'ae') {
        if (file === undefined) throw new InputError('USAGE', 'table ae: name the adverse-event table (biomarkit table ae AE_FILE)')
        const t = await readTable(file, { what: 'adverse-event table', limits })
        const ae = adverseEventTable(t, {
          patientColumn: o.patientColumn,
          termColumn: o.termColumn,
          gradeColumn: o.gradeColumn,
          population: clinical ? new Set(clinical.table.rows.keys()) : undefined,
          populationName: clinical ? clinical.table.file : undefined,
        })
        lines = [`# Adverse events: ${ae.rowsRead} rows of ${file} (columns ${ae.columns.patient}, ${ae.columns.term}, ${ae.columns.grade}); % of ${ae.denominator}; a patient counts once per term, at the worst grade`, ...aeTsv(ae)]
        json = { kind: 'ae', ...ae }
      } else throw new InputError('USAGE', `table: unknown kind "${kind}" (baseline, efficacy or ae)`)
      await emit(io, o.format === 'json' ? jsonText(json) : lines.join('\n') + '\n', o.output, inputs)
    })
}
