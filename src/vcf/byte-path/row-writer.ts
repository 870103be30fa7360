/**
 * The byte path's output side (row-reader.ts): one record's rows wait here until nothing can give
 * the record up any more, then are written to the EventTable together; a record with one ALT and
 * one target writes its row at once. Each written row also goes to the read notes
 * (../../model/read-notes.ts): a consequence class not counted by default, a date-like gene symbol.
 */
import { MAF_CLASSES, MAFTOOLS_NONSYNONYMOUS, VARIANT_TYPES } from '../../model/alteration.js'
import { KIND_CODE, emptyRow, type EventTable } from '../../model/events.js'
import type { ReadNotes } from '../../model/read-notes.js'
import { drop, type DropCode, type ReadReport } from '../../model/report.js'
import type { RowStrings } from './row-strings.js'

const TYPE_INS = VARIANT_TYPES.indexOf('INS') + 1
const TYPE_DEL = VARIANT_TYPES.indexOf('DEL') + 1
/** Per class code: 1 when maftools counts the class by default (the read notes skip it). */
const COUNTED = new Uint8Array(MAF_CLASSES.length)
for (const c of MAFTOOLS_NONSYNONYMOUS) COUNTED[MAF_CLASSES.indexOf(c)] = 1

/** One row's values besides the record's chromosome, FILTER, origin and line (locals, codes, numbers). */
const INTS = 6
const NUMS = 6

export class RowWriter {
  private pending = 0
  private pInt = new Int32Array(16 * INTS)
  private pNum = new Float64Array(16 * NUMS)
  private pProtein: (string | undefined)[] = []
  private pTerm: string[] = []
  private readonly row = emptyRow()
  private readonly fileLocal: number

  constructor(
    private readonly table: EventTable,
    private readonly strings: RowStrings,
    private readonly report: ReadReport,
    private readonly notes: ReadNotes,
    file: string,
  ) {
    this.fileLocal = strings.local(file)
  }

  /** Start a record: no rows wait. */
  begin(): void {
    this.pending = 0
  }

  /** A row of the current record, written by `commit`. */
  add(
    sample: number, gene: number, cls: number, type: number, start: number, end: number, ref: number, alt: number,
    protein: string | undefined, term: string, vaf: number, depth: number, altCount: number, refCount: number,
  ): void {
    const k = this.pending++
    if (INTS * this.pending > this.pInt.length) {
      const i = new Int32Array(2 * this.pInt.length)
      i.set(this.pInt)
      this.pInt = i
      const f = new Float64Array(2 * this.pNum.length)
      f.set(this.pNum)
      this.pNum = f
    }
    const I = this.pInt
    const F = this.pNum
    const x = INTS * k
    I[x] = sample
    I[x + 1] = gene
    I[x + 2] = cls
    I[x + 3] = type
    I[x + 4] = ref
    I[x + 5] = alt
    const y = NUMS * k
    F[y] = start
    F[y + 1] = end
    F[y + 2] = vaf
    F[y + 3] = depth
    F[y + 4] = altCount
    F[y + 5] = refCount
    this.pProtein[k] = protein
    this.pTerm[k] = term
  }

  /** Count the record (`rows` written, else dropped for `reason`) and write its waiting rows. */
  commit(rows: number, chrom: number, filter: number, origin: number, line: number, reason: DropCode): void {
    const report = this.report
    report.rowsRead++
    if (rows === 0) {
      drop(report, reason)
      return
    }
    report.kept++
    const I = this.pInt
    const F = this.pNum
    for (let k = 0; k < this.pending; k++) {
      const x = INTS * k
      const y = NUMS * k
      this.write(
        I[x] as number, I[x + 1] as number, chrom, I[x + 4] as number, I[x + 5] as number, filter, I[x + 2] as number, I[x + 3] as number,
        origin, this.pProtein[k], this.pTerm[k] as string, F[y] as number, F[y + 1] as number, F[y + 2] as number, F[y + 3] as number, F[y + 4] as number, F[y + 5] as number, line,
      )
      this.pProtein[k] = undefined
    }
  }

  /** Write one row now (strings to pool ids); its table row number. */
  write(
    sample: number, gene: number, chrom: number, ref: number, alt: number, filter: number, cls: number, type: number, origin: number,
    protein: string | undefined, term: string, start: number, end: number, vaf: number, depth: number, altCount: number, refCount: number, line: number,
  ): number {
    const s = this.strings
    const r = this.row
    r.sample = s.id(sample)
    r.gene = s.id(gene)
    r.chrom = s.id(chrom)
    r.ref = s.id(ref)
    r.alt = s.id(alt)
    r.filter = s.id(filter)
    r.file = s.id(this.fileLocal)
    r.kind = type === TYPE_INS || type === TYPE_DEL ? KIND_CODE.indel : KIND_CODE.snv
    r.cls = cls
    r.type = type
    r.origin = origin
    r.cnState = 0
    r.protein = protein
    r.start = start
    r.end = end
    r.vaf = vaf
    r.copyNumber = NaN
    r.depth = depth
    r.altCount = altCount
    r.refCount = refCount
    r.line = line
    if (COUNTED[cls] === 0) this.notes.term(term, MAF_CLASSES[cls] as (typeof MAF_CLASSES)[number])
    if (s.dateLike[gene] === 1) this.notes.gene(s.strs[gene] as string, line)
    return this.table.append(r)
  }
}
