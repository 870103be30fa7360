/**
 * MAF and VCF files read for a consumer that takes rows as they come (`convert`): the same parsers,
 * byte path, text fallback, records, read report and errors as readMafInto / readVcfInto, but the
 * table's rows are handed to the sink and cleared after every block of lines (4 MB of input, or one
 * batch of the text line source), so memory does not grow with the file's rows.
 *
 * Differences from the whole-file readers, each for that reason:
 * - One thread: the two-thread read (../scale/read/parallel.ts) holds the second half's rows.
 * - The table is never sized for the whole file (the parsers' `block` reserve is not called).
 * - MAF duplicates (maftools' key: sample, chromosome, start, reference, tumour allele) cannot be
 *   dropped from a table already handed on: the sink keeps the keys of the file's rows (on disk)
 *   and says at the end of the file how many repeat an earlier row; they are counted in the read
 *   report exactly where the parser counts them (before the rows the table layer skipped), and the
 *   sink leaves them out of its output. The parser's own at-end check then finds no rows to check.
 * - When the byte path hands a file to the text path, the sink is told to forget the file's rows
 *   (`restart`) before the text path reads it again from the start.
 */
import { isInputError } from '../errors.js'
import { feedByteLines, UseTextPath, type ByteLineSink } from '../io/byte-lines.js'
import { displayName, readLineBatches } from '../io/lines.js'
import type { EventTable } from '../model/events.js'
import { drop, type ReadReport } from '../model/report.js'
import { DUPLICATE, MafParser, type MafOptions } from '../maf/parser.js'
import type { VcfReadOptions } from '../vcf/options.js'
import { VcfParser } from '../vcf/reader.js'

/** Where streamed rows go. */
export interface RowSink {
  /** A new input file starts (its rows follow). */
  begin(): void
  /** The current file is a MAF: keep its rows' duplicate keys (see `duplicates`). */
  keyRows(): void
  /** Every row of `table`, in input order; the caller clears the table afterwards. */
  rows(table: EventTable): void
  /** The current file is read again from its start: forget the rows it gave since `begin`. */
  restart(): void
  /** After a MAF file's last row: how many of its rows repeat the key of an earlier one (left out of the output). */
  duplicates(): number
}

export interface StreamedFile {
  readonly report: ReadReport
  readonly samples: string[]
}

/** Hand the table's rows on and clear it. */
function drainer(table: EventTable, sink: RowSink): () => void {
  return () => {
    if (table.length === 0) return
    sink.rows(table)
    table.clear()
  }
}

/** Lines as bytes to `push`; after each block, the rows drained (no `block` sizing of the table). */
const byteSink = (push: (b: Buffer, s: number, e: number, line: number) => void, drain: () => void): ByteLineSink => ({ pushBytes: push, block: drain })

/** A MAF file, its rows handed to `sink` as they are read (see the file comment). `table` must be empty. */
export async function streamMaf(path: string, table: EventTable, opts: MafOptions, sink: RowSink): Promise<StreamedFile> {
  const drain = drainer(table, sink)
  sink.keyRows()
  const end = (p: MafParser): StreamedFile => {
    drain()
    const repeats = sink.duplicates()
    if (repeats > 0) {
      p.report.kept -= repeats
      drop(p.report, DUPLICATE, repeats)
    }
    const report = p.finish()
    return { report, samples: [...p.samples].sort() }
  }
  if (path !== '-' && !opts.keepExtra) {
    const p = new MafParser(displayName(path), opts, table)
    try {
      await feedByteLines(path, byteSink((b, s, e, line) => void p.pushBytes(b, s, e, line), drain), undefined, undefined, opts.limits)
      return end(p)
    } catch (e) {
      if (!(e instanceof UseTextPath)) throw e
      table.clear()
      sink.restart()
      sink.keyRows()
    }
  }
  const p = new MafParser(displayName(path), opts, table)
  for await (const b of readLineBatches(path, { limits: opts.limits })) {
    const lines = b.lines
    for (let i = 0; i < lines.length; i++) p.pushRow(lines[i] as string, b.firstLine + i)
    drain()
  }
  return end(p)
}

/**
 * A VCF file, its rows handed to `sink` as they are read. As readVcfInto: the byte path first; when
 * it meets what only the text path reads, or fails with an input error, the text path reads the file
 * again from the start (its own lines, records and error).
 */
export async function streamVcf(path: string, table: EventTable, opts: VcfReadOptions, sink: RowSink): Promise<StreamedFile> {
  const drain = drainer(table, sink)
  const file = opts.displayName ?? displayName(path)
  if (path !== '-') {
    const p = new VcfParser(file, opts, 'fast', table)
    try {
      await feedByteLines(path, byteSink((b, s, e, line) => p.pushBytes(b, s, e, line), drain), undefined, undefined, opts.limits)
      drain()
      const { report, samples } = p.finish()
      drain()
      return { report, samples }
    } catch (e) {
      if (!(e instanceof UseTextPath) && !isInputError(e)) throw e
      table.clear()
      sink.restart()
    }
  }
  const p = new VcfParser(file, opts, 'fast', table)
  for await (const b of readLineBatches(path, { displayName: file, limits: opts.limits })) {
    const lines = b.lines
    for (let i = 0; i < lines.length; i++) p.push(lines[i] as string, b.firstLine + i)
    drain()
  }
  const { report, samples } = p.finish()
  drain()
  return { report, samples }
}
