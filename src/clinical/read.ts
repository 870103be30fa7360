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
import { readTable, type ReadTableResult, parseTableLines, TableParser, type TableHeader, type SkipReason } from '../io/table.js'
import { readLineBatches } from '../io/lines.js'
import { DEFAULT_READING, type ClinicalReading, type ClinicalRow, type ClinicalTable, type SampleMatch } from '../model/clinical.js'
import { drop, dropSkipped, newReport, warn, warnError, type ReadReport } from '../model/report.js'
import { ClinicalStore, StoredRow } from './stored-rows.js'
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
  // Choosing the sample column by overlap with the calls reads every column's values first.
  if (o.samples !== undefined) return buildClinical(await readTable(path, { lenient: o.lenient, what: 'clinical table', limits: opts.limits }), o)
  // Otherwise one pass: each row goes into the columns as it is parsed (nothing held per row but
  // its cells). Errors keep their order: the file's own (parser) errors first, as they are thrown
  // while reading, then the header's and the rows' (held until the file has been read).
  const p = new TableParser(path === '-' ? '<stdin>' : path, { lenient: o.lenient, what: 'clinical table' })
  let b: ClinicalBuilder | undefined
  let headerError: unknown
  for await (const batch of readLineBatches(path, { limits: opts.limits })) {
    const lines = batch.lines
    for (let i = 0; i < lines.length; i++) {
      const r = p.push(lines[i] as string, batch.firstLine + i)
      if (r !== undefined) b?.add(r.fields, r.line)
      else if (b === undefined && headerError === undefined && p.header !== undefined) {
        try {
          b = new ClinicalBuilder(p.header, pickByHeader(p.header, o), o)
        } catch (e) {
          headerError = e
        }
      }
    }
  }
  p.finish()
  if (b === undefined) throw headerError
  return b.finish(p.skipped)
}

/** Same from an array of lines (tests, stdin already in memory). */
export function parseClinicalLines(file: string, lines: readonly string[], opts: ReadClinicalOptions = {}): ClinicalResult {
  const o = ReadClinicalOptionsSchema.parse(opts)
  return buildClinical(parseTableLines(file, lines, { lenient: o.lenient, what: 'clinical table' }), o)
}

/** The raw sample ID of a cell: as written (not trimmed), undefined when missing. */
const rawId = (v: string | undefined): string | undefined => (isClinicalMissing(v) ? undefined : v)

interface Picked {
  readonly index: number
  readonly chosenBy: SampleMatch['chosenBy']
  readonly tried: SampleMatch['tried']
}

function pickSampleColumn(t: ReadTableResult, o: z.output<typeof ReadClinicalOptionsSchema>): Picked {
  const { header } = t
  const cols = header.columns
  if (o.sampleColumn === undefined && o.samples !== undefined) {
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
  return pickByHeader(header, o)
}

/** The sample column when it is named by the option or found by name (no calls to meet). */
function pickByHeader(header: TableHeader, o: z.output<typeof ReadClinicalOptionsSchema>): Picked {
  const cols = header.columns
  if (o.sampleColumn !== undefined) return { index: requireNamed(cols, o.sampleColumn, 'sample-ID', header.file, header.line), chosenBy: 'option', tried: [] }
  const i = findFirst(cols, SAMPLE_COLUMN_NAMES, header)
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
  const b = new ClinicalBuilder(t.header, pickSampleColumn(t, o), o)
  for (const row of t.rows) b.add(row.fields, row.line)
  return b.finish(t.skipped)
}

/**
 * Rows in, table out. The first row that stops the read (a duplicate sample; a missing sample ID
 * unless lenient) is held and thrown by `finish`, once the file's own errors have had their turn;
 * the rows dropped on the way are replayed into the report in their order.
 */
class ClinicalBuilder {
  private readonly store: ClinicalStore
  private readonly rows = new Map<string, ClinicalRow>()
  private readonly kept: StoredRow[] = []
  /** Per header column: 1 where its value is stored (the first column of its name). */
  private readonly first: Uint8Array
  private readonly scratch: (string | undefined)[]
  private readonly dropped: ('empty-row' | InputError)[] = []
  private failed: InputError | undefined
  private rowsRead = 0
  private readonly sampleIdx: number
  private readonly sampleColumn: string
  private readonly responseColumn: string | undefined

  constructor(
    private readonly header: TableHeader,
    private readonly picked: Picked,
    private readonly o: z.output<typeof ReadClinicalOptionsSchema>,
  ) {
    const cols = header.columns
    this.sampleIdx = picked.index
    const responseIdx = o.responseColumn !== undefined ? requireNamed(cols, o.responseColumn, 'best-response', header.file, header.line) : findFirst(cols, RESPONSE_COLUMN_NAMES, header)
    this.sampleColumn = cols[this.sampleIdx] as string
    this.responseColumn = responseIdx === undefined ? undefined : cols[responseIdx]
    this.store = new ClinicalStore(cols)
    this.first = Uint8Array.from(cols, (c, i) => (cols.indexOf(c) === i ? 1 : 0))
    this.scratch = new Array<string | undefined>(this.store.names.length)
  }

  add(fields: readonly string[], line: number): void {
    if (this.failed !== undefined) return
    this.rowsRead++
    const { slot, cells } = this.store
    const scratch = this.scratch
    let any = false
    for (let i = 0; i < fields.length; i++) {
      const v = clinicalValue(fields[i])
      if (v !== undefined) any = true
      // Columns differing only in case (comut's WGD / wgd) are two columns; an exact repeat is refused by the table parser.
      if (this.first[i] === 1) scratch[slot[i] as number] = v
    }
    if (!any) {
      this.dropped.push('empty-row')
      return
    }
    const file = this.header.file
    const sample = rawId(fields[this.sampleIdx])
    if (sample === undefined) {
      const e = new InputError('BAD_VALUE', `${this.sampleColumn}: missing sample ID`, { file, line, column: this.sampleIdx + 1 })
      if (this.o.lenient) this.dropped.push(e)
      else this.failed = e
      return
    }
    // One hash probe per row (set, then see whether the map grew): 200,000-row study files.
    const row = new StoredRow(sample, line, this.store, this.kept.length)
    const before = this.rows.size
    this.rows.set(sample, row)
    if (this.rows.size === before) {
      const prev = this.kept.find((r) => r.sample === sample) as StoredRow
      this.failed = new InputError('DUPLICATE_SAMPLE', `sample ${quote(sample)} appears twice (lines ${prev.line} and ${line})`, {
        file,
        line,
        column: this.sampleIdx + 1,
        suggestion: 'keep one row per sample (or key the table by another column with the sample-column option)',
      })
      return
    }
    this.kept.push(row)
    for (let k = 0; k < cells.length; k++) (cells[k] as (string | undefined)[]).push(scratch[k])
  }

  finish(skipped: Readonly<Partial<Record<SkipReason, number>>>): ClinicalResult {
    if (this.failed !== undefined) throw this.failed
    const { header, o, rows } = this
    const file = header.file
    const cols = header.columns
    const report = newReport(file, 'clinical')
    dropSkipped(report, skipped, { withBlank: true, countRead: true })
    report.rowsRead += this.rowsRead
    for (const d of this.dropped) {
      if (d === 'empty-row') drop(report, 'empty-row')
      else {
        drop(report, 'missing-sample-id')
        warnError(report, d)
      }
    }
    report.kept = rows.size
    const sampleColumn = this.sampleColumn
    const sampleMatch =
      o.samples === undefined ? undefined : matchSamples({ file, column: sampleColumn, chosenBy: this.picked.chosenBy, tried: this.picked.tried, clinicalIds: [...rows.keys()] }, o.samples)
    if (sampleMatch !== undefined && sampleMatch.nearMisses.length > 0) warn(report, { code: 'sample-near-miss', location: { file }, detail: describeNearMisses(sampleMatch.nearMisses) })
    const table: ClinicalTable = {
      file,
      sampleColumn,
      responseColumn: this.responseColumn,
      columns: cols,
      rows,
      declaredUnits: declaredUnits(header.preamble, cols),
      reading: o.reading ?? DEFAULT_READING,
      sampleMatch,
    }
    return { table, report }
  }
}
