/**
 * Clinical attributes at two levels, joined through PATIENT_ID, built on the clinical reader's
 * tables (../clinical/read.ts):
 *
 * - a cBioPortal study's patient file (keyed by PATIENT_ID: OS_MONTHS, OS_STATUS, …) and sample
 *   file (SAMPLE_ID, PATIENT_ID, sample attributes): the sample-level table carries each sample's
 *   own attributes plus its patient's; the patient-level table the patient attributes alone;
 * - one table keyed by sample with a patient column (--patient-column): the patient-level table
 *   has one row per patient whose values are those its samples agree on; a column on which a
 *   patient's samples disagree cannot be a patient attribute (`disagree`, checked by the caller
 *   for the columns an endpoint reads).
 */
import { InputError, quote } from '../errors.js'
import { readClinical, type ClinicalResult } from '../clinical/read.js'
import { columnReader } from '../clinical/stored-rows.js'
import type { ClinicalReading, ClinicalRow, ClinicalTable } from '../model/clinical.js'
import type { ReadReport } from '../model/report.js'
import type { PatientLink } from './patients.js'
import type { ReadLimits } from '../io/read-limits.js'

export interface LeveledClinical {
  /** Keyed by sample: its attributes and its patient's. */
  readonly sample: ClinicalTable
  /** Keyed by patient. */
  readonly patient: ClinicalTable
  readonly link: PatientLink
  /** Column → a patient whose samples disagree on it, with the lines (--patient-column only). */
  readonly disagree: ReadonlyMap<string, { readonly patient: string; readonly lines: readonly number[] }>
  readonly reports: readonly ReadReport[]
  readonly files: readonly string[]
}

function patientColumnOf(t: ClinicalTable, name: string): string {
  const hit = t.columns.find((c) => c.trim().toLowerCase() === name.toLowerCase())
  if (hit === undefined) throw new InputError('MISSING_COLUMN', `no ${name} column to join samples to patients`, { file: t.file, suggestion: `columns: ${t.columns.join(', ')}` })
  return hit
}

function linkOf(t: ClinicalTable, column: string): PatientLink {
  const patientOf = new Map<string, string>()
  const patientOfRow = columnReader(column)
  for (const row of t.rows.values()) {
    const p = patientOfRow(row)
    if (p === undefined) throw new InputError('BAD_VALUE', `${column}: missing patient ID for sample ${quote(row.sample)}`, { file: t.file, line: row.line, column: t.columns.indexOf(column) + 1 })
    patientOf.set(row.sample, p)
  }
  // The file-order rank only --per-patient first reads: built on first use.
  let rank: Map<string, number> | undefined
  return {
    patientOf,
    get rank() {
      if (rank === undefined) {
        rank = new Map()
        for (const s of t.rows.keys()) rank.set(s, rank.size)
      }
      return rank
    },
    source: `${t.file} ${column}`,
  }
}

/** A study's patient and sample files (either may be absent, not both). */
export async function readStudyClinical(patientsPath: string | undefined, samplesPath: string | undefined, opts: { lenient?: boolean | undefined; reading?: ClinicalReading | undefined; limits?: ReadLimits | undefined } = {}): Promise<LeveledClinical> {
  if (samplesPath === undefined) throw new InputError('NOT_FOUND', 'the study has no sample clinical file (SAMPLE_ATTRIBUTES): samples cannot be joined to patients', patientsPath === undefined ? {} : { file: patientsPath })
  const samples: ClinicalResult = await readClinical(samplesPath, { sampleColumn: 'SAMPLE_ID', lenient: opts.lenient, reading: opts.reading, limits: opts.limits })
  const patients: ClinicalResult | undefined = patientsPath === undefined ? undefined : await readClinical(patientsPath, { sampleColumn: 'PATIENT_ID', lenient: opts.lenient, reading: opts.reading, limits: opts.limits })
  const st = samples.table
  const col = patientColumnOf(st, 'PATIENT_ID')
  const link = linkOf(st, col)
  const pt = patients?.table ?? { file: samplesPath, sampleColumn: col, columns: [col], rows: new Map([...new Set(link.patientOf.values())].map((p) => [p, { sample: p, line: 0, values: new Map<string, string | undefined>([[col, p]]) }])) }
  // Sample rows with their patient's attributes; a column both files have keeps the sample's value.
  // Built on first use: a patient endpoint (the common case) is tested on the patient table and
  // never reads them, and merging 200,000 rows' maps cost more than reading both files.
  let merged: Map<string, ClinicalRow> | undefined
  const mergedRows = (): Map<string, ClinicalRow> => {
    if (merged !== undefined) return merged
    merged = new Map<string, ClinicalRow>()
    for (const row of st.rows.values()) {
      const p = pt.rows.get(link.patientOf.get(row.sample) as string)
      merged.set(row.sample, p ? { ...row, values: new Map([...p.values, ...row.values]) } : row)
    }
    return merged
  }
  const columns = [...st.columns, ...pt.columns.filter((c) => !st.columns.includes(c))]
  const sample: ClinicalTable = {
    ...st,
    columns,
    get rows() {
      return mergedRows()
    },
    responseColumn: st.responseColumn ?? pt.responseColumn,
  }
  return {
    sample,
    patient: pt,
    link,
    disagree: new Map(),
    reports: [...(patients ? [patients.report] : []), samples.report],
    files: [...(patientsPath ? [patientsPath] : []), samplesPath],
  }
}

/** One sample-keyed table with a patient column (--patient-column). */
export function withPatientColumn(result: ClinicalResult, column: string): LeveledClinical {
  const t = result.table
  const col = patientColumnOf(t, column)
  const link = { ...linkOf(t, col), source: `--patient-column ${col}` }
  const byPatient = new Map<string, ClinicalRow[]>()
  for (const row of t.rows.values()) {
    const p = link.patientOf.get(row.sample) as string
    const list = byPatient.get(p)
    if (list) list.push(row)
    else byPatient.set(p, [row])
  }
  const disagree = new Map<string, { patient: string; lines: number[] }>()
  const rows = new Map<string, ClinicalRow>()
  for (const [p, list] of byPatient) {
    const first = list[0] as ClinicalRow
    const values = new Map<string, string | undefined>()
    for (const c of t.columns) {
      const v = first.values.get(c)
      const other = list.find((r) => r.values.get(c) !== v)
      if (other === undefined) values.set(c, v)
      else if (c !== t.sampleColumn && !disagree.has(c)) disagree.set(c, { patient: p, lines: [first.line, other.line] })
    }
    values.set(t.sampleColumn, p)
    rows.set(p, { sample: p, line: first.line, values })
  }
  return { sample: t, patient: { ...t, sampleColumn: col, rows }, link, disagree, reports: [result.report], files: [t.file] }
}

/** Refuses a patient-level analysis of a column a patient's samples disagree on. */
export function checkPatientColumns(c: LeveledClinical, columns: readonly string[]): void {
  for (const col of columns) {
    const d = c.disagree.get(col)
    if (d) {
      throw new InputError('BAD_VALUE', `${col}: patient ${quote(d.patient)}'s samples disagree (lines ${d.lines.join(' and ')}), so it is not a patient attribute and cannot be tested per patient`, {
        file: c.sample.file,
        line: d.lines[1],
        suggestion: 'fix the value, or drop --patient-column to test per sample',
      })
    }
  }
}
