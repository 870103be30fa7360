/**
 * Delimited tables (TSV / CSV) with a header row, read by column name (STYLE habit 7).
 *
 * Push-style core (`TableParser`: line in, row out; no I/O) plus `readTable`, the streaming edge.
 * - `#` comment lines before the header are skipped (GDC `#version`, cBioPortal clinical headers);
 *   the header can also be located by a predicate (maftools finds the MAF header by "Hugo_Symbol").
 * - Delimiter sniffed from the header line (tab wins over comma) unless given.
 * - CSV fields may be double-quoted ("a, b" and "" escapes) within one line.
 * - A row with the wrong number of fields is a located error (or, lenient, counted and skipped);
 *   blank lines are skipped and counted.
 *
 * Complexity: O(bytes).
 */
import { InputError, quote } from '../errors.js'
import { readLineBatches, type LineSourceOptions } from './lines.js'

export type Delimiter = '\t' | ','

/** Why the table layer passed over a line (written as text by model/report.ts). */
export type SkipReason = 'blank-line' | 'wrong-column-count'

export interface TableHeader {
  readonly file: string
  readonly line: number
  readonly delimiter: Delimiter
  readonly columns: readonly string[]
  /** Lower-cased names that occur more than once (only when allowDuplicateColumns). */
  readonly duplicates: ReadonlySet<string>
  /** Lines before the header (comments / metadata), raw. */
  readonly preamble: readonly string[]
}

export interface TableRow {
  readonly fields: readonly string[]
  readonly line: number
}

export interface TableOptions {
  readonly delimiter?: Delimiter | undefined
  /** Return true for the header line. Default: first line that is not blank and not `#`-prefixed. */
  readonly isHeader?: ((text: string) => boolean) | undefined
  /** Skip rows with the wrong field count instead of throwing (counted in `skipped`). */
  readonly lenient?: boolean | undefined
  /** Allow rows shorter than the header (missing trailing fields read as ''). cBioPortal files do this. */
  readonly allowShortRows?: boolean | undefined
  /**
   * Accept repeated column names (real cBioPortal MAFs repeat `chromosome_name_WU`); the first
   * occurrence is the one found by name, and `requireColumns` still rejects a repeated required one.
   */
  readonly allowDuplicateColumns?: boolean | undefined
  /** What the file is, for the empty-file message ("MAF", "clinical table"). */
  readonly what?: string | undefined
}

export function sniffDelimiter(headerLine: string): Delimiter {
  const tabs = headerLine.split('\t').length - 1
  const commas = headerLine.split(',').length - 1
  return tabs > 0 || commas === 0 ? '\t' : ','
}

/** Split one TSV line; a field wrapped in double quotes (some exports quote everything) is unwrapped. */
export function splitTsv(line: string): string[] {
  const f = line.split('\t')
  if (line.includes('"')) {
    for (let i = 0; i < f.length; i++) {
      const v = f[i] as string
      if (v.length >= 2 && v.startsWith('"') && v.endsWith('"')) f[i] = v.slice(1, -1).replaceAll('""', '"')
    }
  }
  return f
}

/** Split one CSV line honouring double quotes. */
export function splitCsv(line: string): string[] {
  if (!line.includes('"')) return line.split(',')
  const out: string[] = []
  let field = ''
  let inQ = false
  for (let i = 0; i < line.length; i++) {
    const ch = line[i]
    if (inQ) {
      if (ch === '"') {
        if (line[i + 1] === '"') {
          field += '"'
          i++
        } else inQ = false
      } else field += ch
    } else if (ch === '"' && field === '') inQ = true
    else if (ch === ',') {
      out.push(field)
      field = ''
    } else field += ch
  }
  out.push(field)
  return out
}

export class TableParser {
  header: TableHeader | undefined
  /** Lines not read as rows, by reason: codes of model/report.ts DROP_TEXT. */
  readonly skipped: Partial<Record<SkipReason, number>> = {}
  private readonly preamble: string[] = []
  private split: (s: string) => string[] = splitTsv

  constructor(
    readonly file: string,
    private readonly opts: TableOptions = {},
  ) {}

  /** Read data lines under a header another parser read (its delimiter too). */
  adopt(h: TableHeader): void {
    this.header = h
    this.split = h.delimiter === '\t' ? splitTsv : splitCsv
  }

  private count(reason: SkipReason): void {
    this.skipped[reason] = (this.skipped[reason] ?? 0) + 1
  }

  /** Feed one line; returns the row (undefined for header, preamble and blank lines). */
  push(text: string, line: number): TableRow | undefined {
    if (this.header === undefined) {
      const isHeader = this.opts.isHeader ?? ((t: string) => t.trim() !== '' && !t.startsWith('#'))
      if (!isHeader(text)) {
        this.preamble.push(text)
        return undefined
      }
      const delimiter = this.opts.delimiter ?? sniffDelimiter(text)
      this.split = delimiter === '\t' ? splitTsv : splitCsv
      const columns = this.split(text).map((c) => c.trim())
      const seen = new Map<string, number>()
      const duplicates = new Set<string>()
      // Exact repeats are duplicates; names differing only in case (comut's WGD / wgd) are not,
      // though lookups by name are case-insensitive and find the first.
      columns.forEach((c, i) => {
        const k = c
        const prev = seen.get(k)
        if (c !== '' && prev !== undefined && this.opts.allowDuplicateColumns) duplicates.add(k.toLowerCase())
        else if (c !== '' && prev !== undefined) {
          throw new InputError('DUPLICATE_COLUMN', `duplicate column ${quote(c)} (columns ${prev + 1} and ${i + 1})`, {
            file: this.file,
            line,
            column: i + 1,
            suggestion: 'rename or remove one of them',
          })
        }
        if (prev === undefined) seen.set(k, i)
      })
      this.header = { file: this.file, line, delimiter, columns, duplicates, preamble: this.preamble }
      return undefined
    }
    if (text.trim() === '') {
      this.count('blank-line')
      return undefined
    }
    const fields = this.split(text)
    const n = this.header.columns.length
    if (fields.length !== n) {
      if (fields.length < n && this.opts.allowShortRows) {
        while (fields.length < n) fields.push('')
      } else if (this.opts.lenient) {
        this.count('wrong-column-count')
        return undefined
      } else {
        throw new InputError('COLUMN_COUNT', `expected ${n} ${this.header.delimiter === '\t' ? 'tab' : 'comma'}-separated fields as in the header, found ${fields.length}`, {
          file: this.file,
          line,
          column: Math.min(fields.length, n) + 1,
          suggestion: fields.length > n ? 'a value may contain an unquoted delimiter' : 'the row may be truncated',
        })
      }
    }
    return { fields, line }
  }

  /**
   * Hot-path variant of `push` for tab-separated data rows: fields whose `want[i]` is 1 are sliced
   * into `out[i]` (a caller-owned array reused across rows); the others are only counted, so a
   * 19-column MAF row read for 9 columns allocates 9 strings, not 19 plus an array. Quoted lines,
   * CSV, the header and the preamble take the general path. Same errors and skip counts as `push`.
   * Returns true when `out` holds a data row.
   */
  pushInto(text: string, line: number, want: Uint8Array, out: string[]): boolean {
    const h = this.header
    if (h === undefined || h.delimiter !== '\t' || text.includes('"')) {
      const row = this.push(text, line)
      if (row === undefined) return false
      for (let i = 0; i < row.fields.length; i++) out[i] = row.fields[i] as string
      return true
    }
    // Blank (or whitespace-only) lines are skipped as in `push`; the char-code test keeps trim() off normal rows.
    const c0 = text.charCodeAt(0)
    if ((text.length === 0 || c0 <= 32 || text.charCodeAt(text.length - 1) <= 32) && text.trim() === '') {
      this.count('blank-line')
      return false
    }
    const n = h.columns.length
    let start = 0
    let count = 0
    for (;;) {
      const tab = text.indexOf('\t', start)
      const end = tab === -1 ? text.length : tab
      if (count < n && want[count] === 1) out[count] = text.slice(start, end)
      count++
      if (tab === -1) break
      start = tab + 1
    }
    if (count === n) return true
    // Wrong field count (rare): the general path raises the same error or counts the same skip.
    const row = this.push(text, line)
    if (row === undefined) return false
    for (let i = 0; i < n; i++) out[i] = row.fields[i] as string
    return true
  }

  /** Call after the last line: throws if no header was ever seen. */
  finish(): TableHeader {
    if (this.header === undefined) {
      throw new InputError('EMPTY_FILE', `no header line found: the ${this.opts.what ?? 'table'} is empty`, { file: this.file })
    }
    return this.header
  }
}

/**
 * Case-insensitive column lookup; first of several accepted names wins. A column found this way
 * whose name another column repeats in other case (`Hugo_Symbol` and `hugo_symbol`) is an error:
 * which one is meant is not guessed (the first silently won). A column map names one exactly
 * (findNamedColumn).
 */
export function findColumn(header: TableHeader, ...names: string[]): number | undefined {
  return findColumnIn(header.columns, names, header)
}

/**
 * The same over bare column names (surrounding spaces ignored); with `where`, a name repeated in
 * other case is an error located there.
 */
export function findColumnIn(columns: readonly string[], names: readonly string[], where?: { readonly file: string; readonly line?: number | undefined }): number | undefined {
  const lower = columns.map((c) => c.trim().toLowerCase())
  for (const n of names) {
    const i = lower.indexOf(n.toLowerCase())
    if (i === -1) continue
    if (where !== undefined) refuseCaseTwin(columns, lower, i, where)
    return i
  }
  return undefined
}

/** A column the user named (a column map, --sample-column): an exact match wins; else as findColumn. */
export function findNamedColumn(header: TableHeader, name: string): number | undefined {
  const exact = header.columns.indexOf(name.trim())
  return exact !== -1 ? exact : findColumn(header, name)
}

/** Columns i and j name the same thing in different case: an error at the header line. */
export function refuseCaseTwin(columns: readonly string[], lower: readonly string[], i: number, where: { readonly file: string; readonly line?: number | undefined }): void {
  const a = (columns[i] as string).trim()
  const j = lower.findIndex((l, k) => k !== i && l === lower[i] && (columns[k] as string).trim() !== a)
  if (j === -1) return
  const [first, second] = j < i ? [j, i] : [i, j]
  throw new InputError('DUPLICATE_COLUMN', `columns ${quote((columns[first] as string).trim())} (${first + 1}) and ${quote((columns[second] as string).trim())} (${second + 1}) differ only in case: which one is meant is not guessed`, {
    file: where.file,
    line: where.line,
    column: second + 1,
    suggestion: 'rename or remove one of them, or name the one meant exactly (a --columns map, --sample-column, --endpoint)',
  })
}

/** Require named columns; the error names every missing one. */
export function requireColumns(header: TableHeader, names: readonly string[], what: string): number[] {
  const idx: number[] = []
  const missing: string[] = []
  for (const n of names) {
    const i = findColumn(header, n)
    if (i === undefined) missing.push(n)
    else if (header.duplicates.has(n.toLowerCase())) {
      throw new InputError('DUPLICATE_COLUMN', `${what}: required column ${quote(n)} appears more than once`, {
        file: header.file,
        line: header.line,
        column: i + 1,
        suggestion: 'rename or remove the extra copy',
      })
    } else idx.push(i)
  }
  if (missing.length > 0) {
    throw new InputError('MISSING_COLUMN', `${what}: missing required column${missing.length > 1 ? 's' : ''} ${missing.join(', ')}`, {
      file: header.file,
      line: header.line,
      suggestion: `the header has: ${header.columns.slice(0, 30).join(', ')}${header.columns.length > 30 ? ', …' : ''}`,
    })
  }
  return idx
}

export interface ReadTableResult {
  readonly header: TableHeader
  readonly rows: TableRow[]
  readonly skipped: Partial<Record<SkipReason, number>>
}

/** Read a whole (small) table into memory: clinical, copy number, manifests, panels. */
export async function readTable(path: string, opts: TableOptions & LineSourceOptions = {}): Promise<ReadTableResult> {
  const file = opts.displayName ?? (path === '-' ? '<stdin>' : path)
  const p = new TableParser(file, opts)
  const rows: TableRow[] = []
  for await (const b of readLineBatches(path, opts)) {
    for (let i = 0; i < b.lines.length; i++) {
      const r = p.push(b.lines[i] as string, b.firstLine + i)
      if (r) rows.push(r)
    }
  }
  return { header: p.finish(), rows, skipped: p.skipped }
}

/** Same, from an array of lines (tests). */
export function parseTableLines(file: string, lines: readonly string[], opts: TableOptions = {}): ReadTableResult {
  const p = new TableParser(file, opts)
  const rows: TableRow[] = []
  lines.forEach((t, i) => {
    const r = p.push(t, i + 1)
    if (r) rows.push(r)
  })
  return { header: p.finish(), rows, skipped: p.skipped }
}
