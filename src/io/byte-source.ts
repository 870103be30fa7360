/**
 * Where input bytes come from, before they become lines (./lines.ts) or byte rows (./byte-lines.ts):
 * a path or `-` (stdin, replayable while only its head was read), gunzipped when the magic bytes
 * say gzip (BGZF included, with a notice when its end-of-file block is missing), counted against
 * the input cap (--max-input-bytes) and the bytes held, registered as read.
 *
 * Split from ./lines.ts so each file has one job: this one opens and inflates, that one splits
 * and decodes. Complexity: O(bytes).
 */
import { createReadStream } from 'node:fs'
import { stat } from 'node:fs/promises'
import { createGunzip } from 'node:zlib'
import { InputError } from '../errors.js'
import { formatBytes, HoldLimitReached } from './limits.js'
import { readLimits, type ReadLimits } from './read-limits.js'

/** Name a path the way errors should show it. */
export function displayName(path: string): string {
  return path === '-' ? '<stdin>' : path
}

/**
 * Standard input, readable from its start more than once while only its head has been read: the
 * format is sniffed from the first 16 KB, then the reader reads it all. Chunks are kept while
 * under 1 MB in all (what sniffing and peeking read), so a later reader replays them and goes on
 * with the stream; past that, stdin streams and is not kept (a third read would find it consumed).
 * The underlying iterator is never returned early (that would destroy process.stdin), and chunks
 * are fetched only when a reader asks for one, so a reader that stopped leaves no fetch in flight.
 */
class StdinTap {
  private readonly kept: Buffer[] = []
  private keptBytes = 0
  /** Some chunk was handed to a reader without being kept: only that reader can go on. */
  private lost = false
  private it: AsyncIterator<Buffer> | undefined
  private done = false
  private static readonly KEEP = 1024 * 1024

  constructor(private readonly source: () => AsyncIterable<Buffer>) {}

  async *chunks(): AsyncGenerator<Buffer> {
    let i = 0
    let streaming = false
    for (;;) {
      if (i < this.kept.length) {
        yield this.kept[i++] as Buffer
        continue
      }
      if (this.lost && !streaming) {
        throw new InputError('INPUT', 'standard input was already read by an earlier step', { file: '<stdin>', suggestion: 'give the data as a file instead of on standard input' })
      }
      if (this.done) return
      this.it ??= this.source()[Symbol.asyncIterator]()
      const r = await this.it.next()
      if (r.done) {
        this.done = true
        return
      }
      let chunk = r.value
      if (!this.lost && this.keptBytes + chunk.length <= StdinTap.KEEP) {
        // A copy, so a replayed chunk is what was read even if the source reuses its memory.
        chunk = Buffer.from(chunk)
        this.kept.push(chunk)
        this.keptBytes += chunk.length
        i++
      } else {
        this.lost = true
        streaming = true
      }
      yield chunk
    }
  }
}

let stdinTap: StdinTap | undefined

/** For tests: read "stdin" from another source (and forget what was read). */
export function setStdinSource(source: (() => AsyncIterable<Buffer>) | undefined): void {
  stdinTap = source === undefined ? undefined : new StdinTap(source)
}

/** The file's raw bytes as an async iterable (stdin through the tap: read only as asked, never ahead). */
async function openRaw(path: string, name: string, limits: ReadLimits): Promise<AsyncIterable<Buffer>> {
  if (path === '-') {
    stdinTap ??= new StdinTap(() => process.stdin as AsyncIterable<Buffer>)
    return stdinTap.chunks()
  }
  limits.registry?.note(path)
  try {
    const s = await stat(path)
    if (s.isDirectory()) throw new InputError('NOT_FOUND', 'is a directory, expected a file', { file: name })
  } catch (e) {
    if (e instanceof InputError) throw e
    throw new InputError('NOT_FOUND', 'cannot open: no such file', {
      file: name,
      suggestion: 'check the path (relative paths are taken from the current folder)',
    })
  }
  return createReadStream(path, { highWaterMark: 64 * 1024 })
}

/** Compressed bytes the inflater had consumed when the last chunk was handed over (0: plain input). */
export interface GzipMeter {
  consumed: number
}

/** The most decompressed bytes one read may give, and how to say so (./limits.ts). */
export interface ByteCap {
  readonly bytes: number
  /** The option that raises it, e.g. `--max-input-bytes`. */
  readonly option: string
  /** What the file is, for the message: `input`, `side file`. */
  readonly what: string
}

/** The cap on inputs (--max-input-bytes). */
export function inputCap(limits: ReadLimits): ByteCap {
  return { bytes: limits.maxInputBytes, option: '--max-input-bytes', what: 'input' }
}

export function capError(cap: ByteCap, name: string): InputError {
  return new InputError('LIMIT', `${cap.what} is over the ${cap.option} limit of ${formatBytes(cap.bytes)} (bytes counted as read, after decompression)`, {
    file: name,
    suggestion: `if the file is genuine, raise ${cap.option} (e.g. ${cap.option} ${Math.ceil((cap.bytes * 4) / 2 ** 30)}G)${cap.option === '--max-input-bytes' ? '; inputs near the memory size are read with --low-memory' : ''}`,
  })
}

/**
 * Notices about a file's container found while it was read (a BGZF file without its end-of-file
 * block), by path: the reader that made the read report adds them (takeReadNotices). Kept apart
 * from the bytes so a byte-level reader needs no report of its own.
 */
const notices = new Map<string, string[]>()

/** The notices for `path` since the last call (each once), for its read report. */
export function takeReadNotices(path: string): string[] {
  const n = notices.get(path) ?? []
  notices.delete(path)
  return n
}

function notice(path: string, text: string): void {
  const list = notices.get(path) ?? []
  if (!list.includes(text)) list.push(text)
  notices.set(path, list)
}

/** The 28-byte empty block that ends every complete BGZF file (SAM/BAM specification, 4.1.2). */
const BGZF_EOF = Buffer.from('1f8b08040000000000ff0600424302001b0003000000000000000000', 'hex')

/** The first gzip member carries the BGZF `BC` extra field (bgzip, htslib), not a plain gzip header. */
const isBgzfHead = (b: Buffer): boolean => b.length >= 16 && ((b[3] as number) & 4) !== 0 && b[12] === 0x42 && b[13] === 0x43

/**
 * Wait for a stream's 'drain' or 'close', whichever comes first, and take the other listener off
 * again: leaving the 'close' one behind on every back-pressure wait piled up listeners (Node warned
 * "MaxListenersExceededWarning … 11 close listeners added to [Gunzip]" on Riaz 2017's .csv.gz).
 */
function drainOrClose(s: NodeJS.EventEmitter): Promise<void> {
  return new Promise<void>((res) => {
    const done = (): void => {
      s.off('drain', done)
      s.off('close', done)
      res()
    }
    s.once('drain', done)
    s.once('close', done)
  })
}

/**
 * Peek at the first bytes to choose plain or gzip, then return a stream of decompressed bytes.
 * Exported for byte-level readers (the MAF fast path); everything else reads lines. `meter`, when
 * given, follows the compressed bytes consumed (a reader sizing its table for the whole file).
 * The decompressed bytes are counted as they come: past `capGiven` (default: limits.maxInputBytes) the read
 * stops with a LIMIT error, so a gzip bomb or an endless stdin never runs the process out of memory.
 * A BGZF file whose last block is not the empty EOF block was probably cut at a block boundary
 * (every block inflates cleanly): a notice for its read report, an error with --strict.
 */
export async function* decompressed(path: string, name: string, meter?: GzipMeter, capGiven?: ByteCap, limits: ReadLimits = readLimits()): AsyncGenerator<Buffer> {
  const cap = capGiven ?? inputCap(limits)
  const raw = await openRaw(path, name, limits)
  const it = raw[Symbol.asyncIterator]()
  const first = await it.next()
  if (first.done) return
  const head: Buffer = first.value
  const isGzip = head.length >= 2 && head[0] === 0x1f && head[1] === 0x8b
  let total = 0
  if (!isGzip) {
    try {
      for (let chunk = head; ; ) {
        total += chunk.length
        if (total > cap.bytes) {
          // The bytes under the cap first, so a line reader names the line the cap falls on.
          yield chunk.subarray(0, chunk.length - (total - cap.bytes))
          throw capError(cap, name)
        }
        if (path === '-') limits.hold?.count(chunk.length) // a plain file is counted from its size
        yield chunk
        const r = await it.next()
        if (r.done) return
        chunk = r.value
      }
    } finally {
      // Reached early when the consumer stops reading (e.g. sniffing): close the file.
      await it.return?.()
    }
  }
  const bgzf = isBgzfHead(head)
  // The last 28 compressed bytes, to check for the BGZF EOF block once the input ends.
  let tail = Buffer.from(head.subarray(Math.max(0, head.length - BGZF_EOF.length)))
  const keepTail = (b: Buffer): void => {
    tail = b.length >= BGZF_EOF.length ? Buffer.from(b.subarray(b.length - BGZF_EOF.length)) : Buffer.concat([tail, b]).subarray(-BGZF_EOF.length)
  }
  // Node's gunzip reads concatenated members, so BGZF (blocks of gzip members) needs nothing extra.
  const gunzip = createGunzip({ chunkSize: 64 * 1024 })
  let ended = false
  const pump = (async () => {
    try {
      gunzip.write(head)
      for (;;) {
        if (gunzip.destroyed) {
          // The reader stopped (enough read, an error, the size cap): close the file, read no more.
          await it.return?.()
          return
        }
        const r = await it.next()
        if (r.done) break
        if (bgzf) keepTail(r.value)
        if (!gunzip.write(r.value)) await drainOrClose(gunzip)
      }
      ended = true
      gunzip.end()
    } catch (e) {
      gunzip.destroy(e as Error)
    }
  })()
  let over = false
  try {
    for await (const chunk of gunzip as AsyncIterable<Buffer>) {
      total += chunk.length
      if (total > cap.bytes) {
        over = true
        if (meter) meter.consumed = gunzip.bytesWritten
        yield chunk.subarray(0, chunk.length - (total - cap.bytes))
        break
      }
      limits.hold?.count(chunk.length)
      if (meter) meter.consumed = gunzip.bytesWritten
      yield chunk
    }
  } catch (e) {
    if (e instanceof HoldLimitReached) throw e
    await it.return?.()
    const msg = e instanceof Error ? e.message : String(e)
    throw new InputError(
      'TRUNCATED',
      /unexpected end/i.test(msg) ? 'gzip stream is truncated (unexpected end of file)' : `gzip stream is corrupt: ${msg}`,
      { file: name, suggestion: 'the file was probably cut short in transfer; fetch or compress it again' },
    )
  } finally {
    // Stopped early (the consumer returned, an error, or the cap): the pump sees it and closes the file.
    if (!ended) gunzip.destroy()
  }
  if (over) throw capError(cap, name)
  await pump
  if (bgzf && ended && !tail.equals(BGZF_EOF)) {
    const text = 'BGZF file has no end-of-file block: it may have been cut short at a block boundary (rows after the cut would be missing)'
    if (limits.strict) throw new InputError('TRUNCATED', text, { file: name, suggestion: 'fetch or compress the file again (bgzip writes the end-of-file block); without --strict this is a warning' })
    notice(path, text)
  }
}

