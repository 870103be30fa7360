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
 * Complexity: O(1) expected per row (linear probing at load ≤ 1/2); memory O(distinct rows).
 */

const NO_START = -1

export class DuplicateIndex {
  private sample = new Int32Array(1024)
  private chrom = new Int32Array(1024)
  private start = new Float64Array(1024)
  private ref = new Int32Array(1024)
  private alt = new Int32Array(1024)
  /** Slot → row number + 1 (0 = empty). */
  private table = new Int32Array(2048)
  private rows = 0

  get size(): number {
    return this.rows
  }

  /**
   * Record the key; returns false when it was already there. `start` undefined (an NA position)
   * is a value of its own, as maftools' key treats NA.
   */
  add(sample: number, chrom: number, start: number | undefined, ref: number, alt: number): boolean {
    const st = start ?? NO_START
    const mask = this.table.length - 1
    let slot = hash(sample, chrom, st, ref, alt) & mask
    for (;;) {
      const r = this.table[slot] as number
      if (r === 0) break
      const i = r - 1
      if (this.start[i] === st && this.sample[i] === sample && this.chrom[i] === chrom && this.ref[i] === ref && this.alt[i] === alt) return false
      slot = (slot + 1) & mask
    }
    const i = this.rows
    if (i === this.sample.length) this.growRows()
    this.sample[i] = sample
    this.chrom[i] = chrom
    this.start[i] = st
    this.ref[i] = ref
    this.alt[i] = alt
    this.table[slot] = i + 1
    this.rows++
    if (this.rows * 2 > this.table.length) this.rehash()
    return true
  }

  /** Make room for `rows` distinct keys without regrowing (a reader's estimate). */
  reserve(rows: number): void {
    if (rows > this.sample.length) this.growRows(rows)
    let size = this.table.length
    while (size < rows * 2) size *= 2
    if (size > this.table.length) {
      this.table = new Int32Array(size / 2)
      this.rehash()
    }
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

  private rehash(): void {
    const table = new Int32Array(this.table.length * 2)
    const mask = table.length - 1
    for (let i = 0; i < this.rows; i++) {
      let slot = hash(this.sample[i] as number, this.chrom[i] as number, this.start[i] as number, this.ref[i] as number, this.alt[i] as number) & mask
      while (table[slot] !== 0) slot = (slot + 1) & mask
      table[slot] = i + 1
    }
    this.table = table
  }
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
  return h >>> 0
}

function mix(h: number, k: number): number {
  k = Math.imul(k, 0xcc9e2d51)
  k = (k << 15) | (k >>> 17)
  k = Math.imul(k, 0x1b873593)
  h ^= k
  h = (h << 13) | (h >>> 19)
  return (Math.imul(h, 5) + 0xe6546b64) | 0
}
