/**
 * The streaming edge for MAF files: bytes → lines → MafParser → rows of an EventTable.
 * - `readMafInto` appends kept rows to the caller's table (loadCohort: one table for the cohort,
 *   no record object per row).
 * - `readMaf` returns records; with `onRecord` they are handed over batch by batch and not kept
 *   (flat memory for huge files: the parser's table is cleared after each batch).
 */
import { isUtf8 } from 'node:buffer'
import { stat } from 'node:fs/promises'
import { currentMaxLineLength, decompressed, readLineBatches, displayName } from '../io/lines.js'
import type { Alteration } from '../model/alteration.js'
import { EventTable } from '../model/events.js'
import type { ReadReport } from '../model/report.js'
import { MafParser, type MafOptions } from './parser.js'

export interface MafReadResult {
  readonly alterations: Alteration[]
  readonly report: ReadReport
  /** Distinct Tumor_Sample_Barcode values of kept rows, sorted. */
  readonly samples: string[]
}

const sorted = (s: Set<string>): string[] => [...s].sort()

/** The byte path met something only the line source handles exactly (a lone CR, bad UTF-8, an over-long line). */
class UseTextPath extends Error {}

/**
 * Bytes → lines → `MafParser.pushBytes`, for regular files: no decoding of whole chunks, no string
 * per field (see pushBytes). Lines end at LF (a CR before it is dropped). Anything the text line
 * source treats specially — a CR not followed by LF, invalid UTF-8, a line over the length cap, a
 * last line without a break that holds a CR — abandons this path (UseTextPath) before it could
 * differ; the caller then reads the file again as text.
 * Complexity: O(bytes); memory one chunk plus the longest line.
 */
async function feedBytes(path: string, p: MafParser): Promise<void> {
  const cap = currentMaxLineLength()
  const size = (await stat(path)).size
  let carry: Buffer | undefined
  let lineNo = 1
  let first = true
  for await (const chunk of decompressed(path, displayName(path))) {
    let buf = carry === undefined ? chunk : Buffer.concat([carry, chunk])
    if (first) {
      first = false
      if (buf.length >= 3 && buf[0] === 0xef && buf[1] === 0xbb && buf[2] === 0xbf) buf = buf.subarray(3)
    }
    const last = buf.lastIndexOf(10)
    if (last < 0) {
      if (buf.length > cap) throw new UseTextPath()
      carry = buf
      continue
    }
    const body = buf.subarray(0, last + 1)
    if (!isUtf8(body)) throw new UseTextPath()
    if (lineNo === 1 && size > 4 * body.length) {
      // Size the columns once from the first chunk's line length (a gzip file's estimate is low,
      // and the columns then grow as usual).
      let lines = 0
      for (let i = body.indexOf(10); i !== -1; i = body.indexOf(10, i + 1)) lines++
      p.reserve(Math.ceil((size / body.length) * lines * 1.02))
    }
    for (let cr = body.indexOf(13); cr !== -1; cr = body.indexOf(13, cr + 1)) if (body[cr + 1] !== 10) throw new UseTextPath()
    let pos = 0
    while (pos <= last) {
      const nl = body.indexOf(10, pos)
      const end = nl > pos && body[nl - 1] === 13 ? nl - 1 : nl
      if (end - pos > cap) throw new UseTextPath()
      p.pushBytes(body, pos, end, lineNo++)
      pos = nl + 1
    }
    carry = last + 1 < buf.length ? Buffer.from(buf.subarray(last + 1)) : undefined
  }
  if (carry !== undefined && carry.length > 0) {
    if (carry.length > cap || carry.includes(13) || !isUtf8(carry)) throw new UseTextPath()
    p.pushBytes(carry, 0, carry.length, lineNo)
  }
}

/** Append the file's kept rows to `table`; returns the read report and the file's samples. */
export async function readMafInto(path: string, table: EventTable, opts: MafOptions = {}): Promise<Omit<MafReadResult, 'alterations'>> {
  if (path !== '-' && !opts.keepExtra) {
    const n0 = table.length
    const fast = new MafParser(displayName(path), opts, table)
    try {
      await feedBytes(path, fast)
      const report = fast.finish()
      return { report, samples: sorted(fast.samples) }
    } catch (e) {
      if (!(e instanceof UseTextPath)) throw e
      table.truncate(n0)
    }
  }
  const p = new MafParser(displayName(path), opts, table)
  for await (const b of readLineBatches(path)) {
    const lines = b.lines
    for (let i = 0; i < lines.length; i++) p.pushRow(lines[i] as string, b.firstLine + i)
  }
  const report = p.finish()
  return { report, samples: sorted(p.samples) }
}

export async function readMaf(
  path: string,
  opts: MafOptions & { readonly onRecord?: ((a: Alteration) => void) | undefined } = {},
): Promise<MafReadResult> {
  const sink = opts.onRecord
  if (sink === undefined) {
    const table = new EventTable()
    const r = await readMafInto(path, table, opts)
    return { alterations: table.toArray(), ...r }
  }
  const p = new MafParser(displayName(path), opts)
  for await (const b of readLineBatches(path)) {
    const lines = b.lines
    for (let i = 0; i < lines.length; i++) p.pushRow(lines[i] as string, b.firstLine + i)
    for (const a of p.table) sink(a)
    p.table.clear()
  }
  const report = p.finish()
  return { alterations: [], report, samples: sorted(p.samples) }
}

/** Parse MAF text held in memory (tests). */
export function parseMafLines(file: string, lines: readonly string[], opts: MafOptions = {}): MafReadResult {
  const p = new MafParser(file, opts)
  lines.forEach((t, i) => p.pushRow(t, i + 1))
  const report = p.finish()
  return { alterations: p.table.toArray(), report, samples: sorted(p.samples) }
}
