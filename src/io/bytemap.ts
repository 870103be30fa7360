/**
 * ByteMap: a hash map keyed by a byte range of a buffer, so a field can be looked up without
 * first becoming a string. The MAF byte path (../maf/byte-row.ts) keeps one per column:
 * a million rows name ten thousand samples, two dozen chromosomes and a handful of classes, and
 * each row's field is found by hashing its bytes in place; only a new value is decoded (once).
 *
 * Open addressing with linear probing (load ≤ 1/2), FNV-1a hash kept in the slot beside the entry
 * number (one cache line a probe), keys copied into one arena; the entry found last is tried
 * first (FILTER, Variant_Type and sorted columns repeat from row to row).
 * Complexity: O(key length) expected per lookup; memory O(distinct keys × (key length + 16)).
 */

export const MISSING = -0x80000000

export class ByteMap {
  /** Slot k: [2k] entry + 1 (0 = empty), [2k + 1] the key's hash: a probe reads one cache line. */
  private slots = new Int32Array(2 * 64)
  /** Entry e: [3e] arena offset, [3e + 1] key length, [3e + 2] value. */
  private entries = new Int32Array(3 * 32)
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

  /** Entry of buf[s, e) (hash h), or −1 − the empty slot where it would go. */
  private find(buf: Uint8Array, s: number, e: number, h: number): number {
    const slots = this.slots
    const mask = (slots.length >> 1) - 1
    const len = e - s
    for (let slot = h & mask; ; slot = (slot + 1) & mask) {
      const k = (slots[2 * slot] as number) - 1
      if (k < 0) return -1 - slot
      if (slots[2 * slot + 1] === h && this.entries[3 * k + 1] === len && this.same(k, buf, s, len)) return k
    }
  }

  private same(k: number, buf: Uint8Array, s: number, len: number): boolean {
    const o = this.entries[3 * k] as number
    const a = this.arena
    let i = 0
    while (i < len && a[o + i] === buf[s + i]) i++
    return i === len
  }

  /** Entry found by the previous `get` (−1: none): columns often repeat their last value. */
  private last = -1

  /** Value stored for buf[s, e), or MISSING. */
  get(buf: Uint8Array, s: number, e: number): number {
    const l = this.last
    if (l >= 0 && this.entries[3 * l + 1] === e - s && this.same(l, buf, s, e - s)) return this.entries[3 * l + 2] as number
    const k = this.find(buf, s, e, ByteMap.hash(buf, s, e))
    if (k < 0) return MISSING
    this.last = k
    return this.entries[3 * k + 2] as number
  }

  set(buf: Uint8Array, s: number, e: number, v: number): void {
    const h = ByteMap.hash(buf, s, e)
    const k = this.find(buf, s, e, h)
    if (k >= 0) {
      this.entries[3 * k + 2] = v
      return
    }
    const i = this.n
    if (3 * i === this.entries.length) {
      const g = new Int32Array(this.entries.length * 2)
      g.set(this.entries)
      this.entries = g
    }
    const len = e - s
    if (this.arenaLen + len > this.arena.length) {
      const a = new Uint8Array(Math.max(this.arena.length * 2, this.arenaLen + len))
      a.set(this.arena.subarray(0, this.arenaLen))
      this.arena = a
    }
    this.arena.set(buf.subarray(s, e), this.arenaLen)
    this.entries[3 * i] = this.arenaLen
    this.entries[3 * i + 1] = len
    this.entries[3 * i + 2] = v
    this.arenaLen += len
    this.slots[2 * (-1 - k)] = i + 1
    this.slots[2 * (-1 - k) + 1] = h
    this.n = i + 1
    if (this.n * 2 > this.slots.length >> 1) this.rehash()
  }

  private rehash(): void {
    this.slots = rehashSlots(this.slots, this.slots.length * 2)
  }
}

/**
 * An open-addressing slot table of [entry + 1 (0 = empty), hash] pairs moved into a new one of
 * `length` / 2 slots (a power of two), by the stored hashes (ByteMap, ../maf/dedup.ts).
 */
export function rehashSlots(old: Int32Array, length: number): Int32Array<ArrayBuffer> {
  const slots = new Int32Array(length)
  const mask = (length >> 1) - 1
  for (let j = 0; j < old.length; j += 2) {
    const r = old[j] as number
    if (r === 0) continue
    const h = old[j + 1] as number
    let slot = h & mask
    while (slots[2 * slot] !== 0) slot = (slot + 1) & mask
    slots[2 * slot] = r
    slots[2 * slot + 1] = h
  }
  return slots
}
