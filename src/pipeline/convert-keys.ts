/**
 * MAF duplicate keys of one file kept on disk, for `convert`, which hands rows on as it reads them
 * and so cannot hold every key in memory as the parser's duplicate check does (../maf/dedup.ts).
 *
 * Each row's key (sample, chromosome, start, reference and tumour-allele ids, and the row's number
 * in the output spool) goes to one of PARTS files chosen by the key's hash, so every repeat of a key
 * lands in its first row's file, in input order. At the end of the file each part is read back
 * alone and checked with `laterDuplicates` (the parser's own check): the rows whose key an earlier
 * row had are the duplicates, the same rows the parser drops.
 *
 * Complexity: O(rows) time; memory one 64 KB buffer per part while writing, and one part (32 bytes
 * a row, 1/PARTS of the file's rows) while checking. Disk: 32 bytes a row, freed per file.
 */
import { closeSync, ftruncateSync, openSync, readSync, writeSync } from 'node:fs'
import { join } from 'node:path'
import { InputError } from '../errors.js'
import type { EventTable } from '../model/events.js'

type KeyColumns = ReturnType<EventTable['keyColumns']>
import { keyHash, laterDuplicates } from '../maf/dedup.js'

const PARTS = 64
const BUFFER = 64 * 1024
/** [row u32][sample i32][chrom i32][ref i32][alt i32][unused u32][start f64]: start 8-byte aligned. */
const RECORD = 32

/** A temporary file that cannot be written (a full disk): the run stops with the folder named. */
export function spoolError(path: string, e: unknown): InputError {
  const code = (e as NodeJS.ErrnoException).code ?? 'error'
  return new InputError('OUTPUT', `cannot write a temporary file of convert (${code})`, {
    file: path,
    suggestion: 'convert keeps its output rows on disk until the inputs are read: set TMPDIR to a folder with room for about the output size',
  })
}

export function guarded<T>(path: string, f: () => T): T {
  try {
    return f()
  } catch (e) {
    throw spoolError(path, e)
  }
}

export class KeySpill {
  private readonly paths: string[]
  private readonly fds: number[]
  private readonly bufs: Buffer[]
  private readonly used = new Int32Array(PARTS)
  private readonly sizes = new Float64Array(PARTS)
  private rows = 0

  constructor(dir: string) {
    this.paths = Array.from({ length: PARTS }, (_, p) => join(dir, `keys-${p}.bin`))
    this.fds = this.paths.map((p) => guarded(p, () => openSync(p, 'wx+', 0o600)))
    this.bufs = this.paths.map(() => Buffer.alloc(BUFFER))
  }

  /** Rows kept since the last `reset`. */
  get length(): number {
    return this.rows
  }

  /** Row i of a table whose key columns are `k` (EventTable.keyColumns) is output row `row`. */
  add(k: KeyColumns, i: number, row: number): void {
    const sample = k.sample[i] as number
    const chrom = k.chrom[i] as number
    const start = k.start[i] as number
    const ref = k.ref[i] as number
    const alt = k.alt[i] as number
    const p = keyHash(sample, chrom, start, ref, alt) & (PARTS - 1)
    if ((this.used[p] as number) + RECORD > BUFFER) this.flush(p)
    const b = this.bufs[p] as Buffer
    const at = this.used[p] as number
    b.writeUInt32LE(row, at)
    b.writeInt32LE(sample, at + 4)
    b.writeInt32LE(chrom, at + 8)
    b.writeInt32LE(ref, at + 12)
    b.writeInt32LE(alt, at + 16)
    b.writeDoubleLE(start, at + 24)
    this.used[p] = at + RECORD
    this.rows++
  }

  private flush(p: number): void {
    const n = this.used[p] as number
    if (n === 0) return
    const path = this.paths[p] as string
    guarded(path, () => {
      let off = 0
      while (off < n) off += writeSync(this.fds[p] as number, this.bufs[p] as Buffer, off, n - off, (this.sizes[p] as number) + off)
    })
    this.sizes[p] = (this.sizes[p] as number) + n
    this.used[p] = 0
  }

  /**
   * Each output row (as given to `add`) whose key an earlier row since the last `reset` had goes to
   * `onRepeat`, in no particular order; returns their number. The spill is then emptied for the next file.
   */
  repeats(onRepeat: (row: number) => void): number {
    let total = 0
    for (let p = 0; p < PARTS; p++) {
      this.flush(p)
      const size = this.sizes[p] as number
      const n = size / RECORD
      if (n < 2) continue
      // An ArrayBuffer of our own, so the Float64Array view is aligned.
      const ab = new ArrayBuffer(size)
      const bytes = new Uint8Array(ab)
      const path = this.paths[p] as string
      guarded(path, () => {
        let off = 0
        while (off < size) {
          const got = readSync(this.fds[p] as number, bytes, off, size - off, off)
          if (got <= 0) throw Object.assign(new Error('short read'), { code: 'EIO' })
          off += got
        }
      })
      const ints = new Int32Array(ab)
      const starts = new Float64Array(ab)
      const w = RECORD / 4
      const startAt = (r: number) => starts[(r * RECORD + 24) / 8] as number
      const hashes = new Int32Array(n)
      for (let r = 0; r < n; r++) hashes[r] = keyHash(ints[r * w + 1] as number, ints[r * w + 2] as number, startAt(r), ints[r * w + 3] as number, ints[r * w + 4] as number)
      const same = (a: number, b: number): boolean => {
        const sa = startAt(a)
        const sb = startAt(b)
        return (
          (sa === sb || (Number.isNaN(sa) && Number.isNaN(sb))) &&
          ints[a * w + 1] === ints[b * w + 1] && ints[a * w + 2] === ints[b * w + 2] && ints[a * w + 3] === ints[b * w + 3] && ints[a * w + 4] === ints[b * w + 4]
        )
      }
      const { keep, repeats } = laterDuplicates(hashes, same)
      if (repeats > 0) for (let r = 0; r < n; r++) if (keep[r] === 0) onRepeat((ints[r * w] as number) >>> 0)
      total += repeats
    }
    this.reset()
    return total
  }

  /** Forget every key (a new file, or the same file read again). */
  reset(): void {
    for (let p = 0; p < PARTS; p++) {
      this.used[p] = 0
      if ((this.sizes[p] as number) > 0) guarded(this.paths[p] as string, () => ftruncateSync(this.fds[p] as number, 0))
      this.sizes[p] = 0
    }
    this.rows = 0
  }

  close(): void {
    for (const fd of this.fds) closeSync(fd)
  }
}
