/**
 * Spreadsheet formula injection: a text cell that begins with =, +, - or @ is run as a formula
 * when a TSV is opened in Excel or LibreOffice (`=HYPERLINK(...)` in a sample name, say). With
 * --excel-safe such cells are written with a leading apostrophe (the spreadsheet convention for
 * "text"; OWASP's advice); without it they are written verbatim, counted, and the CLI says so.
 *
 * Not formula-like: numbers (-1.5, +2, 1e-5: a spreadsheet reads them as numbers) and a lone sign
 * ("-", MAF's empty allele: shown as text).
 */
const NUMBER = /^[+-]?(\d+\.?\d*|\.\d+)(e[+-]?\d+)?$/i
/** A cell that starts with one of the four and has more after it (a lone sign is no formula). */
const CANDIDATE = /(?:^|\t)[=+\-@][^\t\n]/gm

export function formulaLike(cell: string): boolean {
  const c = cell.charCodeAt(0)
  if (c !== 0x3d && c !== 0x2b && c !== 0x2d && c !== 0x40) return false
  return cell.length > 1 && !NUMBER.test(cell)
}

/** Counts (and with `prefix`, neutralises) formula-like cells in TSV text given as whole lines. */
export class FormulaGuard {
  count = 0
  first: string | undefined
  constructor(readonly prefix: boolean) {}

  /**
   * `text`: whole lines; `#` comment lines are left alone. Only the cells a regex finds starting
   * with one of the four characters and one more are looked at (MAF's lone "-" alleles are not),
   * and the text is rebuilt only when a cell is prefixed: splitting every line into cells once a
   * chunk held one such cell was most of convert's time.
   */
  lines(text: string): string {
    CANDIDATE.lastIndex = 0
    let out: string[] | undefined
    let last = 0
    for (let m = CANDIDATE.exec(text); m !== null; m = CANDIDATE.exec(text)) {
      const start = text.charCodeAt(m.index) === 9 ? m.index + 1 : m.index
      const tab = text.indexOf('\t', start)
      const nl = text.indexOf('\n', start)
      const end = tab === -1 ? (nl === -1 ? text.length : nl) : nl === -1 ? tab : Math.min(tab, nl)
      CANDIDATE.lastIndex = end
      if (text.charCodeAt(text.lastIndexOf('\n', start - 1) + 1) === 0x23) continue // a # comment line
      const cell = text.slice(start, end)
      if (!formulaLike(cell)) continue
      this.count++
      this.first ??= cell
      if (this.prefix) {
        ;(out ??= []).push(text.slice(last, start), "'")
        last = start
      }
    }
    return out === undefined ? text : out.join('') + text.slice(last)
  }

  /** The note for cells written verbatim (undefined when there were none or they were prefixed). */
  note(destination: string): string | undefined {
    if (this.prefix || this.count === 0) return undefined
    const shown = (this.first as string).length > 40 ? (this.first as string).slice(0, 39) + '…' : (this.first as string)
    return `${destination}: ${this.count} cell(s) begin with =, +, - or @ (first: "${shown}"); a spreadsheet may run them as formulas. --excel-safe writes them with a leading '`
  }
}
