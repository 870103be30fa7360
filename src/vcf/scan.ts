/**
 * The fast record path: the fixed columns, the INFO values the reader uses and the chosen samples'
 * FORMAT fields, read from the line by indexOf instead of @gmod/vcf's parseLine.
 *
 * Why: parseLine builds every column, splits and types every INFO key, and the reader then asks
 * processFormatFields for 16 keys of every sample. On the bench VEP VCF (bench/out/cohort.vcf, first
 * 200,000 records, `node --cpu-prof`) parseLine + processFormatFields were 2.3 of the reader's 5.3 s
 * of CPU time. Here each record costs: one indexOf per column, one pass over INFO that slices only
 * the keys (for the undeclared-key warnings) and the values of the few keys the reader reads, and a
 * walk of the target sample columns only.
 *
 * Behaviour is @gmod/vcf 7's, rule by rule (its esm/Variant.js, parseInfo.js, processFormatFields.js):
 * - trailing CR/LF is ignored; the INFO column ends at the 9th column's tab (or the line end);
 * - INFO: split on ';'; key = text before the first '='; a Flag key or an empty/absent value is
 *   `true`; otherwise the value split on ',' with '.' → undefined, %XX-decoded when the INFO column
 *   contains any '%' (undecodable text kept), Number() for Integer/Float; the last duplicate wins;
 * - FORMAT: the column of each wanted key; sample j starts after the j-th tab past FORMAT; a key
 *   beyond a sample's last field is absent, except that a sample column missing altogether (or
 *   empty) reports FORMAT's first field as '' (processFormatFields' ranges do the same).
 * The reader falls back to parseLine for records whose alleles are not all small (symbolic, breakend,
 * no ALT): the copy-number / SV handlers read any INFO key. test/vcf/fast-path.test.ts checks both
 * paths give the same alterations and reports on every fixture and shared real VCF.
 */
import type { InfoValue, MetaMap } from '@gmod/vcf'
import { FORMAT_KEYS, type FormatKey, type FormatValues } from './samples.js'

export type InfoMap = Record<string, InfoValue>

/** Tab positions of one record line; `tab[k]` ends column k (0-based), `end` when absent. */
export class LineColumns {
  text = ''
  /** Length without trailing CR/LF. */
  end = 0
  readonly tab = new Int32Array(9)

  /** false when the line has fewer than the 8 fixed columns. */
  scan(text: string): boolean {
    let end = text.length
    for (let c = text.charCodeAt(end - 1); end > 0 && (c === 10 || c === 13); c = text.charCodeAt(end - 1)) end--
    this.text = text
    this.end = end
    let p = -1
    for (let k = 0; k < 9; k++) {
      const t = p === end ? -1 : text.indexOf('\t', p + 1)
      if (t === -1 || t >= end) {
        if (k < 7) return false
        for (let j = k; j < 9; j++) this.tab[j] = end
        return true
      }
      this.tab[k] = t
      p = t
    }
    return true
  }

  /** Start of column k. */
  start(k: number): number {
    return k === 0 ? 0 : Math.min((this.tab[k - 1] as number) + 1, this.end)
  }

  col(k: number): string {
    return this.text.slice(this.start(k), this.tab[k])
  }

  /** Whether the line has a column k (FORMAT is 8, the first sample 9). */
  has(k: number): boolean {
    return k === 0 || (this.tab[k - 1] as number) < this.end
  }
}

function decodeNoThrow(s: string): string {
  try {
    return decodeURIComponent(s)
  } catch {
    return s
  }
}

/** One INFO value exactly as @gmod/vcf's parseInfo types it (see the file comment). */
export function infoValue(val: string | undefined, type: unknown, hasPercent: boolean): InfoValue {
  if (type === 'Flag' || val === undefined || val === '') return true
  const isNumber = type === 'Integer' || type === 'Float'
  const raw = val.split(',')
  const out: (string | number | undefined)[] = new Array<string | number | undefined>(raw.length)
  for (let j = 0; j < raw.length; j++) {
    const v = raw[j] as string
    if (v === '.') out[j] = undefined
    else {
      const w = hasPercent ? decodeNoThrow(v) : v
      out[j] = isNumber ? Number(w) : w
    }
  }
  return out
}

/** A canonical array index ("0", "112"; not "012", not ≥ 2^32 − 1): ordered first by for…in. */
function isArrayIndex(k: string): boolean {
  const n = k.length
  if (n === 0 || n > 10 || (n > 1 && k.charCodeAt(0) === 48)) return false
  for (let i = 0; i < n; i++) {
    const c = k.charCodeAt(i)
    if (c < 48 || c > 57) return false
  }
  return Number(k) < 4294967295
}

/**
 * One pass over an INFO column: every key goes to `onKey` (undeclared-key warnings), and the value
 * text of each wanted key (asked after onKey) is kept, last duplicate winning; `values()` types only those.
 */
export class InfoScan {
  private readonly found = new Map<string, string | undefined>()
  private readonly keys: string[] = []
  /** Per key: offset of its value in the INFO text, -1 when it has no '='; and the value's end. */
  private readonly valueAt: number[] = []
  private readonly valueEnd: number[] = []
  private hasPercent = false

  constructor(private readonly meta: MetaMap) {}

  scan(text: string, from: number, to: number, wanted: (key: string) => boolean, onKey: (key: string) => void): void {
    this.found.clear()
    this.keys.length = 0
    this.valueAt.length = 0
    this.valueEnd.length = 0
    const info = text.slice(from, to)
    // @gmod/vcf reads the column '.' as no INFO at all.
    if (info === '.') return
    this.hasPercent = info.indexOf('%') !== -1
    let p = 0
    let indexKeys = false
    const n = info.length
    for (;;) {
      let semi = info.indexOf(';', p)
      if (semi === -1) semi = n
      let eq = info.indexOf('=', p)
      if (eq > semi) eq = -1
      const key = info.slice(p, eq === -1 ? semi : eq)
      this.keys.push(key)
      this.valueAt.push(eq === -1 ? -1 : eq + 1)
      this.valueEnd.push(semi)
      if (!indexKeys && isArrayIndex(key)) indexKeys = true
      if (semi === n) break
      p = semi + 1
    }
    // @gmod/vcf's INFO is an object, and the reader used to walk it with for…in: integer-like keys
    // ("112" in vcf-js weird_info_and_missing_format.vcf) come first, ascending. Warnings keep that order.
    if (indexKeys) {
      const idx = [...new Set(this.keys.filter(isArrayIndex))].sort((a, b) => Number(a) - Number(b))
      for (const k of idx) onKey(k)
      for (const k of this.keys) if (!isArrayIndex(k)) onKey(k)
    } else for (const k of this.keys) onKey(k)
    // After onKey: an undeclared ANN / EFF key can make itself the annotation key.
    for (let i = 0; i < this.keys.length; i++) {
      const k = this.keys[i] as string
      if (!wanted(k)) continue
      const at = this.valueAt[i] as number
      this.found.set(k, at === -1 ? undefined : info.slice(at, this.valueEnd[i]))
    }
  }

  has(key: string): boolean {
    return this.found.has(key)
  }

  value(key: string): InfoValue | undefined {
    if (!this.found.has(key)) return undefined
    return infoValue(this.found.get(key), this.meta[key]?.Type, this.hasPercent)
  }

  /** The wanted keys present, typed; a shared empty object when none (the usual case for origin). */
  values(keys: readonly string[]): InfoMap {
    let out: InfoMap | undefined
    for (const k of keys) {
      const v = this.value(k)
      if (v !== undefined) (out ??= {})[k] = v
    }
    return out ?? EMPTY
  }
}

// Shared, never written to (values() returns it only when no wanted key is present).
const EMPTY: InfoMap = {}

/** FORMAT key → column of each key in FORMAT_KEYS (-1 absent); the last FORMAT string is cached. */
export class FormatReader {
  private lastFormat: string | undefined
  private cols = new Int32Array(FORMAT_KEYS.length)
  private any = false
  private first: FormatKey | undefined
  /** FORMAT column → the wanted key there, up to the last wanted column. */
  private keyAt: (FormatKey | undefined)[] = []

  private columns(format: string): void {
    if (format === this.lastFormat) return
    this.lastFormat = format
    const names = format.split(':')
    this.any = false
    this.first = undefined
    for (let k = 0; k < FORMAT_KEYS.length; k++) {
      const c = names.indexOf(FORMAT_KEYS[k] as string)
      this.cols[k] = c
      if (c !== -1) this.any = true
      if (c === 0) this.first = FORMAT_KEYS[k]
    }
    this.keyAt = []
    for (let k = 0; k < FORMAT_KEYS.length; k++) {
      const c = this.cols[k] as number
      if (c !== -1) this.keyAt[c] = FORMAT_KEYS[k]
    }
    // Array holes → explicit undefined, so the hot loop reads a packed array.
    this.keyAt = Array.from(this.keyAt)
  }

  /**
   * FORMAT values of the samples of the scanned line whose 0-based index passes `want` (-1: all of
   * `count`), in column order; undefined when FORMAT declares none of FORMAT_KEYS
   * (processFormatFields then reports no sample at all).
   */
  samples(line: LineColumns, want: number, count: number): { idx: number; fmt: FormatValues }[] | undefined {
    this.columns(line.has(8) ? line.col(8) : '')
    if (!this.any) return undefined
    const text = line.text
    const end = line.end
    const out: { idx: number; fmt: FormatValues }[] = []
    let s = line.has(9) ? line.start(9) : end
    const last = want === -1 ? count - 1 : want
    for (let j = 0; j <= last; j++) {
      let stop = s >= end ? end : text.indexOf('\t', s)
      if (stop === -1 || stop > end) stop = end
      if (want === -1 || j === want) out.push({ idx: j, fmt: this.fields(text, s, stop) })
      s = stop === end ? end : stop + 1
    }
    return out
  }

  /** The wanted keys of the sample text [s, stop): the fields before the last wanted column only. */
  private fields(text: string, s: number, stop: number): FormatValues {
    const fmt: FormatValues = {}
    if (s >= stop) {
      // No sample column, or an empty one: only FORMAT's first field, as ''.
      if (this.first !== undefined) fmt[this.first] = ''
      return fmt
    }
    const keyAt = this.keyAt
    let from = s
    for (let c = 0; c < keyAt.length; c++) {
      let colon = text.indexOf(':', from)
      if (colon === -1 || colon > stop) colon = stop
      const k = keyAt[c]
      if (k !== undefined) fmt[k] = text.slice(from, colon)
      if (colon === stop) break
      from = colon + 1
    }
    return fmt
  }
}
