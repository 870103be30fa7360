/**
 * The two kinds of altered-cell store a matrix holds (`MatrixCells` in ./types.ts), told apart by
 * `kind`, never by probing methods:
 * - `records`: every event of every altered cell, as a record on request (./cell-store.ts over the
 *   cohort's EventTable; `MapCells` below over records a caller already has).
 * - `counts`: per altered cell, its distinct event codes with how many events each stands for
 *   (./counted-cells.ts, the low-memory path's merged matrix): no record exists to give.
 * Both give every stored entry's event code (../model/events-codes.ts) and walk a row's cells in
 * index order, which is all the summaries read.
 */
import type { Alteration } from '../model/alteration.js'
import { recordCode } from '../model/events-codes.js'
import { InputError } from '../errors.js'
import type { AlteredCell, CohortMatrix, RecordMatrix } from './types.js'

/** What both kinds give: entries (one per event, or per distinct event code of a cell) by cell. */
export interface CodedCells {
  /** Altered cells stored. */
  readonly size: number
  has(idx: number): boolean
  /** Each stored entry's event code, in cell then input order. */
  eventCodes(): Uint16Array
  /** Events each entry stands for; undefined: one each. */
  eventCounts(): Uint32Array | undefined
  /** The cells with from ≤ index < to, in index order, each with its range [a, b) of entries. */
  forEachCell(from: number, to: number, visit: (idx: number, a: number, b: number) => void): void
}

/** Cells that keep their events: one entry per event. */
export interface RecordCells extends CodedCells, ReadonlyMap<number, AlteredCell> {
  readonly kind: 'records'
  eventCounts(): undefined
  /** Entry j's event. */
  eventRecord(j: number): Alteration
  /** Entry j's identity: the same for one event reached through two features (a gene and a pathway row). */
  eventIdentity(j: number): unknown
}

/** Cells that keep counts: one entry per distinct event code of a cell, with its count. */
export interface CountCells extends CodedCells {
  readonly kind: 'counts'
  eventCounts(): Uint32Array
  /** Per entry, where in the input its first event was (file × 2^32 + line). */
  eventKeys(): Float64Array
}

/**
 * The cells of sorted `cellIdx` with from ≤ index < to, in index order, each with its entry range
 * [starts[i], starts[i + 1]): one binary search for `from`, then a walk. Shared by the stores.
 */
export function forEachCellIn(
  cellIdx: Float64Array | Uint32Array,
  starts: Uint32Array,
  from: number,
  to: number,
  visit: (idx: number, a: number, b: number) => void,
): void {
  let lo = 0
  let hi = cellIdx.length
  while (lo < hi) {
    const mid = (lo + hi) >>> 1
    if ((cellIdx[mid] as number) < from) lo = mid + 1
    else hi = mid
  }
  for (let i = lo; i < cellIdx.length; i++) {
    const idx = cellIdx[i] as number
    if (idx >= to) break
    visit(idx, starts[i] as number, starts[i + 1] as number)
  }
}

/**
 * Record cells over a Map of AlteredCells a caller built itself (tests, small programs using the
 * library): entries in cell-index order, each event its own identity. O(events) to set up.
 */
export class MapCells implements RecordCells {
  readonly kind = 'records' as const
  private readonly idx: Float64Array
  private readonly starts: Uint32Array
  private readonly events: Alteration[] = []
  private codes: Uint16Array | undefined

  constructor(private readonly map: ReadonlyMap<number, AlteredCell>) {
    this.idx = Float64Array.from(map.keys()).sort()
    this.starts = new Uint32Array(this.idx.length + 1)
    this.idx.forEach((k, i) => {
      for (const e of (map.get(k) as AlteredCell).events) this.events.push(e)
      this.starts[i + 1] = this.events.length
    })
  }

  get size(): number {
    return this.idx.length
  }
  has(idx: number): boolean {
    return this.map.has(idx)
  }
  get(idx: number): AlteredCell | undefined {
    return this.map.get(idx)
  }
  eventCodes(): Uint16Array {
    this.codes ??= Uint16Array.from(this.events, recordCode)
    return this.codes
  }
  eventCounts(): undefined {
    return undefined
  }
  eventRecord(j: number): Alteration {
    return this.events[j] as Alteration
  }
  eventIdentity(j: number): unknown {
    return this.events[j]
  }
  forEachCell(from: number, to: number, visit: (idx: number, a: number, b: number) => void): void {
    forEachCellIn(this.idx, this.starts, from, to, visit)
  }
  forEach(cb: (value: AlteredCell, key: number, map: ReadonlyMap<number, AlteredCell>) => void, thisArg?: unknown): void {
    for (const [k, v] of this.entries()) cb.call(thisArg, v, k, this)
  }
  *entries(): MapIterator<[number, AlteredCell]> {
    for (const k of this.idx) yield [k, this.map.get(k) as AlteredCell]
  }
  *keys(): MapIterator<number> {
    for (const k of this.idx) yield k
  }
  *values(): MapIterator<AlteredCell> {
    for (const k of this.idx) yield this.map.get(k) as AlteredCell
  }
  [Symbol.iterator](): MapIterator<[number, AlteredCell]> {
    return this.entries()
  }
}

/** Whether the matrix keeps its events' records (the default path) rather than counts (--low-memory). */
export function hasRecords<M extends CohortMatrix>(m: M): m is M & RecordMatrix {
  return m.cells.kind === 'records'
}

/** The matrix, when it keeps records; else a usage error naming what needed them. */
export function requireRecords<M extends CohortMatrix>(m: M, what: string): M & RecordMatrix {
  if (hasRecords(m)) return m
  throw new InputError('USAGE', `${what} needs every event record, which the low-memory path does not keep`, { suggestion: 'drop --low-memory' })
}
