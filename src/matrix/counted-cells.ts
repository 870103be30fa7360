/**
 * The altered cells of a matrix merged from sample partitions (../scale/merge.ts): per cell, its
 * distinct event codes with how many events each stands for, and where in the input each was
 * first met. The events themselves are not kept (that is what bounds the low-memory path's memory),
 * so this store offers no records: it is the `counts` kind of ./cells.ts, and what needs records
 * takes a RecordMatrix, which a low-memory matrix is not.
 */
import { forEachCellIn, type CountCells } from './cells.js'

export class CountedCells implements CountCells {
  readonly kind = 'counts' as const
  constructor(
    /** Sorted distinct cell indices. */
    private readonly cellIdx: Float64Array | Uint32Array,
    /** starts[i]..starts[i + 1]: cell i's entries. */
    private readonly starts: Uint32Array,
    private readonly codes: Uint16Array,
    private readonly counts: Uint32Array,
    /** Per entry, where in the input its first event was (file × 2^32 + line): the order to merge by. */
    private readonly firstAt: Float64Array,
  ) {}

  eventKeys(): Float64Array {
    return this.firstAt
  }

  get size(): number {
    return this.cellIdx.length
  }

  eventCodes(): Uint16Array {
    return this.codes
  }

  eventCounts(): Uint32Array {
    return this.counts
  }

  forEachCell(from: number, to: number, visit: (idx: number, a: number, b: number) => void): void {
    forEachCellIn(this.cellIdx, this.starts, from, to, visit)
  }

  has(idx: number): boolean {
    let found = false
    this.forEachCell(idx, idx + 1, () => (found = true))
    return found
  }

  /** The altered cells' indices, in order. */
  *keys(): Generator<number> {
    for (let i = 0; i < this.cellIdx.length; i++) yield this.cellIdx[i] as number
  }
}
