/**
 * The low-memory path of `summary`, `scan` and `interactions`: memory grows with samples ×
 * features, not with input rows.
 *
 * The default path holds every row (~120 bytes each at its peak): the evidence behind each cell,
 * which tooltips, --matrix-out, rules and the report need. These three commands need only the
 * cells' states and event counts. So:
 *   1. MAF data lines go to K temporary files by a hash of their sample (./read/partition.ts);
 *      K keeps each near 32 MB of input (at most 256).
 *   2. Each partition is read into its own table by one MafParser per file (original file and
 *      line on every row; duplicates dropped within the partition, which is exact because the
 *      duplicate key includes the sample), classified on its own samples, and compacted to what
 *      the merge needs (./merge.ts: per-cell event counts, burden and panel per
 *      sample). Its rows go.
 *   2b. A VCF (no duplicate rule: rows never depend on other rows of their sample) is read by
 *      readVcfInto's parser into a table emptied every 65,536 rows, each chunk classified and
 *      folded into the file's running part — one file and line order, no temporary files.
 *   The same call in two input files is kept once (../input/cross-file.ts; ./cross-file-parts.ts):
 *      MAF files in each partition, file by file; VCFs sharing a sample through an index of calls.
 *   3. The parts merge into one matrix, with the read reports and notes of a one-pass read.
 * What is read, in which order, and which reports and notes come out are loadCohort's steps
 * (../input/read-cohort.ts); this file is only the holder of that reading: MAF rows in
 * partitions (./maf-parts.ts), VCF rows folded (./vcf-fold.ts), both behind one sink interface
 * (./partition-sink.ts), and the first error in input order (./first-error.ts).
 *
 * What comes out is what the default path gives: the same matrix states, summaries, scan and
 * interactions output (test/pipeline/low-memory.test.ts compares them byte for byte on the
 * fixtures, with 1 to 13 partitions). A bad row stops the run with the error a one-pass read
 * reports first: after the first error, the remaining partitions are only read for an earlier
 * (file, line) one.
 *
 * Scope: MAF and VCF inputs (files, folders, stdin), with --cna, --fusions and --samples (held
 * whole: their size already grows with samples × genes). ANNOVAR and column-mapped tables,
 * manifests and --lenient are refused with a usage error: their readers are not partitioned.
 *
 * Peak memory: ~60 MB (Node and the code); one partition's rows while it is read and classified
 * (~120 bytes a row, for about 32 MB of input; a partition holds whole samples, so at least the
 * biggest sample's MAF rows), or one VCF chunk; 1 byte per sample × feature (the merged state, and
 * the same again for one partition's state while it is built); ~44 bytes per altered cell (at most
 * one per sample × feature; ./merge.ts); the distinct values (samples, genes, alleles);
 * the write buffers (256 KB per partition); the output. Time: one extra
 * write and read of the input's bytes, and a build per partition. Measured: README, Performance.
 */
import { mkdtempSync, rmSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { trackTempFolder, untrackTempFolder } from '../io/cleanup.js'
import { displayName } from '../io/lines.js'
import { InputError } from '../errors.js'
import { expandInputs, planJobs, readCohort, type FileRead, type Job, type ReadContext, type RecordsRead, type RowHolder } from '../input/read-cohort.js'
import type { InputFormat } from '../input/sniff.js'
import type { BuiltMatrix } from '../matrix/build.js'
import type { Classifier } from '../matrix/classifier.js'
import type { CnNotAssayed } from '../model/cn-not-assayed.js'
import { EventTable } from '../model/events.js'
import type { ReadReport } from '../model/report.js'
import type { VcfReadOptions } from '../vcf/options.js'
import { CrossFileParts } from './cross-file-parts.js'
import type { ReadLimits } from '../io/read-limits.js'
import { AFTER_ROWS, BUILD, FirstError } from './first-error.js'
import { MafPartitions } from './maf-parts.js'
import { mergeBuilds, type PartBuild } from './merge.js'
import type { PartitionSink } from './partition-sink.js'
import { tempFileError } from './read/partition.js'
import { VcfFold } from './vcf-fold.js'
import { defaultPartitions, lowMemoryFormat } from './wanted.js'

export { defaultPartitions, defaultPathPeak, holdLimit, lowMemoryWanted } from './wanted.js'

export interface LowMemoryOptions {
  readonly inputs: readonly string[]
  readonly cna?: readonly string[] | undefined
  readonly fusions?: readonly string[] | undefined
  readonly samplesFile?: string | undefined
  /** Samples sequenced without a call, besides --samples (a study's case lists, a panel matrix's samples). */
  readonly extraSamples?: readonly string[] | undefined
  readonly origin?: 'somatic' | 'germline' | undefined
  /** VCF reading options (--keep-filtered, --tumor-id, --normal-id, --split-multiallelic). */
  readonly vcf?: Pick<VcfReadOptions, 'keepFiltered' | 'tumorId' | 'normalId' | 'splitMultiallelic'> | undefined
  /** VCF rows classified and folded this many at a time (default 65,536). */
  readonly vcfChunk?: number | undefined
  /** Partitions (default: one per 32 MB of input, 1–256). */
  readonly partitions?: number | undefined
  /** Where the partition files go (default: the OS temporary folder, TMPDIR). */
  readonly tmpDir?: string | undefined
  /** Line and size caps and the read registry for every file read (default: readLimits()). */
  readonly limits?: ReadLimits | undefined
  /** Progress: (steps done, steps in all, what). */
  readonly onStep?: ((done: number, total: number, what: string) => void) | undefined
}

export interface LowMemoryResult {
  readonly matrix: BuiltMatrix
  readonly reports: ReadReport[]
  readonly samples: readonly string[]
  readonly files: string[]
}

/**
 * `prepare` reads the classification's files (aliases, rules, panels): after the inputs, as the
 * default path does, so an input error is reported first.
 */
export async function classifyLowMemory(opts: LowMemoryOptions, prepare: (cnNotAssayed: CnNotAssayed) => Promise<Classifier>): Promise<LowMemoryResult> {
  const paths = expandInputs(opts.inputs)
  if (paths.length === 0) throw new InputError('USAGE', 'no inputs: give MAF or VCF files or a folder')
  const K = opts.partitions ?? defaultPartitions(paths)
  if (!Number.isInteger(K) || K < 1 || K > 4096) throw new InputError('USAGE', `partitions: expected an integer from 1 to 4096, got ${K}`)
  const step = opts.onStep ?? (() => undefined)
  const total = paths.length + K + 1
  // Declared samples first, as loadCohort reads them.
  const plan = await planJobs({ inputs: opts.inputs, cna: opts.cna, fusions: opts.fusions, samplesFile: opts.samplesFile, extraSamples: opts.extraSamples, limits: opts.limits })
  const root = opts.tmpDir ?? tmpdir()
  let dir: string
  try {
    dir = mkdtempSync(join(root, 'biomarkit-'))
  } catch (e) {
    throw tempFileError(root, e)
  }
  // Removed on SIGINT/SIGTERM too: it holds a copy of the patients' calls.
  trackTempFolder(dir)
  const vcfOpts = { ...opts.vcf, origin: opts.origin, limits: opts.limits }
  const chunkRows = opts.vcfChunk ?? 65536
  let holder: PartitionHolder | undefined
  try {
    // The same call in two inputs: the VCFs' header samples, before any MAF is split.
    const cross = await CrossFileParts.create(paths, vcfOpts, chunkRows)
    holder = new PartitionHolder(
      new MafPartitions(dir, K, () => ({ origin: opts.origin, limits: opts.limits }), (p) => step(paths.length + p, total, `partition ${p + 1} of ${K}`), cross),
      new VcfFold(vcfOpts, chunkRows, (path) => step(paths.length + K, total, `reading ${displayName(path)}`), (f) => cross?.callsOf(f)),
      prepare,
      cross,
      opts.limits,
    )
    const r = await readCohort(plan, holder, (done, _all, path) => {
      if (done < paths.length) step(done, total, `partitioning ${displayName(path)}`)
    })
    step(total, total, '')
    return { matrix: r.result, reports: r.reports, samples: r.result.samples, files: r.files }
  } finally {
    try {
      holder?.maf.close() // after an error (its flush can fail too: a full disk)
    } finally {
      rmSync(dir, { recursive: true, force: true })
      untrackTempFolder(dir)
    }
  }
}

/**
 * The rows held in sample partitions (MAF) and folded chunks (VCF), copy-number and fusion tables
 * whole; classified part by part once every file is written, and merged. An input error is kept
 * (the first in input order: a row of an earlier partition may still fail) and thrown at the end.
 */
class PartitionHolder implements RowHolder<BuiltMatrix> {
  private readonly errors = new FirstError()
  /** Each format's sink. */
  private readonly sinkOf: Readonly<Record<'maf' | 'vcf', PartitionSink<unknown>>>

  constructor(
    readonly maf: MafPartitions,
    private readonly vcf: VcfFold,
    private readonly prepare: (cnNotAssayed: CnNotAssayed) => Promise<Classifier>,
    private readonly cross: CrossFileParts | undefined,
    /** The reads' limits (a format check peeks at the file again). */
    private readonly limits: ReadLimits | undefined,
  ) {
    this.sinkOf = { maf, vcf }
  }

  async calls(job: Job, file: number, format: InputFormat): Promise<undefined> {
    const f = await lowMemoryFormat(job.path, format, this.limits)
    // A file that fails to read stops the pass (later files come after its error).
    await this.sinkOf[f].write(job.path, file)
    return undefined
  }

  append(file: number, read: RecordsRead): void {
    this.maf.hold(file, read.alterations, read.samples)
  }

  failed(file: number, error: unknown): void {
    this.errors.considerFile(file, error)
  }

  async finish(ctx: ReadContext): Promise<{ result: BuiltMatrix; reads: ReadonlyMap<number, FileRead> }> {
    const { errors } = this
    this.maf.declare(ctx.declared)
    // The classification's files: their errors come after every input row's.
    let classifier: Classifier | undefined
    if (!errors.pending) {
      try {
        classifier = await this.prepare(ctx.cnNotAssayed)
      } catch (e) {
        errors.consider(AFTER_ROWS, 0, e)
      }
    }
    if (!errors.pending) await this.cross?.indexVcfs() // before the partitions, which update the index
    /** Every sample, for a build-stage error's whole-cohort message. */
    const universe = new Set<string>()
    const sink = { classifier: errors.pending ? undefined : classifier, errors, universe }
    // MAF partitions first, then the VCF files: the order the parts were always merged in.
    const sinks = [this.maf, this.vcf] as const
    const parts: PartBuild[] = []
    for (const s of sinks) for (const p of await s.merge(sink)) parts.push(p) // not push(...): a part per VCF file
    if (errors.pending) {
      // A build-stage error (a panel missing for samples, say) names samples of one partition:
      // the whole cohort's check gives the message a one-pass run prints.
      if (errors.file === BUILD && classifier !== undefined) classifier.fill([...universe], [])
      errors.throwFirst()
    }
    if (classifier === undefined) throw new Error('classifyLowMemory: no classifier')
    // The panel notes (per-profile decisions, members used) are the whole cohort's, as in one pass.
    const matrix = classifier.annotate(
      mergeBuilds(parts, {
        template: classifier.build(new EventTable(), []),
        genesGiven: classifier.genesGiven,
        rules: classifier.rules,
        fill: classifier.fill,
        aliases: classifier.aliases.report(),
      }),
    )
    const reads = new Map(sinks.flatMap((s) => [...s.reads()]))
    for (const [f, r] of reads) this.cross?.report(f, r.report)
    return { result: matrix, reads }
  }
}
