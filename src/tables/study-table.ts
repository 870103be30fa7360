/**
 * `biomarkit table baseline|efficacy|ae`: each table as TSV lines under `#` lines that say what
 * was counted and how, and as the JSON document's value. Pure over tables already read; the CLI
 * reads the clinical and adverse-event files and writes one of the two forms.
 */
import type { ReadTableResult } from '../io/table.js'
import type { ClinicalTable } from '../model/clinical.js'
import { efficacyTable } from '../pipeline/efficacy.js'
import { adverseEventTable, type AeOptions } from './adverse-events.js'
import { aeTsv } from './ae-format.js'
import { baselineTable, type BaselineOptions } from './baseline.js'
import { baselineTsv } from './baseline-format.js'
import { efficacyTsv } from './efficacy-format.js'

export interface StudyTableDocument {
  /** The TSV: `#` lines, then the table. */
  readonly lines: string[]
  /** The same table for `--format json`. */
  readonly json: unknown
}

/** Table 1: every column but the sample column unless `columns` names them. */
export function baselineDocument(table: ClinicalTable, columns: readonly string[] | undefined, opts: BaselineOptions = {}): StudyTableDocument {
  const cols = columns ?? table.columns.filter((c) => c !== table.sampleColumn)
  const t = baselineTable(table, cols, opts)
  return {
    lines: [`# Baseline characteristics: ${table.rows.size} patients of ${table.file}; categorical n (% of the group), numeric median (range) and IQR (R quantile type 7)`, ...t.notes.map((n) => `# ${n}`), ...baselineTsv(t)],
    json: { kind: 'baseline', patients: table.rows.size, ...t },
  }
}

/** Table 2: overall and by each subgroup column. */
export function efficacyDocument(table: ClinicalTable, subgroups: readonly string[] = [], references: ReadonlyMap<string, string> = new Map()): StudyTableDocument {
  const rows = efficacyTable(table, subgroups, references)
  return {
    lines: [
      `# Efficacy: ${table.rows.size} patients of ${table.file}; ORR = CR+PR and DCR = CR+PR+SD over patients with an evaluable best response (NE and missing excluded), Clopper–Pearson 95% CI; KM medians (R survfit, log CI); HR: Cox (Efron ties) of each level vs the column's reference`,
      ...efficacyTsv(rows),
    ],
    json: { kind: 'efficacy', patients: table.rows.size, rows },
  }
}

/** Table 3 from the adverse-event table read from `file`; `population` (the clinical table's patients) is the denominator when given. */
export function adverseEventDocument(t: ReadTableResult, file: string, opts: AeOptions = {}): StudyTableDocument {
  const ae = adverseEventTable(t, opts)
  return {
    lines: [`# Adverse events: ${ae.rowsRead} rows of ${file} (columns ${ae.columns.patient}, ${ae.columns.term}, ${ae.columns.grade}); % of ${ae.denominator}; a patient counts once per term, at the worst grade`, ...aeTsv(ae)],
    json: { kind: 'ae', ...ae },
  }
}
