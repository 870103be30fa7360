/**
 * MAF files read as bytes (the fast path of ./read.ts): a reused buffer → complete lines →
 * `MafParser.pushBytes`. Also reads one byte range of a file (./parallel.ts splits big files
 * between threads).
 */
import { isUtf8 } from 'node:buffer'
import { closeSync, fstatSync, openSync, readSync } from 'node:fs'
import { currentMaxLineLength, decompressed, displayName } from '../io/lines.js'
import type { MafParser } from './parser.js'

/** The byte path met something only the line source handles exactly (a lone CR, bad UTF-8, an over-long line). */
export class UseTextPath extends Error {}

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
  private reserved = false
  private readonly cap = currentMaxLineLength()
  constructor(
    private readonly p: MafParser,
    /** Bytes this reader will see (sizes the table from the first block's line length). */
    private readonly size: number,
    public lineNo = 1,
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

/** Part of a plain file: bytes [from, to), whose first line is line `firstLine`. */
export interface ByteRange {
  readonly from: number
  readonly to: number
  readonly firstLine: number
}

/**
 * Feed the file's lines (or only those of `range`, which must start at a line start) to `p`;
 * returns the number of the line after the last complete one. Throws UseTextPath (see ByteLines).
 * `expect` is how many bytes the caller's table will end up holding rows for (default: this read's).
 */
export async function feedBytes(path: string, p: MafParser, range?: ByteRange, expect?: number): Promise<number> {
  let fd: number
  try {
    fd = openSync(path, 'r')
  } catch {
    throw new UseTextPath() // the text path names the problem (missing file, folder, permissions)
  }
  try {
    const st = fstatSync(fd)
    if (!st.isFile()) throw new UseTextPath() // pipes, devices, folders: the text path streams them or names the problem
    const from = range?.from ?? 0
    const to = range?.to ?? st.size
    let buf = Buffer.allocUnsafe(BLOCK)
    const first = readSync(fd, buf, 0, 2, 0)
    if (first === 2 && buf[0] === 0x1f && buf[1] === 0x8b) {
      if (range !== undefined) throw new UseTextPath()
      const out = new ByteLines(p, expect ?? st.size)
      await feedStream(path, out)
      return out.lineNo
    }
    const out = new ByteLines(p, expect ?? to - from, range?.firstLine ?? 1)
    let filled = 0
    let offset = from
    let start = from === 0 ? -1 : 0 // -1: BOM not checked yet
    for (;;) {
      if (filled === buf.length) {
        if (out.tooLong(filled)) throw new UseTextPath()
        const bigger = Buffer.allocUnsafe(buf.length * 2)
        buf.copy(bigger, 0, 0, filled)
        buf = bigger
      }
      const n = offset < to ? readSync(fd, buf, filled, Math.min(buf.length - filled, to - offset), offset) : 0
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
    return out.lineNo
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
