/**
 * The streaming edge for MAF files: bytes → lines → MafParser → rows of an EventTable.
 * - `readMafInto` appends kept rows to the caller's table (loadCohort: one table for the cohort,
 *   no record object per row).
 * - `readMaf` returns records; with `onRecord` they are handed over batch by batch and not kept
 *   (flat memory for huge files: the parser's table is cleared after each batch).
 */
import { isUtf8 } from 'node:buffer'
import { closeSync, fstatSync, openSync, readSync } from 'node:fs'
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
 *
 * A plain file is read with one reused 4 MB buffer (synchronous reads: no allocation per chunk,
 * which kept ~100 MB of dead 64 KB chunks around between collections); a gzip file streams
 * through zlib. Complexity: O(bytes); memory the buffer plus the longest line.
 */
class ByteLines {
  lineNo = 1
  private reserved = false
  private readonly cap = currentMaxLineLength()
  constructor(
    private readonly p: MafParser,
    private readonly size: number,
  ) {}

  /** Feed the complete lines of `body` (which ends with LF). */
  lines(body: Buffer): void {
    if (!isUtf8(body)) throw new UseTextPath()
    for (let cr = body.indexOf(13); cr !== -1; cr = body.indexOf(13, cr + 1)) if (body[cr + 1] !== 10) throw new UseTextPath()
    if (!this.reserved) {
      // Size the columns once from the first block's line length (a gzip file's estimate is low,
      // and the columns then grow as usual).
      this.reserved = true
      if (this.size > 4 * body.length) {
        let lines = 0
        for (let i = body.indexOf(10); i !== -1; i = body.indexOf(10, i + 1)) lines++
        this.p.reserve(Math.ceil((this.size / body.length) * lines * 1.02))
      }
    }
    const last = body.length - 1
    let pos = 0
    while (pos <= last) {
      const nl = body.indexOf(10, pos)
      const end = nl > pos && body[nl - 1] === 13 ? nl - 1 : nl
      if (end - pos > this.cap) throw new UseTextPath()
      this.p.pushBytes(body, pos, end, this.lineNo++)
      pos = nl + 1
    }
  }

  /** The last line, without a line break. */
  tail(rest: Buffer): void {
    if (rest.length === 0) return
    if (rest.length > this.cap || rest.includes(13) || !isUtf8(rest)) throw new UseTextPath()
    this.p.pushBytes(rest, 0, rest.length, this.lineNo)
  }

  tooLong(pending: number): boolean {
    return pending > this.cap
  }
}

const BLOCK = 4 * 1024 * 1024

async function feedBytes(path: string, p: MafParser): Promise<void> {
  let fd: number
  try {
    fd = openSync(path, 'r')
  } catch {
    throw new UseTextPath() // the text path names the problem (missing file, folder, permissions)
  }
  try {
    const st = fstatSync(fd)
    if (!st.isFile()) throw new UseTextPath() // pipes, devices, folders: the text path streams them or names the problem
    const size = st.size
    let buf = Buffer.allocUnsafe(BLOCK)
    const first = readSync(fd, buf, 0, 2, 0)
    if (first === 2 && buf[0] === 0x1f && buf[1] === 0x8b) return await feedStream(path, new ByteLines(p, size))
    const out = new ByteLines(p, size)
    let filled = 0
    let offset = 0
    let start = -1 // -1: BOM not checked yet
    for (;;) {
      if (filled === buf.length) {
        if (out.tooLong(filled)) throw new UseTextPath()
        const bigger = Buffer.allocUnsafe(buf.length * 2)
        buf.copy(bigger, 0, 0, filled)
        buf = bigger
      }
      const n = readSync(fd, buf, filled, buf.length - filled, offset)
      offset += n
      filled += n
      if (start < 0) start = filled >= 3 && buf[0] === 0xef && buf[1] === 0xbb && buf[2] === 0xbf ? 3 : 0
      const last = filled > start ? buf.lastIndexOf(10, filled - 1) : -1
      if (last >= start) {
        out.lines(buf.subarray(start, last + 1))
        buf.copy(buf, 0, last + 1, filled)
        filled -= last + 1
        start = 0
      }
      if (n === 0) break
    }
    out.tail(buf.subarray(start, filled))
  } finally {
    closeSync(fd)
  }
}

async function feedStream(path: string, out: ByteLines): Promise<void> {
  let carry: Buffer | undefined
  let first = true
  for await (const chunk of decompressed(path, displayName(path))) {
    let buf = carry === undefined ? chunk : Buffer.concat([carry, chunk])
    if (first) {
      first = false
      if (buf.length >= 3 && buf[0] === 0xef && buf[1] === 0xbb && buf[2] === 0xbf) buf = buf.subarray(3)
    }
    const last = buf.lastIndexOf(10)
    if (last < 0) {
      if (out.tooLong(buf.length)) throw new UseTextPath()
      carry = buf
      continue
    }
    out.lines(buf.subarray(0, last + 1))
    carry = last + 1 < buf.length ? Buffer.from(buf.subarray(last + 1)) : undefined
  }
  if (carry !== undefined) out.tail(carry)
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
