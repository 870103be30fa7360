/**
 * cBioPortal gene panels (https://docs.cbioportal.org/file-formats/#gene-panel-data):
 *
 * - a panel definition `data_gene_panel_<x>.txt`: `stable_id: X`, `description: …`,
 *   `gene_list: A<TAB>B<TAB>…` (one key per line);
 * - the sample → panel matrix `data_gene_panel_matrix.txt`: `SAMPLE_ID` then one column per
 *   molecular profile (`mutations`, `cna`, `gistic`, `structural_variants`, …); a value is a
 *   panel stable id, or `NA` = this sample was not profiled for that profile.
 *
 * Readers take numbered lines (tests feed arrays); `read*` wrap them around a path.
 */
import { InputError, quote } from '../errors.js'
import { readLineBatches } from '../io/lines.js'
import { readSideLines, sideCap } from '../io/side-file.js'
import { isMissing } from '../io/fields.js'
import { readLimits, type ReadLimits } from '../io/read-limits.js'

export interface NumberedLine {
  readonly text: string
  readonly line: number
}

export interface CbioGenePanel {
  readonly stableId: string
  readonly description: string
  readonly genes: readonly string[]
}

const PANEL_KEYS = new Set(['stable_id', 'description', 'gene_list'])

export function parseGenePanelFile(lines: Iterable<NumberedLine>, file: string): CbioGenePanel {
  const seen = new Map<string, { value: string; line: number }>()
  for (const { text, line } of lines) {
    if (text.trim() === '') continue
    const colon = text.indexOf(':')
    const key = colon === -1 ? '' : text.slice(0, colon).trim()
    if (!PANEL_KEYS.has(key)) {
      throw new InputError('FORMAT', `expected "stable_id:", "description:" or "gene_list:", got ${quote(text)}`, { file, line, column: 1 })
    }
    if (seen.has(key)) throw new InputError('FORMAT', `${key} given twice`, { file, line, column: 1 })
    seen.set(key, { value: text.slice(colon + 1), line })
  }
  const id = seen.get('stable_id')
  const list = seen.get('gene_list')
  if (id === undefined || id.value.trim() === '') throw new InputError('FORMAT', 'missing "stable_id:" line', { file })
  if (list === undefined) throw new InputError('FORMAT', 'missing "gene_list:" line', { file })
  const genes: string[] = []
  const dup = new Set<string>()
  // The list is tab-separated; tolerate stray spaces around symbols but not empty fields between tabs.
  for (const raw of list.value.split('\t')) {
    const g = raw.trim()
    if (g === '') continue
    if (/^\d+$/.test(g)) {
      throw new InputError('FORMAT', `gene_list: ${quote(g)} is an Entrez id; biomarkit needs HUGO symbols`, {
        file,
        line: list.line,
        suggestion: 'replace Entrez ids with HUGO symbols',
      })
    }
    if (dup.has(g)) throw new InputError('FORMAT', `gene_list: ${g} is listed twice`, { file, line: list.line })
    dup.add(g)
    genes.push(g)
  }
  if (genes.length === 0) throw new InputError('FORMAT', 'gene_list: no genes', { file, line: list.line })
  return { stableId: id.value.trim(), description: seen.get('description')?.value.trim() ?? '', genes }
}

export interface PanelMatrix {
  readonly file: string
  /** Profile columns in file order. */
  readonly profiles: readonly string[]
  /** Sample → profile → panel id (undefined = not profiled). File order. */
  readonly rows: ReadonlyMap<string, Readonly<Record<string, string | undefined>>>
}

/** Tuples matched in place before the map is asked (MatrixParser.known). */
const FEW = 8

export function parsePanelMatrix(lines: Iterable<NumberedLine>, file: string): PanelMatrix {
  const p = new MatrixParser(file)
  for (const { text, line } of lines) p.line(text, line)
  return p.done()
}

/**
 * The matrix a line at a time, so the reader can feed it the line source's batches (no record per
 * line). Rows are a handful of distinct panel tuples (the text after SAMPLE_ID): each is split,
 * checked and made into one frozen record once, shared by its samples (a 200,000-sample matrix
 * otherwise makes 200,000 arrays and objects).
 */
class MatrixParser {
  private header: string[] | undefined
  private readonly rows = new Map<string, Readonly<Record<string, string | undefined>>>()
  private readonly tuples = new Map<string, Readonly<Record<string, string | undefined>>>()
  private readonly few: { key: string; r: Readonly<Record<string, string | undefined>> }[] = []

  constructor(private readonly file: string) {}

  line(text: string, line: number): void {
    const file = this.file
    // A line starting with a visible ASCII character is not blank (no trim needed to know).
    const c0 = text.charCodeAt(0)
    if (c0 === 35 || !(c0 > 32 && c0 < 127) && text.trim() === '') return
    const header = this.header
    if (header === undefined) {
      const f = text.split('\t')
      if (f[0]?.trim() !== 'SAMPLE_ID') {
        throw new InputError('MISSING_COLUMN', `first column must be SAMPLE_ID, got ${quote(f[0] ?? '')}`, { file, line, column: 1 })
      }
      const h = f.map((x) => x.trim())
      this.header = h
      const dup = h.find((x, i) => h.indexOf(x) !== i)
      if (dup !== undefined) throw new InputError('DUPLICATE_COLUMN', `column ${quote(dup)} appears twice`, { file, line })
      if (h.length < 2) throw new InputError('MISSING_COLUMN', 'no profile columns after SAMPLE_ID', { file, line })
      return
    }
    const tab = text.indexOf('\t')
    let r = tab === -1 ? undefined : this.known(text, tab)
    const key = r !== undefined || tab === -1 ? undefined : text.slice(tab + 1)
    if (r === undefined && key !== undefined) r = this.tuples.get(key)
    if (r === undefined) {
      const fields = key === undefined ? [] : key.split('\t')
      if (fields.length + 1 !== header.length) {
        throw new InputError('COLUMN_COUNT', `expected ${header.length} tab-separated fields, got ${fields.length + 1}`, { file, line })
      }
      const rec: Record<string, string | undefined> = {}
      for (let c = 1; c < header.length; c++) {
        const v = (fields[c - 1] as string).trim()
        rec[header[c] as string] = isMissing(v) ? undefined : v
      }
      r = Object.freeze(rec)
      this.tuples.set(key as string, r)
      if (this.few.length < FEW) this.few.push({ key: key as string, r })
    }
    const sample = text.slice(0, tab).trim()
    if (sample === '') throw new InputError('BAD_VALUE', 'empty SAMPLE_ID', { file, line, column: 1 })
    // One hash probe per row: set, then see whether the map grew.
    const before = this.rows.size
    this.rows.set(sample, r)
    if (this.rows.size === before) throw new InputError('DUPLICATE_SAMPLE', `sample ${quote(sample)} appears twice`, { file, line, column: 1 })
  }

  /**
   * The record of the first few tuples, matched in place against the line's tail (no string cut
   * out and hashed per row; a matrix has a handful of tuples). Others go through the map.
   */
  private known(text: string, tab: number): Readonly<Record<string, string | undefined>> | undefined {
    const n = text.length - tab - 1
    for (const t of this.few) if (t.key.length === n && text.startsWith(t.key, tab + 1)) return t.r
    return undefined
  }

  done(): PanelMatrix {
    if (this.header === undefined) throw new InputError('EMPTY_FILE', 'no header line', { file: this.file })
    return { file: this.file, profiles: this.header.slice(1), rows: this.rows }
  }
}

/** The side-file reader (capped; blank lines, which no format here gives a meaning, not kept). */
function collect(path: string, what = 'gene panel file', limits?: ReadLimits): Promise<NumberedLine[]> {
  return readSideLines(path, what, limits)
}

export async function readGenePanelFile(path: string, limits?: ReadLimits): Promise<CbioGenePanel> {
  return parseGenePanelFile(await collect(path, undefined, limits), path)
}

/**
 * parsePanelMatrix over readSideLines (same cap), fed straight from the line batches. A format
 * error is held until the whole file is read, so a read error further on (the cap, invalid UTF-8)
 * still wins, as when every line was read first.
 */
export async function readPanelMatrix(path: string, limits: ReadLimits = readLimits()): Promise<PanelMatrix> {
  const p = new MatrixParser(path)
  let failed: { error: unknown } | undefined
  for await (const b of readLineBatches(path, { limits, cap: sideCap('sample-panel matrix', limits) })) {
    if (failed !== undefined) continue
    try {
      for (let i = 0; i < b.lines.length; i++) p.line(b.lines[i] as string, b.firstLine + i)
    } catch (error) {
      failed = { error }
    }
  }
  if (failed !== undefined) throw failed.error
  return p.done()
}

/** Plain gene list, one symbol per line (e.g. vendor lists); blank lines and `#` comments skipped, spaces trimmed. */
export function parseGeneList(lines: Iterable<NumberedLine>, file: string): string[] {
  const out: string[] = []
  const seen = new Set<string>()
  for (const { text, line } of lines) {
    const g = text.trim()
    if (g === '' || g.startsWith('#')) continue
    if (/\s/.test(g)) throw new InputError('FORMAT', `expected one gene symbol per line, got ${quote(g)}`, { file, line })
    if (seen.has(g)) continue // vendor lists repeat genes; a set is what is meant
    seen.add(g)
    out.push(g)
  }
  if (out.length === 0) throw new InputError('EMPTY_FILE', 'no gene symbols', { file })
  return out
}

export async function readGeneList(path: string, limits?: ReadLimits): Promise<string[]> {
  return parseGeneList(await collect(path, undefined, limits), path)
}
