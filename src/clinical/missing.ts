/**
 * Which clinical cells mean "no value".
 *
 * On top of the generic tokens in src/io/fields.ts ('', '.', NA, N/A, NaN, null, None) clinical
 * exports use:
 * - TCGA / GDC / cBioPortal bracketed placeholders: '[Not Available]', '[Unknown]', '[Not Applicable]',
 *   '[Not Evaluated]', '[Not Reported]', '[Discrepancy]' (cBioPortal's validator lists the same set);
 * - '-Inf': maftools' tcga_laml_annot.tsv writes 12 unknown follow-up times as '-Inf', and maftools
 *   drops them (`is.infinite`) before survival fits, so they are unknown, not a number;
 * - spreadsheet errors '#N/A' and lower-case 'n/a'.
 * Bare words such as 'Unknown' are NOT missing here: for a categorical column they can be a level.
 */
import { isMissing } from '../io/fields.js'

const CLINICAL_MISSING: ReadonlySet<string> = new Set([
  '[not available]',
  '[unknown]',
  '[not applicable]',
  '[not evaluated]',
  '[not reported]',
  '[discrepancy]',
  '-inf',
  '#n/a',
  'n/a',
])

export function isClinicalMissing(raw: string | undefined): boolean {
  return isMissing(raw) || CLINICAL_MISSING.has((raw as string).trim().toLowerCase())
}

/** Trimmed value, or undefined when missing. */
export function clinicalValue(raw: string | undefined): string | undefined {
  return isClinicalMissing(raw) ? undefined : (raw as string).trim()
}
