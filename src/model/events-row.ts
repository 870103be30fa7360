/**
 * The EventTable's plain parts: the string pool its ids point into, one row in id/code form (what
 * the MAF hot path hands to `append`), and the table as plain data for another thread.
 */

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
    return this.intern(s, true)
  }
  /**
   * id() for a string that is no view into a larger one: decoded from bytes (Buffer#toString),
   * received from another thread, or kept already. Skips own()'s copy, an encode and a decode per
   * new value: with 200,000 sample IDs per thread (and again when the worker's pool is merged),
   * ~0.2 s of the GENIE study bench's CPU.
   */
  idDetached(s: string): number {
    return this.intern(s, false)
  }
  private intern(s: string, copy: boolean): number {
    let i = this.ids.get(s)
    if (i === undefined) {
      i = this.values.length
      const kept = copy ? own(s) : s
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
