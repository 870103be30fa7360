/**
 * Which copy-number layout a header describes, from column names only (STYLE habit 7).
 *
 * - long: one row per (sample, gene) call, with a sample column, a gene column and one value
 *   column. Value columns, first match wins (an explicit call beats a raw number):
 *     calls:  value (cBioPortal DISCRETE_LONG), variant_classification, call, cn_call, cna_call, cna,
 *             cnv, gistic, discrete, and `cn` when any of its cells is a word (maftools cnTable);
 *     copies: copy_number, copynumber, total_cn, total_copy_number, tcn, and `cn` when all numeric;
 *     log2:   log2, log2_ratio, log2ratio, segment_mean, seg.mean.
 *   maftools cnTable (Gene, Sample_name, CN), comut (sample, category, value) and cBioPortal
 *   DISCRETE_LONG (Hugo_Symbol, Entrez_Gene_Id, Sample_Id, Value, cbp_driver…) are all this layout.
 * - matrix: a gene column and no sample column: cBioPortal discrete (Hugo_Symbol, optional
 *   Entrez_Gene_Id / Cytoband, then one column per sample) and GISTIC all_thresholded.by_genes
 *   (Gene Symbol, Locus ID, Cytoband, samples…). Values are calls by default; continuous matrices
 *   (data_cna_log2.txt) need `scale: 'log2'` or `scale: 'copies'`.
 * - Segment files (chromosome/start/end without a gene column: SEG, CNVkit .cns, PCGR .cna.tsv) are
 *   rejected with a FORMAT error: they need gene annotation before they are gene-level calls.
 */
import { InputError, quote } from '../errors.js'
import type { TableHeader } from '../io/table.js'
import { findColumn, findNamedColumn } from '../io/table.js'

export const GENE_COLUMNS: readonly string[] = ['hugo_symbol', 'gene', 'gene_symbol', 'gene symbol', 'symbol', 'hugo', 'gene_name', 'category']
export const SAMPLE_COLUMNS: readonly string[] = ['sample_id', 'tumor_sample_barcode', 'sample_name', 'sample', 'sampleid', 'sample_barcode', 'aliquot_id', 'patient_id', 'patient', 'case_id']
export const MATRIX_ANNOTATION_COLUMNS: readonly string[] = ['entrez_gene_id', 'locus id', 'locus_id', 'cytoband', 'gene_id', 'entrez_id']
const CALL_COLUMNS = ['value', 'variant_classification', 'call', 'cn_call', 'cna_call', 'cna', 'cnv', 'gistic', 'discrete']
const COPIES_COLUMNS = ['copy_number', 'copynumber', 'total_cn', 'total_copy_number', 'tcn']
const LOG2_COLUMNS = ['log2', 'log2_ratio', 'log2ratio', 'segment_mean', 'seg.mean']
const SEGMENT_HINTS = ['chromosome', 'chrom', 'chr']

export type Scale = 'call' | 'copies' | 'log2'

export type Layout =
  | { readonly form: 'long'; readonly sample: number; readonly gene: number; readonly value: number; readonly scale: Scale | 'cn?' }
  | { readonly form: 'matrix'; readonly gene: number; readonly samples: readonly number[] }

/**
 * Case-insensitive lookup, first accepted name wins; a found column that another repeats in other
 * case (`Hugo_Symbol` + `hugo_symbol`) is an error at the header, as in every other reader.
 */
const finder = (h: TableHeader) => (names: readonly string[]): number | undefined => findColumn(h, ...names)

export interface LayoutOptions {
  readonly sampleColumn?: string | undefined
  readonly geneColumn?: string | undefined
  readonly valueColumn?: string | undefined
  readonly scale?: Scale | undefined
}

/** A column the user named: the exact spelling wins over a case twin. */
function named(h: TableHeader, name: string, what: string): number {
  const i = findNamedColumn(h, name)
  if (i === undefined) {
    throw new InputError('MISSING_COLUMN', `${what} column ${quote(name)} not found`, {
      file: h.file,
      line: h.line,
      suggestion: `the header has: ${h.columns.slice(0, 30).join(', ')}`,
    })
  }
  return i
}

export function detectLayout(h: TableHeader, o: LayoutOptions): Layout {
  const cols = h.columns
  const find = finder(h)
  const gene = o.geneColumn !== undefined ? named(h, o.geneColumn, 'gene') : find(GENE_COLUMNS)
  if (gene === undefined) {
    const segment = find(SEGMENT_HINTS) !== undefined && find(['start', 'loc.start', 'start.bp']) !== undefined
    throw new InputError(segment ? 'FORMAT' : 'MISSING_COLUMN', segment
      ? 'copy-number segments (chromosome/start/end) are not gene-level calls'
      : `copy-number table: no gene column (looked for ${GENE_COLUMNS.join(', ')})`, {
      file: h.file,
      line: h.line,
      suggestion: segment
        ? 'give gene-level calls: a cBioPortal discrete matrix, or a (sample, gene, call / copy_number / log2) table'
        : `an Entrez-ID-only table cannot be read (no symbols); the header has: ${cols.slice(0, 30).join(', ')}`,
    })
  }
  const sample = o.sampleColumn !== undefined ? named(h, o.sampleColumn, 'sample') : find(SAMPLE_COLUMNS)
  if (sample === undefined) {
    if (find(SEGMENT_HINTS) !== undefined && find(['start', 'loc.start', 'start.bp']) !== undefined) {
      throw new InputError('FORMAT', 'copy-number segments (chromosome/start/end) are not gene-level calls', {
        file: h.file,
        line: h.line,
        suggestion: 'give gene-level calls: a cBioPortal discrete matrix, or a (sample, gene, call / copy_number / log2) table',
      })
    }
    const annotation = new Set(MATRIX_ANNOTATION_COLUMNS)
    const samples: number[] = []
    cols.forEach((c, i) => {
      if (i === gene || annotation.has(c.trim().toLowerCase())) return
      if (c.trim() === '') {
        throw new InputError('FORMAT', `copy-number matrix: column ${i + 1} has an empty sample name`, { file: h.file, line: h.line, column: i + 1 })
      }
      samples.push(i)
    })
    return { form: 'matrix', gene, samples }
  }
  if (o.valueColumn !== undefined) {
    return { form: 'long', sample, gene, value: named(h, o.valueColumn, 'copy-number value'), scale: o.scale ?? 'cn?' }
  }
  const probes: ReadonlyArray<readonly [readonly string[], Scale | 'cn?']> = [
    [CALL_COLUMNS, 'call'],
    [['cn'], 'cn?'],
    [COPIES_COLUMNS, 'copies'],
    [LOG2_COLUMNS, 'log2'],
  ]
  for (const [names, scale] of probes) {
    const value = find(names)
    if (value !== undefined) return { form: 'long', sample, gene, value, scale: o.scale ?? scale }
  }
  throw new InputError('MISSING_COLUMN', 'copy-number table: no value column', {
    file: h.file,
    line: h.line,
    suggestion: `looked for ${[...CALL_COLUMNS, 'cn', ...COPIES_COLUMNS, ...LOG2_COLUMNS].join(', ')}; the header has: ${cols.slice(0, 30).join(', ')}`,
  })
}
