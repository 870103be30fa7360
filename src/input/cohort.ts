/**
 * Everything a command reads, in one place: positional inputs (VCF / MAF / ANNOVAR tables, format
 * sniffed from content; folders expanded), a manifest, copy-number and fusion tables. Returns the
 * alterations (one column-stored EventTable for the cohort), one read report per file, and the sample universe:
 *   universe = samples seen in genomic inputs ∪ samples a manifest or --samples file declares.
 *
 * Complexity: O(total input rows); memory ~75 bytes per kept alteration (../model/events.ts) plus
 * the distinct strings. MAF rows and VCF small variants go straight into the table (big plain
 * files read by two threads: ./parallel.ts); other readers' records are appended.
 */
import { readdirSync, statSync } from 'node:fs'
import { join } from 'node:path'
import { InputError } from '../errors.js'
import type { Alteration } from '../model/alteration.js'
import { warn, type ReadReport } from '../model/report.js'
import { readMafInto } from '../maf/index.js'
import { EventTable } from '../model/events.js'
import { readAnnovarTable } from '../vcf/index.js'
import { readCopyNumber } from '../cna/index.js'
import type { CnNotAssayed } from '../model/cn-not-assayed.js'
import { readFusions } from '../fusion/index.js'
import { readColumnMapped, parseColumnMap } from '../maf/column-map.js'
import { displayName, peekText, takeReadNotices } from '../io/lines.js'
import { checkSampleList, readSampleList, type ListedSample } from './sample-list.js'
import { readManifest, type ManifestEntry } from './manifest.js'
import { readMafSplit, readVcfSplit } from '../scale/read/parallel.js'
import { looksLikeMaf, sniffFile, type InputFormat } from './sniff.js'
import { streamMaf, streamVcf, type RowSink } from './stream-read.js'
import type { ReadLimits } from '../io/read-limits.js'

export interface CohortOptions {
  readonly inputs: readonly string[]
  readonly manifest?: string | undefined
  readonly cna?: readonly string[] | undefined
  readonly fusions?: readonly string[] | undefined
  /** File with one sample ID per line: sequenced samples (wild-type where nothing was called). */
  readonly samplesFile?: string | undefined
  /** Column map for non-MAF mutation tables: "sample=Patient,gene=Gene,class=Consequence". */
  readonly columns?: string | undefined
  readonly keepFiltered?: boolean | undefined
  /** VCF: one row per carried ALT instead of vcf2maf's one per record. */
  readonly splitMultiallelic?: boolean | undefined
  readonly lenient?: boolean | undefined
  /** Origin for inputs that do not say (e.g. a germline VCF given on the command line). */
  readonly origin?: 'somatic' | 'germline' | undefined
  readonly tumorId?: string | undefined
  readonly normalId?: string | undefined
  /** Samples sequenced without a call, besides --samples (a study's case lists, a panel matrix's samples). */
  readonly extraSamples?: readonly string[] | undefined
  /** Keep MAF extra columns (convert). */
  readonly keepExtra?: boolean | undefined
  /**
   * Rows handed to this sink as they are read, not kept (`convert`: memory flat in rows); the
   * returned cohort's table is then empty. MAF and VCF files are read block by block
   * (./stream-read.ts); other readers' records go to the sink after their file.
   */
  readonly stream?: RowSink | undefined
  /** Line and size caps, the hold meter and the read registry for every file read (default: readLimits()). */
  readonly limits?: ReadLimits | undefined
  /** Progress callback: (files done, files total, current file). */
  readonly onFile?: ((done: number, total: number, file: string) => void) | undefined
}

export interface Cohort {
  /** Every kept alteration, column-stored; `events.get(i)` / iteration build records. */
  readonly events: EventTable
  readonly reports: ReadReport[]
  /** Sequenced samples, sorted. */
  readonly samples: string[]
  /** Every input path read (for provenance and the overwrite guard). */
  readonly files: string[]
  /** Copy number "Not Available" per (sample, gene) in the copy-number tables (never wild-type). */
  readonly cnNotAssayed?: CnNotAssayed | undefined
}

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

interface Job {
  readonly path: string
  readonly role: ManifestEntry['role'] | 'auto'
  readonly sample: string | undefined
}

export async function loadCohort(opts: CohortOptions): Promise<Cohort> {
  const jobs: Job[] = expandInputs(opts.inputs).map((path) => ({ path, role: 'auto' as const, sample: undefined }))
  const declared = new Set<string>()
  let listed: ListedSample[] | undefined
  if (opts.manifest !== undefined) {
    const m = await readManifest(opts.manifest, opts.limits)
    for (const e of m.entries) jobs.push({ path: e.path, role: e.role, sample: e.sample })
    for (const s of m.samples) declared.add(s)
  }
  for (const p of opts.cna ?? []) jobs.push({ path: p, role: 'cna', sample: undefined })
  for (const p of opts.fusions ?? []) jobs.push({ path: p, role: 'fusion', sample: undefined })
  if (opts.samplesFile !== undefined) {
    listed = await readSampleList(opts.samplesFile, undefined, opts.limits)
    for (const s of listed) declared.add(s.id)
  }
  for (const s of opts.extraSamples ?? []) declared.add(s)
  if (jobs.length === 0) {
    throw new InputError('USAGE', 'no inputs: give VCF/MAF files, a folder, or --manifest FILE')
  }

  const events = new EventTable()
  const reports: ReadReport[] = []
  const notAssayed: { sample: string; gene: string }[] = []
  const seen = new Set<string>(declared)
  const callSamplesOf: (readonly string[])[] = []
  const columnMap = opts.columns !== undefined ? parseColumnMap(opts.columns) : undefined
  let done = 0
  // The next file's format is sniffed while this one is parsed (its few reads wait on the disk
  // while this thread parses): ~0.5 ms a file, half the read of a thousand 100-row files.
  const sniffs = jobs.map((): Promise<InputFormat> | undefined => undefined)
  const sniffAhead = (k: number): void => {
    const j = jobs[k]
    if (j === undefined || j.role === 'cna' || j.role === 'fusion' || sniffs[k] !== undefined) return
    const p = sniffFile(j.path, opts.limits)
    p.catch(() => undefined) // reported when that file's turn comes, not as an unhandled rejection
    sniffs[k] = p
  }
  for (const [k, job] of jobs.entries()) {
    opts.onFile?.(done, jobs.length, job.path)
    sniffAhead(k)
    sniffAhead(k + 1)
    opts.stream?.begin()
    const r = await readOne(job, opts, columnMap, events, sniffs[k])
    sniffs[k] = undefined
    for (const n of takeReadNotices(job.path)) warn(r.report, { code: 'container', location: { file: displayName(job.path) }, detail: n })
    for (const a of r.alterations) events.push(a)
    if (opts.stream !== undefined && events.length > 0) {
      opts.stream.rows(events)
      events.clear()
    }
    for (const s of r.samples) seen.add(s)
    if (r.notAssayed) notAssayed.push(...r.notAssayed)
    callSamplesOf.push(r.samples)
    reports.push(r.report)
    done++
  }
  opts.onFile?.(done, jobs.length, '')
  if (listed !== undefined && opts.samplesFile !== undefined) {
    // Near-misses between the list and the calls: an error when nothing matches exactly, else a
    // warning in the first file's read report (every output shows the read reports).
    const w = checkSampleList(opts.samplesFile, listed, callSamplesOf.flat())
    if (w !== undefined && reports[0] !== undefined) warn(reports[0], w)
  }
  return { events, reports, samples: [...seen].sort(), files: jobs.map((j) => j.path), cnNotAssayed: { cells: notAssayed, mutationsRead: readsMutations(jobs) } }
}

/** A job that reads mutation calls (not only copy-number or fusion tables). */
export function readsMutations(jobs: readonly { readonly role: string }[]): boolean {
  return jobs.some((j) => j.role !== 'cna' && j.role !== 'fusion')
}

interface OneResult {
  /** Records still to append (readers other than MAF, which append to the table themselves). */
  readonly alterations: readonly Alteration[]
  readonly report: ReadReport
  readonly samples: readonly string[]
  /** Copy-number tables: loci "Not Available" in a sample. */
  readonly notAssayed?: readonly { readonly sample: string; readonly gene: string }[]
}

async function readOne(job: Job, opts: CohortOptions, columnMap: ReturnType<typeof parseColumnMap> | undefined, events: EventTable, sniffed: Promise<InputFormat> | undefined): Promise<OneResult> {
  const common = { lenient: opts.lenient, sampleOverride: job.sample, limits: opts.limits }
  if (job.role === 'cna') return readCopyNumber(job.path, common)
  if (job.role === 'fusion') return readFusions(job.path, common)
  const origin: 'somatic' | 'germline' | undefined = job.role === 'germline' ? 'germline' : job.role === 'somatic' ? 'somatic' : opts.origin
  const format = await (sniffed ?? sniffFile(job.path, opts.limits))
  const sink = opts.stream
  switch (format) {
    case 'vcf': {
      // Appended to the table: a VCF's records are never all held as objects.
      const vo = { ...common, origin, keepFiltered: opts.keepFiltered, tumorId: opts.tumorId, normalId: opts.normalId, splitMultiallelic: opts.splitMultiallelic }
      return { alterations: [], ...(await (sink === undefined ? readVcfSplit(job.path, events, vo) : streamVcf(job.path, events, vo, sink))) }
    }
    case 'maf': {
      const mo = { ...common, origin, keepExtra: opts.keepExtra }
      return { alterations: [], ...(await (sink === undefined ? readMafSplit(job.path, events, mo) : streamMaf(job.path, events, mo, sink))) }
    }
    case 'annovar':
      return readAnnovarTable(job.path, { ...common, origin })
    case 'table':
      if (columnMap === undefined) {
        // Hugo_Symbol plus other MAF columns: read as MAF so the error names the missing columns.
        if (looksLikeMaf(await peekText(job.path, 16 * 1024, { limits: opts.limits }))) {
          const mo = { ...common, origin, keepExtra: opts.keepExtra }
          return { alterations: [], ...(await (sink === undefined ? readMafInto(job.path, events, mo) : streamMaf(job.path, events, mo, sink))) }
        }
        throw new InputError('FORMAT', 'not a VCF, MAF or ANNOVAR table, and no --columns map was given', {
          file: job.path,
          suggestion: 'map your columns, e.g. --columns sample=Patient,gene=Gene,class=Consequence,protein=HGVSp',
        })
      }
      return readColumnMapped(job.path, columnMap, { ...common, origin })
  }
}
