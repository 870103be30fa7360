/**
 * Duplicate-row index for MAF reading: has this (sample, chromosome, start, reference, tumour
 * allele) been seen? (maftools' duplicate key.)
 *
 * The caller interns the four strings to small integer ids, so a row costs five numbers in typed
 * arrays plus a slot in an open-addressing hash table: about 36 bytes per distinct row, against
 * ~100 for a Set of per-row key strings, and no string is built per row (the string Set was ~8%
 * of MAF read time and the largest structure after the records, measured with node --cpu-prof on
 * 200,000 rows of bench/out/cohort.maf).
 *
 * Each slot holds the row number and the key's 32-bit hash side by side, so a probe reads one
 * cache line and compares the five fields only when the hashes agree (a real duplicate, or one
 * collision in 2^32): with a million rows the slot table and key columns are far bigger than the
 * cache, and reading the five key columns of every probed row cost ~0.4 µs an add.
 *
 * Complexity: O(1) expected per row (linear probing at load ≤ 1/2); memory O(distinct rows):
 * 28 bytes of key columns + 16 of slots per row.
 */

import { rehashSlots } from '../io/bytemap.js'

const NO_START = -1

export class DuplicateIndex {
  private sample = new Int32Array(1024)
  private chrom = new Int32Array(1024)
  private start = new Float64Array(1024)
  private ref = new Int32Array(1024)
  private alt = new Int32Array(1024)
  /** Slot k → [2k] row number + 1 (0 = empty), [2k + 1] the key's hash. */
  private table = new Int32Array(2 * 2048)
  private rows = 0

  get size(): number {
    return this.rows
  }

  /**
   * Record the key; returns false when it was already there. `start` undefined (an NA position)
   * is a value of its own, as maftools' key treats NA.
   */
  add(sample: number, chrom: number, start: number | undefined, ref: number, alt: number): boolean {
    return this.addOrFind(sample, chrom, start, ref, alt) < 0
  }

  /**
   * Record the key; returns −1 when it is new, else the ordinal (0, 1, …: order of adding) of the
   * key already there, so a caller can keep facts about its first holder (../input/cross-file.ts).
   */
  addOrFind(sample: number, chrom: number, start: number | undefined, ref: number, alt: number): number {
    const st = start ?? NO_START
    const t = this.table
    const mask = (t.length >> 1) - 1
    const h = hash(sample, chrom, st, ref, alt)
    let slot = h & mask
    for (;;) {
      const r = t[2 * slot] as number
      if (r === 0) break
      if (t[2 * slot + 1] === h) {
        const i = r - 1
        if (this.start[i] === st && this.sample[i] === sample && this.chrom[i] === chrom && this.ref[i] === ref && this.alt[i] === alt) return i
      }
      slot = (slot + 1) & mask
    }
    const i = this.rows
    if (i === this.sample.length) this.growRows()
    this.sample[i] = sample
    this.chrom[i] = chrom
    this.start[i] = st
    this.ref[i] = ref
    this.alt[i] = alt
    t[2 * slot] = i + 1
    t[2 * slot + 1] = h
    this.rows++
    if (this.rows * 2 > t.length >> 1) this.rehash(t.length * 2)
    return -1
  }

  /** The ordinal of the key when it is there, else −1; nothing is added. */
  find(sample: number, chrom: number, start: number | undefined, ref: number, alt: number): number {
    const st = start ?? NO_START
    const t = this.table
    const mask = (t.length >> 1) - 1
    const h = hash(sample, chrom, st, ref, alt)
    for (let slot = h & mask; ; slot = (slot + 1) & mask) {
      const r = t[2 * slot] as number
      if (r === 0) return -1
      const i = r - 1
      if (t[2 * slot + 1] === h && this.start[i] === st && this.sample[i] === sample && this.chrom[i] === chrom && this.ref[i] === ref && this.alt[i] === alt) return i
    }
  }

  /** Make room for `rows` distinct keys without regrowing (a reader's estimate). */
  reserve(rows: number): void {
    if (rows > this.sample.length) this.growRows(rows)
    let slots = this.table.length >> 1
    while (slots < rows * 2) slots *= 2
    if (slots > this.table.length >> 1) this.rehash(2 * slots)
  }

  private growRows(atLeast = 0): void {
    const cap = Math.max(atLeast, this.sample.length * 2)
    const grow = <T extends Int32Array | Float64Array>(a: T, make: (n: number) => T): T => {
      const b = make(cap)
      b.set(a)
      return b
    }
    this.sample = grow(this.sample, (k) => new Int32Array(k))
    this.chrom = grow(this.chrom, (k) => new Int32Array(k))
    this.start = grow(this.start, (k) => new Float64Array(k))
    this.ref = grow(this.ref, (k) => new Int32Array(k))
    this.alt = grow(this.alt, (k) => new Int32Array(k))
  }

  /** Move every key into a slot table of `length` / 2 slots (a power of two). */
  private rehash(length: number): void {
    this.table = rehashSlots(this.table, length)
  }
}

/** The key's 32-bit hash (`start` undefined or NaN: an NA position). */
export function keyHash(sample: number, chrom: number, start: number | undefined, ref: number, alt: number): number {
  return hash(sample, chrom, start === undefined || Number.isNaN(start) ? NO_START : start, ref, alt)
}

/**
 * After the fact: which of n rows repeat the key of an earlier row? `hashes[i]` is row i's
 * keyHash and `same(i, j)` compares two rows' keys. Returns keep (1 = first of its key) and the
 * number of repeats.
 *
 * Rows are first partitioned by the top bits of their hash (two sequential passes, order kept
 * within a part), then each part — ~2,000 rows — is checked with a small hash table that stays in
 * cache. On a million rows this takes ~1/10 of the time DuplicateIndex needs row by row, whose
 * table is far bigger than the cache (every add a cache miss: ~0.3-0.4 µs each on the bench machine).
 * Complexity: O(n) expected; memory 13 bytes a row while it runs.
 */
export function laterDuplicates(hashes: Int32Array, same: (i: number, j: number) => boolean): { keep: Uint8Array; repeats: number } {
  const n = hashes.length
  const keep = new Uint8Array(n).fill(1)
  let bits = 0
  while (bits < 16 && n >> bits > 2048) bits++
  const parts = 1 << bits
  const shift = 32 - bits
  // The part of hash h is h >>> shift (all rows in part 0 when bits = 0: a shift by 32 is none).
  const starts = new Uint32Array(parts + 1)
  if (bits === 0) starts[1] = n
  else
    for (let i = 0; i < n; i++) {
      const q = ((hashes[i] as number) >>> shift) + 1
      starts[q] = (starts[q] as number) + 1
    }
  for (let p = 0; p < parts; p++) starts[p + 1] = (starts[p + 1] as number) + (starts[p] as number)
  // Rows and their hashes laid out part by part, so each part is then read sequentially.
  const order = new Uint32Array(n)
  const byPart = new Int32Array(n)
  const fill = starts.slice(0, parts)
  for (let i = 0; i < n; i++) {
    const h = hashes[i] as number
    const p = bits === 0 ? 0 : h >>> shift
    const at = fill[p] as number
    order[at] = i
    byPart[at] = h
    fill[p] = at + 1
  }
  // Slot k: [2k] row + 1 (0 = empty), [2k + 1] its hash — one cache line per probe.
  let table = new Int32Array(0)
  let repeats = 0
  for (let p = 0; p < parts; p++) {
    const a = starts[p] as number
    const z = starts[p + 1] as number
    if (z - a < 2) continue
    let size = 16
    while (size < 2 * (z - a)) size *= 2
    if (table.length < 2 * size) table = new Int32Array(2 * size)
    else table.fill(0, 0, 2 * size)
    const mask = size - 1
    for (let k = a; k < z; k++) {
      const i = order[k] as number
      const h = byPart[k] as number
      let slot = h & mask
      for (;;) {
        const r = table[2 * slot] as number
        if (r === 0) {
          table[2 * slot] = i + 1
          table[2 * slot + 1] = h
          break
        }
        if (table[2 * slot + 1] === h && same(r - 1, i)) {
          keep[i] = 0
          repeats++
          break
        }
        slot = (slot + 1) & mask
      }
    }
  }
  return { keep, repeats }
}

/** 32-bit mix of the five fields (murmur3-style multiply-rotate; positions above 2^32 keep their high word). */
function hash(sample: number, chrom: number, start: number, ref: number, alt: number): number {
  let h = 0x9747b28c
  h = mix(h, sample)
  h = mix(h, chrom)
  h = mix(h, start | 0)
  h = mix(h, Math.floor(start / 4294967296) | 0)
  h = mix(h, ref)
  h = mix(h, alt)
  h ^= h >>> 16
  h = Math.imul(h, 0x85ebca6b)
  h ^= h >>> 13
  return h | 0
}

function mix(h: number, k: number): number {
  k = Math.imul(k, 0xcc9e2d51)
  k = (k << 15) | (k >>> 17)
  k = Math.imul(k, 0x1b873593)
  h ^= k
  h = (h << 13) | (h >>> 19)
  return (Math.imul(h, 5) + 0xe6546b64) | 0
}
