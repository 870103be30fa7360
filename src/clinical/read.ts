/**
 * Clinical table reader: TSV or CSV (sniffed by src/io/table.ts), cBioPortal's four `#` metadata
 * rows skipped, one row per sample keyed by the sample-ID column (see columns.ts for the priority
 * order), empty-ish cells normalised to undefined (missing.ts).
 *
 * Every data row is accounted for in the ReadReport: kept, or dropped as
 * - 'empty row' (every cell missing; spreadsheets leave these at the bottom),
 * - 'missing sample ID' (lenient only; strict mode throws),
 * - 'wrong number of columns' (lenient only, counted by the table parser),
 * - 'blank line'.
 * Duplicate sample IDs are always an error: which row is right cannot be guessed.
 * When a best-response column is present its words are checked here, so a typo is reported at its
 * line and column before any analysis; lenient mode turns that into a warning and the endpoint
 * builders exclude the sample as 'unrecognized response'.
 */
import { z } from 'zod'
import { InputError, quote } from '../errors.js'
import { readTable, type ReadTableResult, parseTableLines } from '../io/table.js'
import type { ClinicalRow, ClinicalTable } from '../model/clinical.js'
import { drop, newReport, warn, type ReadReport } from '../model/report.js'
import { findFirst, headerHint, requireNamed, RESPONSE_COLUMN_NAMES, SAMPLE_COLUMN_NAMES } from './columns.js'
import { clinicalValue } from './missing.js'
import { lookupResponse, unknownResponseError } from './response.js'

export const ReadClinicalOptionsSchema = z.object({
  sampleColumn: z.string().min(1).optional(),
  responseColumn: z.string().min(1).optional(),
  lenient: z.boolean().optional(),
})
export type ReadClinicalOptions = z.input<typeof ReadClinicalOptionsSchema>

export interface ClinicalResult {
  readonly table: ClinicalTable
  readonly report: ReadReport
}

export async function readClinical(path: string, opts: ReadClinicalOptions = {}): Promise<ClinicalResult> {
  const o = ReadClinicalOptionsSchema.parse(opts)
  const t = await readTable(path, { lenient: o.lenient, what: 'clinical table' })
  return buildClinical(t, o)
}

/** Same from an array of lines (tests, stdin already in memory). */
export function parseClinicalLines(file: string, lines: readonly string[], opts: ReadClinicalOptions = {}): ClinicalResult {
  const o = ReadClinicalOptionsSchema.parse(opts)
  return buildClinical(parseTableLines(file, lines, { lenient: o.lenient, what: 'clinical table' }), o)
}

function buildClinical(t: ReadTableResult, o: z.output<typeof ReadClinicalOptionsSchema>): ClinicalResult {
  const { header } = t
  const cols = header.columns
  const file = header.file
  const report = newReport(file, 'clinical')

  const sampleIdx = o.sampleColumn !== undefined ? requireNamed(cols, o.sampleColumn, 'sample-ID', file, header.line) : findFirst(cols, SAMPLE_COLUMN_NAMES, header)
  if (sampleIdx === undefined) {
    throw new InputError('MISSING_COLUMN', `clinical table: no sample-ID column (looked for ${SAMPLE_COLUMN_NAMES.join(', ')})`, {
      file,
      line: header.line,
      suggestion: `name it with the sample-column option; ${headerHint(cols)}`,
    })
  }
  const responseIdx = o.responseColumn !== undefined ? requireNamed(cols, o.responseColumn, 'best-response', file, header.line) : findFirst(cols, RESPONSE_COLUMN_NAMES, header)
  const sampleColumn = cols[sampleIdx] as string
  const responseColumn = responseIdx === undefined ? undefined : cols[responseIdx]

  for (const [reason, n] of Object.entries(t.skipped)) {
    report.rowsRead += n
    drop(report, reason, n)
  }

  const rows = new Map<string, ClinicalRow>()
  for (const row of t.rows) {
    report.rowsRead++
    const values: Record<string, string | undefined> = {}
    let any = false
    cols.forEach((c, i) => {
      const v = clinicalValue(row.fields[i])
      values[c] = v
      if (v !== undefined) any = true
    })
    if (!any) {
      drop(report, 'empty row')
      continue
    }
    const sample = values[sampleColumn]
    if (sample === undefined) {
      const e = new InputError('BAD_VALUE', `${sampleColumn}: missing sample ID`, { file, line: row.line, column: sampleIdx + 1 })
      if (!o.lenient) throw e
      drop(report, 'missing sample ID')
      warn(report, e.format())
      continue
    }
    const prev = rows.get(sample)
    if (prev !== undefined) {
      throw new InputError('DUPLICATE_SAMPLE', `sample ${quote(sample)} appears twice (lines ${prev.line} and ${row.line})`, {
        file,
        line: row.line,
        column: sampleIdx + 1,
        suggestion: 'keep one row per sample (or key the table by another column with the sample-column option)',
      })
    }
    if (responseIdx !== undefined && responseColumn !== undefined) {
      const r = values[responseColumn]
      if (r !== undefined && lookupResponse(r).kind === 'unknown') {
        const e = unknownResponseError(r, { file, line: row.line, column: responseIdx + 1, columnName: responseColumn })
        if (!o.lenient) throw e
        warn(report, e.format())
      }
    }
    rows.set(sample, { sample, line: row.line, values })
    report.kept++
  }

  const table: ClinicalTable = { file, sampleColumn, responseColumn, columns: cols, rows }
  return { table, report }
}
