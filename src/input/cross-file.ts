/**
 * The same call in two input files, collapsed as within one file (#21): a mutation row of a later
 * file whose key (sample, chromosome, start, reference and tumour allele — maftools' duplicate key,
 * ../maf/dedup.ts) a row of an earlier file has is dropped and counted in the later file's read
 * report ("duplicate across files"), with a warning naming both files for the first few. The
 * earlier file's row is kept: input order decides, as within a file. Without this, one call given
 * in a MAF and again in a VCF (or two MAFs) was two events: Multi_Hit, burden 2.
 *
 * One index serves every path: the default one (files read in turn into the cohort table, big
 * files by two threads and merged first, so a file is checked whole) and the low-memory one (each
 * sample partition's rows file by file: the key holds the sample, so a partition has every row a
 * key can repeat). Copy-number and fusion rows have no position or alleles and take no part.
 *
 * Cost: nothing while only one file has mutation rows (the bench's case); then the earlier files'
 * mutation rows are indexed once (~44 bytes a row, ../maf/dedup.ts) and each later row is one
 * probe. Strings are compared by pool id: the files share the table's pool, so equal text is one id
 * (chromosome names are compared as written: "chr1" and "1" are not the same key).
 */
import { DuplicateIndex } from '../maf/dedup.js'
import { KIND_CODE, type EventTable } from '../model/events.js'

/** The read report's drop reason. */
export const CROSS_FILE_DUPLICATE = 'duplicate across files'
const EXAMPLES = 3

/** One file's rows dropped as repeats of an earlier file's. */
export interface CrossFileRepeats {
  readonly count: number
  /** The first few, in row order: "later.maf:12 repeats earlier.vcf:40 (S1 17:7577120 C>T)". */
  readonly examples: readonly string[]
  /** The examples' lines (in the later file). */
  readonly lines: readonly number[]
}

export class CrossFileDuplicates {
  private readonly index = new DuplicateIndex()
  /** Per indexed key: the table row that holds it (rows before the checked file never move). */
  private keyRow = new Int32Array(256)
  /** Table rows before this one are indexed. */
  private indexedTo = 0
  constructor(private readonly table: EventTable) {}

  private isMutation(row: number): boolean {
    const k = this.table.kindCode(row)
    return k === KIND_CODE.snv || k === KIND_CODE.indel
  }

  private indexUpTo(end: number): void {
    const k = this.table.keyColumns()
    for (let r = this.indexedTo; r < end; r++) {
      if (!this.isMutation(r)) continue
      const start = k.start[r] as number
      const at = this.index.addOrFind(k.sample[r] as number, k.chrom[r] as number, Number.isNaN(start) ? undefined : start, k.ref[r] as number, k.alt[r] as number)
      if (at >= 0) continue // a repeat within one earlier file (a VCF keeps them): its first row names it
      const i = this.index.size - 1
      if (i >= this.keyRow.length) {
        const grown = new Int32Array(2 * this.keyRow.length)
        grown.set(this.keyRow)
        this.keyRow = grown
      }
      this.keyRow[i] = r
    }
    this.indexedTo = end
  }

  /**
   * The rows from `from` on are one file's, just appended after every earlier file's: drop those
   * whose key an earlier file has (table.retain), and say how many and which. O(rows of the file),
   * plus indexing the earlier files' rows the first time a later file comes.
   */
  check(from: number): CrossFileRepeats {
    const t = this.table
    const end = t.length
    let anyEarlier = false
    for (let r = this.indexedTo; r < from && !anyEarlier; r++) anyEarlier = this.isMutation(r)
    if (!anyEarlier && this.index.size === 0) {
      this.indexedTo = from
      return { count: 0, examples: [], lines: [] }
    }
    this.indexUpTo(from)
    const k = t.keyColumns()
    let keep: Uint8Array | undefined
    let count = 0
    const examples: string[] = []
    const lines: number[] = []
    for (let r = from; r < end; r++) {
      if (!this.isMutation(r)) continue
      const start = k.start[r] as number
      const st = Number.isNaN(start) ? undefined : start
      // Looked up without adding: a later file's own rows are indexed when the next file comes.
      const at = this.index.find(k.sample[r] as number, k.chrom[r] as number, st, k.ref[r] as number, k.alt[r] as number)
      if (at < 0) continue
      keep ??= new Uint8Array(end - from).fill(1)
      keep[r - from] = 0
      if (count++ < EXAMPLES) {
        examples.push(this.describe(r, this.keyRow[at] as number))
        lines.push(t.lineOf(r))
      }
    }
    if (keep !== undefined) t.retain(from, keep)
    return { count, examples, lines }
  }

  private describe(row: number, earlier: number): string {
    const t = this.table
    const a = t.get(row)
    const where = `${a.sample} ${a.chrom ?? 'NA'}:${a.start ?? 'NA'} ${a.ref ?? ''}>${a.alt ?? ''}`
    return `${t.fileOf(row)}:${t.lineOf(row)} repeats ${t.fileOf(earlier)}:${t.lineOf(earlier)} (${where})`
  }
}

/** The warning for a file's repeats (undefined when none). */
export function crossFileWarning(r: CrossFileRepeats): string | undefined {
  if (r.count === 0) return undefined
  return `${CROSS_FILE_DUPLICATE}: ${r.count} call(s) repeat a call of an earlier input file (same sample, chromosome, start and alleles) and were dropped here, the earlier file's row kept: ${r.examples.join('; ')}${r.count > r.examples.length ? '; …' : ''}`
}
