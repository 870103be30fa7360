/**
 * The low-memory path's part of the cross-file duplicate rule (../input/cross-file.ts), fitted to
 * its two sinks: the MAF partitions (./maf-parts.ts) check each file's rows of a partition against
 * the earlier files' rows of that partition (the key holds the sample, so a partition has every
 * MAF row a key can repeat); VCFs that share a sample with another input have their calls indexed
 * once before the partitions are read (./vcf-repeats.ts), so a MAF row repeating an earlier VCF's
 * call is dropped in its partition, and the VCF fold (./vcf-fold.ts) drops, chunk by chunk, a call
 * an earlier file holds. Each input's drops are summed over its partitions or chunks and written
 * into its read report once: the default path's records and reports.
 *
 * Only with more than one input (one file has nothing to repeat). One string pool is shared by the
 * partitions' table, the indexed VCFs' chunks and the index, because keys are compared by pool id.
 */
import { displayName } from '../io/lines.js'
import { CrossFileCheck, isCall, Repeats, type CallIndex } from '../input/cross-file.js'
import { StringPool, type EventTable } from '../model/events.js'
import type { ReadReport } from '../model/report.js'
import type { VcfReadOptions } from '../vcf/options.js'
import type { SampleWatch } from './read/partition.js'
import type { ChunkCalls } from './vcf-fold.js'
import { indexVcfCalls, scanVcfSamples, vcfsSharingSamples, type VcfSampleScan } from './vcf-repeats.js'

export class CrossFileParts {
  /** The pool the partitions' table, the indexed VCFs' chunks and the index share. */
  readonly pool = new StringPool()
  /** Per input file: its rows dropped as repeats of an earlier file's calls, over all its parts. */
  private readonly repeats: Repeats[]
  /** Per input file: a VCF whose calls were indexed (it shares a sample with another input). */
  private indexed: boolean[] = []
  private vcfCalls: CallIndex | undefined

  private constructor(
    private readonly paths: readonly string[],
    private readonly scan: VcfSampleScan | undefined,
    private readonly vcfOpts: VcfReadOptions,
    private readonly chunkRows: number,
  ) {
    this.repeats = paths.map(() => new Repeats())
  }

  /** Before any input is partitioned: the VCFs' header samples (undefined with one input). */
  static async create(paths: readonly string[], vcfOpts: VcfReadOptions, chunkRows: number): Promise<CrossFileParts | undefined> {
    if (paths.length < 2) return undefined
    return new CrossFileParts(paths, await scanVcfSamples(paths, vcfOpts), vcfOpts, chunkRows)
  }

  /** Given to the MAF splitter: which VCF sample names the MAF rows use. */
  get watch(): SampleWatch | undefined {
    return this.scan?.watch
  }

  /** Every input written, no error pending, before the partitions are read: index the sharing VCFs' calls. */
  async indexVcfs(): Promise<void> {
    if (this.scan === undefined) return
    this.indexed = vcfsSharingSamples(this.paths, this.scan)
    this.vcfCalls = await indexVcfCalls(this.paths, this.indexed, this.vcfOpts, this.chunkRows, this.pool)
  }

  /** One partition's check, over the table its rows are read into. */
  partition(table: EventTable): CrossFileCheck {
    return new CrossFileCheck(table)
  }

  /**
   * Rows `from`… of `table` are MAF file `file`'s in this partition, just finished: drop those an
   * earlier file holds (this partition's rows or an indexed VCF's call), then let the index know
   * which of its VCF calls this file holds first.
   */
  afterFile(check: CrossFileCheck, table: EventTable, from: number, file: number): void {
    const v = this.vcfCalls
    check.check(from, file, this.repeats[file] as Repeats, v)
    if (v !== undefined) for (let r = from; r < table.length; r++) if (isCall(table, r)) v.noteIfHeld(table, r, file)
  }

  /** The VCF fold's hook for file `file`; undefined when its calls cannot repeat another input's. */
  callsOf(file: number): ChunkCalls | undefined {
    const v = this.vcfCalls
    if (v === undefined || this.indexed[file] !== true) return undefined
    const mine = this.repeats[file] as Repeats
    return { pool: this.pool, begin: () => mine.clear(), onChunk: (chunk) => void mine.dropFrom(chunk, 0, file, [v]) }
  }

  /** Into input file `file`'s read report (once, after every part): its drop count and note. */
  report(file: number, r: ReadReport): void {
    if (file >= this.paths.length) return // copy-number and fusion tables take no part
    this.repeats[file]?.report(r, displayName(this.paths[file] as string), (g) => displayName(this.paths[g] as string))
  }
}
