/**
 * The INFO column of a record line, read from its bytes for the byte path (row-reader.ts): every key
 * must be one the text path would do nothing for (declared, or already warned about), else the line
 * goes to the text path, which warns; the annotation value's entries are read on the way
 * (entry-bytes.ts); the origin keys' values are kept as spans and read by the shared origin rule
 * (../rules/origin.ts).
 *
 * Keys are compared in place with the key seen at the same position before (every record of one
 * caller has the same keys in the same order), so a key is decoded only the first time.
 * Complexity: O(INFO bytes) per record.
 */
import type { MetaMap } from '@gmod/vcf'
import { byteClasses } from '../../io/byte-class.js'
import type { Origin } from '../../model/alteration.js'
import { ORIGIN_KEYS, originOf } from '../rules/origin.js'
import type { EntryBytes } from './entry-bytes.js'

/** Byte classes in INFO: 0 other printable, then '=', '%', and the ends of a value (';', tab), then anything else. */
const EQ = 1
const PCT = 2
const END = 3
const BAD = 4
const INFO_CLASS = byteClasses(BAD, { 61: EQ, 37: PCT, 59: END, 9: END }) // '=', '%', ';', tab

/** Key codes in the key cache: ORIGIN + k is ORIGIN_KEYS[k]. */
const IGNORE = 0
const ANNOTATION = 1
const ORIGIN = 2
/** In originStart: the key is absent. */
const ABSENT = -2
/** Plain digits: a number-typed value that @gmod/vcf's Number() then String() gives back unchanged. */
const PLAIN_NUMBER = /^(0|[1-9][0-9]{0,14})$/

/** What recordOrigin answers when the text path must type a value. */
export const GIVE_UP_ORIGIN = 'give up'

export class InfoBytes {
  /** What `read` found: a readable annotation value, no '%' in INFO. */
  annotated = false
  plain = true
  /** Per ORIGIN_KEYS key: ABSENT, −1 (no '='), or the start of its value (last one written wins). */
  private readonly originStart = new Int32Array(4).fill(ABSENT)
  private readonly originEnd = new Int32Array(4)
  /** Per ORIGIN_KEYS key: declared as a Flag; declared as a number. */
  private readonly originFlag: readonly boolean[]
  private readonly originNumeric: readonly boolean[]

  /** Key cache by position: key bytes (in keyArena) and code. */
  private keyOff = new Int32Array(16)
  private keyLen = new Int32Array(16).fill(-1)
  private keyCode = new Uint8Array(16)
  private keyArena = new Uint8Array(256)
  private keyArenaLen = 0

  constructor(
    private readonly entries: EntryBytes,
    /** The annotation INFO key. */
    private readonly key: string,
    infoMeta: MetaMap,
    /** Whether the text path would do nothing for this INFO key (declared, or warned about). */
    private readonly settled: (key: string) => boolean,
  ) {
    const types = ORIGIN_KEYS.map((k) => infoMeta[k]?.Type)
    this.originFlag = types.map((t) => t === 'Flag')
    this.originNumeric = types.map((t) => t === 'Integer' || t === 'Float')
  }

  /**
   * The INFO column from `from`: every key must be settled (else −1: the text path warns); the
   * annotation value's entries are read. Returns where INFO ends (its tab, or e); −1 to give up.
   */
  read(buf: Buffer, from: number, e: number): number {
    this.annotated = false
    this.plain = true
    const os = this.originStart
    os[0] = ABSENT
    os[1] = ABSENT
    os[2] = ABSENT
    os[3] = ABSENT
    // '.': no INFO at all, so no annotation (the text path drops the record).
    if (from < e && buf[from] === 46 && (from + 1 === e || buf[from + 1] === 9)) return -1
    const T = INFO_CLASS
    let plain = true
    let q = from
    for (let n = 0; ; n++) {
      const ks = q
      let c = 0
      for (; q < e; q++) {
        c = T[buf[q] as number] as number
        if (c === PCT) plain = false
        else if (c !== 0) break
      }
      if (q < e && c === BAD) return -1
      const code = this.keyAt(buf, ks, q, n)
      if (code < 0) return -1
      if (q < e && c === EQ) {
        if (code === ANNOTATION) {
          const z = this.entries.read(buf, q + 1, e)
          if (z < 0) return -1
          this.annotated = this.entries.valid && z > q + 1
          if (this.entries.percent) plain = false
          q = z
        } else {
          const vs = q + 1
          for (q++; q < e; q++) {
            c = T[buf[q] as number] as number
            if (c === PCT) plain = false
            else if (c > EQ) break
          }
          if (q < e && c === BAD) return -1
          if (code >= ORIGIN) {
            this.originStart[code - ORIGIN] = vs
            this.originEnd[code - ORIGIN] = q
          }
        }
      } else if (code >= ORIGIN) this.originStart[code - ORIGIN] = -1
      else if (code === ANNOTATION) this.annotated = false
      if (q >= e || buf[q] === 9) {
        this.plain = plain
        return q
      }
      q++
    }
  }

  /**
   * The origin the INFO values found give (../rules/origin.ts originOf), or GIVE_UP_ORIGIN when a
   * value needs the text path's typing (a number-typed STATUS or SS that is not plain digits).
   */
  origin(buf: Buffer): Origin | typeof GIVE_UP_ORIGIN {
    const start = this.originStart
    const somatic = this.flag(0)
    const germline = !somatic && this.flag(1)
    if (somatic || germline) return originOf(somatic, germline, undefined, undefined)
    const words: (string | undefined)[] = [undefined, undefined]
    for (let k = 2; k < 4; k++) {
      const a = start[k] as number
      if (a < 0 || a === this.originEnd[k] || this.originFlag[k] === true) continue
      let z = a
      while (z < (this.originEnd[k] as number) && buf[z] !== 44) z++
      if (z - a === 1 && buf[a] === 46) continue // '.': undefined
      const word = buf.toString('latin1', a, z)
      if (this.originNumeric[k] === true && !PLAIN_NUMBER.test(word)) return GIVE_UP_ORIGIN
      words[k - 2] = word
    }
    return originOf(false, false, words[0], words[1])
  }

  /** SOMATIC / GERMLINE (k = 0, 1) are `true` when a Flag, or written without a value. */
  private flag(k: number): boolean {
    const a = this.originStart[k] as number
    return a !== ABSENT && (this.originFlag[k] === true || a === -1 || a === this.originEnd[k])
  }

  /** Code of the INFO key buf[a, z) at position n; −1 when the text path must see it. */
  private keyAt(buf: Buffer, a: number, z: number, n: number): number {
    if (n >= this.keyLen.length) {
      const g = (x: Int32Array) => {
        const y = new Int32Array(2 * x.length).fill(-1)
        y.set(x)
        return y
      }
      this.keyOff = g(this.keyOff)
      this.keyLen = g(this.keyLen)
      const codes = new Uint8Array(this.keyLen.length)
      codes.set(this.keyCode)
      this.keyCode = codes
    }
    const len = z - a
    if (this.keyLen[n] === len) {
      const o = this.keyOff[n] as number
      let i = 0
      while (i < len && this.keyArena[o + i] === buf[a + i]) i++
      if (i === len) return this.keyCode[n] as number
    }
    const key = buf.toString('latin1', a, z)
    if (!this.settled(key)) return -1
    const code = key === this.key ? ANNOTATION : ORIGIN_KEYS.includes(key) ? ORIGIN + ORIGIN_KEYS.indexOf(key) : IGNORE
    if (this.keyArenaLen + len > this.keyArena.length) {
      const grown = new Uint8Array(Math.max(2 * this.keyArena.length, this.keyArenaLen + len))
      grown.set(this.keyArena)
      this.keyArena = grown
    }
    this.keyArena.set(buf.subarray(a, z), this.keyArenaLen)
    this.keyOff[n] = this.keyArenaLen
    this.keyLen[n] = len
    this.keyCode[n] = code
    this.keyArenaLen += len
    return code
  }
}
