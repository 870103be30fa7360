/**
 * Clinical table reader: TSV or CSV (sniffed by src/io/table.ts), cBioPortal's four `#` metadata
 * rows skipped (their display names still declare time units, units.ts), one row per sample keyed
 * by the sample-ID column, empty-ish cells normalised to undefined (missing.ts).
 *
 * The sample-ID column: the one named by the user; else, when the calls' sample IDs are given, the
 * column whose values meet them most (match.ts, the choice is recorded in `sampleMatch`); else the
 * first of the documented names (columns.ts). Sample IDs are kept exactly as written (a stray
 * space is reported as a near-miss by match.ts, not trimmed away).
 *
 * Every data row is accounted for in the ReadReport: kept, or dropped as
 * - 'empty row' (every cell missing; spreadsheets leave these at the bottom),
 * - 'missing sample ID' (lenient only; strict mode throws),
 * - 'wrong number of columns' (lenient only, counted by the table parser),
 * - 'blank line'.
 * Duplicate sample IDs are always an error: which row is right cannot be guessed.
 * Column values are NOT interpreted here: a column is validated by the command that uses it
 * (endpoints.ts, survival.ts, the oncoplot tracks), so a column nobody reads cannot stop a run.
 */
import { z } from 'zod'
import { InputError, quote } from '../errors.js'
import { readTable, type ReadTableResult, type TableRow, parseTableLines } from '../io/table.js'
import { DEFAULT_READING, type ClinicalReading, type ClinicalRow, type ClinicalTable, type SampleMatch } from '../model/clinical.js'
import { drop, dropSkipped, newReport, warn, warnError, type ReadReport } from '../model/report.js'
import { findFirst, headerHint, requireNamed, RESPONSE_COLUMN_NAMES, SAMPLE_COLUMN_NAMES } from './columns.js'
import { describeNearMisses, chooseByOverlap, matchSamples } from './match.js'
import { clinicalValue, isClinicalMissing } from './missing.js'
import { declaredUnits } from './units.js'
import type { WithLimits } from '../io/read-limits.js'

export const ReadClinicalOptionsSchema = z.object({
  sampleColumn: z.string().min(1).optional(),
  responseColumn: z.string().min(1).optional(),
  lenient: z.boolean().optional(),
  /** The calls' sample IDs: the sample column is chosen by overlap and the match is checked. */
  samples: z.array(z.string()).readonly().optional(),
  reading: z.custom<ClinicalReading>().optional(),
})
/** The schema's options, and the read limits (default readLimits()). */
export type ReadClinicalOptions = z.input<typeof ReadClinicalOptionsSchema> & WithLimits

export interface ClinicalResult {
  readonly table: ClinicalTable
  readonly report: ReadReport
}

export async function readClinical(path: string, opts: ReadClinicalOptions = {}): Promise<ClinicalResult> {
  const o = ReadClinicalOptionsSchema.parse(opts)
  const t = await readTable(path, { lenient: o.lenient, what: 'clinical table', limits: opts.limits })
  return buildClinical(t, o)
}

/** Same from an array of lines (tests, stdin already in memory). */
export function parseClinicalLines(file: string, lines: readonly string[], opts: ReadClinicalOptions = {}): ClinicalResult {
  const o = ReadClinicalOptionsSchema.parse(opts)
  return buildClinical(parseTableLines(file, lines, { lenient: o.lenient, what: 'clinical table' }), o)
}

/** The raw sample ID of a cell: as written (not trimmed), undefined when missing. */
const rawId = (v: string | undefined): string | undefined => (isClinicalMissing(v) ? undefined : v)

function pickSampleColumn(t: ReadTableResult, o: z.output<typeof ReadClinicalOptionsSchema>): { index: number; chosenBy: SampleMatch['chosenBy']; tried: SampleMatch['tried'] } {
  const { header } = t
  const cols = header.columns
  if (o.sampleColumn !== undefined) return { index: requireNamed(cols, o.sampleColumn, 'sample-ID', header.file, header.line), chosenBy: 'option', tried: [] }
  if (o.samples !== undefined) {
    const values = new Map<string, Set<string>>()
    cols.forEach((c, i) => {
      const set = new Set<string>()
      for (const row of t.rows) {
        const v = rawId(row.fields[i])
        if (v !== undefined) set.add(v)
      }
      if (!values.has(c)) values.set(c, set)
    })
    const chosen = chooseByOverlap(cols, values, o.samples)
    if (chosen === undefined) {
      // No column meets the calls: the error lists every ID-like column with examples (and near-misses).
      const named = findFirst(cols, SAMPLE_COLUMN_NAMES, t.header) ?? 0
      const tried = cols.filter((c) => findFirst([c], SAMPLE_COLUMN_NAMES) !== undefined).map((column) => ({ column, overlap: 0 }))
      const column = cols[named] as string
      // matchSamples throws here: no column meets any calls ID, so the overlap is 0.
      matchSamples({ file: header.file, column, chosenBy: 'overlap', tried: tried.length > 0 ? tried : [{ column, overlap: 0 }], clinicalIds: [...(values.get(column) ?? [])], candidates: values }, o.samples)
    } else return { index: cols.indexOf(chosen.column), chosenBy: 'overlap', tried: chosen.tried }
  }
  const i = findFirst(cols, SAMPLE_COLUMN_NAMES, t.header)
  if (i === undefined) {
    throw new InputError('MISSING_COLUMN', `clinical table: no sample-ID column (looked for ${SAMPLE_COLUMN_NAMES.join(', ')})`, {
      file: header.file,
      line: header.line,
      suggestion: `name it with the sample-column option; ${headerHint(cols)}`,
    })
  }
  return { index: i, chosenBy: 'name', tried: [] }
}

function buildClinical(t: ReadTableResult, o: z.output<typeof ReadClinicalOptionsSchema>): ClinicalResult {
  const { header } = t
  const cols = header.columns
  const file = header.file
  const report = newReport(file, 'clinical')

  const picked = pickSampleColumn(t, o)
  const sampleIdx = picked.index
  const responseIdx = o.responseColumn !== undefined ? requireNamed(cols, o.responseColumn, 'best-response', file, header.line) : findFirst(cols, RESPONSE_COLUMN_NAMES, header)
  const sampleColumn = cols[sampleIdx] as string
  const responseColumn = responseIdx === undefined ? undefined : cols[responseIdx]

  dropSkipped(report, t.skipped, { withBlank: true, countRead: true })

  const rows = new Map<string, ClinicalRow>()
  for (const row of t.rows) {
    report.rowsRead++
    const values = new Map<string, string | undefined>()
    let any = false
    for (let i = 0; i < cols.length; i++) {
      const c = cols[i] as string
      const v = clinicalValue(row.fields[i])
      // Columns differing only in case (comut's WGD / wgd) are two columns; an exact repeat is refused by the table parser.
      if (!values.has(c)) values.set(c, v)
      if (v !== undefined) any = true
    }
    if (!any) {
      drop(report, 'empty-row')
      continue
    }
    const sample = rawId(row.fields[sampleIdx])
    if (sample === undefined) {
      const e = new InputError('BAD_VALUE', `${sampleColumn}: missing sample ID`, { file, line: row.line, column: sampleIdx + 1 })
      if (!o.lenient) throw e
      drop(report, 'missing-sample-id')
      warnError(report, e)
      continue
    }
    // One hash probe per row (set, then see whether the map grew): 200,000-row study files.
    const before = rows.size
    rows.set(sample, { sample, line: row.line, values })
    if (rows.size === before) {
      const prev = t.rows.find((r) => rawId(r.fields[sampleIdx]) === sample) as TableRow
      throw new InputError('DUPLICATE_SAMPLE', `sample ${quote(sample)} appears twice (lines ${prev.line} and ${row.line})`, {
        file,
        line: row.line,
        column: sampleIdx + 1,
        suggestion: 'keep one row per sample (or key the table by another column with the sample-column option)',
      })
    }
    report.kept++
  }

  const sampleMatch =
    o.samples === undefined ? undefined : matchSamples({ file, column: sampleColumn, chosenBy: picked.chosenBy, tried: picked.tried, clinicalIds: [...rows.keys()] }, o.samples)
  if (sampleMatch !== undefined && sampleMatch.nearMisses.length > 0) warn(report, { code: 'sample-near-miss', location: { file }, detail: describeNearMisses(sampleMatch.nearMisses) })
  const table: ClinicalTable = {
    file,
    sampleColumn,
    responseColumn,
    columns: cols,
    rows,
    declaredUnits: declaredUnits(header.preamble, cols),
    reading: o.reading ?? DEFAULT_READING,
    sampleMatch,
  }
  return { table, report }
}
