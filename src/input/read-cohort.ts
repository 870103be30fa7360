/**
 * The steps of reading a cohort, once for every path (`loadCohort` holds the rows in one table;
 * the low-memory path, ../scale/low-memory.ts, in sample partitions classified part by part):
 *   1. the jobs: positional inputs (folders expanded), manifest entries, copy-number then fusion
 *      tables; the declared samples (manifest, --samples, extra);
 *   2. each file in turn: its format sniffed (the next file's while this one is parsed), then MAF,
 *      VCF and other call files handed to the holder, copy-number and fusion tables read here and
 *      their records handed to it; an error goes to the holder, which throws it (one pass) or keeps
 *      it and stops the reading of later files (partitions: an earlier row may still fail);
 *   3. the holder finishes (builds what it holds; the reads it put off);
 *   4. the notes every path writes: the container notices of each file's read, and the sample
 *      list's near-misses in the first file's read report.
 * So what is read, in which order, what each read report holds and which notes are written do
 * not depend on how the rows are held.
 */
import { readdirSync, statSync } from 'node:fs'
import { join } from 'node:path'
import { InputError } from '../errors.js'
import { displayName, takeReadNotices } from '../io/lines.js'
import type { Alteration } from '../model/alteration.js'
import type { CnNotAssayed } from '../model/cn-not-assayed.js'
import { warn, type ReadReport } from '../model/report.js'
import { readCopyNumber } from '../cna/index.js'
import { readFusions } from '../fusion/index.js'
import { checkSampleList, readSampleList, type ListedSample } from './sample-list.js'
import { readManifest, type ManifestEntry } from './manifest.js'
import { sniffFile, type InputFormat } from './sniff.js'
import type { ReadLimits } from '../io/read-limits.js'

const CALL_FILE = /\.(vcf|maf|tsv|txt|csv)(\.b?gz)?$/i

/** A folder stands for the call files directly inside it (sorted, so runs are deterministic). */
export function expandInputs(inputs: readonly string[]): string[] {
  const out: string[] = []
  for (const p of inputs) {
    let isDir = false
    try {
      isDir = p !== '-' && statSync(p).isDirectory()
    } catch {
      /* missing files are reported by the line source with their name */
    }
    if (isDir) {
      const files = readdirSync(p)
        .filter((f) => CALL_FILE.test(f) && !f.startsWith('.'))
        .sort()
        .map((f) => join(p, f))
      if (files.length === 0) throw new InputError('NOT_FOUND', 'folder holds no .vcf/.maf/.tsv/.txt files', { file: p })
      for (const f of files) out.push(f) // not push(...): a folder of ~125k files overflowed the stack
    } else out.push(p)
  }
  return out
}

/** One file to read; its index in `ReadPlan.jobs` is its file number (read reports come out in that order). */
export interface Job {
  readonly path: string
  readonly role: ManifestEntry['role'] | 'auto'
  readonly sample: string | undefined
}

/** A job that reads mutation calls (not only copy-number or fusion tables). */
export function readsMutations(jobs: readonly { readonly role: string }[]): boolean {
  return jobs.some((j) => j.role !== 'cna' && j.role !== 'fusion')
}

export interface PlanOptions {
  readonly inputs: readonly string[]
  readonly manifest?: string | undefined
  readonly cna?: readonly string[] | undefined
  readonly fusions?: readonly string[] | undefined
  /** File with one sample ID per line: sequenced samples (wild-type where nothing was called). */
  readonly samplesFile?: string | undefined
  /** Samples sequenced without a call, besides --samples (a study's case lists, a panel matrix's samples). */
  readonly extraSamples?: readonly string[] | undefined
  /** Line and size caps, the hold meter and the read registry for every file read (default: readLimits()). */
  readonly limits?: ReadLimits | undefined
}

export interface ReadPlan {
  readonly jobs: readonly Job[]
  /** Samples declared sequenced (manifest, --samples, extra), in that order; may repeat. */
  readonly declared: readonly string[]
  readonly samplesFile: string | undefined
  readonly listed: readonly ListedSample[] | undefined
  /** The reader options every record reader takes. */
  readonly lenient: boolean | undefined
  /** The limits every read takes (the manifest's, the sample list's, each file's sniff and read). */
  readonly limits: ReadLimits | undefined
}

/** The files to read and the declared samples (the manifest and sample list are read here, first). */
export async function planJobs(opts: PlanOptions & { readonly lenient?: boolean | undefined }): Promise<ReadPlan> {
  const jobs: Job[] = expandInputs(opts.inputs).map((path) => ({ path, role: 'auto' as const, sample: undefined }))
  const declared: string[] = []
  let listed: ListedSample[] | undefined
  if (opts.manifest !== undefined) {
    const m = await readManifest(opts.manifest, opts.limits)
    for (const e of m.entries) jobs.push({ path: e.path, role: e.role, sample: e.sample })
    for (const s of m.samples) declared.push(s)
  }
  for (const p of opts.cna ?? []) jobs.push({ path: p, role: 'cna', sample: undefined })
  for (const p of opts.fusions ?? []) jobs.push({ path: p, role: 'fusion', sample: undefined })
  if (opts.samplesFile !== undefined) {
    listed = await readSampleList(opts.samplesFile, undefined, opts.limits)
    for (const s of listed) declared.push(s.id)
  }
  for (const s of opts.extraSamples ?? []) declared.push(s)
  if (jobs.length === 0) {
    throw new InputError('USAGE', 'no inputs: give VCF/MAF files, a folder, or --manifest FILE')
  }
  return { jobs, declared, samplesFile: opts.samplesFile, listed, lenient: opts.lenient, limits: opts.limits }
}

/** A file's read: its report and the samples it named. */
export interface FileRead {
  readonly report: ReadReport
  readonly samples: readonly string[]
}

/** What a record reader (copy number, fusions, ANNOVAR, a column-mapped table) gives. */
export interface RecordsRead extends FileRead {
  readonly alterations: readonly Alteration[]
  /** Copy-number tables: loci "Not Available" in a sample. */
  readonly notAssayed?: readonly { readonly sample: string; readonly gene: string }[]
}

/** What the holder is told when every file has been read (or reading stopped at an error it keeps). */
export interface ReadContext {
  readonly jobs: readonly Job[]
  readonly declared: readonly string[]
  readonly cnNotAssayed: CnNotAssayed
}

/**
 * How the rows are held: the one difference between loadCohort and the low-memory path. File
 * numbers are job indexes.
 */
export interface RowHolder<R> {
  /** A call file (MAF, VCF, ANNOVAR or a mapped table) into the holder: its read, or undefined when `finish` gives it. */
  calls(job: Job, file: number, format: InputFormat): Promise<FileRead | undefined>
  /** A copy-number or fusion table's read: its records to hold. */
  append(file: number, read: RecordsRead): void
  /** Reading file `file` failed: throw `error`, or keep it (no later file is read; `finish` throws the first). */
  failed(file: number, error: unknown): void
  /** Every file read: what the holder gives, and the reads `calls` put off. */
  finish(ctx: ReadContext): Promise<{ readonly result: R; readonly reads: ReadonlyMap<number, FileRead> }>
}

export interface CohortRead<R> {
  readonly result: R
  /** One per job, in job order. */
  readonly reports: ReadReport[]
  /** Declared samples and every sample a file named, sorted. */
  readonly samples: string[]
  readonly files: string[]
}

/** The steps (module comment) with `holder` holding the rows. `onFile(done, total, path)`: progress. */
export async function readCohort<R>(plan: ReadPlan, holder: RowHolder<R>, onFile?: (done: number, total: number, path: string) => void): Promise<CohortRead<R>> {
  const { jobs } = plan
  const reads: (FileRead | undefined)[] = []
  const notices: string[][] = []
  const notAssayed: { sample: string; gene: string }[] = []
  const common = (job: Job): { lenient: boolean | undefined; sampleOverride: string | undefined; limits: ReadLimits | undefined } => ({
    lenient: plan.lenient,
    sampleOverride: job.sample,
    limits: plan.limits,
  })
  // The next file's format is sniffed while this one is parsed (its few reads wait on the disk
  // while this thread parses): ~0.5 ms a file, half the read of a thousand 100-row files.
  const sniffs = jobs.map((): Promise<InputFormat> | undefined => undefined)
  const sniffAhead = (k: number): void => {
    const j = jobs[k]
    if (j === undefined || j.role === 'cna' || j.role === 'fusion' || sniffs[k] !== undefined) return
    const p = sniffFile(j.path, plan.limits)
    p.catch(() => undefined) // reported when that file's turn comes, not as an unhandled rejection
    sniffs[k] = p
  }
  for (const [k, job] of jobs.entries()) {
    onFile?.(k, jobs.length, job.path)
    sniffAhead(k)
    sniffAhead(k + 1)
    try {
      if (job.role === 'cna' || job.role === 'fusion') {
        const r: RecordsRead = job.role === 'cna' ? await readCopyNumber(job.path, common(job)) : await readFusions(job.path, common(job))
        holder.append(k, r)
        if (r.notAssayed) notAssayed.push(...r.notAssayed)
        reads[k] = r
      } else {
        const format = await (sniffs[k] ?? sniffFile(job.path, plan.limits))
        sniffs[k] = undefined
        reads[k] = await holder.calls(job, k, format)
      }
    } catch (e) {
      holder.failed(k, e)
      break
    }
    // Taken as each read ends (a path given twice gets its own read's notices each time); a read
    // the holder put off takes its notices when it finishes.
    notices[k] = takeReadNotices(job.path)
  }
  onFile?.(jobs.length, jobs.length, '')
  const done = await holder.finish({ jobs, declared: plan.declared, cnNotAssayed: { cells: notAssayed, mutationsRead: readsMutations(jobs) } })
  const all = jobs.map((job, k) => {
    const r = reads[k] ?? done.reads.get(k)
    if (r === undefined) throw new Error(`readCohort: no read of ${job.path}`)
    return r
  })
  all.forEach((r, k) => {
    const path = (jobs[k] as Job).path
    for (const n of [...(notices[k] ?? []), ...takeReadNotices(path)]) warn(r.report, { code: 'container', location: { file: displayName(path) }, detail: n })
  })
  const reports = all.map((r) => r.report)
  if (plan.listed !== undefined && plan.samplesFile !== undefined) {
    // Near-misses between the list and the calls: an error when nothing matches exactly, else a
    // warning in the first file's read report (every output shows the read reports).
    const w = checkSampleList(plan.samplesFile, plan.listed, all.flatMap((r) => r.samples))
    if (w !== undefined && reports[0] !== undefined) warn(reports[0], w)
  }
  const samples = [...new Set([...plan.declared, ...all.flatMap((r) => r.samples)])].sort()
  return { result: done.result, reports, samples, files: jobs.map((j) => j.path) }
}
