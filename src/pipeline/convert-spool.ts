/**
 * `convert`'s output rows on disk until every input is read, then copied to the output in order.
 *
 * Why a spool: the output's start depends on the whole input — a MAF header lists every carried
 * column (known when the last file's header is read), JSON starts with the sample list, and a MAF
 * file's duplicate rows are known at the end of that file — and a failed read must leave no
 * half-written output (stdout included: nothing is written before every input was read).
 *
 * The spool is a temporary folder in TMPDIR (mode 0700, removed on exit and on SIGINT/SIGTERM)
 * holding the formatted rows, an index (each row's byte length and its width tag: the number of
 * carried MAF columns when it was formatted, so the copy pads it to the final header) and, for the
 * MAF file being read, its rows' duplicate keys (./convert-keys.ts). Rows found to repeat an
 * earlier row's key are marked in a bit set and skipped by the copy.
 *
 * Complexity: O(output bytes) written and read once; memory: the write buffers (1 MB + 64 KB per
 * key part), one batch of rows while copying, one key part while checking a file's duplicates, and
 * one bit per row (5M rows: 625 KB).
 */
import { closeSync, ftruncateSync, mkdtempSync, openSync, readSync, rmSync, writeSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { trackTempFolder, untrackTempFolder } from '../io/cleanup.js'
import type { EventTable } from '../model/events.js'
import type { RowSink } from '../input/stream-read.js'
import { guarded, KeySpill } from './convert-keys.js'

const BUFFER = 1 << 20

/** How rows become output text. */
export interface RowFormat {
  /** Row i's output text (whole lines for MAF), or undefined when it is not written (counted by the format). */
  format(table: EventTable, i: number): string | undefined
  /** The width tag stored with the row just formatted (MAF: carried columns known then; else 0). */
  width(): number
  /** A file is read again from its start: forget what its rows taught the format (carried columns). */
  mark(): void
  rewind(): void
}

/** An append-only temporary file written through one buffer. */
class Appender {
  private readonly fd: number
  private readonly buf = Buffer.allocUnsafe(BUFFER)
  private used = 0
  /** Bytes in the file, buffered ones included. */
  size = 0

  constructor(readonly path: string) {
    this.fd = guarded(path, () => openSync(path, 'wx+', 0o600))
  }

  text(s: string): number {
    const n = Buffer.byteLength(s, 'utf8')
    if (n > BUFFER - this.used) this.flush()
    if (n > BUFFER) this.write(Buffer.from(s, 'utf8'))
    else {
      this.buf.write(s, this.used, 'utf8')
      this.used += n
    }
    this.size += n
    return n
  }

  u32pair(a: number, b: number): void {
    if (this.used + 8 > BUFFER) this.flush()
    this.buf.writeUInt32LE(a, this.used)
    this.buf.writeUInt32LE(b, this.used + 4)
    this.used += 8
    this.size += 8
  }

  flush(): void {
    if (this.used === 0) return
    this.write(this.buf.subarray(0, this.used))
    this.used = 0
  }

  /** Bytes already in the file (written past the buffer). */
  private flushed = 0

  private write(b: Buffer): void {
    guarded(this.path, () => {
      let off = 0
      while (off < b.length) off += writeSync(this.fd, b, off, b.length - off, this.flushed + off)
    })
    this.flushed += b.length
  }

  /** Cut the file back to `size` bytes. */
  truncate(size: number): void {
    this.flush()
    guarded(this.path, () => ftruncateSync(this.fd, size))
    this.flushed = size
    this.size = size
  }

  read(into: Uint8Array, n: number, at: number): void {
    guarded(this.path, () => {
      let off = 0
      while (off < n) {
        const got = readSync(this.fd, into, off, n - off, at + off)
        if (got <= 0) throw Object.assign(new Error('short read'), { code: 'EIO' })
        off += got
      }
    })
  }

  close(): void {
    closeSync(this.fd)
  }
}

export class ConvertSpool implements RowSink {
  readonly dir: string
  private readonly body: Appender
  private readonly index: Appender
  private readonly keys: KeySpill
  /** Rows in the spool (dropped ones included). */
  private count = 0
  /** One bit per spool row: 1 = a duplicate, not copied. */
  private dropped = new Uint8Array(1024)
  private droppedCount = 0
  private keying = false
  private markRows = 0
  private markBody = 0

  constructor(private readonly fmt: RowFormat) {
    this.dir = guarded(tmpdir(), () => mkdtempSync(join(tmpdir(), 'biomarkit-convert-')))
    trackTempFolder(this.dir)
    try {
      this.body = new Appender(join(this.dir, 'rows.txt'))
      this.index = new Appender(join(this.dir, 'index.bin'))
      this.keys = new KeySpill(this.dir)
    } catch (e) {
      this.remove()
      throw e
    }
  }

  /** Rows the output will hold. */
  get rowCount(): number {
    return this.count - this.droppedCount
  }

  begin(): void {
    this.keying = false
    this.keys.reset()
    this.markRows = this.count
    this.markBody = this.body.size
    this.fmt.mark()
  }

  keyRows(): void {
    this.keying = true
  }

  rows(table: EventTable): void {
    const n = table.length
    const k = this.keying ? table.keyColumns() : undefined
    for (let i = 0; i < n; i++) {
      const text = this.fmt.format(table, i)
      if (text === undefined) continue
      const bytes = this.body.text(text)
      this.index.u32pair(bytes, this.fmt.width())
      if (k !== undefined) this.keys.add(k, i, this.count)
      this.count++
    }
  }

  restart(): void {
    this.keys.reset()
    this.body.truncate(this.markBody)
    this.index.truncate(this.markRows * 8)
    this.count = this.markRows
    this.fmt.rewind()
  }

  duplicates(): number {
    if (!this.keying) return 0
    const n = this.keys.repeats((row) => {
      const byte = row >>> 3
      if (byte >= this.dropped.length) {
        const grown = new Uint8Array(Math.max(byte + 1, this.dropped.length * 2))
        grown.set(this.dropped)
        this.dropped = grown
      }
      this.dropped[byte] = (this.dropped[byte] as number) | (1 << (row & 7))
    })
    this.droppedCount += n
    this.keying = false
    return n
  }

  private isDropped(row: number): boolean {
    const byte = row >>> 3
    return byte < this.dropped.length && ((this.dropped[byte] as number) & (1 << (row & 7))) !== 0
  }

  /**
   * The kept rows in order, in batches of about `bytes` of text, each row passed through
   * `finish(text, width)` (MAF: padded to the final header).
   */
  *batches(finish: (text: string, width: number) => string, bytes = BUFFER): Generator<string[]> {
    this.body.flush()
    this.index.flush()
    const idx = Buffer.allocUnsafe(8 * 4096)
    let buf = Buffer.allocUnsafe(bytes)
    let bodyAt = 0
    for (let row = 0; row < this.count; ) {
      const k = Math.min(4096, this.count - row)
      this.index.read(idx, 8 * k, 8 * row)
      let out: string[] = []
      let size = 0
      // Rows of this index chunk, read from the body a piece at a time.
      let r = 0
      while (r < k) {
        let span = 0
        let m = 0
        while (r + m < k && (m === 0 || span + idx.readUInt32LE(8 * (r + m)) <= buf.length)) span += idx.readUInt32LE(8 * (r + m++))
        if (span > buf.length) buf = Buffer.allocUnsafe(span)
        this.body.read(buf, span, bodyAt)
        let at = 0
        for (let j = 0; j < m; j++) {
          const len = idx.readUInt32LE(8 * (r + j))
          const width = idx.readUInt32LE(8 * (r + j) + 4)
          if (!this.isDropped(row + r + j)) {
            const t = finish(buf.toString('utf8', at, at + len), width)
            out.push(t)
            size += t.length
            if (size >= bytes) {
              yield out
              out = []
              size = 0
            }
          }
          at += len
        }
        bodyAt += span
        r += m
      }
      if (out.length > 0) yield out
      row += k
    }
  }

  /** Close and delete the spool (always: after the copy, or after a failure). */
  remove(): void {
    for (const c of [this.body, this.index, this.keys]) {
      try {
        c?.close()
      } catch {
        /* already closed */
      }
    }
    rmSync(this.dir, { recursive: true, force: true })
    untrackTempFolder(this.dir)
  }
}
