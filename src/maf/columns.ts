/**
 * MAF column names (GDC MAF 2.4, cBioPortal data_mutations*, vcf2maf, maftools examples), as a
 * table: one canonical field → the header names accepted for it, first match wins, matched
 * case-insensitively (maftools' own tcga_laml.maf writes `End_position`); and a header resolved
 * to column indices once per file (`resolveColumns`), which both row readers use.
 */
import { findColumn, requireColumns, type TableHeader } from '../io/table.js'

export const REQUIRED_MAF_COLUMNS = [
  'Hugo_Symbol',
  'Chromosome',
  'Start_Position',
  'End_Position',
  'Reference_Allele',
  'Tumor_Seq_Allele2',
  'Variant_Classification',
  'Variant_Type',
  'Tumor_Sample_Barcode',
] as const

/** Optional fields and the names they go by. */
export const OPTIONAL_MAF_COLUMNS = {
  allele1: ['Tumor_Seq_Allele1'],
  protein: ['HGVSp_Short', 'Protein_Change', 'amino_acid_change', 'AAChange', 'HGVSp'],
  mutationStatus: ['Mutation_Status'],
  altCount: ['t_alt_count'],
  refCount: ['t_ref_count'],
  depth: ['t_depth'],
  filter: ['FILTER'],
  build: ['NCBI_Build'],
  normalSample: ['Matched_Norm_Sample_Barcode'],
} as const

export type OptionalMafField = keyof typeof OPTIONAL_MAF_COLUMNS

/** Mutation_Status → origin. Anything else (None, Unknown, LOH, Post-transcriptional…) is 'unknown'. */
export const MUTATION_STATUS_ORIGIN: Readonly<Record<string, 'somatic' | 'germline'>> = {
  somatic: 'somatic',
  germline: 'germline',
}

/** A MAF header's column indices, resolved once per file. */
export interface MafColumns {
  gene: number
  chrom: number
  start: number
  end: number
  ref: number
  alt2: number
  cls: number
  type: number
  sample: number
  opt: Partial<Record<OptionalMafField, number>>
  extra: number[]
  /** want[i] = 1 when column i is read (TableParser.pushInto slices only those). */
  want: Uint8Array
}

/** Resolve a header (every missing required column named at once); `keepExtra` keeps every other column too. */
export function resolveColumns(h: TableHeader, keepExtra: boolean | undefined): MafColumns {
  const [gene, chrom, start, end, ref, alt2, cls, type, sample] = requireColumns(h, REQUIRED_MAF_COLUMNS, 'not a MAF') as [
    number, number, number, number, number, number, number, number, number,
  ]
  const opt: Partial<Record<OptionalMafField, number>> = {}
  for (const [k, names] of Object.entries(OPTIONAL_MAF_COLUMNS) as [OptionalMafField, readonly string[]][]) {
    const i = findColumn(h, ...names)
    if (i !== undefined) opt[k] = i
  }
  const used = new Set<number>([gene, chrom, start, end, ref, alt2, cls, type, sample])
  const extra = keepExtra ? h.columns.map((_, i) => i).filter((i) => !used.has(i)) : []
  const want = new Uint8Array(h.columns.length)
  for (const i of [...used, ...Object.values(opt), ...extra]) want[i] = 1
  return { gene, chrom, start, end, ref, alt2, cls, type, sample, opt, extra, want }
}
