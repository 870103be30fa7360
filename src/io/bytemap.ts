/**
 * ByteMap: a hash map keyed by a byte range of a buffer, so a field can be looked up without
 * first becoming a string. The MAF byte path (../maf/byte-row.ts) keeps one per column:
 * a million rows name ten thousand samples, two dozen chromosomes and a handful of classes, and
 * each row's field is found by hashing its bytes in place; only a new value is decoded (once).
 *
 * Open addressing with linear probing (load ≤ 1/2); a slot holds the key's hash, where its bytes
 * are in one arena, its length and the value (16 bytes), so a lookup reads one slot and the key's
 * bytes: with the entry in a table of its own beside the slots, a lookup among 200,000 shuffled
 * sample IDs (the GENIE-sized study) missed the cache three times. The entry found last is tried
 * first (FILTER, Variant_Type and sorted columns repeat from row to row).
 * Complexity: O(key length) expected per lookup; memory O(distinct keys × (key length + 64)) (16-byte slots, load 1/4–1/2).
 */

export const MISSING = -0x80000000

/** Slot layout (Int32 words): hash, arena offset + 1 (0 = empty), key length, value. */
const W = 4

export class ByteMap {
  /** Slot k at [4k, 4k + 4): a hit reads one slot (16 bytes: four to a cache line) and the key's bytes. */
  private slots = new Int32Array(W * 64)
  private arena = new Uint8Array(1024)
  private arenaLen = 0
  private n = 0
  /** Word index of the slot found by the previous `get` (−1: none): columns often repeat their last value. */
  private last = -1
  /** Whether the previous `get` found `last` (so it is the one to try first); never true while last is −1. */
  private repeats = false

  get size(): number {
    return this.n
  }

  /**
   * Hash of buf[s, e): four bytes a step (little-endian words, multiply–xor), then murmur3's
   * finaliser so every input bit reaches the low bits the table mask keeps. FNV-1a took one
   * multiply per byte in a dependent chain; a 17-byte sample ID now takes five plus two.
   */
  static hash(buf: Uint8Array, s: number, e: number): number {
    let h = (e - s) | 0
    let i = s
    for (const e4 = e - 3; i < e4; i += 4) {
      const w = (buf[i] as number) | ((buf[i + 1] as number) << 8) | ((buf[i + 2] as number) << 16) | ((buf[i + 3] as number) << 24)
      h = Math.imul(h ^ w, 0x9e3779b1)
      h ^= h >>> 15
    }
    for (; i < e; i++) h = Math.imul(h ^ (buf[i] as number), 0x01000193)
    h ^= h >>> 16
    h = Math.imul(h, 0x85ebca6b)
    h ^= h >>> 13
    h = Math.imul(h, 0xc2b2ae35)
    return h ^ (h >>> 16)
  }

  /** Whether the key at arena offset o equals buf[s, s + len). */
  private same(o: number, buf: Uint8Array, s: number, len: number): boolean {
    const a = this.arena
    let i = 0
    while (i < len && a[o + i] === buf[s + i]) i++
    return i === len
  }

  /** Word index of buf[s, e)'s slot (hash h), or −1 − the word index of the empty slot where it would go. */
  private find(buf: Uint8Array, s: number, e: number, h: number): number {
    const slots = this.slots
    const mask = slots.length - W
    const len = e - s
    for (let j = (h << 2) & mask; ; j = (j + W) & mask) {
      const o = slots[j + 1] as number
      if (o === 0) return -1 - j
      if (slots[j] === h && slots[j + 2] === len && this.same(o - 1, buf, s, len)) return j
    }
  }

  /**
   * Value stored for buf[s, e), or MISSING. The last-found entry is tried first only while the
   * previous lookup found it again: shuffled IDs sharing a long prefix ("GENIE-P0…") would
   * otherwise compare that prefix on every row before hashing anyway.
   */
  get(buf: Uint8Array, s: number, e: number): number {
    const slots = this.slots
    const l = this.last
    if (this.repeats && slots[l + 2] === e - s && this.same((slots[l + 1] as number) - 1, buf, s, e - s)) return slots[l + 3] as number
    const j = this.find(buf, s, e, ByteMap.hash(buf, s, e))
    if (j < 0) {
      this.repeats = false
      return MISSING
    }
    this.repeats = j === l
    this.last = j
    return slots[j + 3] as number
  }

  set(buf: Uint8Array, s: number, e: number, v: number): void {
    const h = ByteMap.hash(buf, s, e)
    const j = this.find(buf, s, e, h)
    if (j >= 0) {
      this.slots[j + 3] = v
      return
    }
    const len = e - s
    if (this.arenaLen + len > this.arena.length) {
      const a = new Uint8Array(Math.max(this.arena.length * 2, this.arenaLen + len))
      a.set(this.arena.subarray(0, this.arenaLen))
      this.arena = a
    }
    const a = this.arena
    const o = this.arenaLen
    for (let i = 0; i < len; i++) a[o + i] = buf[s + i] as number // keys are short: no subarray (a Buffer object) per key
    this.arenaLen = o + len
    const slots = this.slots
    const k = -1 - j
    slots[k] = h
    slots[k + 1] = o + 1
    slots[k + 2] = len
    slots[k + 3] = v
    this.n++
    if (this.n * 2 * W > slots.length) this.rehash()
  }

  private rehash(): void {
    const old = this.slots
    const slots = new Int32Array(old.length * 2)
    const mask = slots.length - W
    for (let i = 0; i < old.length; i += W) {
      if (old[i + 1] === 0) continue
      let j = ((old[i] as number) << 2) & mask
      while (slots[j + 1] !== 0) j = (j + W) & mask
      slots[j] = old[i] as number
      slots[j + 1] = old[i + 1] as number
      slots[j + 2] = old[i + 2] as number
      slots[j + 3] = old[i + 3] as number
    }
    this.slots = slots
    this.last = -1
    this.repeats = false
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
