/**
 * Finding clinical columns by name. Each list is a priority order: the first name present in the
 * header (compared case-insensitively) wins, so a cBioPortal sample file with both PATIENT_ID and
 * SAMPLE_ID is keyed by SAMPLE_ID, and a patient file (PATIENT_ID only) by PATIENT_ID.
 */
import { findColumnIn } from '../io/table.js'
import { InputError, quote } from '../errors.js'

/** Sample-level identifiers first, then patient-level ones (patient files have only these). */
export const SAMPLE_COLUMN_NAMES: readonly string[] = [
  'sample_id', // cBioPortal SAMPLE_ID, generic
  'Tumor_Sample_Barcode', // MAF / maftools annotation tables
  'sample',
  'sample_name',
  'sampleid',
  'sample id',
  'sample_barcode',
  'aliquot_id',
  'patient_id', // cBioPortal PATIENT_ID (patient files)
  'patientid',
  'patient',
  'case_id', // GDC
  'case_submitter_id',
  'submitter_id',
  'subject_id',
  'subject',
]

/** Best overall response (RECIST). 'BR' is Liu 2019's column; plain 'response' is the last resort. */
export const RESPONSE_COLUMN_NAMES: readonly string[] = [
  'best_response',
  'best_overall_response', // also BEST_OVERALL_RESPONSE
  'bor',
  'best response',
  'best overall response',
  'bestresponse',
  'recist',
  'recist_response',
  'br',
  'response',
]

/**
 * Index of the first candidate present (case-insensitive), or undefined. With `where`, a found
 * column that another repeats in other case (`best_response` and `Best_Response`) is an error
 * there: the first silently won.
 */
export function findFirst(columns: readonly string[], candidates: readonly string[], where?: { readonly file: string; readonly line?: number | undefined }): number | undefined {
  return findColumnIn(columns, candidates, where)
}

/** Every candidate present, in header order (for ambiguity checks). */
export function findAll(columns: readonly string[], candidates: readonly string[]): number[] {
  const wanted = new Set(candidates.map((c) => c.toLowerCase()))
  const out: number[] = []
  columns.forEach((c, i) => {
    if (wanted.has(c.trim().toLowerCase())) out.push(i)
  })
  return out
}

export function headerHint(columns: readonly string[]): string {
  const shown = columns.slice(0, 40).map((c) => quote(c, 40))
  return `the header has: ${shown.join(', ')}${columns.length > 40 ? ', …' : ''}`
}

/** A column named by the user must exist (case-insensitive); the error lists the header. */
export function requireNamed(columns: readonly string[], name: string, what: string, file: string, line?: number): number {
  // The user's exact spelling chooses between names that differ only in case.
  const exact = columns.findIndex((c) => c.trim() === name.trim())
  const i = exact !== -1 ? exact : findFirst(columns, [name], { file, line })
  if (i === undefined) {
    throw new InputError('MISSING_COLUMN', `${what} column ${quote(name)} not found`, {
      file,
      line,
      suggestion: headerHint(columns),
    })
  }
  return i
}
