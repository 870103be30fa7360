/**
 * The EventTable's storage (./events.ts): typed-array columns, the protein-change bytes, the sparse
 * fields, growing, truncating and filtering rows, and the column reads the hot loops use. Records
 * in and out, and moving rows between tables, are EventTable's (./events.ts).
 *
 * Memory: 61 bytes a row (+8 each for VAFs that are not altCount / depth and for copy numbers,
 * once any row has one) + its protein change's bytes + the distinct other strings (each once) +
 * the sparse fields. O(1) amortized per append (columns grow by half when full), O(1) per field read.
 */
import { eventCode } from './events-codes.js'
import { StringPool, own, type EventRow } from './events-row.js'

/** end − start is unknown (or out of int32 range: see bigEnds). */
export const NO_DELTA = -0x80000000
/** In the VAF column: "altCount / depth", computed when asked. */
export const DERIVED = -Infinity

/** A UTF-16 code unit UTF-8 cannot carry (String.prototype.isWellFormed is not in our TypeScript lib). */
const LONE_SURROGATE = /[\uD800-\uDBFF](?![\uDC00-\uDFFF])|(?<![\uD800-\uDBFF])[\uDC00-\uDFFF]/

/** "Unknown" in the Uint32 count columns; larger counts go to a sparse overflow map. */
const NO_COUNT = 0xffffffff

/** Columns of an EventTable; see ./events.ts for what a row holds and why it is stored this way. */
export class EventColumns {
  readonly pool: StringPool
  protected n = 0
  protected cap = 0
  protected sampleC = new Int32Array(0)
  protected geneC = new Int32Array(0)
  protected kindC = new Uint8Array(0)
  protected clsC = new Uint8Array(0)
  protected typeC = new Uint8Array(0)
  protected originC = new Uint8Array(0)
  protected cnC = new Uint8Array(0)
  protected chromC = new Int32Array(0)
  protected refC = new Int32Array(0)
  protected altC = new Int32Array(0)
  /** Protein change of row i: protBytes[protStart[i], + protLen[i]) as UTF-8; protStart −1 = none, −2 = in oddProtein. */
  protected protStart = new Int32Array(0)
  protected protLen = new Int32Array(0)
  protected protBytes = Buffer.alloc(0)
  protected protUsed = 0
  /** Protein strings that are not well-formed UTF-16 (a lone surrogate does not survive UTF-8). */
  protected readonly oddProtein = new Map<number, string>()
  protected filterC = new Int32Array(0)
  protected fileC = new Int32Array(0)
  protected lineC = new Uint32Array(0)
  protected startC = new Float64Array(0)
  /** end − start (NO_DELTA: end unknown; deltas beyond int32 go to bigEnds). */
  protected endC = new Int32Array(0)
  /** Allocated on first use: VAF where it is not altCount / depth (DERIVED elsewhere), copy number. */
  protected vafC: Float64Array<ArrayBuffer> | undefined
  protected cnumC: Float64Array<ArrayBuffer> | undefined
  protected readonly bigEnds = new Map<number, number>()
  protected depthC = new Uint32Array(0)
  protected altCountC = new Uint32Array(0)
  protected refCountC = new Uint32Array(0)
  protected readonly rawClass = new Map<number, string>()
  protected readonly partner = new Map<number, string>()
  protected readonly extra = new Map<number, Readonly<Record<string, string>>>()
  /** Counts ≥ 2^32 − 1 (row * 3 + which → value); real files never have them. */
  protected readonly bigCounts = new Map<number, number>()

  constructor(pool?: StringPool) {
    this.pool = pool ?? new StringPool()
  }
  get length(): number {
    return this.n
  }

  protected grow(atLeast = 0): void {
    const cap = Math.max(atLeast, this.cap < 1024 ? 1024 : Math.ceil(this.cap * 1.5))
    const g = <T extends Int32Array | Uint32Array | Uint8Array | Float64Array>(a: T, make: (k: number) => T): T => {
      const b = make(cap)
      b.set(a)
      return b
    }
    const i32 = (k: number) => new Int32Array(k)
    const u32 = (k: number) => new Uint32Array(k)
    const u8 = (k: number) => new Uint8Array(k)
    const f64 = (k: number) => new Float64Array(k)
    this.sampleC = g(this.sampleC, i32)
    this.geneC = g(this.geneC, i32)
    this.kindC = g(this.kindC, u8)
    this.clsC = g(this.clsC, u8)
    this.typeC = g(this.typeC, u8)
    this.originC = g(this.originC, u8)
    this.cnC = g(this.cnC, u8)
    this.chromC = g(this.chromC, i32)
    this.refC = g(this.refC, i32)
    this.altC = g(this.altC, i32)
    this.filterC = g(this.filterC, i32)
    this.fileC = g(this.fileC, i32)
    this.lineC = g(this.lineC, u32)
    this.startC = g(this.startC, f64)
    this.endC = g(this.endC, i32)
    this.protStart = g(this.protStart, i32)
    this.protLen = g(this.protLen, i32)
    if (this.vafC) this.vafC = g(this.vafC, f64)
    if (this.cnumC) this.cnumC = g(this.cnumC, f64)
    this.depthC = g(this.depthC, u32)
    this.altCountC = g(this.altCountC, u32)
    this.refCountC = g(this.refCountC, u32)
    this.cap = cap
  }

  protected roomForProtein(bytes: number): void {
    const need = this.protUsed + bytes
    if (need <= this.protBytes.length) return
    const b = Buffer.alloc(Math.max(need, 4096, Math.ceil(this.protBytes.length * 1.5)))
    this.protBytes.copy(b, 0, 0, this.protUsed)
    this.protBytes = b
  }

  protected setProtein(i: number, p: string | undefined): void {
    if (p === undefined) this.protStart[i] = -1
    else if (LONE_SURROGATE.test(p)) {
      this.protStart[i] = -2
      this.oddProtein.set(i, p)
    } else {
      this.roomForProtein(3 * p.length)
      const n = this.protBytes.write(p, this.protUsed)
      this.protStart[i] = this.protUsed
      this.protLen[i] = n
      this.protUsed += n
    }
  }

  /** Row i's protein change given as UTF-8 bytes buf[a, z) (the MAF byte path: no string made). */
  setProteinBytes(i: number, buf: Uint8Array, a: number, z: number): void {
    const n = z - a
    this.roomForProtein(n)
    const out = this.protBytes
    const at = this.protUsed
    if (n < 64) for (let k = 0; k < n; k++) out[at + k] = buf[a + k] as number
    else out.set(buf.subarray(a, z), at)
    this.protStart[i] = at
    this.protLen[i] = n
    this.protUsed = at + n
  }

  protected proteinOf(i: number): string | undefined {
    const a = this.protStart[i] as number
    if (a >= 0) return this.protBytes.toString('utf8', a, a + (this.protLen[i] as number))
    return a === -2 ? this.oddProtein.get(i) : undefined
  }

  protected setCount(col: Uint32Array, i: number, which: number, v: number): void {
    if (v < 0) col[i] = NO_COUNT
    else if (v < NO_COUNT) col[i] = v
    else {
      col[i] = NO_COUNT
      this.bigCounts.set(i * 3 + which, v)
    }
  }

  protected count(col: Uint32Array, i: number, which: number): number | undefined {
    const v = col[i] as number
    return v !== NO_COUNT ? v : this.bigCounts.get(i * 3 + which)
  }

  /** Append a row given in id/code form; returns its index. */
  append(r: EventRow): number {
    const i = this.n
    if (i === this.cap) this.grow()
    this.sampleC[i] = r.sample
    this.geneC[i] = r.gene
    this.kindC[i] = r.kind
    this.clsC[i] = r.cls
    this.typeC[i] = r.type
    this.originC[i] = r.origin
    this.cnC[i] = r.cnState
    this.chromC[i] = r.chrom
    this.refC[i] = r.ref
    this.altC[i] = r.alt
    this.setProtein(i, r.protein)
    this.filterC[i] = r.filter
    this.fileC[i] = r.file
    this.lineC[i] = r.line
    this.startC[i] = r.start
    const delta = r.end - r.start
    if (Number.isNaN(r.end)) this.endC[i] = NO_DELTA
    else if (delta > NO_DELTA && delta <= 0x7fffffff) this.endC[i] = delta
    else {
      this.endC[i] = NO_DELTA
      this.bigEnds.set(i, r.end)
    }
    const derived = r.altCount >= 0 && r.depth > 0 ? r.altCount / r.depth : NaN
    if (!(r.vaf === derived || (Number.isNaN(r.vaf) && Number.isNaN(derived)))) {
      this.vafC ??= new Float64Array(this.cap).fill(DERIVED)
      this.vafC[i] = r.vaf
    } else if (this.vafC) this.vafC[i] = DERIVED
    if (!Number.isNaN(r.copyNumber)) {
      this.cnumC ??= new Float64Array(this.cap).fill(NaN)
      this.cnumC[i] = r.copyNumber
    } else if (this.cnumC) this.cnumC[i] = NaN
    this.setCount(this.depthC, i, 0, r.depth)
    this.setCount(this.altCountC, i, 1, r.altCount)
    this.setCount(this.refCountC, i, 2, r.refCount)
    this.n = i + 1
    return i
  }

  /** Sparse fields of row i (the input's own class word, fusion partner, extra columns). */
  setRare(i: number, rawClass: string | undefined, partner: string | undefined, extra: Readonly<Record<string, string>> | undefined): void {
    if (rawClass !== undefined) this.rawClass.set(i, own(rawClass))
    if (partner !== undefined) this.partner.set(i, own(partner))
    if (extra !== undefined) this.extra.set(i, extra)
  }

  /** Keep only the first n rows (a reader that started over). */
  truncate(n: number): void {
    if (n >= this.n) return
    for (let i = n; i < this.n; i++) {
      const a = this.protStart[i] as number
      if (a >= 0) {
        this.protUsed = a
        break
      }
    }
    this.n = n
    for (const k of [...this.oddProtein.keys()]) if (k >= n) this.oddProtein.delete(k)
    for (const m of [this.rawClass, this.partner, this.extra]) for (const k of [...m.keys()]) if (k >= n) m.delete(k)
    for (const k of [...this.bigCounts.keys()]) if (k >= n * 3) this.bigCounts.delete(k)
    for (const k of [...this.bigEnds.keys()]) if (k >= n) this.bigEnds.delete(k)
  }

  /** Of the rows from `from` on, keep those whose keep[i − from] is 1, in order (a reader's late duplicate check). O(rows). */
  retain(from: number, keep: Uint8Array): void {
    const n = this.n
    const first = keep.indexOf(0) // rows before the first dropped one stay where they are
    if (first < 0 || from + first >= n) return
    from += first
    keep = keep.subarray(first)
    const to = new Int32Array(n - from)
    let w = from
    for (let i = from; i < n; i++) to[i - from] = keep[i - from] === 1 ? w++ : -1
    const pack = (c: { [k: number]: unknown }) => {
      for (let i = from; i < n; i++) {
        const j = to[i - from] as number
        if (j >= 0 && j !== i) c[j] = c[i]
      }
    }
    for (const c of [this.sampleC, this.geneC, this.kindC, this.clsC, this.typeC, this.originC, this.cnC, this.chromC, this.refC, this.altC,
      this.filterC, this.fileC, this.lineC, this.startC, this.endC, this.depthC, this.altCountC, this.refCountC, this.protStart, this.protLen]) pack(c)
    if (this.vafC) pack(this.vafC)
    if (this.cnumC) pack(this.cnumC)
    const moved = <V>(m: Map<number, V>, row: (k: number) => number, key: (j: number, k: number) => number) => {
      const later = [...m].filter(([k]) => row(k) >= from)
      for (const [k] of later) m.delete(k)
      for (const [k, v] of later) {
        const j = to[row(k) - from] as number
        if (j >= 0) m.set(key(j, k), v)
      }
    }
    const same = (k: number) => k
    const at = (j: number) => j
    moved(this.bigEnds, same, at)
    moved(this.rawClass, same, at)
    moved(this.partner, same, at)
    moved(this.extra, same, at)
    moved(this.oddProtein, same, at)
    moved(this.bigCounts, (k) => Math.floor(k / 3), (j, k) => j * 3 + (k % 3))
    this.n = w
  }

  /** Drop every row (the pool is kept): a streaming reader's batch is done. */
  clear(): void {
    this.n = 0
    this.protUsed = 0
    this.oddProtein.clear()
    this.rawClass.clear()
    this.partner.clear()
    this.extra.clear()
    this.bigCounts.clear()
    this.bigEnds.clear()
  }

  /** Make room for n more rows (a reader that knows roughly how many are coming). */
  reserve(more: number): void {
    const want = this.n + more
    while (this.cap < want) this.grow(want)
    // Protein bytes for those rows at the rate seen so far: grown by half when full, the bench
    // MAF's 10 MB were copied ~20 times over (~60 ms of one thread's read).
    if (this.n > 0 && this.protUsed > 0) this.roomForProtein(Math.ceil((this.protUsed / this.n) * more))
  }

  /** The duplicate-key columns (ids; start NaN = unknown), read-only views for a reader merging parts. */
  keyColumns(): { sample: Int32Array; chrom: Int32Array; start: Float64Array; ref: Int32Array; alt: Int32Array } {
    const n = this.n
    return {
      sample: this.sampleC.subarray(0, n),
      chrom: this.chromC.subarray(0, n),
      start: this.startC.subarray(0, n),
      ref: this.refC.subarray(0, n),
      alt: this.altC.subarray(0, n),
    }
  }

  // Column reads for the hot loops (no record built).
  sampleOf(i: number): number {
    return this.sampleC[i] as number
  }
  geneOf(i: number): number {
    return this.geneC[i] as number
  }
  kindCode(i: number): number {
    return this.kindC[i] as number
  }
  classCode(i: number): number {
    return this.clsC[i] as number
  }
  originCode(i: number): number {
    return this.originC[i] as number
  }
  /** CN_STATES index + 1; 0 = none. */
  cnStateCode(i: number): number {
    return this.cnC[i] as number
  }
  /** Row i's class, kind, copy-number state and origin as one code (./events-codes.ts eventCode). */
  eventCode(i: number): number {
    return eventCode(this.clsC[i] as number, this.kindC[i] as number, this.cnC[i] as number, this.originC[i] as number)
  }
  fileOf(i: number): string {
    return this.pool.values[this.fileC[i] as number] as string
  }
  lineOf(i: number): number {
    return this.lineC[i] as number
  }

  protected endOf(i: number): number | undefined {
    const d = this.endC[i] as number
    if (d !== NO_DELTA) return (this.startC[i] as number) + d
    return this.bigEnds.get(i)
  }

  protected vafOf(i: number): number | undefined {
    const v = this.vafC === undefined ? DERIVED : (this.vafC[i] as number)
    if (v !== DERIVED) return Number.isNaN(v) ? undefined : v
    const alt = this.count(this.altCountC, i, 1)
    const depth = this.count(this.depthC, i, 0)
    return alt !== undefined && depth !== undefined && depth > 0 ? alt / depth : undefined
  }
}
