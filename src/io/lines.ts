/**
 * The one place bytes become numbered lines (STYLE habit 2: I/O at the edge).
 *
 * - path or `-` (stdin); gzip and BGZF (gzip members concatenated) detected by magic bytes 1f 8b,
 *   never by extension;
 * - LF, CRLF and CR-only line endings (maftools' APL example MAFs use CR only), a leading UTF-8 BOM,
 *   no final newline;
 * - chunked: each 64 KB chunk is decoded once (an ASCII chunk is copied as latin1 instead, see
 *   decode) and split with indexOf, instead of a decoder call per line; lines are yielded in
 *   batches so consumers pay one `await` per chunk, not per line; the first bytes of a character a
 *   chunk cuts off are put before the next chunk, so every chunk decodes on its own;
 * - invalid UTF-8 is an error naming its line and column (1-based; characters as JavaScript and
 *   --max-line-length count them, UTF-16 code units), wherever the chunk edges fall;
 * - streaming: memory is bounded by the chunk size plus the longest line (capped, default 64 MB).
 *
 * Line numbers are 1-based physical lines of the decompressed text.
 *
 * Complexity: O(bytes).
 */
import { AsyncLocalStorage } from 'node:async_hooks'
import { isAscii } from 'node:buffer'
import { createReadStream } from 'node:fs'
import { stat } from 'node:fs/promises'
import { createGunzip } from 'node:zlib'
import { InputError } from '../errors.js'
import { noteRead } from './read-registry.js'
import { firstInvalidUtf8, unfinishedTail } from './utf8.js'
import { countHeld, formatBytes, HoldLimitReached, maxInputBytes, strictInput } from './limits.js'

export interface LineBatch {
  /** Line number of lines[0]. */
  readonly firstLine: number
  readonly lines: readonly string[]
}

export interface LineSourceOptions {
  /** Longest accepted line in characters; a longer one is an error, not an out-of-memory crash. */
  readonly maxLineLength?: number
  /** Name used in error messages (defaults to the path, or `<stdin>`). */
  readonly displayName?: string
  /** Most decompressed bytes to read (default: --max-input-bytes; side files: ./side-file.ts). */
  readonly cap?: ByteCap
}

export const DEFAULT_MAX_LINE_LENGTH = 64 * 1024 * 1024

/**
 * A line-length cap for every read started inside `fn` (the CLI's --max-line-length). Scoped with
 * AsyncLocalStorage rather than threaded through each reader's options, so every reader (MAF, VCF,
 * tables) honours it without a new option each, and concurrent runs in one process do not share it.
 */
const lineLimit = new AsyncLocalStorage<number>()
export function withMaxLineLength<T>(maxLineLength: number | undefined, fn: () => Promise<T>): Promise<T> {
  return maxLineLength === undefined ? fn() : lineLimit.run(maxLineLength, fn)
}

/** The line-length cap in force for reads started here (see withMaxLineLength). */
export function currentMaxLineLength(): number {
  return lineLimit.getStore() ?? DEFAULT_MAX_LINE_LENGTH
}

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
async function openRaw(path: string, name: string): Promise<AsyncIterable<Buffer>> {
  if (path === '-') {
    stdinTap ??= new StdinTap(() => process.stdin as AsyncIterable<Buffer>)
    return stdinTap.chunks()
  }
  noteRead(path)
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

/** The cap on inputs in force (--max-input-bytes, default the memory budget). */
export function inputCap(): ByteCap {
  return { bytes: maxInputBytes(), option: '--max-input-bytes', what: 'input' }
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
 * The decompressed bytes are counted as they come: past `cap` (default: --max-input-bytes) the read
 * stops with a LIMIT error, so a gzip bomb or an endless stdin never runs the process out of memory.
 * A BGZF file whose last block is not the empty EOF block was probably cut at a block boundary
 * (every block inflates cleanly): a notice for its read report, an error with --strict.
 */
export async function* decompressed(path: string, name: string, meter?: GzipMeter, cap: ByteCap = inputCap()): AsyncGenerator<Buffer> {
  const raw = await openRaw(path, name)
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
        if (path === '-') countHeld(chunk.length) // a plain file is counted from its size
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
      countHeld(chunk.length)
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
    if (strictInput()) throw new InputError('TRUNCATED', text, { file: name, suggestion: 'fetch or compress the file again (bgzip writes the end-of-file block); without --strict this is a warning' })
    notice(path, text)
  }
}

/**
 * Numbered lines in batches (one batch per decoded chunk).
 * Throws InputError for unreadable, truncated, non-UTF-8 or over-long input.
 */
export async function* readLineBatches(path: string, opts: LineSourceOptions = {}): AsyncGenerator<LineBatch> {
  const name = opts.displayName ?? displayName(path)
  const maxLen = opts.maxLineLength ?? lineLimit.getStore() ?? DEFAULT_MAX_LINE_LENGTH
  // One call per chunk, never `stream: true`: the chunk edges are handled by `held` below (and
  // Node decodes a non-streaming call with its faster UTF-8 path). The BOM is stripped by hand,
  // once, as a non-streaming decoder would strip it from every chunk.
  const decoder = new TextDecoder('utf-8', { fatal: true, ignoreBOM: true })
  let held: Buffer | undefined // first bytes of a character the last chunk cut off (1-3)
  let atStart = true // no text decoded yet: a BOM may still come
  let carry = '' // text after the last line break seen
  let lineNo = 1 // number of the next line to emit
  let pendingCR = false // previous chunk ended in \r: a leading \n now belongs to it
  // Chunks of one unfinished line, joined once its end arrives: joining and re-scanning the carry at
  // every chunk made one long line quadratic (a 10 MB line without a break took 7 s; now linear).
  let parts: string[] = []
  let partsLength = 0

  const tooLongError = (line: number): InputError =>
    new InputError('LINE_TOO_LONG', `line is longer than ${maxLen} characters`, {
      file: name,
      line,
      suggestion: 'the file is probably not a text table; if it really is, raise --max-line-length (characters)',
    })

  const split = (text: string, final: boolean): string[] => {
    if (!final && text.indexOf('\n') === -1 && text.indexOf('\r') === -1) {
      if (text.length > 0) pendingCR = false
      parts.push(text)
      partsLength += text.length
      if (carry.length + partsLength > maxLen) throw tooLongError(lineNo)
      return []
    }
    if (parts.length > 0) {
      carry += parts.join('')
      parts = []
      partsLength = 0
    }
    const out: string[] = []
    let s = carry + text
    carry = ''
    let i = 0
    if (pendingCR && s.startsWith('\n')) i = 1
    pendingCR = false
    const n = s.length
    // Next LF / CR at or after i, searched again only once passed: re-searching for a CR that a
    // LF-only file never has scanned the rest of the chunk once per line (quadratic per chunk).
    let lf = -2
    let cr = -2
    for (;;) {
      if (lf !== -1 && lf < i) lf = s.indexOf('\n', i)
      if (cr !== -1 && cr < i) cr = s.indexOf('\r', i)
      let end: number
      let next: number
      if (lf === -1 && cr === -1) break
      if (cr === -1 || (lf !== -1 && lf < cr)) {
        end = lf
        next = lf + 1
      } else {
        end = cr
        if (cr + 1 < n) next = s.charCodeAt(cr + 1) === 10 ? cr + 2 : cr + 1
        else {
          next = cr + 1
          pendingCR = true
        }
      }
      // Complete lines are checked too: a cap below the chunk size (--max-line-length 1000) would
      // otherwise only catch lines that straddle a chunk boundary.
      // (One length comparison per line; the carry check alone let a 5,000-character line through a 1,000 cap.)
      if (end - i > maxLen) throw tooLongError(lineNo + out.length)
      out.push(s.slice(i, end))
      i = next
    }
    s = s.slice(i)
    if (s.length > maxLen) throw tooLongError(lineNo + out.length)
    if (final) {
      if (s.length > 0) out.push(s)
    } else carry = s
    return out
  }

  const decode = (chunk: Buffer): string => {
    const bytes = held === undefined ? chunk : Buffer.concat([held, chunk])
    held = undefined
    let text: string
    let ascii = false
    // Pure ASCII chunks (nearly every genomics file) need no UTF-8 decoding: a latin1 copy is the
    // same text, 5× cheaper (TextDecoder 1.4 ns/byte vs isAscii + latin1 0.3 ns/byte, bench VCF).
    if (isAscii(bytes)) {
      text = bytes.toString('latin1')
      ascii = true
    } else {
      const end = bytes.length - unfinishedTail(bytes)
      if (end < bytes.length) held = Buffer.from(bytes.subarray(end))
      try {
        text = decoder.decode(bytes.subarray(0, end))
      } catch {
        throw encodingError(bytes)
      }
    }
    if (atStart && text.length > 0) {
      atStart = false
      if (text.charCodeAt(0) === 0xfeff) text = text.slice(1)
    }
    // A BOM after the start (two files concatenated) would become part of a value: `\uFEFFTP53`
    // counted as its own gene. An ASCII chunk cannot hold one.
    const bom = ascii ? -1 : text.indexOf('\ufeff')
    if (bom !== -1) throw bomError(text, bom)
    return text
  }

  const bomError = (text: string, at: number): InputError => {
    let line = lineNo
    let column = carry.length + partsLength + at + 1
    if (pendingCR && text.charCodeAt(0) === 10) column-- // the LF of a CRLF the last chunk cut
    for (let i = 0; i < at; i++) {
      const c = text.charCodeAt(i)
      if (c === 10 || c === 13) {
        if (c === 13 && text.charCodeAt(i + 1) === 10) i++
        if (!(i === 0 && c === 10 && pendingCR)) line++
        column = at - i
      }
    }
    return new InputError('ENCODING', 'byte-order mark (U+FEFF) inside the file: a BOM belongs only at the very start (were two files joined?)', {
      file: name,
      line,
      column,
      suggestion: 'remove it (e.g. sed \'s/\\xEF\\xBB\\xBF//g\'), or join the files without their BOMs',
    })
  }

  // Rare path: the chunk's lines are not emitted yet, so the bad byte's line and column are counted
  // from the bytes, on from the last line emitted (lineNo, whose start is in carry and parts).
  const encodingError = (bytes: Buffer): InputError => {
    const bad = firstInvalidUtf8(bytes)
    let line = lineNo
    let start = 0 // where the bad byte's line starts in bytes, or where bytes start
    if (atStart && bytes[0] === 0xef && bytes[1] === 0xbb && bytes[2] === 0xbf) start = 3
    else if (pendingCR && bytes[0] === 10) start = 1 // the LF of a CRLF the last chunk cut
    let before = carry.length + partsLength // characters of the line before `start`
    for (let i = start; i < bad; i++) {
      const c = bytes[i]
      if (c === 10 || c === 13) {
        if (c === 13 && bytes[i + 1] === 10) i++
        line++
        start = i + 1
        before = 0
      }
    }
    return new InputError('ENCODING', 'invalid UTF-8 byte sequence', {
      file: name,
      line,
      column: before + decoder.decode(bytes.subarray(start, bad)).length + 1,
      suggestion: 're-save the file as UTF-8 (e.g. iconv -f latin1 -t utf-8)',
    })
  }

  // A NUL byte is refused at its line and column: no text table holds one, and inside a sample or
  // gene name it made an identifier that prints like another. Found per chunk (one indexOf); the
  // lines are searched only once a chunk has one, until the line holding it is complete.
  let nul = false
  const refuseNul = (lines: readonly string[]): void => {
    for (let k = 0; k < lines.length; k++) {
      const at = (lines[k] as string).indexOf('\0')
      if (at !== -1) {
        throw new InputError('ENCODING', 'NUL byte (a text table holds none: a binary file, or a damaged copy?)', {
          file: name,
          line: lineNo + k,
          column: at + 1,
          suggestion: 'remove the NUL bytes (e.g. tr -d "\\000") or fetch the file again',
        })
      }
    }
  }
  try {
    for await (const chunk of decompressed(path, name, undefined, opts.cap)) {
      const text = decode(chunk)
      if (!nul && text.indexOf('\0') !== -1) nul = true
      const lines = split(text, false)
      if (lines.length > 0) {
        if (nul) refuseNul(lines)
        yield { firstLine: lineNo, lines }
        lineNo += lines.length
      }
    }
  } catch (e) {
    // The size cap names the line it was reached on.
    if (e instanceof InputError && e.code === 'LIMIT' && e.line === undefined) {
      throw new InputError('LIMIT', e.message, { file: name, line: lineNo, suggestion: e.suggestion })
    }
    throw e
  }
  if (held !== undefined) throw encodingError(held) // the file ends inside a character
  const rest = split('', true)
  if (nul) refuseNul(rest)
  if (rest.length > 0) yield { firstLine: lineNo, lines: rest }
}

/** Convenience: one numbered line at a time. Prefer readLineBatches in hot paths. */
export async function* readLines(path: string, opts: LineSourceOptions = {}): AsyncGenerator<{ text: string; line: number }> {
  for await (const b of readLineBatches(path, opts)) {
    for (let i = 0; i < b.lines.length; i++) yield { text: b.lines[i] as string, line: b.firstLine + i }
  }
}

/** Numbered lines from an in-memory array (tests, and callers that already hold text). */
export function* linesFromArray(lines: readonly string[], firstLine = 1): Generator<{ text: string; line: number }> {
  for (let i = 0; i < lines.length; i++) yield { text: lines[i] as string, line: firstLine + i }
}

/**
 * A whole small file as one string, its lines joined by LF (JSON panels, rules, pathway sets, the
 * oncoplot theme): read like every other input, so gzip, a BOM, invalid UTF-8 (file:line:column)
 * and the line-length cap are handled here once. Line numbers and columns of the joined text are
 * those of the file, whatever its line breaks.
 */
export async function readText(path: string, opts: LineSourceOptions = {}): Promise<string> {
  const lines: string[] = []
  for await (const b of readLineBatches(path, opts)) for (const l of b.lines) lines.push(l)
  return lines.join('\n')
}

/** Read the first bytes of a file (decompressed) as text, for format sniffing. */
export async function peekText(path: string, maxChars = 64 * 1024): Promise<string> {
  let out = ''
  for await (const b of readLineBatches(path)) {
    for (const l of b.lines) {
      out += l + '\n'
      if (out.length >= maxChars) return out
    }
  }
  return out
}
