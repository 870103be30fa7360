/**
 * MAF rows → Alteration records. Push-style (line in, record out); no I/O here.
 *
 * - Columns by header name, case-insensitive; every missing required column named at once.
 * - Empty / NA Hugo_Symbol becomes "Unknown" (as maftools does).
 * - Duplicate rows (same sample, chromosome, start, reference and Tumor_Seq_Allele2 — maftools'
 *   key) are collapsed and counted: the first valid row of a key is kept. Every row is validated
 *   before the duplicate check, so a repeated key never hides a malformed field. The check runs
 *   once at finish over the file's rows (./dedup.ts laterDuplicates), or row by row for readers
 *   that stream rows on.
 * - A blank count stays unknown, never 0. FILTER is carried, not applied: MAF files are already
 *   curated call sets, and maftools keeps every row (documented in README).
 * - Every row is accounted for in the ReadReport: read = kept + dropped (by reason).
 *
 * Two ways in, one result: `pushRow` takes a line as text; `pushBytes` (the fast path readMafInto
 * uses for files) takes the line's bytes, splits them in one pass, looks fields up by their bytes
 * in per-column ByteMaps and parses numbers from digits, and hands any line it would not read
 * exactly as the text path does to `pushRow` (test/maf/bytes.test.ts proves both give the same
 * records, reports and errors). Kept rows are appended to an EventTable (ids and codes, no record
 * object); `push` builds the record for callers that want one.
 *
 * Complexity: O(bytes) time; memory per kept row ~61 bytes in the EventTable plus its protein
 * string, 13 bytes while duplicates are looked for at finish (44 in the row-by-row index), and O(distinct
 * sample, gene, chromosome, allele and FILTER values). Measured on bench/out/cohort.maf (1M rows):
 * see README, Performance.
 */
import { InputError, quote } from '../errors.js'
import { isMissing, parseCountField, parsePositionField } from '../io/fields.js'
import { TableParser, findColumn, requireColumns, type TableHeader } from '../io/table.js'
import { VARIANT_TYPES, lookupVariantClass, type Alteration, type Origin, type VariantType } from '../model/alteration.js'
import { CLASS_CODE, EventTable, KIND_CODE, ORIGIN_CODE, emptyRow, own, type EventRow, type StringPool } from '../model/events.js'
import type { Location } from '../errors.js'
import { addDrops, copyDrops, drop, dropSkipped, newReport, warnText, type DropCode, type DropTally, type ReadReport } from '../model/report.js'
import type { SkipReason } from '../io/table.js'
import { isKnownChromosome } from './chromosome.js'
import { DuplicateIndex, keyHash, laterDuplicates } from './dedup.js'
import { ByteMap, MISSING } from '../io/bytemap.js'
import { MUTATION_STATUS_ORIGIN, OPTIONAL_MAF_COLUMNS, REQUIRED_MAF_COLUMNS, type OptionalMafField } from './columns.js'

export interface MafOptions {
  /** Skip bad rows (counted by reason) instead of stopping at the first. */
  readonly lenient?: boolean | undefined
  /** Keep every non-standard column in `extra` (for convert; costs memory). */
  readonly keepExtra?: boolean | undefined
  /** Origin to use when the file has no Mutation_Status (e.g. a germline MAF). */
  readonly origin?: Origin | undefined
  /** Replace every row's sample ID (manifest rows that name the sample). */
  readonly sampleOverride?: string | undefined
}

interface Cols {
  gene: number
  chrom: number
  start: number
  end: number
  ref: number
  alt2: number
  cls: number
  type: number
  sample: number
  opt: Partial<Record<OptionalMafField, number>>
  extra: number[]
  /** want[i] = 1 when column i is read (TableParser.pushInto slices only those). */
  want: Uint8Array
}

/** Plain decimal digits (no sign, no spaces, ≤ 15 digits) as a number; −1 for anything else. */
function plainUint(s: string | undefined): number {
  if (s === undefined) return -1
  const n = s.length
  if (n === 0 || n > 15) return -1
  let v = 0
  for (let i = 0; i < n; i++) {
    const d = s.charCodeAt(i) - 48
    if (d < 0 || d > 9) return -1
    v = v * 10 + d
  }
  return v
}

/** `s` without surrounding whitespace; the same string (no copy) in the usual case of none. */
export function trimmed(s: string): string {
  const n = s.length
  return n === 0 || (s.charCodeAt(0) > 32 && s.charCodeAt(n - 1) > 32) ? s : s.trim()
}

/** A non-empty byte field with surrounding whitespace (the text path trims it). */
function spaced(buf: Uint8Array, a: number, z: number): boolean {
  return a < z && ((buf[a] as number) <= 32 || (buf[z - 1] as number) <= 32)
}

/** Plain decimal digits (1–15) in buf[a, z) → value; −1 for an empty field; −2 for anything else. */
function digits(buf: Uint8Array, a: number, z: number): number {
  if (a === z) return -1
  if (z - a > 15) return -2
  let v = 0
  for (let i = a; i < z; i++) {
    const d = (buf[i] as number) - 48
    if (d < 0 || d > 9) return -2
    v = v * 10 + d
  }
  return v
}

const DUPLICATE: DropCode = 'duplicate-variant'

/** What a parser that read one part of a file (a worker thread) hands back beside its rows. */
export interface MafPartCounts {
  readonly rowsRead: number
  readonly kept: number
  readonly dropped: readonly DropTally[]
  readonly skipped: Readonly<Partial<Record<SkipReason, number>>>
  readonly noPosition: number
  readonly inferredType: number
  readonly nonStandard: readonly (readonly [string, number])[]
}

const TYPE_CODE: ReadonlyMap<string, number> = new Map(VARIANT_TYPES.map((t, i) => [t, i + 1]))
const INDEL_TYPE = new Set([TYPE_CODE.get('INS'), TYPE_CODE.get('DEL')])

/** The byte caches of pushBytes that depend only on the bytes and the string pool's ids. */
interface SharedMaps {
  readonly sample: ByteMap
  readonly chrom: ByteMap
  readonly allele: ByteMap
  readonly cls: ByteMap
  readonly type: ByteMap
  readonly gene: ByteMap
  readonly filter: ByteMap
  readonly oneBase: Int32Array
}
const sharedByPool = new WeakMap<StringPool, SharedMaps>()

/**
 * One set of caches per table (per pool): a cohort of many files read into one table finds each
 * sample, gene and allele by its bytes from the second file on, instead of decoding and interning
 * every value again per file (1,000 files of 100 rows: ~6.7 µs a row with a parser's own caches).
 */
function sharedMaps(pool: StringPool): SharedMaps {
  let m = sharedByPool.get(pool)
  if (m === undefined) {
    m = { sample: new ByteMap(), chrom: new ByteMap(), allele: new ByteMap(), cls: new ByteMap(), type: new ByteMap(), gene: new ByteMap(), filter: new ByteMap(), oneBase: new Int32Array(128).fill(-1) }
    sharedByPool.set(pool, m)
  }
  return m
}

export class MafParser {
  readonly report: ReadReport
  /** Where kept rows go (shared with the caller when given: loadCohort's cohort-wide table). */
  readonly table: EventTable
  private readonly tableParser: TableParser
  private cols: Cols | undefined
  /** Row by row duplicate check (streaming readers); undefined: checked once at finish (see there). */
  private readonly seen: DuplicateIndex | undefined
  /** The table's first row from this file. */
  private readonly firstRow: number
  private readonly fields: string[] = []
  private readonly row: EventRow = emptyRow()
  private readonly fileId: number
  /** Pool id of opts.sampleOverride (−1: none, or one the text path must reject). */
  private readonly overrideId: number
  /** Pool ids of the samples of kept rows (1 = seen), and the same ids as a list (a file's samples without a walk over the pool). */
  private sampleSeen = new Uint8Array(1024)
  private readonly sampleList: number[] = []
  /** Hugo_Symbol as written → pool id of the gene (empty / NA → "Unknown"). */
  private readonly geneIds = new Map<string, number>()
  /** Chromosome names already checked (real files name a few dozen contigs). */
  private readonly chromOk = new Set<string>()
  /** Variant_Classification words seen → class code (only words that are MAF classes, so at most a few dozen). */
  private readonly classOf = new Map<string, number>()
  /** Variant_Type as written → type code (0: not a MAF type). */
  private readonly typeOf = new Map<string, number>()
  /** Mutation_Status as written → origin code. */
  private readonly originOf = new Map<string, number>()
  private readonly nonStandard = new Map<string, number>()
  /** The previous row's FILTER and its pool id (files have a handful of values, usually runs of PASS). */
  private lastFilter = ''
  private lastFilterId = -1
  private noPosition = 0
  private inferredType = 0

  /**
   * `duplicates`: 'at-end' (default) finds repeated keys once all rows are in the table, which is
   * several times faster on big files; 'per-row' checks each row as it comes, for readers that hand
   * rows on and clear the table as they go (readMaf with onRecord). Both drop the same rows: every
   * row is validated first, then a row whose key an earlier valid row had is dropped.
   */
  constructor(
    readonly file: string,
    private readonly opts: MafOptions = {},
    table?: EventTable,
    duplicates: 'at-end' | 'per-row' = 'at-end',
  ) {
    this.report = newReport(file, 'MAF')
    this.table = table ?? new EventTable()
    const shared = sharedMaps(this.table.pool)
    this.oneBase = shared.oneBase
    this.fast = { ...shared, status: new ByteMap(), fs: new Int32Array(0), fe: new Int32Array(0) }
    this.firstRow = this.table.length
    this.seen = duplicates === 'per-row' ? new DuplicateIndex() : undefined
    this.fileId = this.table.pool.id(file)
    const o = opts.sampleOverride
    this.overrideId = o === undefined || o === '' || isMissing(o) ? -1 : this.table.pool.id(o)
    this.tableParser = new TableParser(file, { what: 'MAF', lenient: opts.lenient, isHeader: (t) => t.trim() !== '' && !t.startsWith('#'), allowDuplicateColumns: true })
  }

  get header(): TableHeader | undefined {
    return this.tableParser.header
  }

  /** Distinct Tumor_Sample_Barcode values of kept rows. */
  get samples(): Set<string> {
    const out = new Set<string>()
    const v = this.table.pool.values
    for (const i of this.sampleList) out.add(v[i] as string)
    return out
  }

  private resolve(h: TableHeader): Cols {
    const [gene, chrom, start, end, ref, alt2, cls, type, sample] = requireColumns(h, REQUIRED_MAF_COLUMNS, 'not a MAF') as [
      number, number, number, number, number, number, number, number, number,
    ]
    const opt: Partial<Record<OptionalMafField, number>> = {}
    for (const [k, names] of Object.entries(OPTIONAL_MAF_COLUMNS) as [OptionalMafField, readonly string[]][]) {
      const i = findColumn(h, ...names)
      if (i !== undefined) opt[k] = i
    }
    const used = new Set<number>([gene, chrom, start, end, ref, alt2, cls, type, sample])
    const extra = this.opts.keepExtra ? h.columns.map((_, i) => i).filter((i) => !used.has(i)) : []
    const want = new Uint8Array(h.columns.length)
    for (const i of [...used, ...Object.values(opt), ...extra]) want[i] = 1
    return { gene, chrom, start, end, ref, alt2, cls, type, sample, opt, extra, want }
  }

  /** Index of the Tumor_Sample_Barcode column, once the header is read (a header without the MAF columns throws here). */
  sampleColumn(): number | undefined {
    const h = this.tableParser.header
    return h === undefined ? undefined : (this.cols ??= this.resolve(h)).sample
  }

  /** Feed one line; returns the alteration for a kept data row. */
  push(text: string, line: number): Alteration | undefined {
    const i = this.pushRow(text, line)
    return i < 0 ? undefined : this.table.get(i)
  }

  /** Feed one line; a kept data row is appended to `table` and its index returned (−1 otherwise). */
  pushRow(text: string, line: number): number {
    const h = this.tableParser.header
    if (h === undefined) {
      this.tableParser.push(text, line)
      return -1
    }
    const c = (this.cols ??= this.resolve(h))
    if (!this.tableParser.pushInto(text, line, c.want, this.fields)) return -1
    this.report.rowsRead++
    try {
      const i = this.toRow(this.fields, line, c)
      if (i >= 0) this.report.kept++
      return i
    } catch (e) {
      if (this.opts.lenient && e instanceof InputError) {
        drop(this.report, 'bad-row', 1, e.code.toLowerCase())
        return -1
      }
      throw e
    }
  }

  /** Pool id of each one-byte allele (ASCII; −1 = not seen yet); shared like the maps below. */
  private readonly oneBase: Int32Array
  /**
   * Per-column caches for `pushBytes`: field bytes → pool id or code. Those that depend on the
   * bytes and the pool alone are shared by every parser of one table (sharedMaps); Mutation_Status
   * also depends on this file's origin option, so its map is the parser's own.
   */
  private readonly fast: SharedMaps & { status: ByteMap; fs: Int32Array; fe: Int32Array }

  /**
   * Feed one line given as bytes buf[s, e) (no line break): the fast path for big files. A usual
   * row is split, checked and appended without a string per field — fields are looked up by their
   * bytes (ByteMap) and numbers parsed from digits. Anything unusual (header or preamble, a quote,
   * a wrong field count, surrounding spaces, a missing or non-numeric value, a class or type word
   * that is not standard, an unknown chromosome, Allele2 = reference, extra columns kept) sends the
   * line through `pushRow` as text, so every error, warning and count is the string path's own.
   */
  pushBytes(buf: Buffer, s: number, e: number, line: number): number {
    const h = this.tableParser.header
    if (h === undefined || this.opts.keepExtra || h.delimiter !== '\t') return this.pushRow(buf.toString('utf8', s, e), line)
    const c = (this.cols ??= this.resolve(h))
    const F = this.fast
    const ncol = h.columns.length
    if (F.fs.length !== ncol) {
      F.fs = new Int32Array(ncol)
      F.fe = new Int32Array(ncol)
    }
    const fs = F.fs
    const fe = F.fe
    let col = 0
    let start = s
    let odd = false
    for (let i = s; i < e; i++) {
      const b = buf[i] as number
      if (b === 9) {
        if (col < ncol) {
          fs[col] = start
          fe[col] = i
        }
        col++
        start = i + 1
      } else if (b === 34) odd = true
    }
    if (col < ncol) {
      fs[col] = start
      fe[col] = e
    }
    col++
    if (odd || col !== ncol || e === s) return this.pushText(buf, s, e, line)
    const pool = this.table.pool

    let sampleId: number
    if (this.opts.sampleOverride !== undefined) {
      if (this.overrideId < 0) return this.pushText(buf, s, e, line)
      sampleId = this.overrideId
    } else {
      const a = fs[c.sample] as number
      const z = fe[c.sample] as number
      sampleId = F.sample.get(buf, a, z)
      if (sampleId === MISSING) {
        const t = buf.toString('utf8', a, z)
        if (t === '' || spaced(buf, a, z) || isMissing(t)) return this.pushText(buf, s, e, line)
        sampleId = pool.id(t)
        F.sample.set(buf, a, z, sampleId)
      }
    }
    let a = fs[c.chrom] as number
    let z = fe[c.chrom] as number
    let chromId = F.chrom.get(buf, a, z)
    if (chromId === MISSING) {
      const t = buf.toString('utf8', a, z)
      if (spaced(buf, a, z) || !isKnownChromosome(t)) return this.pushText(buf, s, e, line)
      chromId = pool.id(t)
      F.chrom.set(buf, a, z, chromId)
    }
    const start0 = digits(buf, fs[c.start] as number, fe[c.start] as number)
    const end0 = digits(buf, fs[c.end] as number, fe[c.end] as number)
    if (start0 < 1 || end0 < 1 || end0 < start0 - 1) return this.pushText(buf, s, e, line)
    a = fs[c.cls] as number
    z = fe[c.cls] as number
    let cls = F.cls.get(buf, a, z)
    if (cls === MISSING) {
      const vc = spaced(buf, a, z) ? undefined : lookupVariantClass(buf.toString('utf8', a, z))
      if (vc === undefined) return this.pushText(buf, s, e, line)
      cls = CLASS_CODE.get(vc) as number
      F.cls.set(buf, a, z, cls)
    }
    const refId = this.allele(buf, fs[c.ref] as number, fe[c.ref] as number)
    const altId = this.allele(buf, fs[c.alt2] as number, fe[c.alt2] as number)
    if (refId < 0 || altId < 0 || altId === refId) return this.pushText(buf, s, e, line)
    a = fs[c.type] as number
    z = fe[c.type] as number
    let type = F.type.get(buf, a, z)
    if (type === MISSING) {
      type = TYPE_CODE.get(buf.toString('utf8', a, z).trim().toUpperCase()) ?? 0
      F.type.set(buf, a, z, type)
    }
    if (type === 0) return this.pushText(buf, s, e, line)
    a = fs[c.gene] as number
    z = fe[c.gene] as number
    let gene = F.gene.get(buf, a, z)
    if (gene === MISSING) {
      if (spaced(buf, a, z)) return this.pushText(buf, s, e, line)
      const g = buf.toString('utf8', a, z)
      gene = pool.id(isMissing(g) ? 'Unknown' : g)
      F.gene.set(buf, a, z, gene)
    }
    const ka = c.opt.altCount
    const kr = c.opt.refCount
    const kd = c.opt.depth
    const altCount = ka === undefined ? -1 : digits(buf, fs[ka] as number, fe[ka] as number)
    const refCount = kr === undefined ? -1 : digits(buf, fs[kr] as number, fe[kr] as number)
    let depth = kd === undefined ? -1 : digits(buf, fs[kd] as number, fe[kd] as number)
    if (altCount === -2 || refCount === -2 || depth === -2) return this.pushText(buf, s, e, line)
    if (depth < 0 && altCount >= 0 && refCount >= 0) depth = altCount + refCount
    let origin: number
    const ks = c.opt.mutationStatus
    if (ks === undefined) origin = ORIGIN_CODE[this.opts.origin ?? 'somatic']
    else {
      a = fs[ks] as number
      z = fe[ks] as number
      origin = F.status.get(buf, a, z)
      if (origin === MISSING) {
        const st = buf.toString('utf8', a, z).trim().toLowerCase()
        origin = ORIGIN_CODE[(st && MUTATION_STATUS_ORIGIN[st]) || this.opts.origin || (st ? 'unknown' : 'somatic')]
        F.status.set(buf, a, z, origin)
      }
    }
    // The protein change is copied into the table as bytes (no string per row).
    let pa = 0
    let pz = 0
    const kp = c.opt.protein
    if (kp !== undefined && (fe[kp] as number) > (fs[kp] as number)) {
      a = fs[kp] as number
      z = fe[kp] as number
      if (spaced(buf, a, z)) return this.pushText(buf, s, e, line)
      if (z - a > 4 || !isMissing(buf.toString('utf8', a, z))) {
        pa = a
        pz = z
      }
    }
    let filter = -1
    const kf = c.opt.filter
    if (kf !== undefined) {
      a = fs[kf] as number
      z = fe[kf] as number
      filter = F.filter.get(buf, a, z)
      if (filter === MISSING) {
        const t = buf.toString('utf8', a, z).trim()
        filter = t === '' ? -1 : pool.id(t)
        F.filter.set(buf, a, z, filter)
      }
    }

    this.report.rowsRead++
    if (this.seen !== undefined && !this.seen.add(sampleId, chromId, start0, refId, altId)) {
      drop(this.report, DUPLICATE)
      return -1
    }
    this.markSample(sampleId)
    this.report.kept++
    const i = this.appendRow(sampleId, gene, cls, type, origin, chromId, start0, end0, refId, altId, undefined, filter, altCount, refCount, depth, line)
    if (pz > pa) this.table.setProteinBytes(i, buf, pa, pz)
    return i
  }

  /** Fill the reused row and append it (both paths; `start`/`end` NaN when unknown, counts −1). */
  private appendRow(
    sample: number, gene: number, cls: number, type: number, origin: number, chrom: number, start: number, end: number,
    ref: number, alt: number, protein: string | undefined, filter: number, altCount: number, refCount: number, depth: number, line: number,
  ): number {
    const r = this.row
    r.sample = sample
    r.gene = gene
    r.kind = INDEL_TYPE.has(type) ? KIND_CODE.indel : KIND_CODE.snv
    r.cls = cls
    r.type = type
    r.origin = origin
    r.cnState = 0
    r.chrom = chrom
    r.start = start
    r.end = end
    r.ref = ref
    r.alt = alt
    r.protein = protein
    r.filter = filter
    r.vaf = altCount >= 0 && depth > 0 ? altCount / depth : NaN
    r.copyNumber = NaN
    r.depth = depth
    r.altCount = altCount
    r.refCount = refCount
    r.file = this.fileId
    r.line = line
    return this.table.append(r)
  }

  /** Expect about `rows` more rows: size the table and the duplicate index once. */
  reserve(rows: number): void {
    this.table.reserve(rows)
    this.seen?.reserve(rows)
  }

  private sized = false

  /**
   * After each block of lines fed as bytes (../io/byte-lines.ts): once, size the table for the
   * whole file from the rows the first block gave (no growth copies; a gzip file's estimate is
   * low, and the table then grows as usual).
   */
  block(fed: number, fileSize: number): void {
    if (this.sized) return
    this.sized = true
    const rows = this.table.length - this.firstRow
    if (rows > 0 && fileSize > 4 * fed) this.reserve(Math.ceil((fileSize / fed) * rows * 1.02) - rows)
  }

  private pushText(buf: Buffer, s: number, e: number, line: number): number {
    return this.pushRow(buf.toString('utf8', s, e), line)
  }

  /** Pool id of an allele given as bytes; −1 when it has surrounding spaces (text path). */
  private allele(buf: Buffer, a: number, z: number): number {
    // One-base alleles (most of any MAF) by their byte, without hashing.
    if (z - a === 1 && (buf[a] as number) < 128) {
      const b = buf[a] as number
      const known = this.oneBase[b] as number
      if (known >= 0) return known
      if (b <= 32) return -1
      return (this.oneBase[b] = this.table.pool.id(buf.toString('utf8', a, z)))
    }
    let id = this.fast.allele.get(buf, a, z)
    if (id === MISSING) {
      if (spaced(buf, a, z)) return -1
      id = this.table.pool.id(buf.toString('utf8', a, z))
      this.fast.allele.set(buf, a, z, id)
    }
    return id
  }

  private markSample(sampleId: number): void {
    if (sampleId >= this.sampleSeen.length) {
      const grown = new Uint8Array(Math.max(sampleId + 1, this.sampleSeen.length * 2))
      grown.set(this.sampleSeen)
      this.sampleSeen = grown
    }
    if (this.sampleSeen[sampleId] === 1) return
    this.sampleSeen[sampleId] = 1
    this.sampleList.push(sampleId)
  }

  /**
   * Read the data lines of a later part of a file whose header another parser read (./parallel.ts:
   * a worker thread reads the second half of a big file while this thread reads the first).
   */
  adoptHeader(h: TableHeader): void {
    this.tableParser.adopt(h)
  }

  /** This part's counts (before finish): the rows are in `table`. */
  partCounts(): MafPartCounts {
    return {
      rowsRead: this.report.rowsRead,
      kept: this.report.kept,
      dropped: copyDrops(this.report.dropped),
      skipped: { ...this.tableParser.skipped },
      noPosition: this.noPosition,
      inferredType: this.inferredType,
      nonStandard: [...this.nonStandard],
    }
  }

  /**
   * Whether a part's outcome is what reading its lines here would give: not when it dropped rows
   * (lenient mode's bad rows), whose reasons would be counted out of order.
   */
  static mergeable(c: MafPartCounts): boolean {
    return c.dropped.length === 0 && Object.keys(c.skipped).every((r) => r === 'blank-line')
  }

  /**
   * Append the rows of the part that follows everything read so far (ids translated to this
   * table's pool, line numbers shifted by `lineOffset`), as if its lines had been pushed here, and
   * add its counts; duplicates across parts go with the others at finish. O(rows of the part).
   */
  absorb(part: EventTable, c: MafPartCounts, lineOffset: number): void {
    if (this.seen !== undefined) throw new Error('absorb needs the duplicate check at the end')
    const ids = this.table.idMap(part)
    const samples = part.keyColumns().sample
    let last = -1
    for (let i = 0; i < samples.length; i++) {
      const s = samples[i] as number
      if (s !== last) this.markSample(ids[s] as number)
      last = s
    }
    this.table.appendTable(part, ids, lineOffset)
    this.absorbCounts(c)
  }

  /**
   * Add the counts of a part whose rows went elsewhere (../scale/read/partition.ts: a sample partition
   * of the file, read and de-duplicated on its own). O(reasons).
   */
  absorbCounts(c: MafPartCounts): void {
    this.report.rowsRead += c.rowsRead
    this.report.kept += c.kept
    addDrops(this.report, c.dropped)
    for (const [reason, n] of Object.entries(c.skipped) as [SkipReason, number][]) this.tableParser.skipped[reason] = (this.tableParser.skipped[reason] ?? 0) + n
    this.noPosition += c.noPosition
    this.inferredType += c.inferredType
    for (const [word, n] of c.nonStandard) this.nonStandard.set(word, (this.nonStandard.get(word) ?? 0) + n)
  }

  /**
   * The end of a part that holds every row of its samples (a sample partition): its duplicates are
   * dropped now — the key includes the sample, so none can repeat a row of another partition — and
   * its counts returned for the file's parser to absorb (`absorbCounts`). O(rows of the part).
   */
  finishPart(): MafPartCounts {
    if (this.seen === undefined) this.dropRepeats()
    return this.partCounts()
  }

  /** After the last line: header must exist; rows the table layer skipped are accounted for. */
  finish(): ReadReport {
    const h = this.tableParser.finish()
    this.cols ??= this.resolve(h)
    if (this.seen === undefined) this.dropRepeats()
    dropSkipped(this.report, this.tableParser.skipped, { countRead: true }) // blank lines are no data rows
    if (this.noPosition > 0) warnText(this.report, `${this.noPosition} row(s) without Start_Position (NA): kept, but they cannot be checked against panel hotspots`)
    if (this.inferredType > 0) warnText(this.report, `${this.inferredType} row(s) with a missing or non-standard Variant_Type: derived from the alleles`)
    for (const [word, n] of [...this.nonStandard].sort()) {
      warnText(this.report, `${n} row${n > 1 ? 's' : ''} with Variant_Classification ${quote(word)}, not a MAF class: kept as Unknown (not counted unless --classes names it)`)
    }
    return this.report
  }

  /**
   * The duplicate check of 'at-end' parsers: of the rows this file added, drop those whose key
   * (sample, chromosome, start, reference, tumour allele) an earlier one has (./dedup.ts). O(rows).
   */
  private dropRepeats(): void {
    const from = this.firstRow
    const k = this.table.keyColumns()
    const n = k.sample.length - from
    if (n < 2) return
    const hashes = new Int32Array(n)
    for (let i = 0; i < n; i++) {
      const r = from + i
      hashes[i] = keyHash(k.sample[r] as number, k.chrom[r] as number, k.start[r], k.ref[r] as number, k.alt[r] as number)
    }
    const same = (i: number, j: number): boolean => {
      const a = from + i
      const b = from + j
      const sa = k.start[a] as number
      const sb = k.start[b] as number
      return (sa === sb || (Number.isNaN(sa) && Number.isNaN(sb))) && k.sample[a] === k.sample[b] && k.chrom[a] === k.chrom[b] && k.ref[a] === k.ref[b] && k.alt[a] === k.alt[b]
    }
    const { keep, repeats } = laterDuplicates(hashes, same)
    if (repeats === 0) return
    this.table.retain(from, keep)
    this.report.kept -= repeats
    drop(this.report, DUPLICATE, repeats)
  }

  private classCode(clsRaw: string, at: (i: number) => Location, c: Cols): { code: number; raw: string | undefined } {
    // Cached by the word as written: lookupVariantClass lower-cases (a new string) on every call.
    const code = this.classOf.get(clsRaw)
    if (code !== undefined) return { code, raw: undefined }
    const vc = lookupVariantClass(clsRaw)
    if (vc !== undefined) {
      const k = CLASS_CODE.get(vc) as number
      this.classOf.set(own(clsRaw), k)
      return { code: k, raw: undefined }
    }
    // Real MAFs carry project-specific words (maftools' APL example: "ITD"). A word is kept as
    // 'Unknown' with its raw text — reported, and not counted unless --classes names it —
    // which is what maftools' default does. Anything that is not a word is an error.
    if (!/^[A-Za-z0-9_'+-]{1,64}$/.test(clsRaw)) {
      throw new InputError('UNKNOWN_TERM', `Variant_Classification: unknown class ${quote(clsRaw)}`, {
        ...at(c.cls),
        suggestion: 'use a MAF Variant_Classification (e.g. Missense_Mutation); for Sequence Ontology terms use a column-mapped table (--columns)',
      })
    }
    this.nonStandard.set(clsRaw, (this.nonStandard.get(clsRaw) ?? 0) + 1)
    return { code: CLASS_CODE.get('Unknown') as number, raw: clsRaw }
  }

  private toRow(f: readonly string[], line: number, c: Cols): number {
    const file = this.file
    const at = (i: number): Location => ({ file, line, column: i + 1 })
    const get = (i: number | undefined) => (i === undefined ? undefined : (f[i] as string))
    const pool = this.table.pool

    const sampleRaw = this.opts.sampleOverride ?? trimmed(f[c.sample] as string)
    if (sampleRaw === '' || isMissing(sampleRaw)) {
      throw new InputError('BAD_VALUE', 'Tumor_Sample_Barcode: empty sample ID', at(c.sample))
    }
    const sampleId = pool.id(sampleRaw)
    const chromRaw = trimmed(f[c.chrom] as string)
    if (!this.chromOk.has(chromRaw)) {
      if (!isKnownChromosome(chromRaw)) {
        throw new InputError('BAD_VALUE', `Chromosome: unknown chromosome name ${quote(chromRaw)}`, {
          ...at(c.chrom),
          suggestion: 'expected 1–22, X, Y, MT (with or without "chr") or a named contig; the columns may be shifted',
        })
      }
      if (this.chromOk.size < 100_000) this.chromOk.add(own(chromRaw))
    }
    const chromId = pool.id(chromRaw)
    const startFast = plainUint(f[c.start])
    const start = startFast >= 1 ? startFast : parsePositionField(f[c.start], { name: 'Start_Position', ...at(c.start) })
    const endFast = plainUint(f[c.end])
    const end = endFast >= 1 ? endFast : parsePositionField(f[c.end], { name: 'End_Position', ...at(c.end) })
    // A missing position (NA) is kept — the call still says the gene is altered in that sample
    // (maftools' APL example has FLT3 ITDs with NA positions) — and counted in the report.
    if (start === undefined) this.noPosition++
    if (start !== undefined && end !== undefined && end < start - 1) {
      // An insertion may have End = Start + 1 or (some older MAFs) End = Start − 1; anything less is wrong.
      throw new InputError('BAD_VALUE', `End_Position ${end} is before Start_Position ${start}`, at(c.end))
    }
    const cls = this.classCode(trimmed(f[c.cls] as string), at, c)
    const refStr = trimmed(f[c.ref] as string)
    const refId = pool.id(refStr)
    const ref = pool.values[refId] as string
    let alt = trimmed(f[c.alt2] as string)
    const a1 = get(c.opt.allele1)?.trim()
    // Some MAFs put the tumour allele in Allele1 and repeat the reference in Allele2.
    if (alt === ref && a1 !== undefined && a1 !== '' && a1 !== ref) alt = a1
    const typeWord = f[c.type] as string
    let type = this.typeOf.get(typeWord)
    if (type === undefined) {
      type = TYPE_CODE.get(typeWord.trim().toUpperCase()) ?? 0
      if (this.typeOf.size < 1000) this.typeOf.set(own(typeWord), type)
    }
    if (type === 0) {
      // Real MAFs write "", "NA" or caller words ("DUP:TANDEM"): derive the type from the alleles
      // as vcf2maf would, and say so in the report.
      const inferred = typeFromAlleles(ref, alt)
      if (inferred === undefined) {
        throw new InputError('UNKNOWN_TERM', `Variant_Type: unknown type ${quote(typeWord.trim().toUpperCase())} and the alleles do not tell`, {
          ...at(c.type),
          suggestion: `expected one of ${VARIANT_TYPES.join(', ')}`,
        })
      }
      type = TYPE_CODE.get(inferred) ?? 0
      this.inferredType++
    }

    const altId = pool.id(alt)

    const geneRaw = f[c.gene] as string
    let gene = this.geneIds.get(geneRaw)
    if (gene === undefined) {
      const g = trimmed(geneRaw)
      gene = pool.id(isMissing(g) ? 'Unknown' : g)
      this.geneIds.set(own(geneRaw), gene)
    }
    const count = (i: number | undefined, name: string): number => {
      const v = plainUint(get(i))
      return v >= 0 ? v : (parseCountField(get(i), { name, ...at(i ?? 0) }) ?? -1)
    }
    const altCount = count(c.opt.altCount, 't_alt_count')
    const refCount = count(c.opt.refCount, 't_ref_count')
    let depth = count(c.opt.depth, 't_depth')
    if (depth < 0 && altCount >= 0 && refCount >= 0) depth = altCount + refCount
    const statusWord = get(c.opt.mutationStatus)
    let origin: number
    if (statusWord === undefined) origin = ORIGIN_CODE[this.opts.origin ?? 'somatic']
    else {
      let o = this.originOf.get(statusWord)
      if (o === undefined) {
        const st = statusWord.trim().toLowerCase()
        o = ORIGIN_CODE[(st && MUTATION_STATUS_ORIGIN[st]) || this.opts.origin || (st ? 'unknown' : 'somatic')]
        if (this.originOf.size < 1000) this.originOf.set(own(statusWord), o)
      }
      origin = o
    }
    const proteinRaw = get(c.opt.protein)
    const protein = proteinRaw === undefined ? undefined : trimmed(proteinRaw)
    const filterRaw = get(c.opt.filter)
    const filter = filterRaw === undefined ? '' : trimmed(filterRaw)

    if (filter !== this.lastFilter) {
      this.lastFilter = filter
      this.lastFilterId = filter === '' ? -1 : pool.id(filter)
    }
    if (this.seen !== undefined && !this.seen.add(sampleId, chromId, start, refId, altId)) {
      drop(this.report, DUPLICATE)
      return -1
    }
    this.markSample(sampleId)
    const i = this.appendRow(
      sampleId, gene, cls.code, type, origin, chromId, start ?? NaN, end ?? start ?? NaN, refId, altId,
      protein === undefined || isMissing(protein) ? undefined : protein, this.lastFilterId, altCount, refCount, depth, line,
    )

    let extra: Record<string, string> | undefined
    if (c.extra.length > 0) {
      const h = this.tableParser.header as TableHeader
      extra = {}
      for (const k of c.extra) extra[h.columns[k] as string] = f[k] as string
    }
    if (cls.raw !== undefined || extra !== undefined) this.table.setRare(i, cls.raw, undefined, extra)
    return i
  }
}

/** Variant_Type from MAF alleles ('-' = empty), as vcf2maf assigns it. */
export function typeFromAlleles(ref: string, alt: string): VariantType | undefined {
  const okAllele = /^[ACGTN-]+$/i
  if (!okAllele.test(ref) || !okAllele.test(alt) || ref === alt) return undefined
  if (ref === '-') return 'INS'
  if (alt === '-') return 'DEL'
  if (ref.length === alt.length) return ref.length === 1 ? 'SNP' : ref.length === 2 ? 'DNP' : ref.length === 3 ? 'TNP' : 'ONP'
  return ref.length < alt.length ? 'INS' : 'DEL'
}
