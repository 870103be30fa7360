/**
 * Table 3: adverse events from a long table (one row per patient × event: patient, term, grade
 * 1–5 as CTCAE). Per term: patients with any grade and with grade ≥ 3, n (%) of the safety
 * population. A patient counts once per term (at the worst grade); several rows of one patient
 * and term are normal (repeated episodes). The denominator is the patients of the clinical table
 * when one is given (a patient with no AE row had none), else the distinct patients of the AE
 * table (said in the output: patients with no AE are then missing from the denominator).
 * Rows sort by any-grade count, then grade ≥ 3 count (both descending), then term.
 * Grades read as 1–5, "G3", "Grade 3"; anything else is an error at its line and column.
 */
import { InputError, quote } from '../errors.js'
import { findFirst, headerHint } from '../clinical/columns.js'
import type { ReadTableResult } from '../io/table.js'

export interface AeRow {
  readonly term: string
  readonly anyGrade: number
  readonly anyGradePercent: number
  readonly grade3plus: number
  readonly grade3plusPercent: number
}

export interface AeTable {
  readonly rows: readonly AeRow[]
  readonly patients: number
  readonly denominator: string
  readonly rowsRead: number
  readonly columns: { readonly patient: string; readonly term: string; readonly grade: string }
}

const PATIENT = ['patient_id', 'patient', 'subject_id', 'subject', 'sample_id', 'sample', 'usubjid']
const TERM = ['term', 'ae_term', 'aeterm', 'adverse_event', 'event', 'aedecod', 'preferred_term']
const GRADE = ['grade', 'ctcae_grade', 'aetoxgr', 'toxicity_grade']

function pick(t: ReadTableResult, names: readonly string[], given: string | undefined, what: string): number {
  const cols = t.header.columns
  const i = given !== undefined ? findFirst(cols, [given]) : findFirst(cols, names)
  if (i === undefined) {
    throw new InputError('MISSING_COLUMN', `adverse-event table: no ${what} column (${given !== undefined ? `named ${quote(given)}` : `looked for ${names.join(', ')}`})`, {
      file: t.header.file,
      line: t.header.line,
      suggestion: headerHint(cols),
    })
  }
  return i
}

export function parseGrade(raw: string): number | undefined {
  const m = /^(?:g|grade\s*)?([1-5])$/i.exec(raw.trim())
  return m ? Number(m[1]) : undefined
}

export interface AeOptions {
  readonly patientColumn?: string | undefined
  readonly termColumn?: string | undefined
  readonly gradeColumn?: string | undefined
  /** Safety population (the clinical table's patients); undefined: the AE table's own patients. */
  readonly population?: ReadonlySet<string> | undefined
  readonly populationName?: string | undefined
}

export function adverseEventTable(t: ReadTableResult, opts: AeOptions = {}): AeTable {
  const pi = pick(t, PATIENT, opts.patientColumn, 'patient')
  const ti = pick(t, TERM, opts.termColumn, 'term')
  const gi = pick(t, GRADE, opts.gradeColumn, 'grade')
  const file = t.header.file
  const worst = new Map<string, Map<string, number>>()
  const seen = new Set<string>()
  for (const row of t.rows) {
    const patient = row.fields[pi]?.trim() ?? ''
    const term = row.fields[ti]?.trim() ?? ''
    const rawGrade = row.fields[gi]?.trim() ?? ''
    if (patient === '') throw new InputError('BAD_VALUE', `${t.header.columns[pi]}: missing patient`, { file, line: row.line, column: pi + 1 })
    if (term === '') throw new InputError('BAD_VALUE', `${t.header.columns[ti]}: missing term`, { file, line: row.line, column: ti + 1 })
    const grade = parseGrade(rawGrade)
    if (grade === undefined) {
      throw new InputError('BAD_VALUE', `${t.header.columns[gi]}: expected a CTCAE grade 1–5, got ${quote(rawGrade)}`, { file, line: row.line, column: gi + 1 })
    }
    if (opts.population && !opts.population.has(patient)) {
      throw new InputError('BAD_VALUE', `patient ${quote(patient)} is not in ${opts.populationName ?? 'the clinical table'}`, { file, line: row.line, column: pi + 1, suggestion: 'every AE row must belong to a patient of the safety population' })
    }
    seen.add(patient)
    const byPatient = worst.get(term) ?? new Map<string, number>()
    byPatient.set(patient, Math.max(byPatient.get(patient) ?? 0, grade))
    worst.set(term, byPatient)
  }
  const patients = opts.population ? opts.population.size : seen.size
  const denominator = opts.population ? `${patients} patients of ${opts.populationName ?? 'the clinical table'}` : `${patients} patients with at least one AE row (patients with no AE are not counted: give the clinical table)`
  const rows = [...worst].map(([term, m]): AeRow => {
    const anyGrade = m.size
    const grade3plus = [...m.values()].filter((g) => g >= 3).length
    return { term, anyGrade, anyGradePercent: (100 * anyGrade) / patients, grade3plus, grade3plusPercent: (100 * grade3plus) / patients }
  })
  rows.sort((a, b) => b.anyGrade - a.anyGrade || b.grade3plus - a.grade3plus || (a.term < b.term ? -1 : a.term > b.term ? 1 : 0))
  return { rows, patients, denominator, rowsRead: t.rows.length, columns: { patient: t.header.columns[pi] as string, term: t.header.columns[ti] as string, grade: t.header.columns[gi] as string } }
}
