/**
 * Group (cell, event) pairs into cells without per-cell allocation: pairs are ordered by cell and,
 * within a cell, by input (event) order; one scan then yields sorted distinct cell indices,
 * offsets and event ids. Cell indices below 2^32: a stable radix sort by cell (pairs already come
 * in event order). Larger: each pair becomes one double `cellIndex * M + eventId` (M = number of
 * events) and a Float64Array sort orders them; exact while cells × M < 2^53, checked.
 * Complexity: O(P) for P pairs with a radix sort by cell when cells < 2^32 (every real cohort);
 * otherwise O(P log P) (typed-array sort; ~0.1-0.2 s for 1.5M pairs). Memory: 16 bytes per pair
 * for the radix sort (cells and events, twice) beside the 8 bytes per pair of the input lists.
 */
import { InputError } from '../errors.js'

export interface CollectInput {
  readonly n: number
  readonly G: number
  readonly R: number
  readonly M: number
  readonly features: number
  /** Gene pairs keyed gi * n + s (gi: interned gene id, mapped to a row by geneRow; -1 = not a feature). */
  readonly gKey: ArrayLike<number>
  readonly gEv: ArrayLike<number>
  /** Rule pairs keyed r * n + s; pathway pairs keyed p * n + s. */
  readonly rKey: ArrayLike<number>
  readonly rEv: ArrayLike<number>
  readonly pKey: ArrayLike<number>
  readonly pEv: ArrayLike<number>
  readonly geneRow: Int32Array
}

export interface Collected {
  readonly cellIdx: Float64Array
  readonly starts: Uint32Array
  readonly events: Uint32Array
}

/**
 * A growable typed array of integers (pairs are collected by the million): 4 bytes a number while
 * every number fits unsigned 32 bits (cell keys and table rows of every real cohort), moving to
 * 8-byte doubles the first time one does not.
 */
export class NumList {
  private a: Uint32Array | Float64Array
  length = 0
  constructor(capacity = 1024) {
    this.a = new Uint32Array(Math.max(16, capacity))
  }
  push(v: number): void {
    let a = this.a
    const wide = v > 0xffffffff || v < 0
    if (this.length === a.length || (wide && a instanceof Uint32Array)) {
      const b = wide || a instanceof Float64Array ? new Float64Array(a.length * 2) : new Uint32Array(a.length * 2)
      b.set(a.subarray(0, this.length))
      this.a = a = b
    }
    a[this.length++] = v
  }
  /** The numbers pushed so far (a view, not a copy). */
  view(): Uint32Array | Float64Array {
    return this.a.subarray(0, this.length)
  }
}

export function collectCells(c: CollectInput): Collected {
  const { n } = c
  const M = Math.max(1, c.M)
  if (c.features * n * M >= Number.MAX_SAFE_INTEGER) {
    throw new InputError('LIMIT', `too large to index: ${c.features} features × ${n} samples × ${c.M} events`)
  }
  const total = c.gKey.length + c.rKey.length + c.pKey.length
  // Cell indices below 2^32 (every real cohort: 4 billion cells) and pairs in event order within
  // each list (as buildMatrix makes them): a stable radix sort by cell. Each cell draws from one
  // list, so a stable sort by cell alone leaves a cell's events in event order.
  if (c.features * n <= 0x100000000 && ascending(c.gEv) && ascending(c.rEv) && ascending(c.pEv)) return radixCells(c, total)
  const comp = new Float64Array(total)
  const k = forEachPair(c, (j, cell, ev) => (comp[j] = cell * M + ev))
  const sorted = comp.subarray(0, k).sort()
  const cellIdx = new Float64Array(k)
  const starts = new Uint32Array(k + 1)
  let cells = 0
  const events = new Uint32Array(k)
  let last = -1
  for (let i = 0; i < k; i++) {
    const v = sorted[i] as number
    let cell = Math.floor(v / M)
    let ev = v - cell * M
    // Division of a large double can round up by one near a multiple of M: correct exactly.
    if (ev < 0) {
      cell--
      ev += M
    } else if (ev >= M) {
      cell++
      ev -= M
    }
    if (cell !== last) {
      cellIdx[cells] = cell
      starts[cells++] = i
      last = cell
    }
    events[i] = ev
  }
  starts[cells] = k
  return { cellIdx: cellIdx.slice(0, cells), starts: starts.slice(0, cells + 1), events }
}

/** Each pair as (position j, cell index, event), gene pairs of non-feature genes left out; returns the count. */
function forEachPair(c: CollectInput, put: (j: number, cell: number, ev: number) => void): number {
  const { n, G, R } = c
  let k = 0
  for (let i = 0; i < c.gKey.length; i++) {
    const key = c.gKey[i] as number
    const gi = Math.floor(key / n)
    const row = c.geneRow[gi] as number
    if (row >= 0) put(k++, row * n + (key - gi * n), c.gEv[i] as number)
  }
  for (let i = 0; i < c.rKey.length; i++) put(k++, G * n + (c.rKey[i] as number), c.rEv[i] as number)
  for (let i = 0; i < c.pKey.length; i++) put(k++, (G + R) * n + (c.pKey[i] as number), c.pEv[i] as number)
  return k
}

function ascending(a: ArrayLike<number>): boolean {
  for (let i = 1; i < a.length; i++) if ((a[i] as number) < (a[i - 1] as number)) return false
  return true
}

/** collectCells for cell indices < 2^32: LSD radix sort (≤ 12 bits a pass) of (cell, event) pairs by cell. O(P). */
function radixCells(c: CollectInput, total: number): Collected {
  let cell = new Uint32Array(total)
  let ev = new Uint32Array(total)
  const k = forEachPair(c, (j, cl, e) => {
    cell[j] = cl
    ev[j] = e
  })
  let top = 0
  for (let i = 0; i < k; i++) if ((cell[i] as number) > top) top = cell[i] as number
  // As few passes as digits of ≤ 12 bits allow (a 5M-cell cohort: two passes of 12 bits).
  let width = 1
  while (width < 32 && top >>> width > 0) width++
  const BITS = Math.ceil(width / Math.ceil(width / 12))
  const count = new Uint32Array(1 << BITS)
  let cell2 = new Uint32Array(k)
  let ev2 = new Uint32Array(k)
  for (let shift = 0; shift < 32 && top >>> shift > 0; shift += BITS) {
    count.fill(0)
    const mask = (1 << BITS) - 1
    for (let i = 0; i < k; i++) {
      const d = ((cell[i] as number) >>> shift) & mask
      count[d] = (count[d] as number) + 1
    }
    let sum = 0
    for (let d = 0; d < count.length; d++) {
      const v = count[d] as number
      count[d] = sum
      sum += v
    }
    for (let i = 0; i < k; i++) {
      const d = ((cell[i] as number) >>> shift) & mask
      const at = count[d] as number
      cell2[at] = cell[i] as number
      ev2[at] = ev[i] as number
      count[d] = at + 1
    }
    ;[cell, cell2] = [cell2, cell]
    ;[ev, ev2] = [ev2, ev]
  }
  const cellIdx = new Float64Array(k)
  const starts = new Uint32Array(k + 1)
  let cells = 0
  let last = -1
  for (let i = 0; i < k; i++) {
    const v = cell[i] as number
    if (v !== last) {
      cellIdx[cells] = v
      starts[cells++] = i
      last = v
    }
  }
  starts[cells] = k
  return { cellIdx: cellIdx.slice(0, cells), starts: starts.slice(0, cells + 1), events: k === total ? ev : ev.slice(0, k) }
}
