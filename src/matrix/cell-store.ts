/**
 * Altered cells stored flat and materialized on demand.
 *
 * Events are rows of the cohort's EventTable (../model/events.ts); hot readers (summaries) walk a
 * row's cells with `forEachCell` and read the table's columns, without building records.
 *
 * A 10,000 × 500 cohort with 1M events has ~500k altered cells; building a Map of 500k
 * AlteredCell objects (each with three arrays) cost ~3 s, mostly garbage collection (measured with
 * node --cpu-prof on the scale test's cohort). Here cells are a sorted Float64Array of cell
 * indices plus offsets into one Uint32Array of event ids; `get` builds the AlteredCell record for
 * one cell when asked. Iteration order is by cell index (row-major), so output is deterministic.
 */
import type { Alteration } from '../model/alteration.js'
import type { EventTable } from '../model/events.js'
import type { AlteredCell } from './types.js'
import { makeCell } from './cell.js'
import { forEachCellIn, type RecordCells } from './cells.js'

export class CellStore implements RecordCells {
  readonly kind = 'records' as const

  /**
   * @param cellIdx sorted distinct cell indices
   * @param starts starts[i]..starts[i+1] are cellIdx[i]'s events in `events` (length cellIdx.length + 1)
   * @param events table rows, input order within a cell
   * @param contributorsFrom cells with index ≥ this (rules, pathways) record their contributing genes
   */
  constructor(
    private readonly cellIdx: Float64Array,
    private readonly starts: Uint32Array,
    private readonly events: Uint32Array,
    readonly table: EventTable,
    /** Table row → interned gene index (for rule and pathway contributors). */
    private readonly geneOf: Int32Array,
    private readonly geneNames: readonly string[],
    private readonly contributorsFrom: number,
  ) {}

  get size(): number {
    return this.cellIdx.length
  }

  private find(idx: number): number {
    let lo = 0
    let hi = this.cellIdx.length - 1
    while (lo <= hi) {
      const mid = (lo + hi) >>> 1
      const k = this.cellIdx[mid] as number
      if (k === idx) return mid
      if (k < idx) lo = mid + 1
      else hi = mid - 1
    }
    return -1
  }

  private build(i: number): AlteredCell {
    const from = this.starts[i] as number
    const to = this.starts[i + 1] as number
    const ev: Alteration[] = []
    for (let j = from; j < to; j++) ev.push(this.table.get(this.events[j] as number))
    if ((this.cellIdx[i] as number) < this.contributorsFrom) return makeCell(ev)
    const genes: string[] = []
    for (let j = from; j < to; j++) genes.push(this.geneNames[this.geneOf[this.events[j] as number] as number] as string)
    return makeCell(ev, genes)
  }

  /**
   * Visit the cells with from ≤ index < to (e.g. one feature's row) in index order with their
   * events: one binary search for the row, then a linear walk, instead of one search per cell.
   */
  forEachEvents(from: number, to: number, visit: (idx: number, events: readonly Alteration[]) => void): void {
    this.forEachCell(from, to, (idx, a, b) => {
      const ev: Alteration[] = new Array<Alteration>(b - a)
      for (let j = a; j < b; j++) ev[j - a] = this.table.get(this.events[j] as number)
      visit(idx, ev)
    })
  }

  private codes: Uint16Array | undefined

  /**
   * Each stored event's code (../model/events-codes.ts), in stored order: built on first use with
   * one pass over the table, so summaries that walk every cell read them in sequence instead of
   * four table columns at scattered rows each time.
   */
  eventCodes(): Uint16Array {
    if (this.codes === undefined) {
      const t = this.table
      const ev = this.events
      const c = new Uint16Array(ev.length)
      for (let j = 0; j < ev.length; j++) c[j] = t.eventCode(ev[j] as number)
      this.codes = c
    }
    return this.codes
  }

  eventRecord(j: number): Alteration {
    return this.table.get(this.events[j] as number)
  }

  /** The table row: one event reached through a gene and a pathway row is one row. */
  eventIdentity(j: number): unknown {
    return this.events[j]
  }

  eventCounts(): undefined {
    return undefined
  }

  /** Table row of the j-th stored event (j from `forEachCell`'s range). */
  eventRow(j: number): number {
    return this.events[j] as number
  }

  /**
   * Visit the cells with from ≤ index < to in index order, each with its range [a, b) of stored
   * events (`eventRow(j)` gives the table row): no record is built.
   */
  forEachCell(from: number, to: number, visit: (idx: number, a: number, b: number) => void): void {
    forEachCellIn(this.cellIdx, this.starts, from, to, visit)
  }

  get(idx: number): AlteredCell | undefined {
    const i = this.find(idx)
    return i < 0 ? undefined : this.build(i)
  }

  has(idx: number): boolean {
    return this.find(idx) >= 0
  }

  forEach(cb: (value: AlteredCell, key: number, map: ReadonlyMap<number, AlteredCell>) => void, thisArg?: unknown): void {
    for (let i = 0; i < this.cellIdx.length; i++) cb.call(thisArg, this.build(i), this.cellIdx[i] as number, this)
  }

  *entries(): MapIterator<[number, AlteredCell]> {
    for (let i = 0; i < this.cellIdx.length; i++) yield [this.cellIdx[i] as number, this.build(i)]
  }

  *keys(): MapIterator<number> {
    for (let i = 0; i < this.cellIdx.length; i++) yield this.cellIdx[i] as number
  }

  *values(): MapIterator<AlteredCell> {
    for (let i = 0; i < this.cellIdx.length; i++) yield this.build(i)
  }

  [Symbol.iterator](): MapIterator<[number, AlteredCell]> {
    return this.entries()
  }
}
