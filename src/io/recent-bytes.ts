/**
 * RecentBytes: a small direct-mapped cache in front of a ByteMap, for fields whose few hundred
 * distinct values recur in random order (VEP consequence strings, gene symbols): the slot comes
 * from the length and three bytes instead of a hash of every byte, and a hit costs one compare.
 * A miss (or a collision, which simply overwrites the slot) asks the ByteMap, which stays the
 * only authority: the cache can only answer what the map holds.
 *
 * Complexity: O(key length) per lookup; memory 256 slots plus the keys they hold.
 */
import { ByteMap, MISSING } from './bytemap.js'

const SLOTS = 256

export class RecentBytes {
  private readonly off = new Int32Array(SLOTS)
  private readonly len = new Int32Array(SLOTS).fill(-1)
  private readonly val = new Int32Array(SLOTS)
  /** Each slot's key bytes at off[slot] (room for keys up to `width` bytes; longer ones bypass the cache). */
  private readonly keys: Uint8Array
  constructor(
    readonly map: ByteMap = new ByteMap(),
    private readonly width = 32,
  ) {
    this.keys = new Uint8Array(SLOTS * width)
    for (let s = 0; s < SLOTS; s++) this.off[s] = s * width
  }

  private static slot(buf: Uint8Array, a: number, z: number): number {
    const n = z - a
    if (n === 0) return 0
    return (n * 31 + (buf[a] as number) * 7 + (buf[z - 1] as number) * 3 + (buf[a + (n >> 1)] as number)) & (SLOTS - 1)
  }

  /** The value the map holds for buf[a, z), or MISSING. */
  get(buf: Uint8Array, a: number, z: number): number {
    const n = z - a
    if (n > this.width) return this.map.get(buf, a, z)
    const s = RecentBytes.slot(buf, a, z)
    if (this.len[s] === n) {
      const o = this.off[s] as number
      const keys = this.keys
      let i = 0
      while (i < n && keys[o + i] === buf[a + i]) i++
      if (i === n) return this.val[s] as number
    }
    const v = this.map.get(buf, a, z)
    if (v !== MISSING) this.remember(s, buf, a, z, v)
    return v
  }

  /** Store a value in the map (and the cache). */
  set(buf: Uint8Array, a: number, z: number, v: number): void {
    this.map.set(buf, a, z, v)
    if (z - a <= this.width) this.remember(RecentBytes.slot(buf, a, z), buf, a, z, v)
  }

  private remember(s: number, buf: Uint8Array, a: number, z: number, v: number): void {
    const o = this.off[s] as number
    for (let i = 0; i < z - a; i++) this.keys[o + i] = buf[a + i] as number
    this.len[s] = z - a
    this.val[s] = v
  }
}
