/**
 * The low-memory path's MAF holder (./low-memory.ts steps 1 and 2): data lines to K sample
 * partitions on disk as each file is written (./read/partition.ts), then each partition read into
 * one table by one MafParser per file, classified on its own samples and compacted to a part
 * (./merge.ts). Copy-number and fusion records (held whole) and declared samples join their
 * sample's partition. A file's rows that repeat an earlier input's calls are dropped as its part of a
 * partition is finished (./cross-file-parts.ts).
 */
import { displayName } from '../io/lines.js'
import { MafParser, type MafOptions } from '../maf/parser.js'
import type { Alteration } from '../model/alteration.js'
import { EventTable } from '../model/events.js'
import type { FileRead } from '../input/read-cohort.js'
import type { Classifier } from '../matrix/classifier.js'
import type { CrossFileCheck } from '../input/cross-file.js'
import type { CrossFileParts } from './cross-file-parts.js'
import { BUILD } from './first-error.js'
import { buildPart, type PartBuild } from './merge.js'
import type { PartitionSink, SinkContext } from './partition-sink.js'
import { partitionMaf, partitionOf, PartitionWriter, readPartition, type PartitionMark } from './read/partition.js'

export class MafPartitions implements PartitionSink<PartitionMark> {
  private readonly out: PartitionWriter
  /** Per MAF file: the parser that read its header (it takes every partition's counts). */
  private readonly heads: (MafParser | undefined)[] = []
  /** Per MAF file: the samples its rows named. */
  private readonly called = new Map<number, Set<string>>()
  /** Records held whole (copy-number and fusion tables), with their file number. */
  private readonly extra: { readonly file: number; readonly alterations: readonly Alteration[] }[] = []
  /** Samples to place in their partition: the whole-held tables' samples, then the declared ones. */
  private readonly extraSamples: string[] = []
  private readonly declared: string[] = []
  private closed = false

  /** `onPartition`: progress, partition `p` is about to be read; `cross`: the cross-file duplicate rule (more than one input). */
  constructor(
    dir: string,
    readonly count: number,
    private readonly mafOpts: () => MafOptions,
    private readonly onPartition?: (p: number) => void,
    private readonly cross?: CrossFileParts,
  ) {
    this.out = new PartitionWriter(dir, count)
  }

  /** Rows per partition (a table's room before it is read). */
  get rows(): Float64Array {
    return this.out.rows
  }

  async write(path: string, file: number): Promise<void> {
    const opts = this.mafOpts()
    await partitionMaf(path, file, this.out, () => (this.heads[file] = new MafParser(displayName(path), opts)), this.cross?.watch, opts.limits)
  }

  snapshot(): PartitionMark {
    return this.out.snapshot()
  }

  rewind(mark: PartitionMark): void {
    this.out.rewind(mark)
  }

  /** A copy-number or fusion table's records and samples, held whole and classified with their samples' partition. */
  hold(file: number, alterations: readonly Alteration[], samples: readonly string[]): void {
    this.extra.push({ file, alterations })
    for (const s of samples) this.extraSamples.push(s)
  }

  /** Samples sequenced without a call (wild type where nothing was called). */
  declare(samples: readonly string[]): void {
    for (const s of samples) this.declared.push(s)
  }

  close(): void {
    if (this.closed) return
    this.closed = true
    this.out.close()
  }

  reads(): ReadonlyMap<number, FileRead> {
    const reads = new Map<number, FileRead>()
    this.heads.forEach((h, f) => {
      if (h !== undefined) reads.set(f, { report: h.finish(), samples: [...(this.called.get(f) ?? [])] })
    })
    return reads
  }

  merge(ctx: SinkContext): Promise<PartBuild[]> {
    this.close()
    const { errors, universe } = ctx
    const K = this.count
    const parts: PartBuild[] = []
    const extraOf = this.extra.map((x) => x.alterations.map((a) => partitionOf(a.sample, K)))
    // Each sample's partition once (not once per partition: K × samples hashes).
    const byPartition = Array.from({ length: K }, (): string[] => [])
    for (const s of [...this.extraSamples, ...this.declared]) (byPartition[partitionOf(s, K)] as string[]).push(s)
    // One table for every partition, emptied in turn: its columns keep their room, so each
    // partition does not allocate (and the allocator hold on to) a new set. Its string pool keeps
    // the distinct values seen (samples, genes, alleles), which also keeps the readers' byte
    // caches warm. 3M-row bench MAF: peak 265-274 → 247 MB.
    // Its pool is the cross-file check's (keys compared by pool id with the indexed VCF calls).
    const table = new EventTable(this.cross?.pool)
    for (let p = 0; p < K; p++) {
      this.onPartition?.(p)
      table.truncate(0)
      if (!errors.pending) table.reserve(this.out.rows[p] as number)
      const samples = new Set<string>()
      /** [first table row, file] per file in this partition, for a row's place in input order. */
      const starts: number[] = []
      this.readRows(p, table, samples, starts, errors, this.cross?.partition(table))
      this.extra.forEach((x, j) => {
        const of = extraOf[j] as number[]
        const first = table.length
        x.alterations.forEach((a, i) => {
          if (of[i] === p) table.push(a)
        })
        if (table.length > first) starts.push(first, x.file)
      })
      for (const s of byPartition[p] as string[]) samples.add(s)
      for (const s of samples) universe.add(s)
      if (errors.pending) continue
      const fileOfRow = (row: number): number => {
        let f = starts[1] as number
        for (let k = 0; k < starts.length && (starts[k] as number) <= row; k += 2) f = starts[k + 1] as number
        return f
      }
      try {
        parts.push(buildPart(ctx.classifier as Classifier, table, [...samples], fileOfRow))
      } catch (e) {
        errors.consider(BUILD, 0, e)
      }
    }
    return Promise.resolve(parts)
  }

  /**
   * Partition `p`'s MAF rows into `table`. A file's records are contiguous (the files were written
   * in turn): its parser finishes (drops its duplicates, over its own rows only) before the next
   * file's rows are added; then they are checked against the earlier files' (`cross`).
   */
  private readRows(p: number, table: EventTable, samples: Set<string>, starts: number[], errors: SinkContext['errors'], cross: CrossFileCheck | undefined): void {
    let current: MafParser | undefined
    let currentFile = -1
    let failedFile = -1
    const finishFile = (): void => {
      if (current === undefined) return
      const c = current.finishPart()
      if (!errors.pending) (this.heads[currentFile] as MafParser).absorbCounts(c)
      if (cross !== undefined) this.cross?.afterFile(cross, table, starts[starts.length - 2] as number, currentFile)
      let called = this.called.get(currentFile)
      if (called === undefined) this.called.set(currentFile, (called = new Set()))
      for (const s of current.samples) {
        samples.add(s)
        called.add(s)
      }
      current = undefined
    }
    readPartition(this.out.paths[p] as string, (buf, f, line, s, e) => {
      if (f === failedFile || !errors.before(f, line)) return
      if (f !== currentFile || current === undefined) {
        finishFile()
        const head = this.heads[f] as MafParser
        starts.push(table.length, f)
        current = new MafParser(head.file, this.mafOpts(), table)
        current.adoptHeader(head.header as NonNullable<MafParser['header']>)
        currentFile = f
      }
      try {
        current.pushBytes(buf, s, e, line)
      } catch (err) {
        errors.consider(f, line, err)
        failedFile = f
      }
    })
    finishFile()
  }
}
