/**
 * EventTable: the cohort's alterations stored by column, and `Alteration` records built on demand.
 *
 * A million MAF rows held as one object each cost ~290 bytes a record (the object, its boxed
 * numbers and its source record) plus garbage-collection time proportional to the live heap; that
 * was most of `summary`'s 560 MB peak on the bench cohort. Here a row is a slot in typed arrays:
 * strings (samples, genes, chromosomes, alleles, FILTER values, file names) are interned once in a
 * shared pool and stored as 32-bit ids; protein changes, nearly all distinct (interning them was a
 * million-entry Map and a third of the read time), are kept as UTF-8 bytes in one growing buffer
 * (8 bytes of offset and length a row plus ~9 bytes of text, against ~40 for a string per row;
 * the MAF byte path copies them from the file's bytes without making a string); vocabularies (kind, class, type, origin,
 * copy-number state) as one-byte codes; numbers in Float64 / Uint32 columns with an explicit
 * "unknown" value. Fields that are rare in mutation cohorts (the input's own class word, fusion
 * partner, carried-through extra columns) live in sparse maps keyed by row.
 *
 * Readers either append whole records (`push`) or, on the MAF hot path, write ids and codes
 * directly (`MafParser` in ../maf/parser.ts), so no record object is made per row at all. Later
 * stages read the columns they need (`sampleOf`, `geneOf`, `classCode`, …) and call `get(i)` only
 * where a whole record is wanted (tooltips, rule matching, `convert`).
 *
 * `get(i)` returns a record equal to the one pushed (every field of `Alteration`, keys in one fixed
 * order; unknown fields are undefined).
 *
 * Memory: 61 bytes a row (+8 each for VAFs that are not altCount / depth and for copy numbers,
 * once any row has one) + its protein change's bytes + the distinct other strings (each once) +
 * the sparse fields. Complexity: O(1)
 * amortized per append (columns grow by half when full), O(1) per field read, O(fields) per `get`.
 */
import {
  MAF_CLASSES,
  VARIANT_TYPES,
  type Alteration,
  type AlterationKind,
  type CnState,
  type Origin,
  type VariantClass,
  type VariantType,
} from './alteration.js'

export const KINDS: readonly AlterationKind[] = ['snv', 'indel', 'cna', 'fusion']
export const ORIGINS: readonly Origin[] = ['somatic', 'germline', 'unknown']
export const CN_STATES: readonly CnState[] = ['deep_del', 'shallow_del', 'gain', 'amp']

export const KIND_CODE: Readonly<Record<AlterationKind, number>> = { snv: 0, indel: 1, cna: 2, fusion: 3 }
export const ORIGIN_CODE: Readonly<Record<Origin, number>> = { somatic: 0, germline: 1, unknown: 2 }
export const CLASS_CODE: ReadonlyMap<VariantClass, number> = new Map(MAF_CLASSES.map((c, i) => [c, i]))
const TYPE_CODE: ReadonlyMap<VariantType, number> = new Map(VARIANT_TYPES.map((t, i) => [t, i + 1]))
const CN_CODE: ReadonlyMap<CnState, number> = new Map(CN_STATES.map((s, i) => [s, i + 1]))

/** end − start is unknown (or out of int32 range: see bigEnds). */
const NO_DELTA = -0x80000000
/** In the VAF column: "altCount / depth", computed when asked. */
const DERIVED = -Infinity

/** A UTF-16 code unit UTF-8 cannot carry (String.prototype.isWellFormed is not in our TypeScript lib). */
const LONE_SURROGATE = /[\uD800-\uDBFF](?![\uDC00-\uDFFF])|(?<![\uD800-\uDBFF])[\uDC00-\uDFFF]/

/** "Unknown" in the Uint32 count columns; larger counts go to a sparse overflow map. */
const NO_COUNT = 0xffffffff

/**
 * A string we keep, detached from the text it was cut from. V8 represents a substring of 13 or
 * more characters as a view into its parent (a whole decoded 64 KB chunk), so one kept field would
 * pin the chunk; shorter ones are copies already.
 */
export function own(s: string): string {
  return s.length < 13 ? s : Buffer.from(s, 'utf8').toString('utf8')
}

/** Interned strings: equal strings from a million rows share one copy and one id. */
export class StringPool {
  private readonly ids = new Map<string, number>()
  readonly values: string[] = []
  id(s: string): number {
    let i = this.ids.get(s)
    if (i === undefined) {
      i = this.values.length
      const kept = own(s)
      this.ids.set(kept, i)
      this.values.push(kept)
    }
    return i
  }
  get size(): number {
    return this.values.length
  }
}

/** One row's fields in id/code form: what the MAF hot path hands to `append`. */
export interface EventRow {
  sample: number
  gene: number
  kind: number
  cls: number
  /** VARIANT_TYPES index + 1; 0 = unknown. */
  type: number
  origin: number
  /** CN_STATES index + 1; 0 = none. */
  cnState: number
  /** Pool ids; −1 = unknown. */
  chrom: number
  ref: number
  alt: number
  filter: number
  /** HGVSp_Short; undefined = none. Not interned: protein changes are nearly all distinct. */
  protein: string | undefined
  /** NaN = unknown. */
  start: number
  end: number
  vaf: number
  copyNumber: number
  /** −1 = unknown. */
  depth: number
  altCount: number
  refCount: number
  file: number
  line: number
}

export function emptyRow(): EventRow {
  return {
    sample: 0, gene: 0, kind: 0, cls: 0, type: 0, origin: 0, cnState: 0,
    chrom: -1, ref: -1, alt: -1, filter: -1, protein: undefined,
    start: NaN, end: NaN, vaf: NaN, copyNumber: NaN,
    depth: -1, altCount: -1, refCount: -1, file: 0, line: 0,
  }
}

/** An EventTable as plain data (see EventTable.toPart). */
export interface TablePart {
  readonly n: number
  readonly strings: readonly string[]
  readonly sample: Int32Array<ArrayBuffer>
  readonly gene: Int32Array<ArrayBuffer>
  readonly kind: Uint8Array<ArrayBuffer>
  readonly cls: Uint8Array<ArrayBuffer>
  readonly type: Uint8Array<ArrayBuffer>
  readonly origin: Uint8Array<ArrayBuffer>
  readonly cn: Uint8Array<ArrayBuffer>
  readonly chrom: Int32Array<ArrayBuffer>
  readonly ref: Int32Array<ArrayBuffer>
  readonly alt: Int32Array<ArrayBuffer>
  readonly filter: Int32Array<ArrayBuffer>
  readonly file: Int32Array<ArrayBuffer>
  readonly line: Uint32Array<ArrayBuffer>
  readonly start: Float64Array<ArrayBuffer>
  readonly end: Int32Array<ArrayBuffer>
  readonly vaf: Float64Array<ArrayBuffer> | undefined
  readonly cnum: Float64Array<ArrayBuffer> | undefined
  readonly depth: Uint32Array<ArrayBuffer>
  readonly altCount: Uint32Array<ArrayBuffer>
  readonly refCount: Uint32Array<ArrayBuffer>
  readonly protStart: Int32Array<ArrayBuffer>
  readonly protLen: Int32Array<ArrayBuffer>
  readonly protBytes: Uint8Array<ArrayBuffer>
  readonly oddProtein: [number, string][]
  readonly bigEnds: [number, number][]
  readonly bigCounts: [number, number][]
  readonly rawClass: [number, string][]
  readonly partner: [number, string][]
  readonly extra: [number, Readonly<Record<string, string>>][]
}

export class EventTable implements Iterable<Alteration> {
  readonly pool: StringPool
  private n = 0
  private cap = 0
  private sampleC = new Int32Array(0)
  private geneC = new Int32Array(0)
  private kindC = new Uint8Array(0)
  private clsC = new Uint8Array(0)
  private typeC = new Uint8Array(0)
  private originC = new Uint8Array(0)
  private cnC = new Uint8Array(0)
  private chromC = new Int32Array(0)
  private refC = new Int32Array(0)
  private altC = new Int32Array(0)
  /** Protein change of row i: protBytes[protStart[i], + protLen[i]) as UTF-8; protStart −1 = none, −2 = in oddProtein. */
  private protStart = new Int32Array(0)
  private protLen = new Int32Array(0)
  private protBytes = Buffer.alloc(0)
  private protUsed = 0
  /** Protein strings that are not well-formed UTF-16 (a lone surrogate does not survive UTF-8). */
  private readonly oddProtein = new Map<number, string>()
  private filterC = new Int32Array(0)
  private fileC = new Int32Array(0)
  private lineC = new Uint32Array(0)
  private startC = new Float64Array(0)
  /** end − start (NO_DELTA: end unknown; deltas beyond int32 go to bigEnds). */
  private endC = new Int32Array(0)
  /** Allocated on first use: VAF where it is not altCount / depth (DERIVED elsewhere), copy number. */
  private vafC: Float64Array<ArrayBuffer> | undefined
  private cnumC: Float64Array<ArrayBuffer> | undefined
  private readonly bigEnds = new Map<number, number>()
  private depthC = new Uint32Array(0)
  private altCountC = new Uint32Array(0)
  private refCountC = new Uint32Array(0)
  private readonly rawClass = new Map<number, string>()
  private readonly partner = new Map<number, string>()
  private readonly extra = new Map<number, Readonly<Record<string, string>>>()
  /** Counts ≥ 2^32 − 1 (row * 3 + which → value); real files never have them. */
  private readonly bigCounts = new Map<number, number>()

  constructor(pool?: StringPool) {
    this.pool = pool ?? new StringPool()
  }

  static from(records: Iterable<Alteration>): EventTable {
    const t = new EventTable()
    for (const a of records) t.push(a)
    return t
  }

  get length(): number {
    return this.n
  }

  private grow(atLeast = 0): void {
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

  private roomForProtein(bytes: number): void {
    const need = this.protUsed + bytes
    if (need <= this.protBytes.length) return
    const b = Buffer.alloc(Math.max(need, 4096, Math.ceil(this.protBytes.length * 1.5)))
    this.protBytes.copy(b, 0, 0, this.protUsed)
    this.protBytes = b
  }

  private setProtein(i: number, p: string | undefined): void {
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

  private proteinOf(i: number): string | undefined {
    const a = this.protStart[i] as number
    if (a >= 0) return this.protBytes.toString('utf8', a, a + (this.protLen[i] as number))
    return a === -2 ? this.oddProtein.get(i) : undefined
  }

  private setCount(col: Uint32Array, i: number, which: number, v: number): void {
    if (v < 0) col[i] = NO_COUNT
    else if (v < NO_COUNT) col[i] = v
    else {
      col[i] = NO_COUNT
      this.bigCounts.set(i * 3 + which, v)
    }
  }

  private count(col: Uint32Array, i: number, which: number): number | undefined {
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

  private readonly scratch = emptyRow()

  /** Append a whole record; returns its index. */
  push(a: Alteration): number {
    const p = this.pool
    const r = this.scratch
    r.sample = p.id(a.sample)
    r.gene = p.id(a.gene)
    r.kind = KIND_CODE[a.kind]
    r.cls = CLASS_CODE.get(a.variantClass) as number
    r.type = a.variantType === undefined ? 0 : (TYPE_CODE.get(a.variantType) as number)
    r.origin = ORIGIN_CODE[a.origin]
    r.cnState = a.cnState === undefined ? 0 : (CN_CODE.get(a.cnState) as number)
    r.chrom = a.chrom === undefined ? -1 : p.id(a.chrom)
    r.ref = a.ref === undefined ? -1 : p.id(a.ref)
    r.alt = a.alt === undefined ? -1 : p.id(a.alt)
    r.protein = a.protein
    r.filter = a.filter === undefined ? -1 : p.id(a.filter)
    r.start = a.start ?? NaN
    r.end = a.end ?? NaN
    r.vaf = a.vaf ?? NaN
    r.copyNumber = a.copyNumber ?? NaN
    r.depth = a.depth ?? -1
    r.altCount = a.altCount ?? -1
    r.refCount = a.refCount ?? -1
    r.file = p.id(a.source.file)
    r.line = a.source.line
    const i = this.append(r)
    this.setRare(i, a.rawClass, a.partner, a.extra)
    return i
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
  }

  /**
   * The table as plain data for another thread (postMessage): the columns, the pool's strings, the
   * sparse maps as entry lists. `transfer` lists the column buffers, which move instead of being
   * copied. A column is sent whole (rows past `n` unused) when its spare room is under 1/16 (a
   * reader that reserved for its byte range): cutting it would copy every column while the
   * originals are still held, ~40 MB more at the peak for half the bench MAF. The table must not
   * be used afterwards.
   */
  toPart(): { part: TablePart; transfer: ArrayBuffer[] } {
    const n = this.n
    const whole = this.cap - n <= this.cap / 16
    const cut = <T extends Int32Array | Uint32Array | Uint8Array | Float64Array>(a: T): T => (whole ? a : (a.slice(0, n) as T))
    const part: TablePart = {
      n,
      strings: this.pool.values,
      sample: cut(this.sampleC), gene: cut(this.geneC), kind: cut(this.kindC), cls: cut(this.clsC), type: cut(this.typeC),
      origin: cut(this.originC), cn: cut(this.cnC), chrom: cut(this.chromC), ref: cut(this.refC), alt: cut(this.altC),
      filter: cut(this.filterC), file: cut(this.fileC), line: cut(this.lineC), start: cut(this.startC), end: cut(this.endC),
      vaf: this.vafC && cut(this.vafC), cnum: this.cnumC && cut(this.cnumC),
      depth: cut(this.depthC), altCount: cut(this.altCountC), refCount: cut(this.refCountC),
      protStart: cut(this.protStart), protLen: cut(this.protLen),
      protBytes: new Uint8Array(this.protBytes.subarray(0, this.protUsed)), oddProtein: [...this.oddProtein],
      bigEnds: [...this.bigEnds], bigCounts: [...this.bigCounts],
      rawClass: [...this.rawClass], partner: [...this.partner], extra: [...this.extra],
    }
    const transfer: ArrayBuffer[] = []
    for (const v of Object.values(part)) if (ArrayBuffer.isView(v)) transfer.push(v.buffer as ArrayBuffer)
    return { part, transfer }
  }

  /** A table over a part received from another thread (its own pool: ids as the sender made them). */
  static fromPart(p: TablePart): EventTable {
    const pool = new StringPool()
    for (const s of p.strings) pool.id(s)
    const t = new EventTable(pool)
    t.n = p.n
    t.cap = p.sample.length
    t.sampleC = p.sample
    t.geneC = p.gene
    t.kindC = p.kind
    t.clsC = p.cls
    t.typeC = p.type
    t.originC = p.origin
    t.cnC = p.cn
    t.chromC = p.chrom
    t.refC = p.ref
    t.altC = p.alt
    t.filterC = p.filter
    t.fileC = p.file
    t.lineC = p.line
    t.startC = p.start
    t.endC = p.end
    t.vafC = p.vaf
    t.cnumC = p.cnum
    t.depthC = p.depth
    t.altCountC = p.altCount
    t.refCountC = p.refCount
    t.protStart = p.protStart
    t.protLen = p.protLen
    t.protBytes = Buffer.from(p.protBytes.buffer, p.protBytes.byteOffset, p.protBytes.length)
    t.protUsed = p.protBytes.length
    for (const [k, v] of p.oddProtein) t.oddProtein.set(k, v)
    for (const [k, v] of p.bigEnds) t.bigEnds.set(k, v)
    for (const [k, v] of p.bigCounts) t.bigCounts.set(k, v)
    for (const [k, v] of p.rawClass) t.rawClass.set(k, v)
    for (const [k, v] of p.partner) t.partner.set(k, v)
    for (const [k, v] of p.extra) t.extra.set(k, v)
    return t
  }

  /**
   * Ids of `src`'s pool strings in this table's pool (interning the new ones in src's order, so the
   * pool ends as if src's rows had been read here).
   */
  idMap(src: EventTable): Int32Array {
    const v = src.pool.values
    const out = new Int32Array(v.length)
    for (let k = 0; k < v.length; k++) out[k] = this.pool.id(v[k] as string)
    return out
  }

  /**
   * Append every row of `src`, column by column: pool ids translated by `ids` (from idMap), line
   * numbers shifted by `lineOffset`. O(rows of src); no record or row object is made.
   */
  appendTable(src: EventTable, ids: Int32Array, lineOffset: number): void {
    const k = src.n
    const base = this.n
    if (base + k > this.cap) this.grow(base + k)
    const copy = <T extends Int32Array | Uint32Array | Uint8Array | Float64Array>(to: T, from: T) => to.set(from.subarray(0, k), base)
    const mapIds = (to: Int32Array, from: Int32Array) => {
      for (let j = 0; j < k; j++) {
        const x = from[j] as number
        to[base + j] = x < 0 ? x : (ids[x] as number)
      }
    }
    mapIds(this.sampleC, src.sampleC)
    mapIds(this.geneC, src.geneC)
    mapIds(this.chromC, src.chromC)
    mapIds(this.refC, src.refC)
    mapIds(this.altC, src.altC)
    mapIds(this.filterC, src.filterC)
    mapIds(this.fileC, src.fileC)
    copy(this.kindC, src.kindC)
    copy(this.clsC, src.clsC)
    copy(this.typeC, src.typeC)
    copy(this.originC, src.originC)
    copy(this.cnC, src.cnC)
    copy(this.startC, src.startC)
    copy(this.endC, src.endC)
    copy(this.depthC, src.depthC)
    copy(this.altCountC, src.altCountC)
    copy(this.refCountC, src.refCountC)
    for (let j = 0; j < k; j++) this.lineC[base + j] = (src.lineC[j] as number) + lineOffset
    if (src.vafC !== undefined) {
      this.vafC ??= new Float64Array(this.cap).fill(DERIVED, 0, base)
      copy(this.vafC, src.vafC)
    } else if (this.vafC !== undefined) this.vafC.fill(DERIVED, base, base + k)
    if (src.cnumC !== undefined) {
      this.cnumC ??= new Float64Array(this.cap).fill(NaN, 0, base)
      copy(this.cnumC, src.cnumC)
    } else if (this.cnumC !== undefined) this.cnumC.fill(NaN, base, base + k)
    const shift = this.protUsed
    this.roomForProtein(src.protUsed)
    this.protBytes.set(src.protBytes.subarray(0, src.protUsed), shift)
    this.protUsed += src.protUsed
    copy(this.protLen, src.protLen)
    for (let j = 0; j < k; j++) {
      const a = src.protStart[j] as number
      this.protStart[base + j] = a >= 0 ? a + shift : a
    }
    for (const [i, v] of src.oddProtein) this.oddProtein.set(base + i, v)
    for (const [i, v] of src.bigEnds) this.bigEnds.set(base + i, v)
    for (const [i, v] of src.rawClass) this.rawClass.set(base + i, v)
    for (const [i, v] of src.partner) this.partner.set(base + i, v)
    for (const [i, v] of src.extra) this.extra.set(base + i, v)
    for (const [key, v] of src.bigCounts) this.bigCounts.set(base * 3 + key, v)
    this.n = base + k
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
  fileOf(i: number): string {
    return this.pool.values[this.fileC[i] as number] as string
  }
  lineOf(i: number): number {
    return this.lineC[i] as number
  }

  private endOf(i: number): number | undefined {
    const d = this.endC[i] as number
    if (d !== NO_DELTA) return (this.startC[i] as number) + d
    return this.bigEnds.get(i)
  }

  private vafOf(i: number): number | undefined {
    const v = this.vafC === undefined ? DERIVED : (this.vafC[i] as number)
    if (v !== DERIVED) return Number.isNaN(v) ? undefined : v
    const alt = this.count(this.altCountC, i, 1)
    const depth = this.count(this.depthC, i, 0)
    return alt !== undefined && depth !== undefined && depth > 0 ? alt / depth : undefined
  }

  /** Row i as a record. */
  get(i: number): Alteration {
    const v = this.pool.values
    const s = (id: number) => (id < 0 ? undefined : v[id])
    const num = (x: number) => (Number.isNaN(x) ? undefined : x)
    const type = this.typeC[i] as number
    const cn = this.cnC[i] as number
    return {
      sample: v[this.sampleC[i] as number] as string,
      gene: v[this.geneC[i] as number] as string,
      kind: KINDS[this.kindC[i] as number] as AlterationKind,
      variantClass: MAF_CLASSES[this.clsC[i] as number] as VariantClass,
      rawClass: this.rawClass.get(i),
      variantType: type === 0 ? undefined : VARIANT_TYPES[type - 1],
      chrom: s(this.chromC[i] as number),
      start: num(this.startC[i] as number),
      end: this.endOf(i),
      ref: s(this.refC[i] as number),
      alt: s(this.altC[i] as number),
      protein: this.proteinOf(i),
      origin: ORIGINS[this.originC[i] as number] as Origin,
      vaf: this.vafOf(i),
      depth: this.count(this.depthC, i, 0),
      altCount: this.count(this.altCountC, i, 1),
      refCount: this.count(this.refCountC, i, 2),
      filter: s(this.filterC[i] as number),
      copyNumber: this.cnumC === undefined ? undefined : num(this.cnumC[i] as number),
      cnState: cn === 0 ? undefined : CN_STATES[cn - 1],
      partner: this.partner.get(i),
      source: { file: v[this.fileC[i] as number] as string, line: this.lineC[i] as number },
      extra: this.extra.get(i),
    }
  }

  /** Every row as a record (small inputs, tests, `convert`). */
  toArray(from = 0): Alteration[] {
    const out: Alteration[] = []
    for (let i = from; i < this.n; i++) out.push(this.get(i))
    return out
  }

  *[Symbol.iterator](): Iterator<Alteration> {
    for (let i = 0; i < this.n; i++) yield this.get(i)
  }

  /** The carried-through columns of the rows that have them, in row order (MAF header, before the rows). */
  extrasInRowOrder(): Readonly<Record<string, string>>[] {
    return [...this.extra.entries()].sort((a, b) => a[0] - b[0]).map(([, v]) => v)
  }
}
