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
import { isMissing, MISSING_WORDS } from '../io/fields.js'

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

/**
 * First characters of the missing words, as char codes: the generic words as written (isMissing
 * compares them exactly), the clinical ones lower-cased (compared after toLowerCase).
 */
const FIRST_EXACT = new Set([...MISSING_WORDS].filter((w) => w !== '').map((w) => w.charCodeAt(0)))
const FIRST_LOWER = new Set([...CLINICAL_MISSING].map((w) => w.charCodeAt(0)))

/** Printable ASCII (33..126): never removed by trim(), and its lower case is ASCII too (unlike U+212A, the Kelvin sign). */
const printable = (c: number): boolean => c > 32 && c < 127

export function isClinicalMissing(raw: string | undefined): boolean {
  if (raw === undefined) return true
  // Most cells (IDs, numbers, codes) start with a character no missing word starts with: decided
  // without trim(), toLowerCase() and two hash probes. A printable ASCII first character survives
  // trim(), and the lower case of the trimmed cell starts with its lower case.
  if (raw.length > 0) {
    const c0 = raw.charCodeAt(0)
    if (printable(c0) && !FIRST_EXACT.has(c0) && !FIRST_LOWER.has(c0 >= 65 && c0 <= 90 ? c0 + 32 : c0)) return false
  }
  return isMissing(raw) || CLINICAL_MISSING.has(raw.trim().toLowerCase())
}

/** Trimmed value, or undefined when missing. */
export function clinicalValue(raw: string | undefined): string | undefined {
  return isClinicalMissing(raw) ? undefined : (raw as string).trim()
}
