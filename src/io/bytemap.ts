/**
 * ByteMap: a hash map keyed by a byte range of a buffer, so a field can be looked up without
 * first becoming a string. The MAF fast path (../maf/parser.ts `pushBytes`) keeps one per column:
 * a million rows name ten thousand samples, two dozen chromosomes and a handful of classes, and
 * each row's field is found by hashing its bytes in place; only a new value is decoded (once).
 *
 * Open addressing with linear probing (load ≤ 1/2), FNV-1a hash, keys copied into one arena; the
 * entry found last is tried first (FILTER, Variant_Type and sorted columns repeat from row to row).
 * Complexity: O(key length) expected per lookup; memory O(distinct keys × (key length + 16)).
 */

export const MISSING = -0x80000000

export class ByteMap {
  private slots = new Int32Array(64)
  private hashes = new Int32Array(32)
  private offs = new Int32Array(32)
  private lens = new Int32Array(32)
  private vals = new Int32Array(32)
  private arena = new Uint8Array(1024)
  private arenaLen = 0
  private n = 0

  get size(): number {
    return this.n
  }

  private static hash(buf: Uint8Array, s: number, e: number): number {
    let h = 0x811c9dc5 | 0 // int32, as the stored hashes are (an empty key hashes to this)
    for (let i = s; i < e; i++) h = Math.imul(h ^ (buf[i] as number), 0x01000193)
    return h
  }

  private find(buf: Uint8Array, s: number, e: number, h: number): number {
    const mask = this.slots.length - 1
    const len = e - s
    for (let slot = h & mask; ; slot = (slot + 1) & mask) {
      const k = (this.slots[slot] as number) - 1
      if (k < 0) return -1 - slot
      if (this.hashes[k] === h && this.lens[k] === len) {
        const o = this.offs[k] as number
        let i = 0
        while (i < len && this.arena[o + i] === buf[s + i]) i++
        if (i === len) return k
      }
    }
  }

  /** Entry found by the previous `get` (−1: none): columns often repeat their last value. */
  private last = -1

  /** Value stored for buf[s, e), or MISSING. */
  get(buf: Uint8Array, s: number, e: number): number {
    const l = this.last
    if (l >= 0 && this.lens[l] === e - s) {
      const o = this.offs[l] as number
      let i = 0
      const len = e - s
      while (i < len && this.arena[o + i] === buf[s + i]) i++
      if (i === len) return this.vals[l] as number
    }
    const k = this.find(buf, s, e, ByteMap.hash(buf, s, e))
    if (k < 0) return MISSING
    this.last = k
    return this.vals[k] as number
  }

  set(buf: Uint8Array, s: number, e: number, v: number): void {
    const h = ByteMap.hash(buf, s, e)
    const k = this.find(buf, s, e, h)
    if (k >= 0) {
      this.vals[k] = v
      return
    }
    const i = this.n
    if (i === this.vals.length) this.growEntries()
    const len = e - s
    if (this.arenaLen + len > this.arena.length) {
      const a = new Uint8Array(Math.max(this.arena.length * 2, this.arenaLen + len))
      a.set(this.arena.subarray(0, this.arenaLen))
      this.arena = a
    }
    this.arena.set(buf.subarray(s, e), this.arenaLen)
    this.hashes[i] = h
    this.offs[i] = this.arenaLen
    this.lens[i] = len
    this.vals[i] = v
    this.arenaLen += len
    this.slots[-1 - k] = i + 1
    this.n = i + 1
    if (this.n * 2 > this.slots.length) this.rehash()
  }

  private growEntries(): void {
    const cap = this.vals.length * 2
    const g = (a: Int32Array) => {
      const b = new Int32Array(cap)
      b.set(a)
      return b
    }
    this.hashes = g(this.hashes)
    this.offs = g(this.offs)
    this.lens = g(this.lens)
    this.vals = g(this.vals)
  }

  private rehash(): void {
    const slots = new Int32Array(this.slots.length * 2)
    const mask = slots.length - 1
    for (let k = 0; k < this.n; k++) {
      let slot = (this.hashes[k] as number) & mask
      while (slots[slot] !== 0) slot = (slot + 1) & mask
      slots[slot] = k + 1
    }
    this.slots = slots
  }
}
