/**
 * Big plain MAF and VCF files read by two threads (loadCohort's readers; ../maf/read.ts
 * `readMafInto` and ../vcf/read.ts `readVcfInto` are the one-thread readers): a worker thread
 * (./parse-worker.ts) reads the second part of the file into its own EventTable while this thread
 * reads the first; the worker's columns then move here (transferred, not copied) and are appended
 * behind the first part's rows (`MafParser.absorb` / `VcfParser.absorb`: its strings interned here
 * in its order, line numbers shifted, counts added; MAF duplicates across the parts go with the
 * others at finish). The result — rows, their order, the string pool's order, the read report, an
 * error and its line — is what reading the file in one thread gives (test/input/parallel.test.ts
 * compares both on generated files, the fixtures and crafted edge cases, at five split points).
 *
 * Only where that is certain: when the second part holds anything whose outcome could depend on
 * what came before — lenient mode's dropped rows, a VCF warning (given once per key, with its
 * line), VCF breakends (pairs span records), a VCF dialect learned from records — or that fails (an
 * error must name the right line and come after any error of the first part), this thread reads
 * the second part itself after the first, exactly as one pass does; when the worker meets bytes
 * only the text path reads (a lone CR, bad UTF-8), the file goes to the text path as before.
 *
 * Used for regular, uncompressed files of at least 32 MB when two cores are available and the
 * compiled worker exists (the TypeScript sources run by vitest have none: tests drive this through
 * dist/). `BIOMARKIT_THREADS=1` turns it off. Measured on the bench MAF and VCF: see README,
 * Performance. Complexity: O(bytes) split over two threads, plus O(rows of the second part) to
 * append them here; memory: the worker's heap while it runs, and the second part's rows held
 * twice while they are appended.
 */
import { isUtf8 } from 'node:buffer'
import { closeSync, existsSync, fstatSync, openSync, readSync } from 'node:fs'
import { availableParallelism } from 'node:os'
import { fileURLToPath } from 'node:url'
import { Worker } from 'node:worker_threads'
import { displayName } from '../../io/lines.js'
import { plainLimits, readLimits, type ReadLimits } from '../../io/read-limits.js'
import type { TableHeader } from '../../io/table.js'
import { EventTable, type TablePart } from '../../model/events.js'
import { MafParser, type MafOptions, type MafPartCounts } from '../../maf/parser.js'
import { readMafInto, readMafText, type MafReadResult } from '../../maf/read.js'
import { feedByteLines, UseTextPath, type ByteLineSink } from '../../io/byte-lines.js'
import type { VcfReadOptions } from '../../vcf/options.js'
import { readVcfAgainAsText, readVcfInto } from '../../vcf/read.js'
import { VcfParser, type VcfPartCounts, type VcfResult } from '../../vcf/reader.js'

export interface ParallelTuning {
  /** Files smaller than this are read by one thread (default 32 MB). */
  readonly minBytes?: number | undefined
  /** Where the worker's part starts, as a fraction of the file (default 0.54 for MAF, 0.55 for VCF). */
  readonly split?: number | undefined
}

/** What the worker is given: a byte range of a file and what it needs of the file's header. */
interface PartInput {
  readonly path: string
  readonly file: string
  readonly from: number
  readonly to: number
  /** The caller's limits, numbers only: a hold meter or a read registry cannot cross threads (the main thread notes the path). */
  readonly limits: ReadLimits
}
export type WorkerInput =
  | (PartInput & { readonly format: 'maf'; readonly header: TableHeader; readonly opts: MafOptions })
  | (PartInput & { readonly format: 'vcf'; readonly headerLines: readonly { readonly text: string; readonly line: number }[]; readonly opts: VcfReadOptions })

/** What the worker answers. */
export type WorkerAnswer =
  | { readonly kind: 'maf'; readonly part: TablePart; readonly counts: MafPartCounts }
  | { readonly kind: 'vcf'; readonly part: TablePart; readonly counts: VcfPartCounts }
  | { readonly kind: 'text' }
  | { readonly kind: 'failed' }

const WORKER = new URL('./parse-worker.js', import.meta.url)

/** How split reads ended (tests check each path is taken): the worker's rows kept, or its part read again here; a worker started ahead taken over. */
export const splitOutcomes = { merged: 0, readHere: 0, aheadTaken: 0 }
const MIN_BYTES = 32 * 1024 * 1024
const HEAD_BYTES = 1024 * 1024

/** Threads to read one file with: BIOMARKIT_THREADS when set (1 = one), else up to 2 if the machine has them. */
export function parseThreads(): number {
  const env = process.env['BIOMARKIT_THREADS']
  const n = env === undefined || env.trim() === '' ? NaN : Number(env)
  return Number.isInteger(n) && n >= 1 ? n : Math.min(2, availableParallelism())
}

/** A header line as read from the head of the file (1-based line number). */
interface HeadLine {
  readonly text: string
  readonly line: number
}

/**
 * Where a plain file splits for two threads: its header lines (read until `done` says the header
 * is complete), and the worker's byte range. Undefined when the file is not one to split — one
 * thread wanted or no compiled worker, not a regular file, under `minBytes`, gzip, a header not in
 * the first `headLimit` bytes, bytes the text path reads (a lone CR, bad UTF-8), or `done` giving
 * up (undefined: the one-thread read reports the problem).
 */
function planSplit(
  path: string,
  limits: ReadLimits | undefined,
  tuning: ParallelTuning,
  defaultSplit: number,
  headLimit: number,
  done: (h: HeadLine) => boolean | undefined,
): { lines: HeadLine[]; from: number; to: number } | undefined {
  if (path === '-' || parseThreads() < 2 || !existsSync(fileURLToPath(WORKER))) return undefined
  limits?.registry?.note(path)
  let fd: number
  try {
    fd = openSync(path, 'r')
  } catch {
    return undefined
  }
  try {
    const st = fstatSync(fd)
    const size = st.size
    if (!st.isFile() || size < (tuning.minBytes ?? MIN_BYTES) || size < 2) return undefined
    const buf = Buffer.allocUnsafe(Math.min(headLimit, size))
    const n = readSync(fd, buf, 0, buf.length, 0)
    if (buf[0] === 0x1f && buf[1] === 0x8b) return undefined
    const lines: HeadLine[] = []
    let pos = n >= 3 && buf[0] === 0xef && buf[1] === 0xbb && buf[2] === 0xbf ? 3 : 0
    for (;;) {
      const nl = buf.indexOf(10, pos)
      if (nl < 0 || nl >= n) return undefined
      const bytes = buf.subarray(pos, nl > pos && buf[nl - 1] === 13 ? nl - 1 : nl)
      if (bytes.includes(13) || !isUtf8(bytes)) return undefined
      const h = { text: bytes.toString('utf8'), line: lines.length + 1 }
      lines.push(h)
      pos = nl + 1
      const complete = done(h)
      if (complete === undefined) return undefined
      if (complete) break
    }
    const from = lineStart(fd, Math.max(pos, Math.floor(size * (tuning.split ?? defaultSplit))), size)
    return from <= pos || from >= size ? undefined : { lines, from, to: size }
  } finally {
    closeSync(fd)
  }
}

/** First line start at or after `at` (size when there is none). */
function lineStart(fd: number, at: number, size: number): number {
  const buf = Buffer.allocUnsafe(64 * 1024)
  for (let off = at; off < size; ) {
    const n = readSync(fd, buf, 0, Math.min(buf.length, size - off), off)
    if (n <= 0) break
    const nl = buf.subarray(0, n).indexOf(10)
    if (nl >= 0) return off + nl + 1
    off += n
  }
  return size
}

/** The options as the worker gets them: their limits go as plain numbers in `limits`. */
function workerOpts<O extends { readonly limits?: ReadLimits | undefined }>(opts: O): O {
  return { ...opts, limits: undefined }
}

/** A running worker: its answer, and how to end it or let it hold the process. */
interface Run {
  readonly answer: Promise<WorkerAnswer>
  readonly stop: () => void
  /** Whether the worker keeps the process alive (a read started ahead does not, until adopted). */
  readonly hold: (on: boolean) => void
}

function runWorker(input: WorkerInput): Run {
  const w = new Worker(WORKER, { workerData: input })
  const answer = new Promise<WorkerAnswer>((resolve) => {
    w.once('message', (m: WorkerAnswer) => resolve(m))
    w.once('error', () => resolve({ kind: 'failed' }))
    w.once('exit', () => resolve({ kind: 'failed' }))
  })
  return { answer, stop: () => void w.terminate(), hold: (on) => (on ? w.ref() : w.unref()) }
}

/**
 * The split read itself: the worker reads [plan.from, plan.to) while this thread feeds `p` the
 * lines before; then the worker's rows are appended (when `accept` takes its answer) or this thread
 * reads the second part itself, as one pass would. Throws UseTextPath when the worker met bytes
 * only the text path reads.
 */
async function readTwoParts<C>(
  path: string,
  limits: ReadLimits | undefined,
  p: ByteLineSink & { absorb(part: EventTable, counts: C, lineOffset: number): void },
  plan: WorkerInput,
  run: Run,
  accept: (a: WorkerAnswer) => { readonly part: TablePart; readonly counts: C } | undefined,
): Promise<void> {
  const { answer, stop } = run
  try {
    const next = await feedByteLines(path, p, { from: 0, to: plan.from, firstLine: 1 }, plan.to, limits)
    const a = await answer
    stop() // its heap goes now, before the rows are appended here
    if (a.kind === 'text') throw new UseTextPath()
    const got = accept(a)
    if (got !== undefined) {
      p.absorb(EventTable.fromPart(got.part), got.counts, next - 1)
      splitOutcomes.merged++
    } else {
      splitOutcomes.readHere++
      await feedByteLines(path, p, { from: plan.from, to: plan.to, firstLine: next }, plan.to, limits)
    }
  } finally {
    stop()
  }
}

/**
 * Read `path` into `p` with two threads; false when the file is not one to split (the caller
 * reads it in one pass). Throws what the one-pass byte reader throws (InputError, UseTextPath).
 * A worker started ahead for the same file and options (`readMafAhead`) is taken over.
 */
export async function feedInParallel(path: string, p: MafParser, opts: MafOptions, tuning: ParallelTuning = {}): Promise<boolean> {
  if (opts.keepExtra) return false
  const key = aheadKey(path, p.file, opts, tuning)
  const early = ahead.get(path)
  ahead.delete(path)
  let started: { plan: WorkerInput; run: Run } | undefined
  if (early !== undefined && early.key === key) {
    opts.limits?.registry?.note(path) // as planSplit would have, now
    early.run.hold(true)
    splitOutcomes.aheadTaken++
    started = early
  } else {
    early?.run.stop()
    // The worker takes the last 46%: it starts ~0.2 s late (a thread, the reader loaded again), and
    // on the bench MAF the first half took 1.25-1.4 s while the worker needed 1.45-1.55 s for the
    // second; 0.54 = (T + 0.2 s) / 2T for T ≈ 2.6 s, the one-thread read.
    started = startMafSplit(path, p.file, opts, tuning, 0.54, opts.limits)
  }
  if (started === undefined) return false
  await readTwoParts(path, opts.limits, p, started.plan, started.run, (a) => (a.kind === 'maf' && MafParser.mergeable(a.counts) ? a : undefined))
  return true
}

/** The worker's plan for a MAF split read, and the worker started on it; undefined when the file is not one to split. */
function startMafSplit(path: string, file: string, opts: MafOptions, tuning: ParallelTuning, defaultSplit: number, noteIn: ReadLimits | undefined): { plan: WorkerInput; run: Run } | undefined {
  const probe = new MafParser(file, opts)
  const split = planSplit(path, noteIn, tuning, defaultSplit, HEAD_BYTES, (h) => {
    try {
      probe.pushRow(h.text, h.line)
    } catch {
      return undefined // the one-thread read reports it
    }
    return probe.header !== undefined
  })
  const header = probe.header
  if (split === undefined || header === undefined || header.delimiter !== '\t') return undefined
  const plan: WorkerInput = { format: 'maf', path, file, from: split.from, to: split.to, header, opts: workerOpts(opts), limits: plainLimits(opts.limits ?? readLimits()) }
  return { plan, run: runWorker(plan) }
}

/** Split reads started ahead, by path (one each: a path read twice starts its second worker when read). */
const ahead = new Map<string, { readonly key: string; readonly plan: WorkerInput; readonly run: Run }>()

/** What must match for a read to take over a worker started ahead: the path, its display name, every option and the tuning. */
function aheadKey(path: string, file: string, opts: MafOptions, tuning: ParallelTuning): string {
  const o = workerOpts(opts) as Record<string, unknown>
  const given = Object.keys(o)
    .filter((k) => o[k] !== undefined)
    .sort()
    .map((k) => [k, o[k]])
  return JSON.stringify([path, file, given, plainLimits(opts.limits ?? readLimits()), tuning.minBytes ?? null, tuning.split ?? null])
}

/**
 * Start the worker's part of a big MAF's split read now, so it parses while this thread reads
 * the side files (a study folder's case lists and panel matrix); `feedInParallel` takes it over
 * when it reads `path` with the same options, and with the worker already done it reads its own
 * part alone. Only a prefetch: nothing is noted, reported or thrown here (a file not to split,
 * or options that differ at the read, leave the read as it would be; the worker's answer is
 * checked as always), and the worker does not hold the process (`stopReadsAhead` ends any not
 * taken). `split`: the worker's share starts there (it starts earlier, so it takes more).
 */
export function readMafAhead(path: string, opts: MafOptions, split: number, tuning: ParallelTuning = {}): void {
  if (opts.keepExtra || ahead.has(path)) return
  const file = displayName(path)
  let started: { plan: WorkerInput; run: Run } | undefined
  try {
    started = startMafSplit(path, file, opts, tuning, split, undefined)
  } catch {
    return // the read reports it, in its turn
  }
  if (started === undefined) return
  started.run.hold(false)
  ahead.set(path, { key: aheadKey(path, file, opts, tuning), ...started })
}

/** End every worker started ahead and not taken over (the command read no such file, or is done). */
export function stopReadsAhead(): void {
  for (const e of ahead.values()) e.run.stop()
  ahead.clear()
}

/**
 * A MAF file into `table` as `readMafInto` reads it, by two threads when the file is big enough
 * (see the file comment); the same records, report and errors either way.
 */
export async function readMafSplit(
  path: string,
  table: EventTable,
  opts: MafOptions = {},
  tuning?: ParallelTuning,
): Promise<Omit<MafReadResult, 'alterations'>> {
  const n0 = table.length
  const p = new MafParser(displayName(path), opts, table)
  try {
    if (await feedInParallel(path, p, opts, tuning)) {
      const report = p.finish()
      return { report, samples: p.sampleNames().sort() }
    }
  } catch (e) {
    if (!(e instanceof UseTextPath)) throw e
    table.truncate(n0)
    return readMafText(path, table, opts)
  }
  return readMafInto(path, table, opts) // not split: nothing was read
}

/**
 * A VCF file into `table` as `readVcfInto` reads it, by two threads when the file is big enough
 * (plain, ≥ 32 MB, two cores): the worker reads the second half with a parser given the same
 * header lines. Its rows are kept only when they cannot depend on the first half — no warnings
 * (given once per key, with lines), no breakends (pairs span records), a dialect the header
 * declares; otherwise this thread reads the second half after the first, as in one pass. Any
 * error or text-only byte sends the file to `readVcfInto`'s own fallbacks from the start.
 */
export async function readVcfSplit(path: string, table: EventTable, opts: VcfReadOptions = {}, tuning: ParallelTuning = {}): Promise<Omit<VcfResult, 'alterations'>> {
  // The worker takes the last 45% (split 0.55): it starts later (its thread loads the VCF reader
  // and parses the header again), and measured on the bench VCF both parts then end together.
  // The header ends at #CHROM; a record line before it is left to the one-thread read to report.
  const split = planSplit(path, opts.limits, tuning, 0.55, 16 * HEAD_BYTES, (h) =>
    h.text.startsWith('#CHROM') ? true : !h.text.startsWith('#') && h.text.trim() !== '' ? undefined : false,
  )
  if (split === undefined) return readVcfInto(path, table, opts)
  const file = opts.displayName ?? displayName(path)
  const plan: WorkerInput = { format: 'vcf', path, file, from: split.from, to: split.to, headerLines: split.lines, opts: workerOpts(opts), limits: plainLimits(opts.limits ?? readLimits()) }
  const n0 = table.length
  try {
    const p = new VcfParser(file, opts, 'fast', table)
    await readTwoParts(path, opts.limits, p, plan, runWorker(plan), (a) => (a.kind === 'vcf' && VcfParser.mergeable(a.counts) ? a : undefined))
    const { report, samples } = p.finish()
    return { report, samples }
  } catch (e) {
    return readVcfAgainAsText(e, path, table, n0, opts) // as readVcfInto does
  }
}
