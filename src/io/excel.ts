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
const LEADS = /(?:^|\t)[=+\-@]/m

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

  /** `text`: whole lines (each ending in \n, or the last without); `#` comment lines are left alone. */
  lines(text: string): string {
    if (!LEADS.test(text)) return text
    const lines = text.split('\n')
    for (let i = 0; i < lines.length; i++) {
      const line = lines[i] as string
      if (line.startsWith('#') || !LEADS.test(line)) continue
      const cells = line.split('\t')
      let changed = false
      for (let k = 0; k < cells.length; k++) {
        const cell = cells[k] as string
        if (!formulaLike(cell)) continue
        this.count++
        this.first ??= cell
        if (this.prefix) {
          cells[k] = `'${cell}`
          changed = true
        }
      }
      if (changed) lines[i] = cells.join('\t')
    }
    return lines.join('\n')
  }

  /** The note for cells written verbatim (undefined when there were none or they were prefixed). */
  note(destination: string): string | undefined {
    if (this.prefix || this.count === 0) return undefined
    const shown = (this.first as string).length > 40 ? (this.first as string).slice(0, 39) + '…' : (this.first as string)
    return `${destination}: ${this.count} cell(s) begin with =, +, - or @ (first: "${shown}"); a spreadsheet may run them as formulas. --excel-safe writes them with a leading '`
  }
}
