/**
 * What a mutation-table read says about rows it kept but a default count would silently pass over:
 *
 * - consequence terms whose class is not one of maftools' nine counted classes, each under its
 *   own name with its row count (Riaz 2017: 237 rows of `protein_protein_contact`, which has no MAF
 *   class: vcf2maf writes Targeted_Region and maftools does not count it; we keep both, and say so);
 * - gene symbols a spreadsheet turned into dates (SEPT2 → "2-Sep", MARCH1 → "1-Mar", DEC1 →
 *   "1-Dec"; some locales write "Sep-02"): such a row is no longer its gene, so it is flagged with
 *   its lines, never renamed by guess (HGNC renamed these genes: SEPTIN2, MARCHF1, DELEC1 …).
 *
 * Both become warnings of the file's read report, in first-seen order, when the read finishes.
 */
import { MAFTOOLS_NONSYNONYMOUS, type VariantClass } from './alteration.js'
import { warn, type ReadReport } from './report.js'

const COUNTED: ReadonlySet<VariantClass> = new Set(MAFTOOLS_NONSYNONYMOUS)
const MONTH = '(?:jan|feb|mar|apr|may|jun|jul|aug|sep|oct|nov|dec)'
const DATE = new RegExp(`^(?:\\d{1,2}-${MONTH}|${MONTH}-\\d{1,2})$`, 'i')
const MAX_LINES = 10

/** "1-Dec", "10-Mar", "12-Sep", "Sep-02": how Excel shows symbols such as DEC1, MARCH10, SEPT12. */
export function looksLikeExcelDate(symbol: string): boolean {
  return DATE.test(symbol)
}

export class ReadNotes {
  private readonly terms = new Map<string, { cls: VariantClass; n: number }>()
  private readonly dates = new Map<string, { lines: number[]; n: number }>()

  /** A kept row whose class `cls` was decided by consequence term `term`. */
  term(term: string, cls: VariantClass): void {
    if (COUNTED.has(cls)) return
    const t = this.terms.get(term)
    if (t === undefined) this.terms.set(term, { cls, n: 1 })
    else t.n++
  }

  /** A kept row's gene symbol, at `line`. */
  gene(symbol: string, line: number): void {
    if (!looksLikeExcelDate(symbol)) return
    const d = this.dates.get(symbol)
    if (d === undefined) this.dates.set(symbol, { lines: [line], n: 1 })
    else {
      d.n++
      if (d.lines.length < MAX_LINES) d.lines.push(line)
    }
  }

  flush(report: ReadReport): void {
    for (const [term, t] of this.terms) {
      warn(report, { code: 'uncounted-term', location: { file: report.file }, detail: `${t.n} row(s) of consequence ${JSON.stringify(term)} → ${t.cls}: not counted by default (add ${t.cls} to --classes to count them)` })
    }
    for (const [symbol, d] of this.dates) {
      const more = d.n > d.lines.length ? `, … (${d.n} rows)` : ''
      warn(report, { code: 'gene-like-date', location: { file: report.file }, detail: `gene ${JSON.stringify(symbol)} looks like a date a spreadsheet made of a gene symbol (e.g. SEPT2 → 2-Sep): line(s) ${d.lines.join(', ')}${more}` })
    }
  }
}
