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
 * Both become warnings of the file's read report, in first-seen order, when the read finishes. A
 * reader that reads a file in parts (a MAF split into sample partitions) takes each part's notes
 * as plain data (`data`) and adds them up (`merge`), ordered by first line as one pass orders them.
 */
import { MAFTOOLS_NONSYNONYMOUS, type VariantClass } from './alteration.js'
import { warn, type ReadReport } from './report.js'

const COUNTED: ReadonlySet<VariantClass> = new Set(MAFTOOLS_NONSYNONYMOUS)
const MONTH = '(?:jan|feb|mar|apr|may|jun|jul|aug|sep|oct|nov|dec)'
const DATE = new RegExp(`^(?:\\d{1,2}-${MONTH}|${MONTH}-\\d{1,2})$`, 'i')
const MAX_LINES = 10

/** Whether rows of class `cls` are counted by default (then `term` notes nothing for them). */
export function countedByDefault(cls: VariantClass): boolean {
  return COUNTED.has(cls)
}

/** "1-Dec", "10-Mar", "12-Sep", "Sep-02": how Excel shows symbols such as DEC1, MARCH10, SEPT12. */
export function looksLikeExcelDate(symbol: string): boolean {
  return DATE.test(symbol)
}

/** ReadNotes as plain data (it crosses threads and partitions as it is). */
export interface ReadNotesData {
  /** [term, class, rows, first line] */
  readonly terms: readonly (readonly [string, VariantClass, number, number])[]
  /** [symbol, rows, first lines] */
  readonly dates: readonly (readonly [string, number, readonly number[]])[]
}

export class ReadNotes {
  private terms = new Map<string, { cls: VariantClass; n: number; first: number }>()
  private dates = new Map<string, { lines: number[]; n: number }>()

  /** `n` kept rows (default 1) whose class `cls` was decided by consequence term `term`, the first at `line` (when the reader merges parts). */
  term(term: string, cls: VariantClass, line = 0, n = 1): void {
    if (COUNTED.has(cls)) return
    const t = this.terms.get(term)
    if (t === undefined) this.terms.set(term, { cls, n, first: line })
    else t.n += n
  }

  data(): ReadNotesData {
    return {
      terms: [...this.terms].map(([term, t]) => [term, t.cls, t.n, t.first] as const),
      dates: [...this.dates].map(([symbol, d]) => [symbol, d.n, [...d.lines]] as const),
    }
  }

  /**
   * Add the notes of another part of the same file (its lines shifted by `lineOffset` when the part
   * counted its lines from its own start); entries stay in the order of their first line.
   */
  merge(other: ReadNotesData, lineOffset = 0): void {
    for (const [term, cls, n, part] of other.terms) {
      const first = part + lineOffset
      const t = this.terms.get(term)
      if (t === undefined) this.terms.set(term, { cls, n, first })
      else {
        t.n += n
        t.first = Math.min(t.first, first)
      }
    }
    for (const [symbol, n, partLines] of other.dates) {
      const lines = lineOffset === 0 ? partLines : partLines.map((l) => l + lineOffset)
      const d = this.dates.get(symbol)
      if (d === undefined) this.dates.set(symbol, { lines: [...lines], n })
      else {
        d.n += n
        d.lines = [...d.lines, ...lines].sort((a, b) => a - b).slice(0, MAX_LINES)
      }
    }
    this.terms = new Map([...this.terms].sort((a, b) => a[1].first - b[1].first))
    this.dates = new Map([...this.dates].sort((a, b) => (a[1].lines[0] ?? 0) - (b[1].lines[0] ?? 0)))
  }

  /** A kept row's gene symbol, at `line`. */
  gene(symbol: string, line: number): void {
    if (!looksLikeExcelDate(symbol)) return
    const d = this.dates.get(symbol)
    if (d === undefined) this.dates.set(symbol, { lines: [line], n: 1 })
    else {
      d.n++
      // Several rows of one line (a VCF record's samples) name the line once.
      if (d.lines.length < MAX_LINES && d.lines[d.lines.length - 1] !== line) d.lines.push(line)
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
