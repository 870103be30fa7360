/**
 * What the low-memory path (./low-memory.ts) asks of each format's row holder. A MAF's rows go to
 * sample partitions on disk and are classified one partition at a time (./maf-parts.ts); a VCF's
 * are classified a chunk at a time and folded into the file's running part (./vcf-fold.ts). Both
 * end as parts for one merge (./merge.ts), and both must drop what a file gave when the byte path
 * hands it to the text path, which reads it again from its start: `snapshot` before the file,
 * `rewind` to it.
 */
import type { Classifier } from '../matrix/classifier.js'
import type { FileRead } from '../input/read-cohort.js'
import type { FirstError } from './first-error.js'
import type { PartBuild } from './merge.js'

/** What the sinks' `merge` shares. */
export interface SinkContext {
  /** Undefined when an earlier error is pending: rows are then only read for an earlier one. */
  readonly classifier: Classifier | undefined
  /** The first error in input order, across the sinks. */
  readonly errors: FirstError
  /** Every sample seen, for a build-stage error's whole-cohort message (sinks add theirs). */
  readonly universe: Set<string>
}

export interface PartitionSink<Mark> {
  /** File number `file` (its job index) into the sink: its rows held, or noted to be read by `merge`. */
  write(path: string, file: number): Promise<void>
  /** A point `rewind` goes back to. */
  snapshot(): Mark
  /** Forget what was written since `mark`. */
  rewind(mark: Mark): void
  /** The parts built from every row held (none while an error is pending), each file's read recorded. */
  merge(ctx: SinkContext): Promise<PartBuild[]>
  /** The read (report, samples) of each file written, after `merge`, by file number. */
  reads(): ReadonlyMap<number, FileRead>
  /** Release files and buffers; safe to call after an error. */
  close(): void
}
