/**
 * A sample's FORMAT values read from a record's bytes, for the table path (row-reader.ts): GT, AD, DP
 * and AF, the keys of VEP'd Mutect2 / GATK / DeepVariant / bench VCFs. The rules are the text path's
 * (line-scan.ts FormatReader, samples.ts gtCarries and alleleCounts), restricted to what bytes settle:
 * - a FORMAT that declares any other key samples.ts reads (Strelka tiers, VarScan FREQ/RD,
 *   VarDict VD, freebayes AO/RO, CN) is not read here (`format` answers false);
 * - the value of a key is the text between its colons; a sample with fewer fields lacks the later
 *   keys; an empty sample column has FORMAT's first field as '' (processFormatFields' ranges);
 * - GT parts are '', '.' or digits; AD plain comma-separated digits, '' or '.'; DP plain digits,
 *   '' or '.'; AF one plain decimal, '' or '.'. Anything else answers "give up" so that the text path reads
 *   the record, with its own values, errors and warnings.
 *
 * Complexity: O(sample column bytes) per sample read; memory O(distinct FORMAT strings).
 */
import { ByteMap, MISSING } from '../../io/bytemap.js'
import type { GtParts } from '../multiallelic.js'
import { FORMAT_KEYS } from '../sample-counts.js'

/** Count "unknown" (counts are never negative). */
export const UNKNOWN = -1
const MAX_ALLELES = 32

/** Columns of one FORMAT string. */
interface Layout {
  readonly gt: number
  readonly ad: number
  readonly dp: number
  readonly af: number
  /** Which of gt/ad/dp/af is FORMAT's first field (0-3), −1 none. */
  readonly first: number
  /** Last column to split up to; −1: no key we read (FormatReader's `declares` is false). */
  readonly last: number
}

/** Exact powers of ten (literals: Math.pow is not promised to be exact). */
const POW10 = [1, 1e1, 1e2, 1e3, 1e4, 1e5, 1e6, 1e7, 1e8, 1e9, 1e10, 1e11, 1e12, 1e13, 1e14, 1e15]

const READ_HERE = new Set(['GT', 'AD', 'DP', 'AF'])

export class SampleBytes {
  private readonly formats = new ByteMap()
  private readonly layouts: (Layout | undefined)[] = []
  private cur: Layout = { gt: -1, ad: -1, dp: -1, af: -1, first: -1, last: -1 }
  /** Field spans of the current sample: [start, end) per key (gt, ad, dp, af); start −1 absent. */
  readonly span = new Int32Array(8)
  /** GT alleles of the current sample (−1 for '.'), and how many. */
  private gt = new Int32Array(8)
  gtCount = 0
  /** Whether any GT part is called (not '' or '.'). */
  gtCalled = false
  /** AD of the current sample: count (−1 absent), values. */
  adCount = -1
  ad = new Float64Array(MAX_ALLELES)
  adSum = 0
  /** DP (UNKNOWN when absent or missing). */
  dp = UNKNOWN
  /** AF (NaN when absent). */
  af = NaN

  /**
   * Choose the FORMAT buf[a, z): false when a key is written that only the text path reads.
   * Afterwards `declares` says whether FORMAT names any FORMAT_KEYS key.
   */
  format(buf: Uint8Array, a: number, z: number): boolean {
    let k = this.formats.get(buf, a, z)
    if (k === MISSING) {
      k = this.layouts.length
      this.layouts.push(layoutOf(Buffer.from(buf.buffer, buf.byteOffset + a, z - a).toString('latin1')))
      this.formats.set(buf, a, z, k)
    }
    const l = this.layouts[k]
    if (l === undefined) return false
    this.cur = l
    return true
  }

  get declares(): boolean {
    return this.cur.last >= 0
  }

  /** Read the sample column buf[s, e) under the chosen FORMAT, and its GT; false: give up. */
  sample(buf: Uint8Array, s: number, e: number): boolean {
    const l = this.cur
    const span = this.span
    for (let k = 0; k < 8; k++) span[k] = -1
    if (s >= e) {
      if (l.first >= 0) {
        span[2 * l.first] = s
        span[2 * l.first + 1] = s
      }
    } else {
      let from = s
      for (let c = 0; c <= l.last; c++) {
        let colon = from
        while (colon < e && buf[colon] !== 58 /* : */) colon++
        const key = c === l.gt ? 0 : c === l.ad ? 1 : c === l.dp ? 2 : c === l.af ? 3 : -1
        if (key >= 0) {
          span[2 * key] = from
          span[2 * key + 1] = colon
        }
        if (colon === e) break
        from = colon + 1
      }
    }
    return this.parseGt(buf)
  }

  /** AD, DP and AF of the sample last read (only carriers need them); false: give up. */
  counts(buf: Uint8Array): boolean {
    return this.parseAd(buf) && this.parseDp(buf) && this.parseAf(buf)
  }

  /** The current sample's GT parts (−1 for '.' or ''), for multiallelic.ts. */
  get gtParts(): GtParts {
    return { parts: this.gt, n: this.gtCount }
  }

  /** Copy the current sample's GT parts into `into` (to keep a normal's GT while the tumour is read). */
  copyGt(into: { parts: Int32Array; n: number }): void {
    if (into.parts.length < this.gtCount) into.parts = new Int32Array(2 * this.gtCount)
    into.parts.set(this.gt.subarray(0, this.gtCount))
    into.n = this.gtCount
  }

  /** gtCarries: true / false, or undefined for a missing GT (no called allele). */
  carries(i: number): boolean | undefined {
    if (!this.gtCalled) return undefined
    for (let k = 0; k < this.gtCount; k++) if (this.gt[k] === i) return true
    return false
  }

  private parseGt(buf: Uint8Array): boolean {
    this.gtCount = 0
    this.gtCalled = false
    const a = this.span[0] as number
    if (a < 0) return true
    const z = this.span[1] as number
    let v = 0
    let digits = 0
    let dot = false
    let len = 0
    for (let p = a; p <= z; p++) {
      const c = p === z ? 47 : (buf[p] as number)
      if (c === 47 /* / */ || c === 124 /* | */) {
        if (len > 0 && digits === 0 && !(dot && len === 1)) return false
        if (this.gtCount === this.gt.length) {
          const grown = new Int32Array(2 * this.gt.length)
          grown.set(this.gt)
          this.gt = grown
        }
        // '.' and '' parts are kept as −1: vcf2maf's allele choice reads GT parts in order (multiallelic.ts).
        this.gt[this.gtCount++] = digits > 0 ? v : -1
        if (digits > 0) this.gtCalled = true
        v = 0
        digits = 0
        dot = false
        len = 0
      } else if (c >= 48 && c <= 57) {
        if (dot || digits === 9) return false
        v = v * 10 + (c - 48)
        digits++
        len++
      } else if (c === 46 /* . */) {
        if (len > 0) return false
        dot = true
        len++
      } else return false
    }
    return true
  }

  private parseAd(buf: Uint8Array): boolean {
    this.adCount = -1
    const a = this.span[2] as number
    if (a < 0) return true
    const z = this.span[3] as number
    if (a === z || (z - a === 1 && buf[a] === 46)) return true // missing: no AD
    let n = 0
    let v = 0
    let digits = 0
    let sum = 0
    for (let p = a; p <= z; p++) {
      const c = p === z ? 44 : (buf[p] as number)
      if (c === 44 /* , */) {
        if (digits === 0 || digits > 15 || n === MAX_ALLELES) return false
        this.ad[n++] = v
        sum += v
        v = 0
        digits = 0
      } else if (c >= 48 && c <= 57) {
        v = v * 10 + (c - 48)
        digits++
      } else return false
    }
    this.adCount = n
    this.adSum = sum
    return true
  }

  private parseDp(buf: Uint8Array): boolean {
    this.dp = UNKNOWN
    const a = this.span[4] as number
    if (a < 0) return true
    const z = this.span[5] as number
    if (a === z || (z - a === 1 && buf[a] === 46)) return true
    if (z - a > 15) return false
    let v = 0
    for (let p = a; p < z; p++) {
      const d = (buf[p] as number) - 48
      if (d < 0 || d > 9) return false
      v = v * 10 + d
    }
    this.dp = v
    return true
  }

  /**
   * One plain decimal ("0.4", "12", "3."), as Number() reads it: m / 10^k is the correctly rounded
   * quotient of two exact doubles (m < 10^15, k ≤ 15), which is what parsing the decimal gives.
   */
  private parseAf(buf: Uint8Array): boolean {
    this.af = NaN
    const a = this.span[6] as number
    if (a < 0) return true
    const z = this.span[7] as number
    if (a === z || (z - a === 1 && buf[a] === 46)) return true // missing: VAF from the counts
    let m = 0
    let digits = 0
    let frac = -1
    for (let p = a; p < z; p++) {
      const c = buf[p] as number
      if (c >= 48 && c <= 57) {
        m = m * 10 + (c - 48)
        digits++
        if (frac >= 0) frac++
      } else if (c === 46 && frac < 0 && p > a) frac = 0
      else return false
    }
    if (digits === 0 || digits > 15) return false
    this.af = frac > 0 ? m / (POW10[frac] as number) : m
    return true
  }
}

/** FormatReader's column rules for one FORMAT string; undefined when it declares a key read only by the text path. */
function layoutOf(format: string): Layout | undefined {
  const names = format.split(':')
  let last = -1
  for (const k of FORMAT_KEYS) {
    const c = names.indexOf(k)
    if (c === -1) continue
    if (!READ_HERE.has(k)) return undefined
    last = Math.max(last, c)
  }
  const first = ['GT', 'AD', 'DP', 'AF'].indexOf(names[0] as string)
  return { gt: names.indexOf('GT'), ad: names.indexOf('AD'), dp: names.indexOf('DP'), af: names.indexOf('AF'), first, last }
}
