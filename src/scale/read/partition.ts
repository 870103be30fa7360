/**
 * MAF rows → sample partitions on disk (the first pass of the low-memory path,
 * ../low-memory.ts).
 *
 * Each data line goes, as its bytes, to one of K temporary files chosen by a hash of its
 * Tumor_Sample_Barcode (the value the parser will read: the field unquoted and trimmed as
 * MafParser does), so every row of a sample lands in one partition and in input order. A record
 * is [file index u32][line u32][length u32][bytes], so the second pass reads each row with its
 * file and line: errors, duplicates and the read report name the input as a one-pass read does.
 * Lines before the header (comments, the header) go to the file's own MafParser, which keeps the
 * header and, later, the counts of every partition (`absorbCounts`).
 *
 * Lines are read by the byte line source (../io/byte-lines.ts); when it hands a file to the text
 * path (bad UTF-8, lone CR, stdin), that file's records written so far are cut off and the file is
 * read again as text, as readMafInto does.
 *
 * Complexity: O(bytes); memory: a 256 KB buffer per partition and the line buffer (a sample's
 * partition is hashed from its field's bytes, no lookup). Disk: about the input's uncompressed size.
 */
import { closeSync, ftruncateSync, openSync, readSync, writeSync } from 'node:fs'
import { join } from 'node:path'
import { feedByteLines, UseTextPath, type ByteLineSink } from '../../io/byte-lines.js'
import { readLineBatches } from '../../io/lines.js'
import { splitCsv, splitTsv } from '../../io/table.js'
import { InputError } from '../../errors.js'
import { trimmed } from '../../maf/field-values.js'
import type { MafParser } from '../../maf/parser.js'
import type { ReadLimits } from '../../io/read-limits.js'

const BUFFER = 256 * 1024
const HEAD = 12

/** A temporary file that cannot be written or read (a full disk, say): stops the run at once. */
export function tempFileError(path: string, e: unknown): InputError {
  const code = (e as NodeJS.ErrnoException).code ?? 'error'
  return new InputError('OUTPUT', `cannot ${code === 'ENOENT' ? 'create' : 'write'} a temporary partition file (${code})`, {
    file: path,
    suggestion: "--low-memory needs room for about the input's uncompressed size: set TMPDIR to a folder on a disk that has it",
  })
}

function io<T>(path: string, f: () => T): T {
  try {
    return f()
  } catch (e) {
    throw tempFileError(path, e)
  }
}

/** FNV-1a over bytes [s, e), mod `count`. */
function hashBytes(buf: Uint8Array, s: number, e: number, count: number): number {
  let h = 0x811c9dc5
  for (let i = s; i < e; i++) h = Math.imul(h ^ (buf[i] as number), 0x01000193)
  return (h >>> 0) % count
}

/**
 * A sample's partition: a hash of its UTF-8 bytes as the parser reads it (trimmed as MafParser
 * trims it). Missing IDs need no care: their rows are errors, reported in input order wherever
 * they are.
 */
export function partitionOf(sample: string, count: number): number {
  const b = Buffer.from(trimmed(sample), 'utf8')
  return hashBytes(b, 0, b.length, count)
}

/** Where each partition ends: what `rewind` cuts back to. */
export interface PartitionMark {
  readonly bytes: Float64Array
  readonly rows: Float64Array
}

/**
 * Which of some sample names (a VCF's, ../low-memory.ts) a MAF's rows name, learnt while they are
 * split: one hash of the sample field's bytes per row and a compare when its bucket is not empty.
 */
export class SampleWatch {
  private readonly buckets = new Map<number, Buffer[]>()
  private readonly names: Set<string>
  /** The names met so far. */
  readonly found = new Set<string>()

  constructor(names: Iterable<string>) {
    this.names = new Set(names)
    for (const n of this.names) {
      const b = Buffer.from(n, 'utf8')
      const h = hashBytes(b, 0, b.length, WATCH_BUCKETS)
      const list = this.buckets.get(h)
      if (list === undefined) this.buckets.set(h, [b])
      else list.push(b)
    }
  }

  bytes(buf: Buffer, a: number, z: number): void {
    const list = this.buckets.get(hashBytes(buf, a, z, WATCH_BUCKETS))
    if (list === undefined) return
    for (const b of list) if (b.length === z - a && buf.compare(b, 0, b.length, a, z) === 0) this.found.add(b.toString('utf8'))
  }

  text(sample: string): void {
    const t = trimmed(sample)
    if (this.names.has(t)) this.found.add(t)
  }
}
const WATCH_BUCKETS = 1 << 16

/** The partition files, written through one buffer each. */
export class PartitionWriter {
  readonly paths: string[]
  private readonly fds: number[]
  private readonly bufs: Buffer[]
  private readonly used: Int32Array
  private readonly written: Float64Array
  /** Records per partition. */
  readonly rows: Float64Array

  constructor(dir: string, readonly count: number) {
    this.paths = Array.from({ length: count }, (_, p) => join(dir, `part-${p}.bin`))
    this.fds = this.paths.map((p) => io(p, () => openSync(p, 'w')))
    this.bufs = this.paths.map(() => Buffer.allocUnsafe(BUFFER))
    this.used = new Int32Array(count)
    this.written = new Float64Array(count)
    this.rows = new Float64Array(count)
  }

  write(p: number, file: number, line: number, src: Buffer, s: number, e: number): void {
    const len = e - s
    let buf = this.bufs[p] as Buffer
    if ((this.used[p] as number) + HEAD + len > buf.length) {
      this.flush(p)
      if (HEAD + len > buf.length) {
        const head = Buffer.allocUnsafe(HEAD)
        head.writeUInt32LE(file, 0)
        head.writeUInt32LE(line, 4)
        head.writeUInt32LE(len, 8)
        this.put(p, head, 0, HEAD)
        this.put(p, src, s, e)
        this.rows[p] = (this.rows[p] as number) + 1
        return
      }
      buf = this.bufs[p] as Buffer
    }
    let u = this.used[p] as number
    buf.writeUInt32LE(file, u)
    buf.writeUInt32LE(line, u + 4)
    buf.writeUInt32LE(len, u + 8)
    u += HEAD
    // A short line byte by byte: Buffer.copy's call costs more than the copy (~1M lines).
    if (len < 256) for (let i = s; i < e; i++) buf[u++] = src[i] as number
    else {
      src.copy(buf, u, s, e)
      u += len
    }
    this.used[p] = u
    this.rows[p] = (this.rows[p] as number) + 1
  }

  private put(p: number, src: Buffer, s: number, e: number): void {
    let at = this.written[p] as number
    const fd = this.fds[p] as number
    for (let o = s; o < e; ) {
      const n = io(this.paths[p] as string, () => writeSync(fd, src, o, e - o, at))
      o += n
      at += n
    }
    this.written[p] = at
  }

  private flush(p: number): void {
    const u = this.used[p] as number
    if (u === 0) return
    this.put(p, this.bufs[p] as Buffer, 0, u)
    this.used[p] = 0
  }

  /** Everything written so far is on disk; returns where each partition ends (for `rewind`). */
  snapshot(): PartitionMark {
    for (let p = 0; p < this.count; p++) this.flush(p)
    return { bytes: this.written.slice(), rows: this.rows.slice() }
  }

  /** Cut every partition back to a snapshot (a file about to be read again). */
  rewind(m: PartitionMark): void {
    for (let p = 0; p < this.count; p++) {
      this.used[p] = 0
      const fd = this.fds[p] as number
      io(this.paths[p] as string, () => ftruncateSync(fd, m.bytes[p]))
      this.written[p] = m.bytes[p] as number
      this.rows[p] = m.rows[p] as number
    }
  }

  close(): void {
    for (let p = 0; p < this.count; p++) this.flush(p)
    for (const fd of this.fds) closeSync(fd)
  }
}

/** Lines of one MAF file: before the header to its parser, after it to their sample's partition. */
class Splitter implements ByteLineSink {
  private col = -1
  private tab = true
  private split: (s: string) => string[] = splitTsv

  constructor(
    readonly parser: MafParser,
    private readonly file: number,
    private readonly out: PartitionWriter,
    private readonly watch?: SampleWatch,
  ) {}

  private afterHeaderLine(): void {
    const c = this.parser.sampleColumn()
    if (c === undefined) return
    this.col = c
    const d = this.parser.header?.delimiter
    this.tab = d === '\t'
    this.split = this.tab ? splitTsv : splitCsv
  }

  pushBytes(buf: Buffer, s: number, e: number, line: number): void {
    if (this.col < 0) {
      this.parser.pushBytes(buf, s, e, line)
      this.afterHeaderLine()
      return
    }
    this.out.write(this.partOfBytes(buf, s, e), this.file, line, buf, s, e)
  }

  pushText(text: string, line: number): void {
    if (this.col < 0) {
      this.parser.pushRow(text, line)
      this.afterHeaderLine()
      return
    }
    const b = Buffer.from(text, 'utf8')
    this.out.write(this.partOfText(text), this.file, line, b, 0, b.length)
  }

  private partOfText(text: string): number {
    const f = this.split(text)
    const v = f[this.col]
    if (v !== undefined) this.watch?.text(v)
    return v === undefined ? 0 : partitionOf(v, this.out.count)
  }

  private partOfBytes(buf: Buffer, s: number, e: number): number {
    if (!this.tab) return this.partOfText(buf.toString('utf8', s, e))
    // The sample field: after `col` tabs (a line with fewer fields is an error, in partition 0).
    let a = s
    for (let k = 0; k < this.col; k++) {
      while (a < e && buf[a] !== 9) a++
      if (a === e) return 0
      a++
    }
    let z = a
    let quoted = false
    for (; z < e; z++) {
      const b = buf[z] as number
      if (b === 9) break
      if (b === 34) quoted = true
    }
    // A quoted field is unwrapped by the text split (splitTsv), as the parser reads it; a field
    // that starts or ends with a space or a non-ASCII byte (maybe Unicode white space) is trimmed.
    if (quoted || z === a) return this.partOfText(buf.toString('utf8', s, e))
    const first = buf[a] as number
    const last = buf[z - 1] as number
    if (first <= 32 || first >= 128 || last <= 32 || last >= 128) {
      const v = buf.toString('utf8', a, z)
      this.watch?.text(v)
      return partitionOf(v, this.out.count)
    }
    this.watch?.bytes(buf, a, z)
    return hashBytes(buf, a, z, this.out.count)
  }
}

/**
 * Split the data lines of a MAF file into the writer's partitions as file number `file`; returns
 * the parser that read its header (it takes the partitions' counts later). A file without a
 * header, or whose header lacks the MAF columns, throws as reading it would.
 */
export async function partitionMaf(path: string, file: number, out: PartitionWriter, make: () => MafParser, watch?: SampleWatch, limits?: ReadLimits): Promise<MafParser> {
  const start = out.snapshot()
  if (path !== '-') {
    const sp = new Splitter(make(), file, out, watch)
    try {
      await feedByteLines(path, sp, undefined, undefined, limits)
      return finishHeader(sp.parser)
    } catch (e) {
      if (!(e instanceof UseTextPath)) throw e
      out.rewind(start)
    }
  }
  const sp = new Splitter(make(), file, out, watch)
  for await (const b of readLineBatches(path, { limits })) {
    const lines = b.lines
    for (let i = 0; i < lines.length; i++) sp.pushText(lines[i] as string, b.firstLine + i)
  }
  return finishHeader(sp.parser)
}

/** A file that ended before its header: finish() throws the empty-file error a one-pass read gives. */
function finishHeader(p: MafParser): MafParser {
  if (p.header === undefined) p.finish()
  return p
}

/**
 * The records of a partition file, in order, through one reused 4 MB buffer (a record longer than
 * it grows it): visit(buf, file, line, start, end) with the line's bytes at buf[start, end).
 */
export function readPartition(path: string, visit: (buf: Buffer, file: number, line: number, s: number, e: number) => void): void {
  const fd = io(path, () => openSync(path, 'r'))
  try {
    let buf = Buffer.allocUnsafe(4 * 1024 * 1024)
    let filled = 0
    let pos = 0
    for (;;) {
      const n = io(path, () => readSync(fd, buf, filled, buf.length - filled, pos))
      pos += n
      filled += n
      let o = 0
      while (o + HEAD <= filled) {
        const len = buf.readUInt32LE(o + 8)
        if (o + HEAD + len > filled) break
        visit(buf, buf.readUInt32LE(o), buf.readUInt32LE(o + 4), o + HEAD, o + HEAD + len)
        o += HEAD + len
      }
      if (n === 0) {
        if (o !== filled) throw new Error(`partition file ${path} ends inside a record`)
        return
      }
      buf.copy(buf, 0, o, filled)
      filled -= o
      if (filled >= HEAD && HEAD + buf.readUInt32LE(8) > buf.length) {
        const bigger = Buffer.allocUnsafe(2 * (HEAD + buf.readUInt32LE(8)))
        buf.copy(bigger, 0, 0, filled)
        buf = bigger
      }
    }
  } finally {
    closeSync(fd)
  }
}
