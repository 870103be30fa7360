/**
 * Values of short strings cut from record lines, kept instead of sliced anew: gene symbols,
 * consequence strings and biotypes repeat across a file's records, so a span that equals a string
 * seen recently returns what was made of that string before (the string itself, or its terms).
 *
 * Why: slicing allocates a new string per field per record (and a Map look-up of a fresh string
 * hashes it again), and the alterations kept for a cohort would hold one copy of "TP53" per call.
 * Here a hit costs a hash of at most five chars and one compare; a miss costs the slice it replaces.
 * The table is direct-mapped (a collision evicts), so its size is fixed whatever the file holds.
 *
 * Complexity: O(span length) per call; O(1) memory (1 << bits entries).
 */
export class SpanCache<T> {
  private readonly keys: (string | undefined)[]
  private readonly values: (T | undefined)[]
  private readonly mask: number

  constructor(
    private readonly make: (s: string) => T,
    bits = 12,
  ) {
    this.keys = new Array<string | undefined>(1 << bits).fill(undefined)
    this.values = new Array<T | undefined>(1 << bits).fill(undefined)
    this.mask = (1 << bits) - 1
  }

  /** make(text.slice(a, b)), or what it gave for an equal string before. */
  get(text: string, a: number, b: number): T {
    const len = b - a
    let slot = 0
    if (len > 0) {
      // Length, the first two, middle and last two chars: gene symbols differ at the end ("GENE074",
      // "GENE075"), consequence strings at the start or in length.
      let h = Math.imul(len, 0x9e3779b1) ^ text.charCodeAt(a)
      h = Math.imul(h ^ text.charCodeAt(a + (len >> 1)), 0x85ebca6b) ^ text.charCodeAt(b - 1)
      if (len > 2) h = Math.imul(h ^ text.charCodeAt(a + 1), 0xc2b2ae35) ^ text.charCodeAt(b - 2)
      slot = (h ^ (h >>> 15)) & this.mask
    }
    const known = this.keys[slot]
    if (known !== undefined && known.length === len && text.startsWith(known, a)) return this.values[slot] as T
    const fresh = own(text.slice(a, b))
    const value = this.make(fresh)
    this.keys[slot] = fresh
    this.values[slot] = value
    return value
  }
}

/** Strings shared: SpanCache's value is the string itself. */
export class SpanInterner extends SpanCache<string> {
  constructor(bits = 12) {
    super((s) => s, bits)
  }
}

/**
 * A copy that does not point into `text`. V8 makes a slice of 13 or more chars a view of the whole
 * parent (here a 64 KB chunk of the file), which a long-lived table entry or alteration would keep
 * alive; concatenation then slicing forces a fresh flat copy of just these chars.
 */
function own(s: string): string {
  return s.length < 13 ? s : ` ${s}`.slice(1)
}
