/**
 * Everything a command reads, in one place: positional inputs (VCF / MAF / ANNOVAR tables, format
 * sniffed from content; folders expanded), a manifest, copy-number and fusion tables, read by the
 * steps the low-memory path shares (./read-cohort.ts) into one table. Returns the
 * alterations (one column-stored EventTable for the cohort), one read report per file, and the sample universe:
 *   universe = samples seen in genomic inputs ∪ samples a manifest or --samples file declares.
 *
 * Complexity: O(total input rows); memory ~75 bytes per kept alteration (../model/events.ts) plus
 * the distinct strings. MAF rows and VCF small variants go straight into the table (big plain
 * files read by two threads: ./parallel.ts); other readers' records are appended.
 */
import { InputError } from '../errors.js'
import type { Alteration } from '../model/alteration.js'
import type { ReadReport } from '../model/report.js'
import { readMafInto } from '../maf/index.js'
import { EventTable } from '../model/events.js'
import { readAnnovarTable } from '../vcf/index.js'
import type { CnNotAssayed } from '../model/cn-not-assayed.js'
import { readColumnMapped, parseColumnMap } from '../maf/column-map.js'
import { displayName, peekText } from '../io/lines.js'
import { readMafSplit, readVcfSplit, type ParallelTuning } from '../scale/read/parallel.js'
import { looksLikeMaf, type InputFormat } from './sniff.js'
import { CrossFileCheck, Repeats } from './cross-file.js'
import { planJobs, readCohort, type FileRead, type Job, type PlanOptions, type ReadContext, type RecordsRead, type RowHolder } from './read-cohort.js'
import { streamMaf, streamVcf, type RowSink } from './stream-read.js'

/** What to read (PlanOptions: inputs, manifest, side tables, declared samples, limits) and how. */
export interface CohortOptions extends PlanOptions {
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
  /** Keep MAF extra columns (convert). */
  readonly keepExtra?: boolean | undefined
  /**
   * Rows handed to this sink as they are read, not kept (`convert`: memory flat in rows); the
   * returned cohort's table is then empty. MAF and VCF files are read block by block
   * (./stream-read.ts); other readers' records go to the sink after their file.
   */
  readonly stream?: RowSink | undefined
  /**
   * Keep a call repeated in a later file (./cross-file.ts drops it by default): what `convert`'s
   * stream does, whose rows are gone before the next file is read (its tests compare with this).
   */
  readonly keepCrossFileRepeats?: boolean | undefined
  /** When a big MAF or VCF is read by two threads (tests: minBytes 0 and a split point force it on small files). */
  readonly parallel?: ParallelTuning | undefined
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

export { expandInputs, readsMutations } from './read-cohort.js'

export async function loadCohort(opts: CohortOptions): Promise<Cohort> {
  const holder = new TableHolder(opts)
  const r = await readCohort(await planJobs(opts), holder, opts.onFile)
  return { events: r.result.events, reports: r.reports, samples: r.samples, files: r.files, cnNotAssayed: r.result.cnNotAssayed }
}

/**
 * Every row in one table (or, with `stream`, handed on after each file): records of the readers
 * other than MAF and VCF are appended as they come; errors are thrown as they come. A call file's
 * rows that repeat an earlier file's calls are dropped after its read (./cross-file.ts).
 */
class TableHolder implements RowHolder<{ events: EventTable; cnNotAssayed: CnNotAssayed }> {
  private readonly events = new EventTable()
  private readonly columnMap: ReturnType<typeof parseColumnMap> | undefined
  /** The same call in two files: the later file's copy dropped; not for convert's stream, whose rows are gone. */
  private readonly cross: CrossFileCheck | undefined
  /** Each call file's name by file number, for the note naming a kept copy. */
  private readonly names: string[] = []

  constructor(private readonly opts: CohortOptions) {
    this.columnMap = opts.columns !== undefined ? parseColumnMap(opts.columns) : undefined
    this.cross = opts.stream === undefined && opts.keepCrossFileRepeats !== true ? new CrossFileCheck(this.events) : undefined
  }

  async calls(job: Job, file: number, format: InputFormat): Promise<FileRead> {
    this.opts.stream?.begin()
    const from = this.events.length
    const r = await readOne(job, format, this.opts, this.columnMap, this.events)
    this.hold(r.alterations)
    this.names[file] = displayName(job.path)
    if (this.cross !== undefined) {
      const repeats = new Repeats()
      this.cross.check(from, file, repeats)
      repeats.report(r.report, displayName(job.path), (f) => this.names[f] as string)
    }
    return r
  }

  append(_file: number, read: RecordsRead): void {
    this.opts.stream?.begin()
    this.hold(read.alterations)
  }

  /** Records into the table (with `stream`: the file's rows handed on, the table emptied). */
  private hold(alterations: readonly Alteration[]): void {
    for (const a of alterations) this.events.push(a)
    if (this.opts.stream !== undefined && this.events.length > 0) {
      this.opts.stream.rows(this.events)
      this.events.clear()
    }
  }

  failed(_file: number, error: unknown): void {
    throw error
  }

  finish(ctx: ReadContext): Promise<{ result: { events: EventTable; cnNotAssayed: CnNotAssayed }; reads: ReadonlyMap<number, FileRead> }> {
    return Promise.resolve({ result: { events: this.events, cnNotAssayed: ctx.cnNotAssayed }, reads: new Map() })
  }
}

type OneResult = RecordsRead

/** A call file read whole (MAF and VCF rows straight into the table; other readers' records returned). */
async function readOne(job: Job, format: InputFormat, opts: CohortOptions, columnMap: ReturnType<typeof parseColumnMap> | undefined, events: EventTable): Promise<OneResult> {
  const common = { lenient: opts.lenient, sampleOverride: job.sample, limits: opts.limits }
  const origin: 'somatic' | 'germline' | undefined = job.role === 'germline' ? 'germline' : job.role === 'somatic' ? 'somatic' : opts.origin
  const sink = opts.stream
  switch (format) {
    case 'vcf': {
      // Appended to the table: a VCF's records are never all held as objects.
      const vo = { ...common, origin, keepFiltered: opts.keepFiltered, tumorId: opts.tumorId, normalId: opts.normalId, splitMultiallelic: opts.splitMultiallelic }
      return { alterations: [], ...(await (sink === undefined ? readVcfSplit(job.path, events, vo, opts.parallel) : streamVcf(job.path, events, vo, sink))) }
    }
    case 'maf': {
      const mo = { ...common, origin, keepExtra: opts.keepExtra }
      return { alterations: [], ...(await (sink === undefined ? readMafSplit(job.path, events, mo, opts.parallel) : streamMaf(job.path, events, mo, sink))) }
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
