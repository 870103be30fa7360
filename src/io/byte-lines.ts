/**
 * The byte edge beside lines.ts: a regular file (plain or gzip/BGZF) → its lines as byte ranges
 * of one reused buffer, for readers with a byte fast path (the MAF and VCF table paths,
 * src/maf/read.ts, src/vcf/read.ts), or the lines of one byte range of a plain file (the
 * two-thread readers, s../scale/read/parallel.ts).
 *
 * The lines are exactly the ones readLineBatches would give, or the feed stops with UseTextPath
 * before handing over a line that could differ: lines end at LF (a CR before it is dropped); a CR
 * not followed by LF (CR-only files), invalid UTF-8, a NUL byte, a line over the length cap, and a last line
 * without a break that holds a CR all throw UseTextPath, and so do pipes, devices, folders and
 * missing files (the text path streams them or names the problem). A leading UTF-8 BOM is skipped,
 * as the text path does, also when gzip hands it over in two pieces. Lines are cut at LF only, so a
 * character (or an invalid sequence) a block edge cuts is checked whole, with the line it is on.
 * The caller then reads the file again as text.
 *
 * Why not lines.ts: decoding every 64 KB chunk and slicing a string per line costs a string per
 * line and an async step per chunk; a reader that looks at a few fields needs neither. A plain file
 * is read with one reused 4 MB buffer and synchronous reads (no allocation per chunk); a gzip file
 * streams through zlib.
 *
 * Complexity: O(bytes); memory the buffer plus the longest line.
 */
import { isUtf8 } from 'node:buffer'
import { closeSync, fstatSync, openSync, readSync } from 'node:fs'
import { capError, decompressed, displayName, inputCap, type GzipMeter } from './byte-source.js'
import { readLimits, type ReadLimits } from './read-limits.js'

/** Where the lines go. */
export interface ByteLineSink {
  /** One line: buf[s, e), without its line break; valid UTF-8. */
  pushBytes(buf: Buffer, s: number, e: number, line: number): void
  /**
   * After each block of lines (for gzip, once 4 MB have been fed): bytes fed so far, and the bytes
   * the whole read will feed, as known (a plain file's size or range) or estimated (gzip: the
   * compressed size times the ratio seen so far).
   */
  block?(fed: number, fileSize: number): void
}

const BOM = Buffer.from([0xef, 0xbb, 0xbf])

/** The byte path met something only the text line source handles exactly. */
export class UseTextPath extends Error {}

class Lines {
  fed = 0
  constructor(
    private readonly sink: ByteLineSink,
    /** The line-length cap (limits.maxLineLength). */
    private readonly cap: number,
    /** What `block` reports as the whole read's size (updated while a gzip file is read). */
    public size: number,
    public lineNo = 1,
    /** Bytes to feed before `block` is first called (gzip: enough for a steady ratio). */
    private readonly firstBlock = 0,
  ) {}

  /** Feed the complete lines of `body` (which ends with LF). */
  lines(body: Buffer): void {
    // A NUL byte or a BOM past the start: the text path names its line and column.
    if (!isUtf8(body) || body.includes(0) || body.includes(BOM)) throw new UseTextPath()
    for (let cr = body.indexOf(13); cr !== -1; cr = body.indexOf(13, cr + 1)) if (body[cr + 1] !== 10) throw new UseTextPath()
    const last = body.length - 1
    const sink = this.sink
    let pos = 0
    while (pos <= last) {
      const nl = body.indexOf(10, pos)
      const end = nl > pos && body[nl - 1] === 13 ? nl - 1 : nl
      if (end - pos > this.cap) throw new UseTextPath()
      sink.pushBytes(body, pos, end, this.lineNo++)
      pos = nl + 1
    }
    this.fed += body.length
    if (this.fed >= this.firstBlock) this.sink.block?.(this.fed, this.size)
  }

  /** The last line, without a line break. */
  tail(rest: Buffer): void {
    if (rest.length === 0) return
    if (rest.length > this.cap || rest.includes(13) || rest.includes(0) || !isUtf8(rest) || rest.includes(BOM)) throw new UseTextPath()
    this.sink.pushBytes(rest, 0, rest.length, this.lineNo)
  }

  tooLong(pending: number): boolean {
    return pending > this.cap
  }
}

const BLOCK = 4 * 1024 * 1024

/** Part of a plain file: bytes [from, to), starting at a line start; its first line is line `firstLine`. */
export interface ByteRange {
  readonly from: number
  readonly to: number
  readonly firstLine: number
}

/**
 * Feed the lines of the file at `path` (not '-') to `sink`, or only those of `range` (plain files;
 * ../scale/read/parallel.ts reads big files in two parts); returns the number of the line after the
 * last complete one. `expect`: the size `block` reports for a plain file (default: the bytes this
 * read covers; a gzip file's is estimated as it is read). `limits`: default readLimits().
 * Throws UseTextPath (see the file comment).
 */
export async function feedByteLines(path: string, sink: ByteLineSink, range?: ByteRange, expect?: number, limits: ReadLimits = readLimits()): Promise<number> {
  if (path === '-') throw new UseTextPath()
  limits.registry?.note(path)
  let fd: number
  try {
    fd = openSync(path, 'r')
  } catch {
    throw new UseTextPath()
  }
  try {
    const st = fstatSync(fd)
    if (!st.isFile()) throw new UseTextPath()
    const from = range?.from ?? 0
    const to = range?.to ?? st.size
    // A small file gets a buffer its size, not the 4 MB block: a cohort of a thousand per-sample
    // files allocated 4 GB of buffers and spent a third of its read time collecting them.
    let buf = Buffer.allocUnsafe(Math.max(4, Math.min(BLOCK, to - from + 1)))
    const first = readSync(fd, buf, 0, 2, 0)
    if (first === 2 && buf[0] === 0x1f && buf[1] === 0x8b) {
      if (range !== undefined) throw new UseTextPath()
      const out = new Lines(sink, limits.maxLineLength, st.size, 1, BLOCK)
      await feedStream(path, out, st.size, limits)
      return out.lineNo
    }
    // A plain file's size is its decompressed size: over --max-input-bytes, refused before reading.
    const cap = inputCap(limits)
    if (st.size > cap.bytes) throw capError(cap, displayName(path))
    const out = new Lines(sink, limits.maxLineLength, expect ?? to - from, range?.firstLine ?? 1)
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

/**
 * A gzip file's lines. The size `block` reports is estimated from the compression ratio so far
 * (compressed size × decompressed / compressed consumed, +3% as the inflater reads ahead): with the
 * compressed size alone a reader sized its table for ~1/4 of a MAF's rows and grew it 4 times,
 * ~70 ms and ~30 MB more at the peak on the bench MAF.
 */
async function feedStream(path: string, out: Lines, compressedSize: number, limits: ReadLimits): Promise<void> {
  let carry: Buffer | undefined
  let first = true
  const meter: GzipMeter = { consumed: 0 }
  let got = 0
  for await (const chunk of decompressed(path, displayName(path), meter, undefined, limits)) {
    got += chunk.length
    if (meter.consumed > 0) out.size = Math.ceil((compressedSize * got * 1.03) / meter.consumed)
    let buf = carry === undefined ? chunk : Buffer.concat([carry, chunk])
    if (first) {
      // gunzip may hand over fewer than 3 bytes first (a member ending in the first 64 KB read):
      // wait for three before deciding on a BOM, or a BOM cut in two would reach the sink.
      if (buf.length < 3 && isBomStart(buf)) {
        carry = buf
        continue
      }
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

/** buf (shorter than 3 bytes) is the start of a UTF-8 BOM (EF BB BF). */
const isBomStart = (buf: Buffer): boolean => (buf.length < 1 || buf[0] === 0xef) && (buf.length < 2 || buf[1] === 0xbb)
