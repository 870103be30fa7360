/**
 * VEP CSQ / SnpEff ANN / Illumina CSQT entries read from a record's bytes, and the choice of one
 * entry per ALT, for the table path (row-reader.ts). The same rules as the text path, which builds an
 * Effect per entry (annotation.ts VepEntry, small.ts effectsForAllele, effect.ts pickEffect):
 * - entries are the ','-separated pieces of the value, fields the '|'-separated parts; every entry
 *   must have the header's field count; a piece without '|' (the text path's repair of unescaped
 *   commas, or a '.' piece) makes `read` give up, so such records take the text path;
 * - a field is absent when empty or '.', except Allele and Consequence, compared as written;
 * - entries for ALT i: ALLELE_NUM = i when written, else Allele '' / the ALT / VEP's trimmed ALT;
 *   none matching a single-ALT record → all of them; one entry and one ALT → that entry;
 * - the choice: PICK=1 first, else vcf2maf's order (biotype, worst consequence, longer transcript,
 *   entry order) with its gene / CANONICAL rules, found as minima rather than by sorting.
 * Anything those rules would read differently from bytes (a non-numeric ALLELE_NUM or transcript
 * length, an unknown consequence term on an entry that counts) answers "give up" (−2), never a guess.
 *
 * Field bounds live in one Int32Array (2 numbers per slot per entry); slots the header lacks stay
 * −1 from allocation, the others are written by every entry, so an entry costs no clearing.
 * Consequence and biotype strings are looked up by their bytes (RecentBytes before a ByteMap),
 * decoded once each.
 *
 * Complexity: O(value bytes) per record to read, O(entries) per ALT to choose; memory O(entries)
 * for the largest record plus the distinct consequence and biotype strings. Measured: ~0.3 µs for
 * the bench's one 25-field entry (the byte loop, 1.7-2.2 ns a byte); test/vcf/bench/vep-synthetic's
 * 4 transcripts × 30 fields: the whole table path 6.2-7.5 µs/record against 9.7 for records pushed
 * into the table (reader.mjs, interleaved).
 */
import { byteClasses } from '../../io/byte-class.js'
import { MISSING } from '../../io/bytemap.js'
import { RecentBytes } from '../../io/recent-bytes.js'
import { LOWEST_BIOTYPE_PRIORITY, biotypePriority } from '../biotype.js'
import { SLOT, SLOTS, type EntryLayout } from '../entry-layout.js'
import { classifyConsequence, lookupTerm, splitTerms } from '../../model/consequence.js'
import { CLASS_CODE } from '../../model/events.js'

const W = 2 * SLOTS
/** Byte classes in a value: 0 other printable; the ends of a field, an entry, the value; '%'; anything else. */
const BAR = 1
const COMMA = 2
const END = 3
const PCT = 4
const BAD = 5
const VALUE_CLASS = byteClasses(BAD, { 124: BAR, 44: COMMA, 59: END, 9: END, 37: PCT }) // '|', ',', ';', tab, '%'
const GIVE_UP = -2
const NONE = -1

/** Indel shapes for the class cache: [ref, alt] of each shape (only their length difference counts). */
const SHAPES: readonly (readonly [string, string])[] = [
  ['A', 'C'], // not an indel
  ['-', 'A'], // frameshift insertion
  ['-', 'AAA'], // in-frame insertion
  ['A', '-'], // frameshift deletion
  ['AAA', '-'], // in-frame deletion
]

/** The shape index (SHAPES) of MAF alleles of lengths rl, al ('-' counted as 0). */
export function shapeOf(rl: number, al: number): number {
  if (rl === al) return 0
  const inframe = Math.abs(rl - al) % 3 === 0
  return rl < al ? (inframe ? 2 : 1) : inframe ? 4 : 3
}

export class EntryBytes {
  /** Entries of the current record. */
  count = 0
  /** Whether the value last read holds a '%' (the text path then %XX-decodes INFO). */
  percent = false
  /** Whether every entry of the value last read has the header's field count. */
  valid = false
  /** Per entry: its consequence's cache index (−1: not looked up yet). */
  private consOf = new Int32Array(8)
  private at: Int32Array
  private readonly n: number
  private readonly slotOf: Int8Array
  private buf: Uint8Array = new Uint8Array(0)

  /** Consequence bytes → index into the arrays below. */
  private readonly consMap = new RecentBytes()
  /** Per consequence string: its terms (or undefined when one is unknown), priority, deciding term, class by shape (−1: not yet). */
  private readonly consTerms: (readonly string[] | undefined)[] = []
  private readonly consPriority: number[] = []
  private readonly consTerm: string[] = []
  private consClass = new Int16Array(0)
  private readonly biotypeMap = new RecentBytes()
  /** Candidates of the ALT being chosen for (entry indices, in entry order). */
  private cand = new Int32Array(16)

  constructor(layout: EntryLayout) {
    this.n = layout.n
    this.slotOf = layout.slotOf
    this.at = new Int32Array(8 * W).fill(-1)
  }

  /**
   * Read the value that starts at `from`, up to its ';' or tab (or `to`): returns where it ends,
   * or −1 for a byte outside printable ASCII. `valid` is false when the text path must read the
   * value (a piece without '|', a wrong field count, n < 2).
   */
  read(buf: Uint8Array, from: number, to: number): number {
    this.buf = buf
    this.percent = false
    const n = this.n
    const slotOf = this.slotOf
    let at = this.at
    let valid = n >= 2
    let e = 0
    let base = 0
    let k = 0
    let fieldStart = from
    let p = from
    const T = VALUE_CLASS
    for (;; p++) {
      // The bytes between delimiters in a loop of their own: ~20% faster per byte than one loop
      // that also branches on the delimiters (test/vcf/bench; the buffer checks leave the loop).
      let c = END
      for (; p < to; p++) {
        c = T[buf[p] as number] as number
        if (c !== 0) break
      }
      if (p >= to) c = END
      if (c <= END) {
        if (k < n) {
          const slot = slotOf[k] as number
          if (slot >= 0) {
            at[base + 2 * slot] = fieldStart
            at[base + 2 * slot + 1] = p
          }
        }
        k++
        fieldStart = p + 1
        if (c === BAR) continue
        if (k !== n) valid = false
        this.consOf[e] = -1
        e++
        if (c === END) break
        k = 0
        base = e * W
        if (base + W > at.length) {
          const grown = new Int32Array(at.length * 2).fill(-1)
          grown.set(at)
          this.at = at = grown
          const cons = new Int32Array(this.consOf.length * 2)
          cons.set(this.consOf)
          this.consOf = cons
        }
      } else if (c === PCT) this.percent = true
      else return -1
    }
    this.count = e
    this.valid = valid
    return p
  }

  private has(e: number, slot: number): boolean {
    const a = this.at[e * W + 2 * slot] as number
    const z = this.at[e * W + 2 * slot + 1] as number
    return a >= 0 && a !== z && !(z - a === 1 && this.buf[a] === 46)
  }

  /** Start and end of a field (call `has` first for the absent rules). */
  start(e: number, slot: number): number {
    return this.at[e * W + 2 * slot] as number
  }
  end(e: number, slot: number): number {
    return this.at[e * W + 2 * slot + 1] as number
  }
  present(e: number, slot: number): boolean {
    return this.has(e, slot)
  }

  private eq(e: number, slot: number, a: number, z: number): boolean {
    const s = this.at[e * W + 2 * slot] as number
    if (s < 0 || (this.at[e * W + 2 * slot + 1] as number) - s !== z - a) return false
    const buf = this.buf
    for (let i = 0; i < z - a; i++) if (buf[s + i] !== buf[a + i]) return false
    return true
  }

  private isByte(e: number, slot: number, c: number): boolean {
    const s = this.at[e * W + 2 * slot] as number
    return s >= 0 && (this.at[e * W + 2 * slot + 1] as number) - s === 1 && this.buf[s] === c
  }

  private isYes(e: number, slot: number): boolean {
    const s = this.at[e * W + 2 * slot] as number
    const buf = this.buf
    return s >= 0 && (this.at[e * W + 2 * slot + 1] as number) - s === 3 && buf[s] === 89 && buf[s + 1] === 69 && buf[s + 2] === 83
  }

  /** ALLELE_NUM: −1 absent, −2 not plain digits (give up), else the number. */
  private alleleNum(e: number): number {
    if (!this.has(e, SLOT.alleleNum)) return -1
    const a = this.start(e, SLOT.alleleNum)
    const z = this.end(e, SLOT.alleleNum)
    if (z - a > 9) return -2
    let v = 0
    for (let i = a; i < z; i++) {
      const d = (this.buf[i] as number) - 48
      if (d < 0 || d > 9) return -2
      v = v * 10 + d
    }
    return v
  }

  /** Index of entry e's consequence string in the cache. */
  private cons(e: number): number {
    const known = this.consOf[e] as number
    if (known >= 0) return known
    return (this.consOf[e] = this.lookupCons(e))
  }

  private lookupCons(e: number): number {
    const a = this.start(e, SLOT.consequence)
    const z = this.end(e, SLOT.consequence)
    if (a < 0) return this.consIndex(new Uint8Array(0), 0, 0)
    return this.consIndex(this.buf, a, z)
  }

  private consIndex(buf: Uint8Array, a: number, z: number): number {
    let k = this.consMap.get(buf, a, z)
    if (k !== MISSING) return k
    k = this.consTerms.length
    const terms = splitTerms(Buffer.from(buf.buffer, buf.byteOffset + a, z - a).toString('latin1'))
    let known = true
    let best = Number.POSITIVE_INFINITY
    let bestTerm = ''
    for (const t of terms) {
      const info = lookupTerm(t)
      if (info === undefined) known = false
      else if (info.priority < best) {
        best = info.priority
        bestTerm = t
      }
    }
    // vcf2maf: an entry with no Consequence is intergenic (small.ts; effect.ts worstTermPriority).
    const used = terms.length === 0 ? ['intergenic_variant'] : terms
    if (terms.length === 0) {
      best = (lookupTerm('intergenic_variant') as { priority: number }).priority
      bestTerm = 'intergenic_variant'
    }
    this.consTerms.push(known ? used : undefined)
    this.consPriority.push(best)
    this.consTerm.push(bestTerm)
    if (this.consClass.length < 5 * (k + 1)) {
      const grown = new Int16Array(Math.max(64, 2 * this.consClass.length)).fill(-1)
      grown.set(this.consClass)
      this.consClass = grown
    }
    this.consMap.set(buf, a, z, k)
    return k
  }

  private biotype(e: number): number {
    if (!this.has(e, SLOT.biotype)) return LOWEST_BIOTYPE_PRIORITY
    const a = this.start(e, SLOT.biotype)
    const z = this.end(e, SLOT.biotype)
    let p = this.biotypeMap.get(this.buf, a, z)
    if (p === MISSING) {
      p = biotypePriority(Buffer.from(this.buf.buffer, this.buf.byteOffset + a, z - a).toString('latin1'))
      this.biotypeMap.set(this.buf, a, z, p)
    }
    return p
  }

  /** cDNA length after the last '/' (0 without one); −1: not plain digits (give up). */
  private transcriptLength(e: number): number {
    if (!this.has(e, SLOT.cdna)) return 0
    const a = this.start(e, SLOT.cdna)
    const z = this.end(e, SLOT.cdna)
    let slash = z - 1
    while (slash >= a && this.buf[slash] !== 47) slash--
    if (slash < a) return 0
    if (z - slash - 1 > 15) return -1
    let v = 0
    for (let i = slash + 1; i < z; i++) {
      const d = (this.buf[i] as number) - 48
      if (d < 0 || d > 9) return -1
      v = v * 10 + d
    }
    return v
  }

  /**
   * The entry chosen for ALT i (1-based) of `alts` ALTs: its index, NONE when no entry is for
   * this ALT, GIVE_UP when the text path must decide. `alt`/`trim` are the ALT's bytes and VEP's
   * trimmed form (trimA −1: the trimmed form is '-').
   */
  choose(i: number, alts: number, altA: number, altZ: number, trimA: number, trimZ: number): number {
    const count = this.count
    if (count === 1 && alts === 1) return this.known(0) ? 0 : GIVE_UP
    if (this.cand.length < count) this.cand = new Int32Array(2 * count)
    const cand = this.cand
    let m = 0
    for (let e = 0; e < count; e++) {
      const num = this.alleleNum(e)
      if (num === -2) return GIVE_UP
      const ok =
        num >= 0
          ? num === i
          : this.end(e, SLOT.allele) === this.start(e, SLOT.allele) ||
            this.start(e, SLOT.allele) < 0 ||
            this.eq(e, SLOT.allele, altA, altZ) ||
            (trimA < 0 ? this.isByte(e, SLOT.allele, 45 /* - */) : this.eq(e, SLOT.allele, trimA, trimZ))
      if (ok) cand[m++] = e
    }
    if (m === 0 && alts === 1) for (let e = 0; e < count; e++) cand[m++] = e
    if (m === 0) return NONE
    if (m === 1) return this.known(cand[0] as number) ? (cand[0] as number) : GIVE_UP
    // Several: every one's terms must be known (the text path checks them all).
    for (let k = 0; k < m; k++) if (!this.known(cand[k] as number)) return GIVE_UP
    for (let k = 0; k < m; k++) if (this.isByte(cand[k] as number, SLOT.pick, 49 /* 1 */)) return cand[k] as number
    return this.vcf2maf(m)
  }

  private known(e: number): boolean {
    return this.consTerms[this.cons(e)] !== undefined
  }

  /** vcf2maf's choice among cand[0, m) (effect.ts pickEffect), as minima of its sort order. */
  private vcf2maf(m: number): number {
    const cand = this.cand
    if (this.sortKey.length < 3 * m) this.sortKey = new Float64Array(6 * m)
    const key = this.sortKey
    for (let k = 0; k < m; k++) {
      const e = cand[k] as number
      key[3 * k] = this.biotype(e)
      key[3 * k + 1] = this.consPriority[this.cons(e)] as number
      const l = this.transcriptLength(e)
      if (l < 0) return GIVE_UP
      key[3 * k + 2] = l
    }
    const sym = SLOT.symbol
    let gene = -1
    for (let k = 0; k < m; k++) if (this.has(cand[k] as number, sym) && this.before(k, gene)) gene = k
    if (gene >= 0) {
      const g = cand[gene] as number
      const ga = this.start(g, sym)
      const gz = this.end(g, sym)
      let best = -1
      for (let k = 0; k < m; k++) {
        const e = cand[k] as number
        if (this.isYes(e, SLOT.canonical) && this.eq(e, sym, ga, gz) && this.before(k, best)) best = k
      }
      if (best >= 0) return cand[best] as number
    }
    let best = -1
    for (let k = 0; k < m; k++) {
      const e = cand[k] as number
      if (this.has(e, sym) && this.isYes(e, SLOT.canonical) && this.before(k, best)) best = k
    }
    if (best < 0) for (let k = 0; k < m; k++) if (this.before(k, best)) best = k
    return cand[best] as number
  }

  /** Sort keys of the candidates being ranked: biotype priority, worst term priority, transcript length. */
  private sortKey = new Float64Array(48)

  /** Whether candidate x sorts before candidate y (−1: none yet) in vcf2maf's stable order. */
  private before(x: number, y: number): boolean {
    if (y < 0) return true
    const k = this.sortKey
    const d = (k[3 * x] as number) - (k[3 * y] as number) || (k[3 * x + 1] as number) - (k[3 * y + 1] as number) || (k[3 * y + 2] as number) - (k[3 * x + 2] as number)
    return d < 0 || (d === 0 && x < y)
  }

  /** Class code of entry e's consequence for alleles of shape `shape` (shapeOf). Call after choose. */
  classCode(e: number, shape: number): number {
    const k = this.cons(e)
    let code = this.consClass[5 * k + shape] as number
    if (code < 0) {
      const [r, a] = SHAPES[shape] as readonly [string, string]
      code = CLASS_CODE.get(classifyConsequence(this.consTerms[k] as readonly string[], r, a).variantClass) as number
      this.consClass[5 * k + shape] = code
    }
    return code
  }

  /** The consequence term that decided entry e's class (hgvspShort's `term`). */
  term(e: number): string {
    return this.consTerm[this.cons(e)] as string
  }
}

export { GIVE_UP, NONE }
