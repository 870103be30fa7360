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
 *
 * Files: ./events-codes.ts (the vocabularies' codes), ./events-row.ts (string pool, row, thread
 * part), ./events-columns.ts (the column storage this class extends).
 */
import { MAF_CLASSES, VARIANT_TYPES, type Alteration, type AlterationKind, type Origin, type VariantClass } from './alteration.js'
import { CLASS_CODE, CN_CODE, CN_STATES, KINDS, KIND_CODE, ORIGINS, ORIGIN_CODE, TYPE_CODE } from './events-codes.js'
import { DERIVED, EventColumns } from './events-columns.js'
import { StringPool, emptyRow, own, type TablePart } from './events-row.js'

export { CLASS_CODE, CN_STATES, EVENT_CODES, KINDS, KIND_CODE, ORIGINS, ORIGIN_CODE, codeClass, codeCnState, codeKind, codeOrigin, eventCode, recordCode } from './events-codes.js'
export { StringPool, emptyRow, own, type EventRow, type TablePart } from './events-row.js'

export class EventTable extends EventColumns implements Iterable<Alteration> {
  static from(records: Iterable<Alteration>): EventTable {
    const t = new EventTable()
    for (const a of records) t.push(a)
    return t
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
    const t = new EventTable(new ReceivedPool(p.strings))
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
    for (let k = 0; k < v.length; k++) out[k] = this.pool.idDetached(v[k] as string) // kept by src's pool already
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

/**
 * A pool received from another thread (structured-clone copies, distinct as the sender's pool
 * kept them): its values as sent, its lookup map built only if a string is interned into it. A
 * part is mostly only mapped into the reader's own pool (idMap), which reads the values alone;
 * hashing the worker's 200,000 sample IDs into a map no one asked took ~0.1 s of the GENIE study
 * bench's merge.
 */
class ReceivedPool extends StringPool {
  private lookup: Map<string, number> | undefined

  constructor(values: readonly string[]) {
    super()
    for (const s of values) this.values.push(s)
  }

  override id(s: string): number {
    return this.find(s) ?? this.add(own(s))
  }

  override idDetached(s: string): number {
    return this.find(s) ?? this.add(s)
  }

  private find(s: string): number | undefined {
    if (this.lookup === undefined) {
      this.lookup = new Map()
      for (let i = 0; i < this.values.length; i++) this.lookup.set(this.values[i] as string, i)
    }
    return this.lookup.get(s)
  }

  private add(s: string): number {
    const i = this.values.length
    ;(this.lookup as Map<string, number>).set(s, i)
    this.values.push(s)
    return i
  }
}
