/**
 * The byte path's reader: a small-variant record line's bytes → EventTable rows (ids and codes), with
 * no string per field, no Alteration, no Effect object. It is the one thing the VCF parser
 * (../reader.ts) asks of the byte path (index.ts BytePath): `push` writes the record's rows, or
 * answers false, before any side effect, for anything it does not read exactly as the text path
 * would, and the parser then decodes the line and reads it as text. Both paths call the same rules
 * (../rules/: MAF span, depth and VAF, origin; ../../model/consequence.ts: consequence → class), so
 * the contract is the same records and the same read report (test/vcf/table-path.test.ts).
 *
 * Read here: printable-ASCII lines with the #CHROM line's column count; POS plain digits; every
 * INFO key already declared or warned about, no '%' in INFO (info-bytes.ts); a verbatim VEP CSQ /
 * SnpEff ANN / CSQT value whose entries all have the header's field count (entry-bytes.ts); REF
 * and ALTs of letters; FORMAT with GT/AD/DP/AF only (sample-bytes.ts). FILTERed records are
 * dropped here as soon as the INFO keys are checked. Everything else — symbolic, breakend, '*' and
 * ALT-less records, other annotators, Strelka / VarScan / VarDict / freebayes counts, %XX escapes,
 * malformed anything — goes to the text path. Complexity: O(line bytes) per record (one pass over
 * the line, one per target sample column read); memory O(distinct strings) plus one record's
 * rows. Where the time goes: README "Performance".
 */
import type { MetaMap } from '@gmod/vcf'
import { byteClasses } from '../../io/byte-class.js'
import { drop, type DropCode, type ReadReport } from '../../model/report.js'
import { ORIGIN_CODE, type EventTable } from '../../model/events.js'
import { VARIANT_TYPES, type Origin, type VariantType } from '../../model/alteration.js'
import type { ReadNotes } from '../../model/read-notes.js'
import { SLOT, type EntryLayout } from '../entry-layout.js'
import type { SampleRoles } from '../sample-roles.js'
import { chooseAlt, otherCarried, type MultiAllelicTally } from '../multiallelic.js'
import { mafSpan, type MafSpan } from '../rules/maf-alleles.js'
import { alleleDepth, countVaf } from '../rules/depth.js'
import { recordOrigin } from '../rules/origin.js'
import { EntryBytes, GIVE_UP, NONE, shapeOf } from './entry-bytes.js'
import { EntryProtein } from './entry-protein.js'
import { GIVE_UP_ORIGIN, InfoBytes } from './info-bytes.js'
import { RowStrings } from './row-strings.js'
import { RowWriter } from './row-writer.js'
import { SampleBytes, UNKNOWN } from './sample-bytes.js'
import { AltBounds, bytesEqual, letters } from './alt-bounds.js'

/** What the parser decided from the header. */
export interface RowSettings {
  readonly file: string
  readonly table: EventTable
  readonly report: ReadReport
  /** Where written rows' uncounted consequence terms and date-like genes are noted. */
  readonly notes: ReadNotes
  readonly keepFiltered: boolean
  /** opts.origin, or undefined to take it from the INFO and the roles. */
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
const legalContig = (name: string): boolean => CONTIG_NAME.test(name)

/** Byte classes of a line: 0 printable, 1 tab, 2 anything else (the text path reads the line). */
const LINE_CLASS = byteClasses(2, { 9: 1 })

/** Variant_Type → its table code (VARIANT_TYPES index + 1). */
const TYPE_CODE = Object.fromEntries(VARIANT_TYPES.map((t, i) => [t, i + 1])) as Record<VariantType, number>

/** A count read from bytes (UNKNOWN: none) as the shared rules take it. */
function known(x: number): number | undefined {
  return x === UNKNOWN ? undefined : x
}

export class RowReader {
  /** Tab positions of the current line (room for the #CHROM line's columns). */
  private readonly tabs: Int32Array
  /** ALT bounds of the current record. */
  private readonly altBounds = new AltBounds()
  private readonly entries: EntryBytes
  private readonly info: InfoBytes
  private readonly protein: EntryProtein
  private readonly samples = new SampleBytes()
  private readonly strings: RowStrings
  private readonly out: RowWriter
  private readonly span: MafSpan = { start: 0, end: 0, variantType: 'SNP' }
  private readonly sampleLocal: number[]
  private readonly unknownGene: number
  private readonly dash: number
  /** opts.origin's code (−1: none). */
  private readonly fixedOrigin: number
  private readonly cohort: boolean
  private readonly paired: boolean
  private readonly tumorIdx: number

  constructor(private readonly s: RowSettings) {
    // Sites-only files may carry extra columns (reader.ts checkShape allows them): room for 64.
    this.tabs = new Int32Array(s.sampleNames.length > 0 ? 9 + s.sampleNames.length : 64)
    this.entries = new EntryBytes(s.layout)
    this.info = new InfoBytes(this.entries, s.key, s.infoMeta, s.settled)
    this.protein = new EntryProtein(this.entries)
    this.strings = new RowStrings(s.table.pool)
    this.out = new RowWriter(s.table, this.strings, s.report, s.notes, s.file)
    this.unknownGene = this.strings.local('Unknown')
    this.dash = this.strings.local('-')
    const r = s.roles
    this.cohort = r.mode === 'cohort'
    this.paired = r.mode === 'paired'
    this.tumorIdx = r.tumorIdx ?? -1
    this.sampleLocal = r.mode === 'cohort' ? s.sampleNames.map((n) => this.strings.local(n)) : [this.strings.local(r.tumorName ?? '')]
    this.fixedOrigin = s.origin === undefined ? -1 : ORIGIN_CODE[s.origin]
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
    const iz = this.info.read(buf, p + 1, e)
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
    const chrom = this.strings.chrom(buf, s, t0, legalContig)
    if (chrom < 0) return false
    const filter = this.strings.filter(buf, (tabs[5] as number) + 1, tabs[6] as number)
    if (!this.s.keepFiltered && !this.strings.passing(filter)) {
      this.s.report.rowsRead++
      drop(this.s.report, 'filtered', 1, this.strings.strs[filter])
      return true
    }
    if (!this.info.annotated || !this.info.plain) return false
    const origin = this.fixedOrigin >= 0 ? this.fixedOrigin : this.recordOrigin(buf)
    if (origin < 0) return false

    // REF and ALTs: letters only (so every ALT is a small variant).
    const ra = (tabs[2] as number) + 1
    const rz = tabs[3] as number
    if (rz === ra || !letters(buf, ra, rz)) return false
    const alts = this.altBounds.split(buf, rz + 1, tabs[4] as number)
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
    this.out.begin()
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
    let reason: DropCode = 'annotation-no-entry'
    // VEP's trimmed ALT form (alleles.ts vepAllele): every ALT shares REF's first base and not
    // all have REF's length.
    let vepTrim = true
    let sameLength = true
    for (let i = 0; i < alts; i++) {
      const x = this.altBounds.start[i] as number
      if (buf[x] !== buf[ra]) vepTrim = false
      if ((this.altBounds.end[i] as number) - x !== rz - ra) sameLength = false
    }
    if (sameLength) vepTrim = false
    for (let i = lo; i <= hi; i++) {
      const xa = this.altBounds.start[i - 1] as number
      const xz = this.altBounds.end[i - 1] as number
      const trimA = vepTrim ? (xz - xa > 1 ? xa + 1 : -1) : xa
      const e0 = this.entries.choose(i, alts, xa, xz, trimA, xz)
      if (e0 === GIVE_UP) return false
      if (e0 === NONE) {
        reason = 'annotation-no-entry'
        continue
      }
      // vcf2maf's MAF alleles (../rules/maf-alleles.ts): shared leading bases trimmed.
      let k = 0
      const rl0 = rz - ra
      const al0 = xz - xa
      const same = rl0 === al0 && bytesEqual(buf, ra, xa, rl0)
      if (!same) while (k < rl0 && k < al0 && buf[ra + k] === buf[xa + k]) k++
      const rl = rl0 - k
      const al = al0 - k
      const span = mafSpan(pos + k, rl, al, this.span)
      const start = span.start
      const end = span.end
      const type = TYPE_CODE[span.variantType]
      const cls = this.entries.classCode(e0, shapeOf(rl, al))
      const term = this.entries.term(e0)
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
          const d = alleleDepth(known(sb.dp), known(sum), known(ref), known(alt))
          depth = d ?? UNKNOWN
          vaf = Number.isNaN(sb.af) ? (countVaf(known(alt), d) ?? NaN) : sb.af
        }
        if (made === 0) {
          gene = this.gene(buf, e0)
          protein = this.protein.of(buf, e0, term)
          refL = rl === 0 ? this.dash : this.strings.allele(buf, ra + k, rz)
          altL = al === 0 ? this.dash : this.strings.allele(buf, xa + k, xz)
        }
        made++
        const sample = this.sampleLocal[this.cohort ? t : 0] as number
        if (direct) {
          const row = this.out.write(sample, gene, chrom, refL, altL, filter, cls, type, origin, protein ?? undefined, term, start, end, vaf, depth, alt, ref, line)
          if (protein === null) this.s.table.setProteinBytes(row, this.protein.bytes, 0, this.protein.length)
        } else {
          // Rows that wait get the change as a string (made once per ALT).
          if (protein === null) protein = this.protein.bytes.toString('latin1', 0, this.protein.length)
          this.out.add(sample, gene, cls, type, start, end, refL, altL, protein, term, vaf, depth, alt, ref)
        }
      }
      if (made === 0) reason = this.cohort ? 'genotype-no-sample' : 'genotype-not-tumour'
      rows += made
    }
    if (others > 0) {
      this.s.multi.records++
      this.s.multi.alleles += others
    }
    this.out.commit(rows, chrom, filter, origin, line, reason)
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

  /** Gene local of entry e: SYMBOL, else Feature, else "Unknown" (vcf2maf's Hugo_Symbol). */
  private gene(buf: Buffer, e: number): number {
    const slot = this.entries.present(e, SLOT.symbol) ? SLOT.symbol : this.entries.present(e, SLOT.feature) ? SLOT.feature : -1
    if (slot < 0) return this.unknownGene
    return this.strings.gene(buf, this.entries.start(e, slot), this.entries.end(e, slot))
  }

  /** The origin code of the record (INFO values found by info-bytes.ts), −1 to give up. */
  private recordOrigin(buf: Buffer): number {
    const o = this.info.origin(buf)
    return o === GIVE_UP_ORIGIN ? -1 : ORIGIN_CODE[recordOrigin(undefined, o, this.paired)]
  }
}
