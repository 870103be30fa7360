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
 *   3. The parts merge into one matrix, with the read reports and notes of a one-pass read.
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
import { trackTempFolder, untrackTempFolder } from '../io/cleanup.js'
import { join } from 'node:path'
import { InputError } from '../errors.js'
import { buildPart, mergeBuilds, type PartBuild } from './merge.js'
import { checkFormat, defaultPartitions } from './wanted.js'
import { foldVcf } from './vcf-fold.js'
import type { BuiltMatrix } from '../matrix/build.js'
import { readCopyNumber } from '../cna/index.js'
import type { CnNotAssayed } from '../model/cn-not-assayed.js'
import { readFusions } from '../fusion/index.js'
import { expandInputs } from '../input/cohort.js'
import { partitionMaf, partitionOf, PartitionWriter, readPartition, tempFileError } from './read/partition.js'
import { displayName, takeReadNotices } from '../io/lines.js'
import { checkSampleList, readSampleList } from '../input/sample-list.js'
import { MafParser, type MafOptions } from '../maf/parser.js'
import type { Alteration } from '../model/alteration.js'
import { EventTable } from '../model/events.js'
import { warn, type ReadReport } from '../model/report.js'
import type { Classifier } from '../matrix/classifier.js'
import type { VcfReadOptions } from '../vcf/options.js'
import type { ReadLimits } from '../io/read-limits.js'

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

/** The first error in input order: (file, line), build-stage errors after every row. */
interface Pending {
  readonly file: number
  readonly line: number
  readonly error: unknown
}
const before = (f: number, l: number, p: Pending | undefined): boolean => p === undefined || f < p.file || (f === p.file && l < p.line)

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
  const mafOpts = (): MafOptions => ({ origin: opts.origin })
  const root = opts.tmpDir ?? tmpdir()
  let dir: string
  try {
    dir = mkdtempSync(join(root, 'biomarkit-'))
  } catch (e) {
    throw tempFileError(root, e)
  }
  // Removed on SIGINT/SIGTERM too: it holds a copy of the patients' calls.
  trackTempFolder(dir)
  try {
    let pending: Pending | undefined
    const consider = (file: number, line: number, error: unknown): void => {
      // Not an input's fault (a temporary file that cannot be written): at once.
      if (!(error instanceof InputError) || error.code === 'OUTPUT') throw error
      if (before(file, line, pending)) pending = { file, line, error }
    }

    // Declared samples first, as loadCohort reads them.
    const declared: string[] = []
    /** Samples the inputs named (not the list): the list's near-misses are checked against them. */
    const called = new Set<string>()
    const listed = opts.samplesFile === undefined ? undefined : await readSampleList(opts.samplesFile, undefined, opts.limits)
    if (listed !== undefined) {
      for (const s of listed) declared.push(s.id)
    }
    declared.push(...(opts.extraSamples ?? []))

    // 1. Partition the MAF files; a file that fails to read stops the pass (later files come after its error).
    const out = new PartitionWriter(dir, K)
    const heads: (MafParser | undefined)[] = []
    /** VCF files are read in step 2b, chunk by chunk. */
    const isVcf: boolean[] = []
    try {
      for (const [f, path] of paths.entries()) {
        step(f, total, `partitioning ${displayName(path)}`)
        try {
          if ((await checkFormat(path, opts.limits)) === 'vcf') isVcf[f] = true
          else await partitionMaf(path, f, out, () => (heads[f] = new MafParser(displayName(path), mafOpts())), opts.limits)
        } catch (e) {
          consider(f, e instanceof InputError ? (e.line ?? 0) : 0, e)
          break
        }
      }
    } finally {
      out.close()
    }

    // Copy-number and fusion tables, whole (their rows grow with samples × genes), and declared samples.
    const extra: { alterations: readonly Alteration[]; report: ReadReport; samples: readonly string[]; notAssayed?: CnNotAssayed['cells'] }[] = []
    const extraPaths = [...(opts.cna ?? []).map((p) => ({ p, cna: true })), ...(opts.fusions ?? []).map((p) => ({ p, cna: false }))]
    if (pending === undefined) {
      for (const [j, x] of extraPaths.entries()) {
        try {
          extra.push(x.cna ? await readCopyNumber(x.p, { limits: opts.limits }) : await readFusions(x.p, { limits: opts.limits }))
        } catch (e) {
          consider(paths.length + j, e instanceof InputError ? (e.line ?? 0) : 0, e)
          break
        }
      }
    }

    // The classification's files: their errors come after every input row's.
    let classifier: Classifier | undefined
    if (pending === undefined) {
      try {
        // MAF or VCF inputs are always given here, so mutations were read (../matrix/unassayed.ts).
        classifier = await prepare({ cells: extra.flatMap((x) => x.notAssayed ?? []), mutationsRead: true })
      } catch (e) {
        consider(Number.MAX_SAFE_INTEGER - 1, 0, e)
      }
    }

    // 2. Each partition: read, classify, compact.
    const parts: PartBuild[] = []
    /** Every sample, for a build-stage error's whole-cohort message. */
    const universe = new Set<string>()
    const extraOf = extra.map((x) => x.alterations.map((a) => partitionOf(a.sample, K)))
    // Each sample's partition once (not once per partition: K × samples hashes).
    const byPartition = Array.from({ length: K }, (): string[] => [])
    for (const s of [...extra.flatMap((x) => x.samples), ...declared]) (byPartition[partitionOf(s, K)] as string[]).push(s)
    // One table for every partition, emptied in turn: its columns keep their room, so each
    // partition does not allocate (and the allocator hold on to) a new set. Its string pool keeps
    // the distinct values seen (samples, genes, alleles), which also keeps the readers' byte
    // caches warm. 3M-row bench MAF: peak 265-274 → 247 MB.
    const table = new EventTable()
    for (let p = 0; p < K; p++) {
      step(paths.length + p, total, `partition ${p + 1} of ${K}`)
      table.truncate(0)
      if (pending === undefined) table.reserve(out.rows[p] as number)
      const samples = new Set<string>()
      /** [first table row, file] per file in this partition, for a row's place in input order. */
      const starts: number[] = []
      // A file's records are contiguous (pass 1 wrote the files in turn): its parser finishes
      // (drops its duplicates, over its own rows only) before the next file's rows are added.
      let current: MafParser | undefined
      let currentFile = -1
      let failedFile = -1
      const finishFile = (): void => {
        if (current === undefined) return
        const c = current.finishPart()
        if (pending === undefined) (heads[currentFile] as MafParser).absorbCounts(c)
        for (const s of current.samples) {
          samples.add(s)
          called.add(s)
        }
        current = undefined
      }
      readPartition(out.paths[p] as string, (buf, f, line, s, e) => {
        if (f === failedFile || !before(f, line, pending)) return
        if (f !== currentFile || current === undefined) {
          finishFile()
          const head = heads[f] as MafParser
          starts.push(table.length, f)
          current = new MafParser(head.file, mafOpts(), table)
          current.adoptHeader(head.header as NonNullable<MafParser['header']>)
          currentFile = f
        }
        try {
          current.pushBytes(buf, s, e, line)
        } catch (err) {
          consider(f, line, err)
          failedFile = f
        }
      })
      finishFile()
      extra.forEach((x, j) => {
        const of = extraOf[j] as number[]
        const first = table.length
        x.alterations.forEach((a, i) => {
          if (of[i] === p) table.push(a)
        })
        if (table.length > first) starts.push(first, paths.length + j)
      })
      for (const s of byPartition[p] as string[]) samples.add(s)
      for (const s of samples) universe.add(s)
      if (pending !== undefined) continue
      const fileOfRow = (row: number): number => {
        let f = starts[1] as number
        for (let k = 0; k < starts.length && (starts[k] as number) <= row; k += 2) f = starts[k + 1] as number
        return f
      }
      try {
        parts.push(buildPart(classifier as Classifier, table, [...samples], fileOfRow))
      } catch (e) {
        consider(Number.MAX_SAFE_INTEGER, 0, e)
      }
    }

    // 2b. VCF files: read by readVcfInto's parser into a small table, classified and folded into
    // the file's running part every `vcfChunk` rows (a sample's rows may span chunks and files:
    // the merge puts a cell's events back in input order).
    const vcfRead: ({ report: ReadReport; samples: readonly string[] } | undefined)[] = []
    const chunkRows = opts.vcfChunk ?? 65536
    for (const [f, path] of paths.entries()) {
      if (isVcf[f] !== true || !before(f, 0, pending)) continue
      step(paths.length + K, total, `reading ${displayName(path)}`)
      try {
        const r = await foldVcf(path, f, { ...opts.vcf, origin: opts.origin, limits: opts.limits }, chunkRows, () => (pending === undefined ? classifier : undefined))
        vcfRead[f] = r
        for (const s of r.samples) {
          universe.add(s)
          called.add(s)
        }
        if (r.part !== undefined) parts.push(r.part)
      } catch (e) {
        consider(f, e instanceof InputError ? (e.line ?? 0) : 0, e)
      }
    }
    if (pending !== undefined) {
      // A build-stage error (a panel missing for samples, say) names samples of one partition:
      // the whole cohort's check gives the message a one-pass run prints.
      if (pending.file === Number.MAX_SAFE_INTEGER && classifier !== undefined) classifier.fill([...universe], [])
      throw pending.error
    }
    if (classifier === undefined) throw new Error('classifyLowMemory: no classifier')

    // 3. Merge.
    step(paths.length + K, total, 'merging')
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
    step(total, total, '')
    const reports = [...paths.map((_, f) => heads[f]?.finish() ?? (vcfRead[f] as { report: ReadReport }).report), ...extra.map((x) => x.report)]
    for (const [f, path] of [...paths, ...extraPaths.map((x) => x.p)].entries()) {
      const r = reports[f]
      if (r !== undefined) for (const n of takeReadNotices(path)) warn(r, { code: 'container', location: { file: displayName(path) }, detail: n })
    }
    if (listed !== undefined && opts.samplesFile !== undefined) {
      for (const x of extra) for (const s of x.samples) called.add(s)
      const w = checkSampleList(opts.samplesFile, listed, called)
      if (w !== undefined && reports[0] !== undefined) warn(reports[0], w)
    }
    return { matrix, reports, samples: matrix.samples, files: [...paths, ...extraPaths.map((x) => x.p)] }
  } finally {
    rmSync(dir, { recursive: true, force: true })
    untrackTempFolder(dir)
  }
}
