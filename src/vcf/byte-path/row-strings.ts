/**
 * The byte path's strings (row-reader.ts): each distinct chromosome, FILTER, allele and gene is looked
 * up by its bytes (ByteMap per column; RecentBytes before the gene map) and decoded once into a
 * local number; its string-pool id is taken only when a written row uses it, so a record the byte
 * path gives up on leaves the pool untouched.
 */
import { ByteMap, MISSING } from '../../io/bytemap.js'
import { RecentBytes } from '../../io/recent-bytes.js'
import type { StringPool } from '../../model/events.js'
import { looksLikeExcelDate } from '../../model/read-notes.js'

export class RowStrings {
  /** Local strings (decoded once) and their pool ids (−1 until a written row uses them). */
  readonly strs: string[] = []
  private ids = new Int32Array(64).fill(-1)
  /** Per gene local: 1 when the symbol looks like a date a spreadsheet made (../../model/read-notes.ts). */
  dateLike = new Uint8Array(64)
  private readonly chromMap = new ByteMap()
  private readonly filterMap = new ByteMap()
  /** Per FILTER local: whether it passes (PASS or '.'). */
  private readonly passes: boolean[] = []
  private readonly alleleMap = new ByteMap()
  private readonly geneMap = new RecentBytes()
  private readonly oneBase = new Int32Array(128).fill(-1)

  constructor(private readonly pool: StringPool) {}

  local(str: string): number {
    const k = this.strs.length
    this.strs.push(str)
    if (k === this.ids.length) {
      const grown = new Int32Array(2 * k).fill(-1)
      grown.set(this.ids)
      this.ids = grown
      const dates = new Uint8Array(2 * k)
      dates.set(this.dateLike)
      this.dateLike = dates
    }
    return k
  }

  /** The pool id of a local string. */
  id(local: number): number {
    const v = this.ids[local] as number
    if (v >= 0) return v
    return (this.ids[local] = this.pool.id(this.strs[local] as string))
  }

  /** The chromosome local of buf[a, z), or −1 when the name is not a legal contig name (`legal`). */
  chrom(buf: Buffer, a: number, z: number, legal: (name: string) => boolean): number {
    let chrom = this.chromMap.get(buf, a, z)
    if (chrom === MISSING) {
      const name = buf.toString('latin1', a, z)
      if (!legal(name)) return -1
      chrom = this.local(name)
      this.chromMap.set(buf, a, z, chrom)
    }
    return chrom
  }

  filter(buf: Buffer, a: number, z: number): number {
    let filter = this.filterMap.get(buf, a, z)
    if (filter === MISSING) {
      const f = buf.toString('latin1', a, z)
      filter = this.local(f)
      this.passes[filter] = f === 'PASS' || f === '.'
      this.filterMap.set(buf, a, z, filter)
    }
    return filter
  }

  /** Whether FILTER local `f` passes (PASS or '.'). */
  passing(f: number): boolean {
    return this.passes[f] as boolean
  }

  /** The gene local of buf[a, z), its date-like flag set once. */
  gene(buf: Buffer, a: number, z: number): number {
    let g = this.geneMap.get(buf, a, z)
    if (g === MISSING) {
      const symbol = buf.toString('latin1', a, z)
      g = this.local(symbol)
      if (looksLikeExcelDate(symbol)) this.dateLike[g] = 1
      this.geneMap.set(buf, a, z, g)
    }
    return g
  }

  allele(buf: Buffer, a: number, z: number): number {
    if (z - a === 1) {
      const b = buf[a] as number
      const known = this.oneBase[b] as number
      if (known >= 0) return known
      return (this.oneBase[b] = this.local(buf.toString('latin1', a, z)))
    }
    let k = this.alleleMap.get(buf, a, z)
    if (k === MISSING) {
      k = this.local(buf.toString('latin1', a, z))
      this.alleleMap.set(buf, a, z, k)
    }
    return k
  }
}
