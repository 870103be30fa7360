/**
 * The table path for small-variant records: a record line's bytes → EventTable rows (ids and
 * codes), with no string per field, no Alteration, no Effect object and no re-interning. VcfParser
 * (reader.ts) hands each record line here first; `push` answers false, before any side effect, for
 * anything it does not read exactly as the text path (reader.ts `record` → small.ts) would, and the
 * parser then decodes the line and reads it as text. So records, report counts, warnings and errors
 * are the text path's own; test/vcf/table-path.test.ts compares both on every VCF we hold.
 *
 * Read here: printable-ASCII lines with the #CHROM line's column count; POS plain digits; every
 * INFO key already declared or warned about, no '%' in INFO; origin keys (SOMATIC, GERMLINE,
 * VarDict STATUS, VarScan SS) as origin.ts reads them; a verbatim VEP CSQ / SnpEff ANN / CSQT value
 * whose entries all have the header's field count (entry-bytes.ts); REF and ALTs of letters; FORMAT
 * with GT/AD/DP/AF only (sample-bytes.ts). FILTERed records are dropped here as soon as the INFO
 * keys are checked. Everything else — symbolic, breakend, '*' and ALT-less records, other
 * annotators, Strelka / VarScan / VarDict / freebayes counts, %XX escapes, malformed anything — goes
 * to the text path.
 *
 * Strings are looked up by their bytes (ByteMap per column: chromosome, FILTER, allele; RecentBytes
 * before the gene map) and decoded once each; pool ids are taken when a row is appended, in
 * EventTable.push's order (sample, gene, chromosome, ref, alt, FILTER, file), so the pool is the
 * one the record path builds. Rows of a record wait in pending arrays until nothing can give up any
 * more (one ALT and one target: appended at once).
 *
 * Complexity: O(line bytes) per record (one pass over the line, one per target sample column read);
 * memory O(distinct strings) plus one record's pending rows. Measured (reader alone, 200,000 bench
 * records in memory, copies of the build cut after each stage and run interleaved, min of 9; user
 * CPU µs per record, cumulative 1.92): line split 0.06; tabs and INFO with the 25-field CSQ entry
 * 0.40; other tabs, POS, CHROM, FILTER 0.12; REF/ALT, FORMAT 0.11; entry choice 0.10; GT 0.15;
 * AD/DP/AF 0.10; MAF alleles, class, gene, protein change 0.35; pool ids, the table append and the
 * protein bytes 0.54 (incl. column growth: that harness does not reserve). JS byte loops cost
 * ~1.7-2.2 ns a byte on this machine, so the 190-byte line alone is ~0.4 µs.
 */
import type { MetaMap } from '@gmod/vcf'
import { byteClasses } from '../io/byte-class.js'
import { ByteMap, MISSING } from '../io/bytemap.js'
import { RecentBytes } from '../io/recent-bytes.js'
import { drop, dropPhrase, type ReadReport } from '../model/report.js'
import { KIND_CODE, ORIGIN_CODE, type EventTable, emptyRow } from '../model/events.js'
import { VARIANT_TYPES, type Origin } from '../model/alteration.js'
import { SLOT, type EntryLayout } from './annotation.js'
import { EntryBytes, GIVE_UP, NONE, shapeOf } from './entry-bytes.js'
import { hgvspShort, shortProteinInto, type ProteinInputs } from './hgvsp.js'
import { SampleBytes, UNKNOWN } from './sample-bytes.js'
import { ORIGIN_KEYS, VARDICT_STATUS, VARSCAN_SS } from './origin.js'
import type { SampleRoles } from './samples.js'
import { chooseAlt, otherCarried, type MultiAllelicTally } from './multiallelic.js'

/** What the parser decided from the header. */
export interface RowSettings {
  readonly file: string
  readonly table: EventTable
  readonly report: ReadReport
  readonly keepFiltered: boolean
  /** opts.origin, or undefined to take it from the roles (no origin key is read here). */
  readonly origin: Origin | undefined
  readonly roles: SampleRoles
  readonly sampleNames: readonly string[]
  /** The annotation INFO key and its entry layout. */
  readonly key: string
  readonly layout: EntryLayout
  /** The header's INFO declarations (the origin keys' types). */
  readonly infoMeta: MetaMap
  /** Whether the text path would do nothing for this INFO key (declared, or warned about). */
  readonly settled: (key: string) => boolean
  /** One row per carried ALT (else vcf2maf's one ALT per record: multiallelic.ts). */
  readonly splitMultiallelic: boolean
  /** The parser's count of carried ALTs left out (added when a record is committed here). */
  readonly multi: MultiAllelicTally
}

/** VCF 4.3 §1.4.7 contig name (reader.ts checks the text path's records with it too). */
export const CONTIG_NAME = /^[0-9A-Za-z!#$%&+./:;?@^_|~-][0-9A-Za-z!#$%&*+./:;=?@^_|~-]*$/

/** Byte classes in INFO: 0 other printable, then '=', '%', and the ends of a value (';', tab), then anything else. */
const EQ = 1
const PCT = 2
const END = 3
const BAD = 4
const INFO_CLASS = byteClasses(BAD, { 61: EQ, 37: PCT, 59: END, 9: END }) // '=', '%', ';', tab

/** Byte classes of a line: 0 printable, 1 tab, 2 anything else (the text path reads the line). */
const LINE_CLASS = byteClasses(2, { 9: 1 })

const TYPE_NP = [1, 1, 2, 3] // VARIANT_TYPES index + 1 of SNP, SNP, DNP, TNP by length
const TYPE_ONP = VARIANT_TYPES.indexOf('ONP') + 1
const TYPE_INS = VARIANT_TYPES.indexOf('INS') + 1
const TYPE_DEL = VARIANT_TYPES.indexOf('DEL') + 1

/** Key codes in the INFO key cache: ORIGIN + k is ORIGIN_KEYS[k]. */
const IGNORE = 0
const ANNOTATION = 1
const ORIGIN = 2
/** In originStart: the key is absent. */
const ABSENT = -2

/** hgvspShort's inputs, sliced from the chosen entry only when its rule reads them. */
class EntryProtein implements ProteinInputs {
  entry = 0
  buf: Buffer = Buffer.alloc(0)
  constructor(private readonly entries: EntryBytes) {}
  private field(slot: number): string | undefined {
    if (!this.entries.present(this.entry, slot)) return undefined
    return this.buf.toString('latin1', this.entries.start(this.entry, slot), this.entries.end(this.entry, slot))
  }
  get hgvsp(): string | undefined {
    return this.field(SLOT.hgvsp)
  }
  get hgvsc(): string | undefined {
    return this.field(SLOT.hgvsc)
  }
  get proteinPosition(): string | undefined {
    return this.field(SLOT.protein)
  }
  get aminoAcids(): string | undefined {
    return this.field(SLOT.aa)
  }
}

export class RowReader {
  /** Tab positions of the current line (room for the #CHROM line's columns). */
  private readonly tabs: Int32Array
  /** ALT bounds of the current record. */
  private altStart = new Int32Array(8)
  private altEnd = new Int32Array(8)
  private readonly entries: EntryBytes
  private readonly protein: EntryProtein
  private readonly samples = new SampleBytes()

  /** Local strings (decoded once) and their pool ids (−1 until a committed row uses them). */
  private readonly strs: string[] = []
  private ids = new Int32Array(64).fill(-1)
  private readonly chromMap = new ByteMap()
  private readonly filterMap = new ByteMap()
  /** Per FILTER local: whether it passes (PASS or '.'). */
  private readonly passes: boolean[] = []
  private readonly alleleMap = new ByteMap()
  private readonly geneMap = new RecentBytes()
  private readonly oneBase = new Int32Array(128).fill(-1)
  private readonly sampleLocal: number[]
  private readonly fileLocal: number
  private readonly unknownGene: number
  private readonly dash: number
  /** Origin code of a record without origin keys, and opts.origin's (−1: none). */
  private readonly unknownOrigin: number
  private readonly fixedOrigin: number
  /** Per ORIGIN_KEYS key: declared as a Flag; declared as a number. */
  private readonly originFlag: readonly boolean[]
  private readonly originNumeric: readonly boolean[]
  private readonly cohort: boolean
  private readonly tumorIdx: number

  /** INFO key cache by position: key bytes (in keyArena) and code. */
  private keyOff = new Int32Array(16)
  private keyLen = new Int32Array(16).fill(-1)
  private keyCode = new Uint8Array(16)
  private keyArena = new Uint8Array(256)
  private keyArenaLen = 0

  /** Pending rows of the current record (committed together). */
  private pending = 0
  private pInt = new Int32Array(16 * 6)
  private pNum = new Float64Array(16 * 6)
  private pProtein: (string | undefined)[] = []
  private readonly row = emptyRow()

  constructor(private readonly s: RowSettings) {
    // Sites-only files may carry extra columns (reader.ts checkShape allows them): room for 64.
    this.tabs = new Int32Array(s.sampleNames.length > 0 ? 9 + s.sampleNames.length : 64)
    this.entries = new EntryBytes(s.layout)
    this.protein = new EntryProtein(this.entries)
    this.fileLocal = this.local(s.file)
    this.unknownGene = this.local('Unknown')
    this.dash = this.local('-')
    const r = s.roles
    this.cohort = r.mode === 'cohort'
    this.tumorIdx = r.tumorIdx ?? -1
    this.sampleLocal = r.mode === 'cohort' ? s.sampleNames.map((n) => this.local(n)) : [this.local(r.tumorName ?? '')]
    this.unknownOrigin = ORIGIN_CODE[r.mode === 'paired' ? 'somatic' : 'unknown']
    this.fixedOrigin = s.origin === undefined ? -1 : ORIGIN_CODE[s.origin]
    const types = ORIGIN_KEYS.map((k) => s.infoMeta[k]?.Type)
    this.originFlag = types.map((t) => t === 'Flag')
    this.originNumeric = types.map((t) => t === 'Integer' || t === 'Float')
  }

  private local(str: string): number {
    const k = this.strs.length
    this.strs.push(str)
    if (k === this.ids.length) {
      const grown = new Int32Array(2 * k).fill(-1)
      grown.set(this.ids)
      this.ids = grown
    }
    return k
  }

  private decode(buf: Buffer, a: number, z: number): string {
    return buf.toString('latin1', a, z)
  }

  private id(local: number): number {
    const v = this.ids[local] as number
    if (v >= 0) return v
    return (this.ids[local] = this.s.table.pool.id(this.strs[local] as string))
  }

  /** Column k's start and end (k < the column count). */
  private colStart(k: number, s: number): number {
    return k === 0 ? s : (this.tabs[k - 1] as number) + 1
  }

  /**
   * Read one record line buf[s, e) (no line break) into the table; false (nothing done) when the
   * text path must read it.
   */
  push(buf: Buffer, s: number, e: number, line: number): boolean {
    // One pass over the line: columns 0-6, then INFO key by key (the annotation value's entries
    // read on the way, entry-bytes.ts), then the remaining tabs. JS byte loops cost ~1.7 ns a byte
    // here (test/vcf/bench), so no byte is looked at twice.
    const tabs = this.tabs
    const T = LINE_CLASS
    let p = s
    let nt = 0
    for (; nt < 7; p++) {
      let c = 0
      for (; p < e; p++) {
        c = T[buf[p] as number] as number
        if (c !== 0) break
      }
      if (p >= e || c === 2) return false
      tabs[nt++] = p
    }
    p--
    const iz = this.info(buf, p + 1, e)
    if (iz < 0) return false
    if (iz < e) {
      const cap = tabs.length
      tabs[nt++] = iz
      for (p = iz + 1; ; p++) {
        let c = 0
        for (; p < e; p++) {
          c = T[buf[p] as number] as number
          if (c !== 0) break
        }
        if (p >= e) break
        if (c === 2 || nt === cap) return false
        tabs[nt++] = p
      }
    }
    const nS = this.s.sampleNames.length
    const count = nt + 1
    if (count < (nS > 0 ? 9 + nS : 8) || (count > 9 + nS && nS > 0)) return false
    const t0 = tabs[0] as number
    // POS: 1-15 plain digits (0 is legal: a telomere).
    const pa = t0 + 1
    const pz = tabs[1] as number
    if (pz <= pa || pz - pa > 15) return false
    let pos = 0
    for (let q = pa; q < pz; q++) {
      const d = (buf[q] as number) - 48
      if (d < 0 || d > 9) return false
      pos = pos * 10 + d
    }
    let chrom = this.chromMap.get(buf, s, t0)
    if (chrom === MISSING) {
      const name = this.decode(buf, s, t0)
      if (!CONTIG_NAME.test(name)) return false
      chrom = this.local(name)
      this.chromMap.set(buf, s, t0, chrom)
    }

    const fa = (tabs[5] as number) + 1
    const fz = tabs[6] as number
    let filter = this.filterMap.get(buf, fa, fz)
    if (filter === MISSING) {
      const f = this.decode(buf, fa, fz)
      filter = this.local(f)
      this.passes[filter] = f === 'PASS' || f === '.'
      this.filterMap.set(buf, fa, fz, filter)
    }
    if (!this.s.keepFiltered && !(this.passes[filter] as boolean)) {
      this.s.report.rowsRead++
      drop(this.s.report, 'filtered', 1, String(this.strs[filter]))
      return true
    }
    if (!this.annotated || !this.plain) return false
    const origin = this.fixedOrigin >= 0 ? this.fixedOrigin : this.recordOrigin(buf)
    if (origin < 0) return false

    // REF and ALTs: letters only (so every ALT is a small variant).
    const ra = (tabs[2] as number) + 1
    const rz = tabs[3] as number
    if (rz === ra || !letters(buf, ra, rz)) return false
    const alts = this.splitAlts(buf, rz + 1, tabs[4] as number)
    if (alts === 0) return false

    // FORMAT (paired / tumour-only / cohort).
    const mode = this.s.roles.mode
    let declares = false
    if (mode !== 'sites-only') {
      if (!this.samples.format(buf, (tabs[7] as number) + 1, nt > 8 ? (tabs[8] as number) : e)) return false
      declares = this.samples.declares
    }

    return this.alleles(buf, e, nt, pos, chrom, filter, origin, ra, rz, alts, declares, line)
  }

  /**
   * The record's ALTs → rows (push's second half, a function of its own: V8 then compiles and,
   * after a deoptimisation, recompiles the two halves separately, which measured cheaper than one
   * large function). False: give up, nothing done.
   */
  private alleles(
    buf: Buffer, e: number, nt: number, pos: number, chrom: number, filter: number, origin: number,
    ra: number, rz: number, alts: number, declares: boolean, line: number,
  ): boolean {
    const tabs = this.tabs
    const nS = this.s.sampleNames.length
    const mode = this.s.roles.mode
    this.pending = 0
    // vcf2maf's one ALT of a multi-allelic record (multiallelic.ts), or every ALT; past 32 ALTs
    // every ALT is left to the text path, which reads each sample's values once per record (here
    // a sample is re-read per ALT: O(ALTs²) on a record of thousands).
    let lo = 1
    let hi = alts
    let others = 0
    if (alts > 1 && !this.s.splitMultiallelic && !this.cohort) {
      const c = this.choose(buf, e, nt, alts, declares)
      if (c < 0) return false
      lo = hi = c
      others = this.othersCarried
    } else if (alts > 32) return false
    // One ALT and one target: at most one row, and nothing left that could give up after it is
    // made, so it is appended at once (no pending copy).
    const direct = lo === hi && !this.cohort
    let rows = 0
    let reason = ''
    // VEP's trimmed ALT form (alleles.ts vepAllele): every ALT shares REF's first base and not
    // all have REF's length.
    let vepTrim = true
    let sameLength = true
    for (let i = 0; i < alts; i++) {
      const x = this.altStart[i] as number
      if (buf[x] !== buf[ra]) vepTrim = false
      if ((this.altEnd[i] as number) - x !== rz - ra) sameLength = false
    }
    if (sameLength) vepTrim = false
    for (let i = lo; i <= hi; i++) {
      const xa = this.altStart[i - 1] as number
      const xz = this.altEnd[i - 1] as number
      const trimA = vepTrim ? (xz - xa > 1 ? xa + 1 : -1) : xa
      const e0 = this.entries.choose(i, alts, xa, xz, trimA, xz)
      if (e0 === GIVE_UP) return false
      if (e0 === NONE) {
        reason = 'annotation: no entry for this allele'
        continue
      }
      // vcf2maf's MAF alleles (alleles.ts toMafAlleles): shared leading bases trimmed.
      let k = 0
      const rl0 = rz - ra
      const al0 = xz - xa
      const same = rl0 === al0 && bytesEqual(buf, ra, xa, rl0)
      if (!same) while (k < rl0 && k < al0 && buf[ra + k] === buf[xa + k]) k++
      const rl = rl0 - k
      const al = al0 - k
      const p0 = pos + k
      let start: number
      let end: number
      let type: number
      if (rl === al) {
        start = p0
        end = p0 + al - 1
        type = al > 3 ? TYPE_ONP : (TYPE_NP[al] as number)
      } else if (rl < al) {
        start = rl === 0 ? p0 - 1 : p0
        end = rl === 0 ? p0 : p0 + rl - 1
        type = TYPE_INS
      } else {
        start = p0
        end = p0 + rl - 1
        type = TYPE_DEL
      }
      const cls = this.entries.classCode(e0, shapeOf(rl, al))
      let made = 0
      let gene = -1
      let protein: string | undefined | null
      let refL = -1
      let altL = -1
      for (let t = 0; t < (this.cohort ? nS : 1); t++) {
        let carries: boolean | undefined
        const j = this.cohort ? t : this.tumorIdx
        if (mode === 'sites-only') carries = undefined
        else if (!declares) {
          if (this.cohort) break
          carries = undefined
        } else {
          const sa = (tabs[8 + j] as number) + 1
          const sz = 9 + j < nt ? (tabs[9 + j] as number) : e
          if (!this.samples.sample(buf, sa, sz)) return false
          carries = this.samples.carries(i)
        }
        if (this.cohort ? carries !== true : carries === false) continue
        let ref = UNKNOWN
        let alt = UNKNOWN
        let depth = UNKNOWN
        let vaf = NaN
        if (mode !== 'sites-only' && declares) {
          if (!this.samples.counts(buf)) return false
          const sb = this.samples
          let sum = UNKNOWN
          if (sb.adCount === alts + 1) {
            ref = sb.ad[0] as number
            alt = sb.ad[i] as number
            sum = sb.adSum
          } else if (sb.adCount === 1) alt = sb.ad[0] as number
          depth = sb.dp
          if (sum !== UNKNOWN && (depth === UNKNOWN || Math.max(ref, 0) + Math.max(alt, 0) > depth)) depth = sum
          if (!Number.isNaN(sb.af)) vaf = sb.af
          else if (alt !== UNKNOWN && depth !== UNKNOWN && depth > 0) vaf = alt / depth
        }
        if (made === 0) {
          gene = this.gene(buf, e0)
          protein = this.proteinOf(buf, e0)
          refL = rl === 0 ? this.dash : this.allele(buf, ra + k, rz)
          altL = al === 0 ? this.dash : this.allele(buf, xa + k, xz)
        }
        made++
        const sample = this.sampleLocal[this.cohort ? t : 0] as number
        if (direct) {
          const row = this.appendRow(sample, gene, chrom, refL, altL, filter, cls, type, origin, protein ?? undefined, start, end, vaf, depth, alt, ref, line)
          if (protein === null) this.s.table.setProteinBytes(row, this.protBuf, 0, this.protLen)
        } else {
          // Rows that wait get the change as a string (made once per ALT).
          if (protein === null) protein = this.protBuf.toString('latin1', 0, this.protLen)
          this.addPending(sample, gene, cls, type, start, end, refL, altL, protein, vaf, depth, alt, ref)
        }
      }
      if (made === 0) reason = this.cohort ? 'genotype: no sample carries the allele' : 'genotype: tumour does not carry the allele'
      rows += made
    }
    if (others > 0) {
      this.s.multi.records++
      this.s.multi.alleles += others
    }
    this.commit(rows, chrom, filter, origin, line, reason)
    return true
  }

  private readonly normalGt = { parts: new Int32Array(8), n: 0 }
  /** choose's count of the other ALTs the tumour carries. */
  private othersCarried = 0

  /**
   * vcf2maf's ALT for a paired / tumour-only / sites-only record, from the normal's and tumour's GT
   * and the tumour's AD, read as the text path reads them (targets.ts, multiallelic.ts); −1: give up.
   */
  private choose(buf: Buffer, e: number, nt: number, alts: number, declares: boolean): number {
    this.othersCarried = 0
    const r = this.s.roles
    if (r.mode === 'sites-only' || !declares) {
      this.othersCarried = otherCarried(undefined, 1, alts)
      return chooseAlt(alts, undefined, undefined, undefined, 0)
    }
    const span = (j: number): [number, number] => [(this.tabs[8 + j] as number) + 1, 9 + j < nt ? (this.tabs[9 + j] as number) : e]
    let normal: typeof this.normalGt | undefined
    if (r.mode === 'paired' && r.normalIdx !== undefined) {
      const [a, z] = span(r.normalIdx)
      if (!this.samples.sample(buf, a, z)) return -1
      this.samples.copyGt(this.normalGt)
      normal = this.normalGt
    }
    const [a, z] = span(this.tumorIdx)
    if (!this.samples.sample(buf, a, z) || !this.samples.counts(buf)) return -1
    const sb = this.samples
    const chosen = chooseAlt(alts, sb.gtParts, normal, sb.adCount >= 0 ? sb.ad : undefined, Math.max(sb.adCount, 0))
    this.othersCarried = otherCarried(sb.gtParts, chosen, alts)
    return chosen
  }

  /** Split the ALT column buf[a, z) into altStart/altEnd: the ALT count, 0 unless every ALT is letters. */
  private splitAlts(buf: Buffer, a: number, z: number): number {
    let k = 0
    let from = a
    for (let p = a; p <= z; p++) {
      if (p === z || buf[p] === 44) {
        if (p === from || !letters(buf, from, p)) return 0
        if (k === this.altStart.length) {
          const s = new Int32Array(2 * k)
          s.set(this.altStart)
          this.altStart = s
          const e = new Int32Array(2 * k)
          e.set(this.altEnd)
          this.altEnd = e
        }
        this.altStart[k] = from
        this.altEnd[k] = p
        k++
        from = p + 1
      }
    }
    return k
  }

  /** What `info` found: a readable annotation value, no '%' in INFO, the origin keys' values. */
  private annotated = false
  private plain = true
  /** Per ORIGIN_KEYS key: ABSENT, −1 (no '='), or the start of its value (last one written wins). */
  private readonly originStart = new Int32Array(4).fill(ABSENT)
  private readonly originEnd = new Int32Array(4)

  /**
   * origin.ts originFromInfo on the INFO values found, then the reader's rule (a paired file's
   * 'unknown' is somatic); −1 when a value needs the text path's typing (a number-typed STATUS or
   * SS that is not plain digits).
   */
  private recordOrigin(buf: Buffer): number {
    const start = this.originStart
    for (let k = 0; k < 2; k++) {
      // SOMATIC / GERMLINE count when @gmod/vcf makes them `true`: a Flag, or no value.
      const a = start[k] as number
      if (a !== ABSENT && (this.originFlag[k] === true || a === -1 || a === this.originEnd[k])) return k === 0 ? ORIGIN_CODE.somatic : ORIGIN_CODE.germline
    }
    for (let k = 2; k < 4; k++) {
      const a = start[k] as number
      if (a < 0 || a === this.originEnd[k] || this.originFlag[k] === true) continue
      let z = a
      while (z < (this.originEnd[k] as number) && buf[z] !== 44) z++
      if (z - a === 1 && buf[a] === 46) continue // '.': undefined
      const word = buf.toString('latin1', a, z)
      // Number-typed values are Number()'d, then String()'d: only plain digits read the same.
      if (this.originNumeric[k] === true && !/^(0|[1-9][0-9]{0,14})$/.test(word)) return -1
      const table = k === 2 ? VARDICT_STATUS : VARSCAN_SS
      const o = table[word]
      if (o === undefined) continue
      // A word found on Object.prototype ("constructor"): the text path's object look-up finds it too.
      if (!Object.hasOwn(table, word)) return -1
      return o === 'unknown' ? this.unknownOrigin : ORIGIN_CODE[o]
    }
    return this.unknownOrigin
  }

  /**
   * The INFO column from `from`: every key must be settled (else −1: the text path warns); the
   * annotation value's entries are read. Returns where INFO ends (its tab, or e); −1 to give up.
   */
  private info(buf: Buffer, from: number, e: number): number {
    this.annotated = false
    this.plain = true
    const os = this.originStart
    os[0] = ABSENT
    os[1] = ABSENT
    os[2] = ABSENT
    os[3] = ABSENT
    // '.': no INFO at all, so no annotation (the text path drops the record).
    if (from < e && buf[from] === 46 && (from + 1 === e || buf[from + 1] === 9)) return -1
    const T = INFO_CLASS
    let plain = true
    let q = from
    for (let n = 0; ; n++) {
      const ks = q
      let c = 0
      for (; q < e; q++) {
        c = T[buf[q] as number] as number
        if (c === PCT) plain = false
        else if (c !== 0) break
      }
      if (q < e && c === BAD) return -1
      const code = this.keyAt(buf, ks, q, n)
      if (code < 0) return -1
      if (q < e && c === EQ) {
        if (code === ANNOTATION) {
          const z = this.entries.read(buf, q + 1, e)
          if (z < 0) return -1
          this.annotated = this.entries.valid && z > q + 1
          if (this.entries.percent) plain = false
          q = z
        } else {
          const vs = q + 1
          for (q++; q < e; q++) {
            c = T[buf[q] as number] as number
            if (c === PCT) plain = false
            else if (c > EQ) break
          }
          if (q < e && c === BAD) return -1
          if (code >= ORIGIN) {
            this.originStart[code - ORIGIN] = vs
            this.originEnd[code - ORIGIN] = q
          }
        }
      } else if (code >= ORIGIN) this.originStart[code - ORIGIN] = -1
      else if (code === ANNOTATION) this.annotated = false
      if (q >= e || buf[q] === 9) {
        this.plain = plain
        return q
      }
      q++
    }
  }

  /** Code of the INFO key buf[a, z) at position n; −1 when the text path must see it. */
  private keyAt(buf: Buffer, a: number, z: number, n: number): number {
    if (n >= this.keyLen.length) {
      const g = (x: Int32Array) => {
        const y = new Int32Array(2 * x.length).fill(-1)
        y.set(x)
        return y
      }
      this.keyOff = g(this.keyOff)
      this.keyLen = g(this.keyLen)
      const codes = new Uint8Array(this.keyLen.length)
      codes.set(this.keyCode)
      this.keyCode = codes
    }
    const len = z - a
    if (this.keyLen[n] === len) {
      const o = this.keyOff[n] as number
      let i = 0
      while (i < len && this.keyArena[o + i] === buf[a + i]) i++
      if (i === len) return this.keyCode[n] as number
    }
    const key = this.decode(buf, a, z)
    if (!this.s.settled(key)) return -1
    const code = key === this.s.key ? ANNOTATION : ORIGIN_KEYS.includes(key) ? ORIGIN + ORIGIN_KEYS.indexOf(key) : IGNORE
    if (this.keyArenaLen + len > this.keyArena.length) {
      const grown = new Uint8Array(Math.max(2 * this.keyArena.length, this.keyArenaLen + len))
      grown.set(this.keyArena)
      this.keyArena = grown
    }
    this.keyArena.set(buf.subarray(a, z), this.keyArenaLen)
    this.keyOff[n] = this.keyArenaLen
    this.keyLen[n] = len
    this.keyCode[n] = code
    this.keyArenaLen += len
    return code
  }

  /** The protein change proteinOf last answered null for: protBuf[0, protLen), ASCII. */
  private protBuf = Buffer.allocUnsafe(256)
  private protLen = 0

  /**
   * hgvspShort of entry e: null when it is in protBuf (from the HGVSp bytes, the usual case);
   * through the string rules when the term is a splice site (HGVSc decides), the value is "c.…"
   * or the result is "p.=".
   */
  private proteinOf(buf: Buffer, e: number): string | undefined | null {
    const term = this.entries.term(e)
    if (term !== 'splice_acceptor_variant' && term !== 'splice_donor_variant') {
      if (!this.entries.present(e, SLOT.hgvsp)) return undefined
      const a = this.entries.start(e, SLOT.hgvsp)
      const z = this.entries.end(e, SLOT.hgvsp)
      if (z - a > this.protBuf.length) this.protBuf = Buffer.allocUnsafe(2 * (z - a))
      const n = shortProteinInto(buf, a, z, this.protBuf)
      const pb = this.protBuf
      if (n === 0) return undefined
      // "p.=" takes hgvspShort's synonymous rule (Protein_position, Amino_acids).
      if (n > 0 && !(n === 3 && pb[0] === 112 && pb[1] === 46 && pb[2] === 61)) {
        this.protLen = n
        return null
      }
    }
    this.protein.buf = buf
    this.protein.entry = e
    return hgvspShort(this.protein, term)
  }

  /** Gene local of entry e: SYMBOL, else Feature, else "Unknown" (vcf2maf's Hugo_Symbol). */
  private gene(buf: Buffer, e: number): number {
    const slot = this.entries.present(e, SLOT.symbol) ? SLOT.symbol : this.entries.present(e, SLOT.feature) ? SLOT.feature : -1
    if (slot < 0) return this.unknownGene
    const a = this.entries.start(e, slot)
    const z = this.entries.end(e, slot)
    let g = this.geneMap.get(buf, a, z)
    if (g === MISSING) {
      g = this.local(this.decode(buf, a, z))
      this.geneMap.set(buf, a, z, g)
    }
    return g
  }

  private allele(buf: Buffer, a: number, z: number): number {
    if (z - a === 1) {
      const b = buf[a] as number
      const known = this.oneBase[b] as number
      if (known >= 0) return known
      return (this.oneBase[b] = this.local(this.decode(buf, a, z)))
    }
    let k = this.alleleMap.get(buf, a, z)
    if (k === MISSING) {
      k = this.local(this.decode(buf, a, z))
      this.alleleMap.set(buf, a, z, k)
    }
    return k
  }

  private addPending(
    sample: number, gene: number, cls: number, type: number, start: number, end: number, ref: number, alt: number,
    protein: string | undefined, vaf: number, depth: number, altCount: number, refCount: number,
  ): void {
    const k = this.pending++
    if (6 * this.pending > this.pInt.length) {
      const i = new Int32Array(2 * this.pInt.length)
      i.set(this.pInt)
      this.pInt = i
      const f = new Float64Array(2 * this.pNum.length)
      f.set(this.pNum)
      this.pNum = f
    }
    const I = this.pInt
    const F = this.pNum
    I[6 * k] = sample
    I[6 * k + 1] = gene
    I[6 * k + 2] = cls
    I[6 * k + 3] = type
    I[6 * k + 4] = ref
    I[6 * k + 5] = alt
    F[6 * k] = start
    F[6 * k + 1] = end
    F[6 * k + 2] = vaf
    F[6 * k + 3] = depth
    F[6 * k + 4] = altCount
    F[6 * k + 5] = refCount
    this.pProtein[k] = protein
  }

  /** Count the record and append its pending rows. */
  private commit(rows: number, chrom: number, filter: number, origin: number, line: number, reason: string): void {
    const report = this.s.report
    report.rowsRead++
    if (rows === 0) {
      dropPhrase(report, reason)
      return
    }
    report.kept++
    const I = this.pInt
    const F = this.pNum
    for (let k = 0; k < this.pending; k++) {
      const x = 6 * k
      this.appendRow(
        I[x] as number, I[x + 1] as number, chrom, I[x + 4] as number, I[x + 5] as number, filter, I[x + 2] as number, I[x + 3] as number,
        origin, this.pProtein[k], F[x] as number, F[x + 1] as number, F[x + 2] as number, F[x + 3] as number, F[x + 4] as number, F[x + 5] as number, line,
      )
      this.pProtein[k] = undefined
    }
  }

  /** Append one row, taking pool ids in EventTable.push's order (sample, gene, chromosome, ref, alt, FILTER, file). */
  private appendRow(
    sample: number, gene: number, chrom: number, ref: number, alt: number, filter: number, cls: number, type: number, origin: number,
    protein: string | undefined, start: number, end: number, vaf: number, depth: number, altCount: number, refCount: number, line: number,
  ): number {
    const r = this.row
    r.sample = this.id(sample)
    r.gene = this.id(gene)
    r.chrom = this.id(chrom)
    r.ref = this.id(ref)
    r.alt = this.id(alt)
    r.filter = this.id(filter)
    r.file = this.id(this.fileLocal)
    r.kind = type === TYPE_INS || type === TYPE_DEL ? KIND_CODE.indel : KIND_CODE.snv
    r.cls = cls
    r.type = type
    r.origin = origin
    r.cnState = 0
    r.protein = protein
    r.start = start
    r.end = end
    r.vaf = vaf
    r.copyNumber = NaN
    r.depth = depth
    r.altCount = altCount
    r.refCount = refCount
    r.line = line
    return this.s.table.append(r)
  }
}

function letters(buf: Buffer, a: number, z: number): boolean {
  for (let p = a; p < z; p++) {
    const c = (buf[p] as number) | 32
    if (c < 97 || c > 122) return false
  }
  return true
}

function bytesEqual(buf: Buffer, a: number, b: number, n: number): boolean {
  for (let i = 0; i < n; i++) if (buf[a + i] !== buf[b + i]) return false
  return true
}
