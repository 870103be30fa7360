/**
 * The text path's column reading: the fixed columns, the INFO values the reader uses and the chosen
 * samples' FORMAT fields, read from the line by indexOf (it replaced @gmod/vcf's parseLine).
 *
 * Why: parseLine builds every column, splits and types every INFO key, and the reader then asks
 * processFormatFields for 16 keys of every sample. On the bench VEP VCF (bench/out/cohort.vcf, first
 * 200,000 records, `node --cpu-prof`) parseLine + processFormatFields were 2.3 of the reader's 5.3 s
 * of CPU time. Here each record costs one indexOf per tab; one pass over INFO that compares each key
 * in place with the key seen at that position before (a key is sliced only the first time) and
 * keeps the wanted values as spans of the line; and the target samples' FORMAT values, one object
 * shape for all. Strings are cut only for values that reach an Alteration or a rule.
 *
 * Complexity: O(line length) per record; memory O(1) besides the line (spans, not substrings).
 * Measured with test/vcf/bench/reader.mjs (reader alone, 200,000 bench records in memory, min of
 * interleaved runs on the shared 2-core machine): 6.7 µs/record before these spans → 3.2.
 *
 * Behaviour is @gmod/vcf 7's, rule by rule (its esm/Variant.js, parseInfo.js, processFormatFields.js):
 * - trailing CR/LF is ignored; the INFO column ends at the 9th column's tab (or the line end);
 * - INFO: typed as rules/info.ts says (the last duplicate key wins);
 * - FORMAT: the column of each wanted key; sample j starts after the j-th tab past FORMAT; a key
 *   beyond a sample's last field is absent, except that a sample column missing altogether (or
 *   empty) reports FORMAT's first field as '' (processFormatFields' ranges do the same).
 * Records whose alleles are not all small (symbolic, breakend, no ALT) have their whole INFO column
 * typed (rules/info.ts parseInfo): the copy-number / SV handlers read any key.
 * test/vcf/fast-path.test.ts checks that the records and reports are @gmod/vcf's on every fixture
 * and shared real VCF (test/vcf/gmod-oracle.ts reads the columns with its parseLine).
 */
import type { MetaMap } from '@gmod/vcf'
import { FORMAT_KEYS, type FormatKey, type FormatValues } from './sample-counts.js'
import { infoValue, type InfoMap, type InfoValue } from './rules/info.js'

export type { InfoMap }

/** Tab positions of one record line; `tab[k]` ends column k (0-based), `end` when absent. */
export class LineColumns {
  text = ''
  /** Length without trailing CR/LF. */
  end = 0
  /** Every tab of the line (sample columns too), then `end` for columns 0-8 that are absent. */
  tab = new Int32Array(16)
  /** Number of tab-separated columns. */
  count = 0

  /** false when the line has fewer than the 8 fixed columns. */
  scan(text: string): boolean {
    let end = text.length
    for (let c = text.charCodeAt(end - 1); end > 0 && (c === 10 || c === 13); c = text.charCodeAt(end - 1)) end--
    this.text = text
    this.end = end
    let tab = this.tab
    let k = 0
    for (let t = text.indexOf('\t'); t !== -1 && t < end; t = text.indexOf('\t', t + 1)) {
      if (k === tab.length) {
        tab = new Int32Array(2 * k)
        tab.set(this.tab)
        this.tab = tab
      }
      tab[k++] = t
    }
    if (k < 7) return false
    this.count = k + 1
    for (let j = k; j < 9; j++) tab[j] = end
    return true
  }

  /** Start of column k. */
  start(k: number): number {
    return k === 0 ? 0 : Math.min((this.tab[k - 1] as number) + 1, this.end)
  }

  col(k: number): string {
    return this.text.slice(this.start(k), this.tab[k])
  }

  /** Whether column k is exactly `s`, without slicing it out. */
  is(k: number, s: string): boolean {
    const from = this.start(k)
    const n = s.length
    if ((this.tab[k] as number) - from !== n) return false
    // Short values (PASS, chr1, GT:AD:DP) by char: cheaper than a startsWith call.
    if (n > 16) return this.text.startsWith(s, from)
    for (let i = 0; i < n; i++) if (this.text.charCodeAt(from + i) !== s.charCodeAt(i)) return false
    return true
  }

  /** Column k as a non-negative integer of 1-15 digits (exact in a double); -1 for anything else. */
  digits(k: number): number {
    const from = this.start(k)
    const to = this.tab[k] as number
    if (to <= from || to - from > 15) return -1
    let v = 0
    for (let i = from; i < to; i++) {
      const d = this.text.charCodeAt(i) - 48
      if (d < 0 || d > 9) return -1
      v = v * 10 + d
    }
    return v
  }

  /** Whether the line has a column k (FORMAT is 8, the first sample 9). */
  has(k: number): boolean {
    return k === 0 || (this.tab[k - 1] as number) < this.end
  }
}

/** What the reader decides per INFO key (see InfoScan.scan). */
export interface InfoKeyPolicy {
  /** true when onKey would do nothing for the key (declared, or already warned about). */
  settled(key: string): boolean
  onKey(key: string): void
}

/**
 * One pass over an INFO column: every key goes to `onKey` (undeclared-key warnings), and the value
 * span of each wanted key is kept, last duplicate winning; `value()` types only those.
 *
 * Keys are not sliced out of the line: the key at position i is compared with the key that was at
 * position i in earlier records (every record of one caller has the same few keys in the same
 * order), and a key seen before is settled, so onKey has nothing to do. Only an unseen key is
 * sliced; when it is not settled, the whole record takes the ordered onKey pass below.
 */
export class InfoScan {
  private wanted: readonly string[] = []
  /** The header's Type of each wanted key. */
  private types: unknown[] = []
  /** Per wanted key: -2 absent, -1 present without '=', else the start of its value in `text`. */
  private slotStart = new Int32Array(0)
  private slotEnd = new Int32Array(0)
  /** Key cache by position in the INFO column, with the wanted slot of each key (-1 not wanted). */
  private cacheKey: (string | undefined)[] = []
  private cacheSlot: number[] = []
  /** Key spans of the current record: [keyStart, keyEnd, valueStart (-1 none), valueEnd] per key. */
  private spans = new Int32Array(64)
  private text = ''
  private hasPercent = false

  constructor(private readonly meta: MetaMap) {}

  /** The INFO keys whose values are kept; `slot(key)` is their index. Changing them drops the key cache. */
  want(keys: readonly string[]): void {
    this.wanted = [...new Set(keys)]
    this.types = this.wanted.map((k) => this.meta[k]?.Type)
    this.slotStart = new Int32Array(this.wanted.length).fill(-2)
    this.slotEnd = new Int32Array(this.wanted.length)
    this.cacheKey = []
    this.cacheSlot = []
  }

  slot(key: string): number {
    return this.wanted.indexOf(key)
  }

  scan(text: string, from: number, to: number, policy: InfoKeyPolicy): void {
    const slots = this.slotStart
    for (let i = 0; i < slots.length; i++) slots[i] = -2
    this.text = text
    // @gmod/vcf reads the column '.' as no INFO at all.
    if (to - from === 1 && text.charCodeAt(from) === 46) return
    const pct = text.indexOf('%', from)
    this.hasPercent = pct !== -1 && pct < to
    let p = from
    let n = 0
    let fresh = false
    for (;;) {
      let semi = text.indexOf(';', p)
      if (semi === -1 || semi > to) semi = to
      let eq = text.indexOf('=', p)
      if (eq > semi) eq = -1
      const keyEnd = eq === -1 ? semi : eq
      let slot: number
      const known = this.cacheKey[n]
      if (known !== undefined && known.length === keyEnd - p && text.startsWith(known, p)) slot = this.cacheSlot[n] as number
      else {
        const key = text.slice(p, keyEnd)
        if (!policy.settled(key)) fresh = true
        slot = this.wanted.indexOf(key)
        this.cacheKey[n] = key
        this.cacheSlot[n] = slot
      }
      if (slot >= 0) {
        this.slotStart[slot] = eq === -1 ? -1 : eq + 1
        this.slotEnd[slot] = semi
      }
      if (4 * n + 4 > this.spans.length) {
        const grown = new Int32Array(this.spans.length * 2)
        grown.set(this.spans)
        this.spans = grown
      }
      this.spans[4 * n] = p
      this.spans[4 * n + 1] = keyEnd
      this.spans[4 * n + 2] = eq === -1 ? -1 : eq + 1
      this.spans[4 * n + 3] = semi
      n++
      if (semi === to) break
      p = semi + 1
    }
    if (fresh) this.firstSeen(n, policy)
  }

  /** A record with a key onKey has not seen: every key, in the order the line writes them. */
  private firstSeen(n: number, policy: InfoKeyPolicy): void {
    const keys: string[] = []
    for (let i = 0; i < n; i++) keys.push(this.text.slice(this.spans[4 * i], this.spans[4 * i + 1]))
    for (const k of keys) policy.onKey(k)
    // After onKey: an undeclared ANN / EFF key can make itself the annotation key (want() was
    // called again), so the wanted values are found anew.
    this.slotStart.fill(-2)
    for (let i = 0; i < n; i++) {
      const slot = this.wanted.indexOf(keys[i] as string)
      this.cacheKey[i] = keys[i]
      this.cacheSlot[i] = slot
      if (slot < 0) continue
      this.slotStart[slot] = this.spans[4 * i + 2] as number
      this.slotEnd[slot] = this.spans[4 * i + 3] as number
    }
  }

  has(slot: number): boolean {
    return slot >= 0 && (this.slotStart[slot] as number) !== -2
  }

  /** Whether the INFO column contains '%' (@gmod/vcf then percent-decodes every value). */
  get percent(): boolean {
    return this.hasPercent
  }

  /** Start and end of a present wanted key's value in the line (start -1: no '='). */
  valueStart(slot: number): number {
    return this.slotStart[slot] as number
  }

  valueEnd(slot: number): number {
    return this.slotEnd[slot] as number
  }

  /**
   * Whether a present key's value, split on ',', is exactly what infoValue() would give: it has
   * '=' and text, the INFO column has no '%' to decode, and the header does not type it as a
   * number or Flag.
   */
  verbatim(slot: number): boolean {
    if (!this.has(slot) || this.hasPercent) return false
    const at = this.slotStart[slot] as number
    if (at === -1 || at === this.slotEnd[slot]) return false
    const type = this.types[slot]
    return type !== 'Flag' && type !== 'Integer' && type !== 'Float'
  }

  value(slot: number): InfoValue | undefined {
    if (!this.has(slot)) return undefined
    const at = this.slotStart[slot] as number
    return infoValue(at === -1 ? undefined : this.text.slice(at, this.slotEnd[slot]), this.types[slot], this.hasPercent)
  }

  /** The wanted keys of `slots` present, typed; a shared empty object when none (the usual case for origin). */
  values(slots: readonly number[]): InfoMap {
    let out: InfoMap | undefined
    for (const slot of slots) {
      const v = this.value(slot)
      if (v !== undefined) (out ??= {})[this.wanted[slot] as string] = v
    }
    return out ?? EMPTY
  }
}

// Shared, never written to (values() returns it only when no wanted key is present).
const EMPTY: InfoMap = {}

/** FORMAT key → column of each key in FORMAT_KEYS (-1 absent); the last FORMAT string is cached. */
export class FormatReader {
  private lastFormat: string | undefined
  private any = false
  /** Index in FORMAT_KEYS of FORMAT's first field (-1: not one we read). */
  private first = -1
  /** FORMAT column → index in FORMAT_KEYS of the key there (-1: not read), up to the last wanted column. */
  private keyAt: number[] = []
  /** Values of one sample by FORMAT_KEYS index, before they become a FormatValues. */
  private readonly values: (string | undefined)[] = FORMAT_KEYS.map(() => undefined)

  private columns(format: string): void {
    this.lastFormat = format
    const names = format.split(':')
    this.first = FORMAT_KEYS.indexOf(names[0] as FormatKey)
    let last = -1
    for (const k of FORMAT_KEYS) last = Math.max(last, names.indexOf(k))
    this.any = last !== -1
    this.keyAt = names.slice(0, last + 1).map((n) => FORMAT_KEYS.indexOf(n as FormatKey))
    // A key written twice in FORMAT: processFormatFields reads the first.
    this.keyAt = this.keyAt.map((k, c) => (k !== -1 && names.indexOf(FORMAT_KEYS[k] as string) !== c ? -1 : k))
  }

  /** Whether the scanned line's FORMAT declares any of FORMAT_KEYS (the FORMAT text is compared, not sliced). */
  declares(line: LineColumns): boolean {
    const has = line.has(8)
    if (this.lastFormat === undefined || !(has ? line.is(8, this.lastFormat) : this.lastFormat === '')) this.columns(has ? line.col(8) : '')
    return this.any
  }

  /** FORMAT values of sample j (0-based) of the scanned line; call after declares(). */
  sample(line: LineColumns, j: number): FormatValues {
    // Sample j is column 9 + j: it starts after tab 8 + j. A column past the line's end is empty.
    const end = line.end
    const k = 8 + j
    const s = k < line.count - 1 ? (line.tab[k] as number) + 1 : end
    const stop = k + 1 < line.count - 1 ? (line.tab[k + 1] as number) : end
    return this.fields(line.text, s, stop)
  }

  /** The wanted keys of the sample text [s, stop): the fields before the last wanted column only. */
  private fields(text: string, s: number, stop: number): FormatValues {
    const v = this.values
    for (let k = 0; k < v.length; k++) v[k] = undefined
    if (s >= stop) {
      // No sample column, or an empty one: only FORMAT's first field, as ''.
      if (this.first !== -1) v[this.first] = ''
      return formatValues(v)
    }
    const keyAt = this.keyAt
    let from = s
    for (let c = 0; c < keyAt.length; c++) {
      let colon = text.indexOf(':', from)
      if (colon === -1 || colon > stop) colon = stop
      const k = keyAt[c] as number
      if (k !== -1) v[k] = text.slice(from, colon)
      if (colon === stop) break
      from = colon + 1
    }
    return formatValues(v)
  }
}

/**
 * One object shape for every sample (all FORMAT_KEYS, absent ones undefined): adding only the keys
 * present, in FORMAT's order, gave each FORMAT layout its own hidden class and keyed stores.
 */
function formatValues(v: readonly (string | undefined)[]): FormatValues {
  return {
    GT: v[0],
    AD: v[1],
    DP: v[2],
    AF: v[3],
    FREQ: v[4],
    RD: v[5],
    AU: v[6],
    CU: v[7],
    GU: v[8],
    TU: v[9],
    TAR: v[10],
    TIR: v[11],
    VD: v[12],
    AO: v[13],
    RO: v[14],
    CN: v[15],
  }
}
