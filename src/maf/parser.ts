/**
 * MAF rows → rows of an EventTable, and the file's read report. Push-style (line in, row out); no
 * I/O here (./read.ts and ../scale/read/ feed it). This file keeps the bookkeeping every path
 * shares — which rows are kept, duplicates, samples, counts and the report; what a row's fields
 * mean is read by ./text-row.ts (the reference) or ./byte-row.ts (the fast path), both over the
 * rules of ./rules.ts.
 *
 * - Columns by header name, case-insensitive; every missing required column named at once.
 * - Empty / NA Hugo_Symbol becomes "Unknown" (as maftools does).
 * - Duplicate rows (same sample, chromosome, start, reference and Tumor_Seq_Allele2 — maftools'
 *   key) are collapsed and counted: the first valid row of a key is kept. Every row is validated
 *   before the duplicate check, so a repeated key never hides a malformed field. The check runs
 *   once at finish over the file's rows (./dedup.ts laterDuplicates), or row by row for readers
 *   that stream rows on.
 * - A blank count stays unknown, never 0. FILTER is carried, not applied: MAF files are already
 *   curated call sets, and maftools keeps every row (documented in README).
 * - Every row is accounted for in the ReadReport: read = kept + dropped (by reason).
 *
 * Two ways in, one result: `pushRow` takes a line as text; `pushBytes` takes its bytes and hands
 * any line the byte path would not read exactly as the text path does to `pushRow`
 * (test/maf/bytes.test.ts proves both give the same records, reports and errors). `push` builds
 * the record for callers that want one.
 *
 * Complexity: O(bytes) time; memory per kept row ~61 bytes in the EventTable plus its protein
 * string, 13 bytes while duplicates are looked for at finish (44 in the row-by-row index), and O(distinct
 * sample, gene, chromosome, allele and FILTER values). Measured on bench/out/cohort.maf (1M rows):
 * see README, Performance.
 */
import { InputError } from '../errors.js'
import { isMissing } from '../io/fields.js'
import { TableParser, type SkipReason, type TableHeader } from '../io/table.js'
import type { Alteration } from '../model/alteration.js'
import { EventTable, KIND_CODE, emptyRow, type EventRow } from '../model/events.js'
import { addDrops, copyDrops, drop, dropSkipped, newReport, warn, type DropCode, type ReadReport } from '../model/report.js'
import { MafByteRows } from './byte-row.js'
import { resolveColumns, type MafColumns } from './columns.js'
import { DuplicateIndex, keyHash, laterDuplicates } from './dedup.js'
import type { MafOptions } from './options.js'
import { mergeablePart, type MafPartCounts } from './part-counts.js'
import { TYPE_CODE, alleleFraction } from './rules.js'
import { MafTextRows } from './text-row.js'
import { noteMafRows } from './row-notes.js'
import { ReadNotes } from '../model/read-notes.js'

export type { MafOptions } from './options.js'
export type { MafPartCounts } from './part-counts.js'

/** The read report's code for a row whose key an earlier row had (also used by readers that check duplicates themselves). */
export const DUPLICATE: DropCode = 'duplicate-variant'
/** Kind code by type code (an array, not a Set lookup per row). */
const KIND_OF_TYPE = Uint8Array.from({ length: TYPE_CODE.size + 1 }, (_, t) => (t === TYPE_CODE.get('INS') || t === TYPE_CODE.get('DEL') ? KIND_CODE.indel : KIND_CODE.snv))

export class MafParser {
  readonly report: ReadReport
  /** Where kept rows go (shared with the caller when given: loadCohort's cohort-wide table). */
  readonly table: EventTable
  private readonly tableParser: TableParser
  private cols: MafColumns | undefined
  /** Row by row duplicate check (streaming readers); undefined: checked once at finish (see there). */
  private readonly seen: DuplicateIndex | undefined
  /** The table's first row from this file. */
  private readonly firstRow: number
  private readonly fields: string[] = []
  private readonly row: EventRow = emptyRow()
  private readonly fileId: number
  /** Pool ids of the samples of kept rows (1 = seen), and the same ids as a list (a file's samples without a walk over the pool). */
  private sampleSeen = new Uint8Array(1024)
  private readonly sampleList: number[] = []
  private readonly text: MafTextRows
  private readonly bytes: MafByteRows
  /** Counts absorbed from parts read elsewhere (the text reader counts this parser's own rows). */
  private noPosition = 0
  private inferredType = 0
  /** Terms not counted and date-like genes of the kept rows (./row-notes.ts), and the rows noted so far. */
  private readonly notes = new ReadNotes()
  private notedTo: number

  /**
   * `duplicates`: 'at-end' (default) finds repeated keys once all rows are in the table, which is
   * several times faster on big files; 'per-row' checks each row as it comes, for readers that hand
   * rows on and clear the table as they go (readMaf with onRecord). Both drop the same rows: every
   * row is validated first, then a row whose key an earlier valid row had is dropped.
   */
  constructor(
    readonly file: string,
    private readonly opts: MafOptions = {},
    table?: EventTable,
    duplicates: 'at-end' | 'per-row' = 'at-end',
  ) {
    this.report = newReport(file, 'MAF')
    this.table = table ?? new EventTable()
    this.firstRow = this.table.length
    this.notedTo = this.firstRow
    this.seen = duplicates === 'per-row' ? new DuplicateIndex() : undefined
    this.fileId = this.table.pool.id(file)
    const o = opts.sampleOverride
    const overrideId = o === undefined || o === '' || isMissing(o) ? -1 : this.table.pool.id(o)
    this.text = new MafTextRows(file, this.table.pool, opts)
    this.bytes = new MafByteRows(this.table.pool, opts, overrideId)
    this.tableParser = new TableParser(file, { what: 'MAF', lenient: opts.lenient, isHeader: (t) => t.trim() !== '' && !t.startsWith('#'), allowDuplicateColumns: true })
  }

  get header(): TableHeader | undefined {
    return this.tableParser.header
  }

  /** Distinct Tumor_Sample_Barcode values of kept rows. */
  get samples(): Set<string> {
    const out = new Set<string>()
    const v = this.table.pool.values
    for (const i of this.sampleList) out.add(v[i] as string)
    return out
  }

  /**
   * The same samples as a list, first seen first: pool values are distinct, so no Set is needed
   * (the Set of a 200,000-sample MAF's names took ~0.1-0.15 s of its summary, only to be sorted).
   */
  sampleNames(): string[] {
    const v = this.table.pool.values
    return this.sampleList.map((i) => v[i] as string)
  }

  /** Index of the Tumor_Sample_Barcode column, once the header is read (a header without the MAF columns throws here). */
  sampleColumn(): number | undefined {
    const h = this.tableParser.header
    return h === undefined ? undefined : (this.cols ??= resolveColumns(h, this.opts.keepExtra)).sample
  }

  /** Feed one line; returns the alteration for a kept data row. */
  push(text: string, line: number): Alteration | undefined {
    const i = this.pushRow(text, line)
    return i < 0 ? undefined : this.table.get(i)
  }

  /** Feed one line; a kept data row is appended to `table` and its index returned (−1 otherwise). */
  pushRow(text: string, line: number): number {
    const h = this.tableParser.header
    if (h === undefined) {
      this.tableParser.push(text, line)
      return -1
    }
    const c = (this.cols ??= resolveColumns(h, this.opts.keepExtra))
    if (!this.tableParser.pushInto(text, line, c.want, this.fields)) return -1
    this.report.rowsRead++
    try {
      const i = this.textRow(this.fields, line, c)
      if (i >= 0) this.report.kept++
      return i
    } catch (e) {
      if (this.opts.lenient && e instanceof InputError) {
        drop(this.report, 'bad-row', 1, e.code.toLowerCase())
        return -1
      }
      throw e
    }
  }

  /**
   * Feed one line given as bytes buf[s, e) (no line break): the fast path for big files
   * (../io/byte-lines.ts feeds it). A line the byte reader does not take goes to `pushRow`.
   */
  pushBytes(buf: Buffer, s: number, e: number, line: number): number {
    const h = this.tableParser.header
    if (h === undefined || this.opts.keepExtra || h.delimiter !== '\t') return this.pushText(buf, s, e, line)
    const c = (this.cols ??= resolveColumns(h, this.opts.keepExtra))
    const r = this.row
    if (!this.bytes.read(buf, s, e, c, h.columns.length, r)) return this.pushText(buf, s, e, line)
    this.report.rowsRead++
    if (this.seen !== undefined && !this.seen.add(r.sample, r.chrom, r.start, r.ref, r.alt)) {
      drop(this.report, DUPLICATE)
      return -1
    }
    this.markSample(r.sample)
    this.report.kept++
    const i = this.appendRow(undefined, line)
    const b = this.bytes
    if (b.proteinEnd > b.proteinStart) this.table.setProteinBytes(i, buf, b.proteinStart, b.proteinEnd)
    return i
  }

  /** A data row as strings (the text path): read, checked for a repeated key, appended. */
  private textRow(f: readonly string[], line: number, c: MafColumns): number {
    const r = this.row
    const t = this.text
    t.read(f, line, c, r)
    if (this.seen !== undefined && !this.seen.add(r.sample, r.chrom, Number.isNaN(r.start) ? undefined : r.start, r.ref, r.alt)) {
      drop(this.report, DUPLICATE)
      return -1
    }
    this.markSample(r.sample)
    const i = this.appendRow(t.protein, line)
    let extra: Record<string, string> | undefined
    if (c.extra.length > 0) {
      const h = this.tableParser.header as TableHeader
      extra = {}
      for (const k of c.extra) extra[h.columns[k] as string] = f[k] as string
    }
    if (t.rawClass !== undefined || extra !== undefined) this.table.setRare(i, t.rawClass, undefined, extra)
    return i
  }

  /** Complete the row a reader filled and append it (`start`/`end` NaN when unknown, counts −1). */
  private appendRow(protein: string | undefined, line: number): number {
    const r = this.row
    r.kind = KIND_OF_TYPE[r.type] ?? KIND_CODE.snv
    r.cnState = 0
    r.protein = protein
    r.vaf = alleleFraction(r.altCount, r.depth)
    r.copyNumber = NaN
    r.file = this.fileId
    r.line = line
    return this.table.append(r)
  }

  /** Note the rows kept since the last call (final rows only: after the duplicate check). */
  private noteRows(): void {
    noteMafRows(this.notes, this.table, this.notedTo, this.table.length)
    this.notedTo = this.table.length
  }

  /** Empty the table after its rows were handed on (a per-row reader, ./read.ts): they are noted first. */
  clearTable(): void {
    this.noteRows()
    this.table.clear()
    this.notedTo = 0
  }

  /** Expect about `rows` more rows: size the table and the duplicate index once. */
  reserve(rows: number): void {
    this.table.reserve(rows)
    this.seen?.reserve(rows)
  }

  private sized = false

  /**
   * After each block of lines fed as bytes (../io/byte-lines.ts): once, size the table for the
   * whole file from the rows the first block gave (no growth copies; a gzip file's estimate is
   * low, and the table then grows as usual).
   */
  block(fed: number, fileSize: number): void {
    if (this.sized) return
    this.sized = true
    const rows = this.table.length - this.firstRow
    if (rows > 0 && fileSize > 4 * fed) this.reserve(Math.ceil((fileSize / fed) * rows * 1.02) - rows)
  }


  private pushText(buf: Buffer, s: number, e: number, line: number): number {
    return this.pushRow(buf.toString('utf8', s, e), line)
  }

  private markSample(sampleId: number): void {
    if (sampleId >= this.sampleSeen.length) {
      const grown = new Uint8Array(Math.max(sampleId + 1, this.sampleSeen.length * 2))
      grown.set(this.sampleSeen)
      this.sampleSeen = grown
    }
    if (this.sampleSeen[sampleId] === 1) return
    this.sampleSeen[sampleId] = 1
    this.sampleList.push(sampleId)
  }

  /**
   * Read the data lines of a later part of a file whose header another parser read (./parallel.ts:
   * a worker thread reads the second half of a big file while this thread reads the first).
   */
  adoptHeader(h: TableHeader): void {
    this.tableParser.adopt(h)
  }

  /** This part's counts (before finish): the rows are in `table`. */
  partCounts(): MafPartCounts {
    return {
      rowsRead: this.report.rowsRead,
      kept: this.report.kept,
      dropped: copyDrops(this.report.dropped),
      skipped: { ...this.tableParser.skipped },
      noPosition: this.noPosition + this.text.noPosition,
      inferredType: this.inferredType + this.text.inferredType,
      notes: this.notes.data(),
    }
  }

  /** Whether a part's outcome is what reading its lines here would give (./part-counts.ts). */
  static mergeable(c: MafPartCounts): boolean {
    return mergeablePart(c)
  }

  /**
   * Append the rows of the part that follows everything read so far (ids translated to this
   * table's pool, line numbers shifted by `lineOffset`), as if its lines had been pushed here, and
   * add its counts; duplicates across parts go with the others at finish. O(rows of the part).
   */
  absorb(part: EventTable, c: MafPartCounts, lineOffset: number): void {
    if (this.seen !== undefined) throw new Error('absorb needs the duplicate check at the end')
    const ids = this.table.idMap(part)
    const samples = part.keyColumns().sample
    let last = -1
    for (let i = 0; i < samples.length; i++) {
      const s = samples[i] as number
      if (s !== last) this.markSample(ids[s] as number)
      last = s
    }
    this.table.appendTable(part, ids, lineOffset)
    this.absorbCounts(c)
  }

  /**
   * Add the counts of a part whose rows went elsewhere (../scale/read/partition.ts: a sample partition
   * of the file, read and de-duplicated on its own). O(reasons).
   */
  absorbCounts(c: MafPartCounts): void {
    this.report.rowsRead += c.rowsRead
    this.report.kept += c.kept
    addDrops(this.report, c.dropped)
    for (const [reason, n] of Object.entries(c.skipped) as [SkipReason, number][]) this.tableParser.skipped[reason] = (this.tableParser.skipped[reason] ?? 0) + n
    this.noPosition += c.noPosition
    this.inferredType += c.inferredType
    this.notes.merge(c.notes)
  }

  /**
   * The end of a part that holds every row of its samples (a sample partition): its duplicates are
   * dropped now — the key includes the sample, so none can repeat a row of another partition — and
   * its counts returned for the file's parser to absorb (`absorbCounts`). O(rows of the part).
   */
  finishPart(): MafPartCounts {
    if (this.seen === undefined) this.dropRepeats()
    this.noteRows()
    return this.partCounts()
  }

  /** After the last line: header must exist; rows the table layer skipped are accounted for. */
  finish(): ReadReport {
    const h = this.tableParser.finish()
    this.cols ??= resolveColumns(h, this.opts.keepExtra)
    if (this.seen === undefined) this.dropRepeats()
    this.noteRows()
    dropSkipped(this.report, this.tableParser.skipped, { countRead: true }) // blank lines are no data rows
    const noPosition = this.noPosition + this.text.noPosition
    const inferredType = this.inferredType + this.text.inferredType
    if (noPosition > 0) warn(this.report, { code: 'maf-no-position', detail: String(noPosition) })
    if (inferredType > 0) warn(this.report, { code: 'maf-type-from-alleles', detail: String(inferredType) })
    this.notes.flush(this.report)
    return this.report
  }

  /**
   * The duplicate check of 'at-end' parsers: of the rows this file added, drop those whose key
   * (sample, chromosome, start, reference, tumour allele) an earlier one has (./dedup.ts). O(rows).
   */
  private dropRepeats(): void {
    const from = this.firstRow
    const k = this.table.keyColumns()
    const n = k.sample.length - from
    if (n < 2) return
    const hashes = new Int32Array(n)
    for (let i = 0; i < n; i++) {
      const r = from + i
      hashes[i] = keyHash(k.sample[r] as number, k.chrom[r] as number, k.start[r], k.ref[r] as number, k.alt[r] as number)
    }
    const same = (i: number, j: number): boolean => {
      const a = from + i
      const b = from + j
      const sa = k.start[a] as number
      const sb = k.start[b] as number
      return (sa === sb || (Number.isNaN(sa) && Number.isNaN(sb))) && k.sample[a] === k.sample[b] && k.chrom[a] === k.chrom[b] && k.ref[a] === k.ref[b] && k.alt[a] === k.alt[b]
    }
    const { keep, repeats } = laterDuplicates(hashes, same)
    if (repeats === 0) return
    this.table.retain(from, keep)
    this.report.kept -= repeats
    drop(this.report, DUPLICATE, repeats)
  }

}
