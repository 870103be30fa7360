/**
 * The streaming edge of the VCF reader: path or '-' → numbered lines → VcfParser. Options are
 * validated by VcfParser (zod).
 * - `readVcf` returns records (or streams them to `onRecord`): lines from readLineBatches
 *   (gzip/BGZF, CR/CRLF/LF, BOM).
 * - `readVcfInto` appends to the caller's EventTable (loadCohort): a regular file is fed as bytes
 *   (../io/byte-lines.ts), so small-variant records become table rows without a string per line
 *   or a record object (byte-path/row-reader.ts). When the byte feed cannot give the text path's exact lines
 *   (CR-only breaks, bad UTF-8, stdin…), or the read fails with an error, the rows it added are
 *   removed and the file is read again as text: results, reports and errors are the text path's.
 *
 * Complexity: O(bytes). Memory: the records (readVcf) or the table rows (readVcfInto), plus one
 * 4 MB buffer.
 */
import { isInputError } from '../errors.js'
import { displayName, readLineBatches } from '../io/lines.js'
import { feedByteLines, UseTextPath } from '../io/byte-lines.js'
import type { Alteration } from '../model/alteration.js'
import type { EventTable } from '../model/events.js'
import type { VcfReadOptions } from './options.js'
import { VcfParser, type VcfResult } from './reader.js'

/** With `onRecord`, alterations are streamed to it and `alterations` in the result stays empty. */
export async function readVcf(path: string, opts: VcfReadOptions = {}, onRecord?: (a: Alteration) => void): Promise<VcfResult> {
  const file = opts.displayName ?? displayName(path)
  const p = new VcfParser(file, opts)
  p.onRecord = onRecord
  return readText(path, file, p, opts)
}

async function readText(path: string, file: string, p: VcfParser, opts: VcfReadOptions): Promise<VcfResult> {
  for await (const b of readLineBatches(path, { displayName: file, limits: opts.limits })) {
    const lines = b.lines
    for (let i = 0; i < lines.length; i++) p.push(lines[i] as string, b.firstLine + i)
  }
  return p.finish()
}

/** Append the file's alterations to `table`; returns the read report and the file's samples. */
export async function readVcfInto(path: string, table: EventTable, opts: VcfReadOptions = {}): Promise<Omit<VcfResult, 'alterations'>> {
  const file = opts.displayName ?? displayName(path)
  const n0 = table.length
  if (path !== '-') {
    const p = new VcfParser(file, opts, 'fast', table)
    try {
      await feedByteLines(path, p, undefined, undefined, opts.limits)
      const { report, samples } = p.finish()
      return { report, samples }
    } catch (e) {
      return readVcfAgainAsText(e, path, table, n0, opts)
    }
  }
  return readVcfText(path, table, opts)
}

/**
 * After a byte read failed with `e`: UseTextPath, or an input error, means the text path reads the
 * file again from the start (the rows from n0 on removed) and gives its own lines, records and
 * error (e.g. an ENCODING error before a record error its chunk holds); anything else is rethrown.
 */
export function readVcfAgainAsText(e: unknown, path: string, table: EventTable, n0: number, opts: VcfReadOptions): Promise<Omit<VcfResult, 'alterations'>> {
  if (!(e instanceof UseTextPath) && !isInputError(e)) throw e
  table.truncate(n0)
  return readVcfText(path, table, opts)
}

/** The text path alone into `table` (lines decoded by the line source). */
export async function readVcfText(path: string, table: EventTable, opts: VcfReadOptions = {}): Promise<Omit<VcfResult, 'alterations'>> {
  const file = opts.displayName ?? displayName(path)
  const { report, samples } = await readText(path, file, new VcfParser(file, opts, 'fast', table), opts)
  return { report, samples }
}
