/**
 * The MAF byte path: one data line given as bytes buf[s, e) → the fields of an EventRow, or
 * "read this line as text". Why: on a million-row MAF, a string per field was most of the read
 * time. A usual row is split in one pass, each field looked up by its bytes in a per-column
 * ByteMap (only a new value is decoded, once) and numbers parsed from digits.
 *
 * Interface (the one every accelerated reader has): `read` fills the row and returns true, or
 * returns false and changes nothing the caller keeps — the line then goes through the text path
 * (./text-row.ts), so every error, warning and count is the text path's own. Anything unusual
 * sends a line there: a quote, a wrong field count, surrounding spaces, a missing or non-numeric
 * value, a class or type word that is not standard, an unknown chromosome, Allele2 = reference.
 */
import { isMissing } from '../io/fields.js'
import { ByteMap, MISSING } from '../io/bytemap.js'
import { CLASS_CODE, ORIGIN_CODE, type EventRow, type StringPool } from '../model/events.js'
import { isKnownChromosome } from './chromosome.js'
import type { MafColumns } from './columns.js'
import { digits, spaced } from './field-values.js'
import type { MafOptions } from './options.js'
import { classOfWord, geneSymbol, positionsInOrder, readDepth, statusOrigin, typeCodeOf } from './rules.js'

/** The byte caches that depend only on the bytes and the string pool's ids. */
interface SharedMaps {
  readonly sample: ByteMap
  readonly chrom: ByteMap
  readonly allele: ByteMap
  readonly cls: ByteMap
  readonly type: ByteMap
  readonly gene: ByteMap
  readonly filter: ByteMap
  /** Pool id of each one-byte allele (ASCII; −1 = not seen yet). */
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

export class MafByteRows {
  private readonly F: SharedMaps
  /** Mutation_Status bytes → origin code: it also depends on this file's origin option, so it is this reader's own. */
  private readonly status = new ByteMap()
  /** Field starts and ends of the current line. */
  private fs = new Int32Array(0)
  private fe = new Int32Array(0)
  /** The protein change of the last row read: bytes [proteinStart, proteinEnd) of its buffer (empty: none). */
  proteinStart = 0
  proteinEnd = 0

  /** `overrideId`: pool id of opts.sampleOverride (−1: none, or one the text path must reject). */
  constructor(
    private readonly pool: StringPool,
    private readonly opts: MafOptions,
    private readonly overrideId: number,
  ) {
    this.F = sharedMaps(pool)
  }

  /** Fill `r` (all but kind, cnState, vaf, copyNumber, protein, file and line) from the line's bytes; false: read it as text. */
  read(buf: Buffer, s: number, e: number, c: MafColumns, ncol: number, r: EventRow): boolean {
    const F = this.F
    if (this.fs.length !== ncol) {
      this.fs = new Int32Array(ncol)
      this.fe = new Int32Array(ncol)
    }
    const fs = this.fs
    const fe = this.fe
    let col = 0
    let start = s
    let odd = false
    // One compare per byte in the usual case: tab (9) and quote (34) are both ≤ 34, and nearly
    // every byte of a MAF line (letters, digits, '-', '.', '_') is above.
    for (let i = s; i < e; i++) {
      const b = buf[i] as number
      if (b > 34) continue
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
    if (odd || col !== ncol || e === s) return false
    const pool = this.pool

    let sampleId: number
    if (this.opts.sampleOverride !== undefined) {
      if (this.overrideId < 0) return false
      sampleId = this.overrideId
    } else {
      const a = fs[c.sample] as number
      const z = fe[c.sample] as number
      sampleId = F.sample.get(buf, a, z)
      if (sampleId === MISSING) {
        const t = buf.toString('utf8', a, z)
        if (t === '' || spaced(buf, a, z) || isMissing(t)) return false
        sampleId = pool.idDetached(t) // decoded from the bytes: no view into a chunk
        F.sample.set(buf, a, z, sampleId)
      }
    }
    let a = fs[c.chrom] as number
    let z = fe[c.chrom] as number
    let chromId = F.chrom.get(buf, a, z)
    if (chromId === MISSING) {
      const t = buf.toString('utf8', a, z)
      if (spaced(buf, a, z) || !isKnownChromosome(t)) return false
      chromId = pool.idDetached(t)
      F.chrom.set(buf, a, z, chromId)
    }
    const start0 = digits(buf, fs[c.start] as number, fe[c.start] as number)
    const end0 = digits(buf, fs[c.end] as number, fe[c.end] as number)
    if (start0 < 1 || end0 < 1 || !positionsInOrder(start0, end0)) return false
    a = fs[c.cls] as number
    z = fe[c.cls] as number
    let cls = F.cls.get(buf, a, z)
    if (cls === MISSING) {
      // A project word (class Unknown, its word kept) is the text path's: the table keeps the word.
      const vc = spaced(buf, a, z) ? undefined : classOfWord(buf.toString('utf8', a, z))
      if (vc === undefined || vc.raw !== undefined) return false
      cls = CLASS_CODE.get(vc.cls) as number
      F.cls.set(buf, a, z, cls)
    }
    const refId = this.allele(buf, fs[c.ref] as number, fe[c.ref] as number)
    const altId = this.allele(buf, fs[c.alt2] as number, fe[c.alt2] as number)
    if (refId < 0 || altId < 0 || altId === refId) return false
    a = fs[c.type] as number
    z = fe[c.type] as number
    let type = F.type.get(buf, a, z)
    if (type === MISSING) {
      type = typeCodeOf(buf.toString('utf8', a, z))
      F.type.set(buf, a, z, type)
    }
    if (type === 0) return false
    a = fs[c.gene] as number
    z = fe[c.gene] as number
    let gene = F.gene.get(buf, a, z)
    if (gene === MISSING) {
      if (spaced(buf, a, z)) return false
      const g = buf.toString('utf8', a, z)
      gene = pool.id(geneSymbol(g))
      F.gene.set(buf, a, z, gene)
    }
    const ka = c.opt.altCount
    const kr = c.opt.refCount
    const kd = c.opt.depth
    const altCount = ka === undefined ? -1 : digits(buf, fs[ka] as number, fe[ka] as number)
    const refCount = kr === undefined ? -1 : digits(buf, fs[kr] as number, fe[kr] as number)
    const depthField = kd === undefined ? -1 : digits(buf, fs[kd] as number, fe[kd] as number)
    if (altCount === -2 || refCount === -2 || depthField === -2) return false
    const depth = readDepth(altCount, refCount, depthField)
    let origin: number
    const ks = c.opt.mutationStatus
    if (ks === undefined) origin = ORIGIN_CODE[statusOrigin(undefined, this.opts.origin)]
    else {
      a = fs[ks] as number
      z = fe[ks] as number
      origin = this.status.get(buf, a, z)
      if (origin === MISSING) {
        origin = ORIGIN_CODE[statusOrigin(buf.toString('utf8', a, z), this.opts.origin)]
        this.status.set(buf, a, z, origin)
      }
    }
    // The protein change is copied into the table as bytes (no string per row).
    let pa = 0
    let pz = 0
    const kp = c.opt.protein
    if (kp !== undefined && (fe[kp] as number) > (fs[kp] as number)) {
      a = fs[kp] as number
      z = fe[kp] as number
      if (spaced(buf, a, z)) return false
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
    this.proteinStart = pa
    this.proteinEnd = pz
    r.sample = sampleId
    r.gene = gene
    r.cls = cls
    r.type = type
    r.origin = origin
    r.chrom = chromId
    r.start = start0
    r.end = end0
    r.ref = refId
    r.alt = altId
    r.filter = filter
    r.altCount = altCount
    r.refCount = refCount
    r.depth = depth
    return true
  }

  /** Pool id of an allele given as bytes; −1 when it has surrounding spaces (text path). */
  private allele(buf: Buffer, a: number, z: number): number {
    // One-base alleles (most of any MAF) by their byte, without hashing.
    if (z - a === 1 && (buf[a] as number) < 128) {
      const b = buf[a] as number
      const known = this.F.oneBase[b] as number
      if (known >= 0) return known
      if (b <= 32) return -1
      return (this.F.oneBase[b] = this.pool.id(buf.toString('utf8', a, z)))
    }
    let id = this.F.allele.get(buf, a, z)
    if (id === MISSING) {
      if (spaced(buf, a, z)) return -1
      id = this.pool.idDetached(buf.toString('utf8', a, z))
      this.F.allele.set(buf, a, z, id)
    }
    return id
  }
}
