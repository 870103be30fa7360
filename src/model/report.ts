/**
 * The read report: every input row is accounted for (read = kept + dropped, by reason), and what a
 * reader noticed on the way is kept as located notes.
 *
 * Both are data — a code from the tables below, a location, a detail — so that a program can ask
 * "how many rows were refused as bad?" without matching prose, and so that the words are written
 * in one place. They become text only at the edge (CLI text, JSON, the HTML report) through
 * dropText / noteText / readReportJson, whose output is the historical wording byte for byte.
 */
import { formatLocation, quote, type ErrorCode, type Location } from '../errors.js'

/** Why a row was not kept: code → how it is written. */
export const DROP_TEXT = {
  // The table layer (io/table.ts)
  'blank-line': 'blank line',
  'wrong-column-count': 'wrong number of columns',
  'comment-line': 'comment line',
  'empty-row': 'empty row',
  // Missing keys
  'missing-sample': 'missing sample',
  'missing-sample-id': 'missing sample ID',
  'missing-gene': 'missing gene',
  'missing-value': 'missing value',
  'missing-position': 'missing position or allele',
  // Repeats
  duplicate: 'duplicate',
  'duplicate-variant': 'duplicate (same sample, chromosome, start and alleles)',
  /** The same call in an earlier input file (input/cross-file.ts); the note 'cross-file-duplicate' names it. */
  'duplicate-across-files': 'duplicate of a call in an earlier input file (same sample, chromosome, start and alleles)',
  // Refused rows (lenient mode): `bad row: <error code>`, `invalid: …`
  'bad-row': 'bad row',
  invalid: 'invalid',
  'invalid-term': 'invalid: unknown consequence term',
  'invalid-value': 'invalid: bad value',
  'invalid-number': 'invalid: bad number',
  'invalid-record': 'invalid: malformed record',
  // Copy number
  'cn-neutral': 'neutral',
  'cn-low-level': 'low-level (gain / shallow deletion)',
  'cn-not-dosage': 'not a dosage state (CN-LOH, complex)',
  'cn-not-assayed': 'not assayed (Not Available)',
  'cn-unrecognized': 'unrecognized value',
  'cn-allele-malformed': 'allele-specific: malformed locus',
  'gistic-not-altered': 'not altered (0)',
  'gistic-low-level': 'low-level (1)',
  'gistic-no-genes': 'peak without gene list',
  // Fusions
  'fusion-unparseable': 'unparseable fusion label',
  'fusion-unlisted': 'no listed gene',
  // VCF records (detail for `filtered`: the FILTER value)
  filtered: 'filtered',
  'no-alt': 'no ALT allele',
  'annotation-none': 'annotation: record has none',
  'annotation-no-entry': 'annotation: no entry for this allele',
  'annotation-elsewhere': 'annotation: compound consequence reported at another position (bcftools csq @POS)',
  'genotype-no-sample': 'genotype: no sample carries the allele',
  'genotype-not-tumour': 'genotype: tumour does not carry the allele',
  'vcf-cn-no-gene': 'copy number: no gene at this interval',
  'vcf-cn-no-value': 'copy number: no CN value',
  'vcf-cn-neutral': 'copy number: neutral',
  'vcf-cn-low-level': 'copy number: low-level (gain or shallow deletion)',
  'sv-no-genes': 'structural variant: no fusion annotation or genes at both ends',
  'sv-same-gene': 'structural variant: same gene at both ends',
  'bnd-no-mate': 'breakend: no mate position',
  'bnd-no-gene': 'breakend: no gene at one end',
  'bnd-same-gene': 'breakend: same gene at both ends',
  'bnd-mate-missing': 'breakend: mate not found',
  'fusion-mate-reported': 'fusion: already reported (mate record)',
  'star-allele': 'spanning deletion allele (*)',
} as const satisfies Record<string, string>

export type DropCode = keyof typeof DROP_TEXT

/** Codes for rows refused as malformed (lenient mode counts them for its one-line summary). */
const BAD_ROW: ReadonlySet<DropCode> = new Set<DropCode>(['bad-row', 'wrong-column-count'])

export function isBadRow(code: DropCode): boolean {
  return BAD_ROW.has(code)
}

/** Rows dropped for one reason: `code`, refined by `detail` (a FILTER value, an error code). */
export interface DropTally {
  readonly code: DropCode
  readonly detail?: string | undefined
  n: number
}

/** What a reader noticed: code → how it is written, given the detail. */
export const NOTE_TEXT = {
  /** A row refused in lenient mode, told as its error (detail: the message). */
  'row-error': (d: string) => d,
  /** A note about the file's container (io/lines.ts takeReadNotices). */
  container: (d: string) => d,
  'uncounted-term': (d: string) => d,
  'gene-like-date': (d: string) => d,
  'sample-near-miss': (d: string) => d,
  'samples-near-miss': (d: string) => d,
  'cn-conflict': (d: string) => `${d}; both kept`,
  'cn-mixed-amplification': (d: string) => `${d} locus/loci with an amplified allele beside a lost or reduced one: counted as Amp`,
  'gistic-ambiguous-genes': (d: string) => `${d} gene entries written NAME|ID left out (ambiguous annotation, as maftools)`,
  'gistic-peak-without-genes': (d: string) => d,
  'frameshift-guessed': (d: string) => `${d} frameshift row(s) without alleles or type: recorded as Frame_Shift_Del (map ref/alt or type to be exact)`,
  /** MAF rows (detail: how many) kept with an NA Start_Position; with a Variant_Type derived from the alleles. */
  'maf-no-position': (d: string) => `${d} row(s) without Start_Position (NA): kept, but they cannot be checked against panel hotspots`,
  'maf-type-from-alleles': (d: string) => `${d} row(s) with a missing or non-standard Variant_Type: derived from the alleles`,
  // VCF (src/vcf/reader.ts); located at the line, or the file for the multi-allelic tally.
  'vcf-header-not-meta': () => 'header line is not ##KEY=VALUE meta-information; ignored',
  'vcf-header-comment': () => 'comment line in the header; ignored',
  /** Detail: the name the alterations are reported under. */
  'vcf-no-samples': (d: string) => `no sample columns; alterations are reported under the file name "${d}" (give the sample name to override)`,
  /** Detail: the key as written (warned about once per file, at its first line). */
  'vcf-info-undeclared': (d: string) => `INFO key ${quote(d)} is not declared in the header`,
  /** Detail: "<records> <alleles>", the records whose tumour carried ALTs not reported and those ALTs. */
  'vcf-multiallelic-unreported': (d: string) => {
    const [records, alleles] = d.split(' ')
    return (
      `${records} multi-allelic record(s): ${alleles} other ALT allele(s) carried (or, without a GT, possibly carried) not reported; ` +
      "one ALT per record as vcf2maf chooses it (the tumour GT's first ALT not in the normal GT, else the most tumour reads); --split-multiallelic reports each"
    )
  },
  /** A file's rows dropped as repeats of an earlier file's calls: the first, the kept copy's file and line, how many. */
  'cross-file-duplicate': (d: string) => d,
} as const satisfies Record<string, (detail: string) => string>

export type NoteCode = keyof typeof NOTE_TEXT

export interface ReadNote {
  readonly code: NoteCode
  readonly location?: Location | undefined
  readonly detail: string
  /** What the user can do, when there is something (an InputError's suggestion). */
  readonly hint?: string | undefined
  /** The error code of a refused row (code 'row-error'). */
  readonly error?: ErrorCode | undefined
}

export interface ReadReport {
  readonly file: string
  readonly format: string
  rowsRead: number
  kept: number
  /** Dropped rows by reason, in first-seen order. */
  readonly dropped: DropTally[]
  /** Located notes, the first MAX_NOTES of them; `notesOmitted` counts the rest. */
  readonly warnings: ReadNote[]
  notesOmitted: number
}

export function newReport(file: string, format: string): ReadReport {
  return { file, format, rowsRead: 0, kept: 0, dropped: [], warnings: [], notesOmitted: 0 }
}

export function drop(report: ReadReport, code: DropCode, n = 1, detail?: string): void {
  for (const t of report.dropped) {
    if (t.code === code && t.detail === detail) {
      t.n += n
      return
    }
  }
  report.dropped.push(detail === undefined ? { code, n } : { code, detail, n })
}

/** Add tallies counted elsewhere (a part of the file read by another parser), in their order. */
export function addDrops(report: ReadReport, tallies: readonly DropTally[]): void {
  for (const t of tallies) drop(report, t.code, t.n, t.detail)
}

/** A copy of the tallies (a snapshot that later drops do not change). */
export function copyDrops(tallies: readonly DropTally[]): DropTally[] {
  return tallies.map((t) => ({ ...t }))
}

/** Rows the table layer skipped (io/table.ts), as drops; blank lines are no data rows unless `withBlank`. */
export function dropSkipped(report: ReadReport, skipped: Readonly<Partial<Record<DropCode, number>>>, opts: { withBlank?: boolean; countRead?: boolean } = {}): void {
  for (const [code, n] of Object.entries(skipped) as [DropCode, number][]) {
    if (code === 'blank-line' && opts.withBlank !== true) continue
    if (opts.countRead === true) report.rowsRead += n
    drop(report, code, n)
  }
}

const MAX_NOTES = 50

export function warn(report: ReadReport, note: ReadNote): void {
  if (report.warnings.length < MAX_NOTES) report.warnings.push(note)
  else report.notesOmitted++
}

/** A refused row's error as a note (lenient mode). */
export function warnError(report: ReadReport, e: { readonly code: ErrorCode; readonly message: string; readonly file?: string | undefined; readonly line?: number | undefined; readonly column?: number | undefined; readonly suggestion?: string | undefined }): void {
  const location = e.file === undefined ? undefined : { file: e.file, line: e.line, column: e.column }
  warn(report, { code: 'row-error', location, detail: e.message, hint: e.suggestion, error: e.code })
}

export function totalDropped(report: ReadReport): number {
  let n = 0
  for (const t of report.dropped) n += t.n
  return n
}

/** Rows dropped with `code` (any detail). */
export function droppedBy(report: ReadReport, code: DropCode): number {
  let n = 0
  for (const t of report.dropped) if (t.code === code) n += t.n
  return n
}

// ---- The edge: how reports are written ----

export function dropText(t: { readonly code: DropCode; readonly detail?: string | undefined }): string {
  const text = DROP_TEXT[t.code]
  return t.detail === undefined ? text : `${text}: ${t.detail}`
}

/** `file:line:column: text` with the parts that are known, then the hint on its own line. */
export function noteText(n: ReadNote): string {
  const where = n.location === undefined ? '' : formatLocation(n.location)
  const body = NOTE_TEXT[n.code](n.detail)
  const text = where ? `${where}: ${body}` : body
  return n.hint ? `${text}\n  hint: ${n.hint}` : text
}

/** Reason text → count, in first-seen order. */
export function droppedText(report: ReadReport): Record<string, number> {
  const out: Record<string, number> = {}
  for (const t of report.dropped) {
    const k = dropText(t)
    out[k] = (out[k] ?? 0) + t.n
  }
  return out
}

/** The notes as text, with a last line saying that more were not kept. */
export function warningsText(report: ReadReport): string[] {
  const out = report.warnings.map(noteText)
  if (report.notesOmitted > 0) out.push('… further warnings not shown')
  return out
}

/** The report as the JSON outputs write it. */
export function readReportJson(r: ReadReport): { file: string; format: string; rowsRead: number; kept: number; dropped: Record<string, number>; warnings: string[] } {
  return { file: r.file, format: r.format, rowsRead: r.rowsRead, kept: r.kept, dropped: droppedText(r), warnings: warningsText(r) }
}
