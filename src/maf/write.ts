/**
 * Alterations → GDC-style MAF text (the 34 standard MAF columns, then t_depth / t_ref_count /
 * t_alt_count, HGVSp_Short, FILTER, then any carried-through columns), so our output can be handed to
 * maftools or cBioPortal. Copy-number and fusion records are not mutations: the caller reports them.
 */
import type { Alteration } from '../model/alteration.js'

export const MAF_OUTPUT_COLUMNS = [
  'Hugo_Symbol', 'Entrez_Gene_Id', 'Center', 'NCBI_Build', 'Chromosome', 'Start_Position', 'End_Position', 'Strand',
  'Variant_Classification', 'Variant_Type', 'Reference_Allele', 'Tumor_Seq_Allele1', 'Tumor_Seq_Allele2', 'dbSNP_RS',
  'dbSNP_Val_Status', 'Tumor_Sample_Barcode', 'Matched_Norm_Sample_Barcode', 'Match_Norm_Seq_Allele1',
  'Match_Norm_Seq_Allele2', 'Tumor_Validation_Allele1', 'Tumor_Validation_Allele2', 'Match_Norm_Validation_Allele1',
  'Match_Norm_Validation_Allele2', 'Verification_Status', 'Validation_Status', 'Mutation_Status', 'Sequencing_Phase',
  'Sequence_Source', 'Validation_Method', 'Score', 'BAM_File', 'Sequencer', 'Tumor_Sample_UUID',
  'Matched_Norm_Sample_UUID', 'HGVSp_Short', 't_depth', 't_ref_count', 't_alt_count', 'FILTER',
] as const

const ORIGIN_STATUS = { somatic: 'Somatic', germline: 'Germline', unknown: 'Unknown' } as const

/** Tabs and line breaks inside a value would shift columns: cell() replaces them with spaces. */

export function isMafWritable(a: Alteration): boolean {
  return a.kind === 'snv' || a.kind === 'indel'
}

/** The carried-through columns, first-seen order, standard names (any case) left out. */
export function mafExtraColumns(extras: Iterable<Readonly<Record<string, string>> | undefined>): string[] {
  const extra: string[] = []
  const known = new Set<string>(MAF_OUTPUT_COLUMNS.map((c) => c.toLowerCase()))
  for (const x of extras) {
    if (x === undefined) continue
    for (const k of Object.keys(x)) {
      if (!known.has(k.toLowerCase())) {
        known.add(k.toLowerCase())
        extra.push(k)
      }
    }
  }
  return extra
}

/** The two header lines. */
export function mafHeader(extra: readonly string[]): string[] {
  return ['#version 2.4', [...MAF_OUTPUT_COLUMNS, ...extra].join('\t')]
}

/** Header + rows (whole, for small inputs; `convert` streams with mafHeader and mafRow). */
export function mafLines(alterations: readonly Alteration[], build = ''): string[] {
  const extra = mafExtraColumns(alterations.map((a) => a.extra))
  const out = mafHeader(extra)
  for (const a of alterations) {
    if (isMafWritable(a)) out.push(mafRow(a, extra, build))
  }
  return out
}

const TAB_OR_BREAK = /[\t\r\n]/

/** One cell: tabs and line breaks replaced by a space (the regex replace only when one is there). */
function cell(v: string | number | undefined): string {
  if (v === undefined) return ''
  if (typeof v === 'number') return String(v)
  return TAB_OR_BREAK.test(v) ? v.replace(/[\t\r\n]+/g, ' ') : v
}

/**
 * One MAF row of a mutation (isMafWritable), the cells in MAF_OUTPUT_COLUMNS order. An array in
 * column order, not a record by column name mapped and cleaned field by field: convert formats a
 * million rows, and the record was most of its time.
 */
export function mafRow(a: Alteration, extra: readonly string[], build = ''): string {
  const x = a.extra ?? {}
  const fields: string[] = [
    cell(a.gene),
    cell(x.Entrez_Gene_Id ?? '0'),
    cell(x.Center ?? '.'),
    cell(x.NCBI_Build ?? (build || '.')),
    cell(a.chrom),
    cell(a.start),
    cell(a.end),
    '+',
    cell(a.rawClass ?? a.variantClass),
    cell(a.variantType),
    cell(a.ref),
    cell(x.Tumor_Seq_Allele1 ?? a.ref),
    cell(a.alt),
    cell(x.dbSNP_RS ?? ''),
    cell(x.dbSNP_Val_Status ?? ''),
    cell(a.sample),
    cell(x.Matched_Norm_Sample_Barcode ?? ''),
    cell(x.Match_Norm_Seq_Allele1 ?? ''),
    cell(x.Match_Norm_Seq_Allele2 ?? ''),
    '', // Tumor_Validation_Allele1
    '', // Tumor_Validation_Allele2
    '', // Match_Norm_Validation_Allele1
    '', // Match_Norm_Validation_Allele2
    '', // Verification_Status
    '', // Validation_Status
    ORIGIN_STATUS[a.origin],
    '', // Sequencing_Phase
    '', // Sequence_Source
    '', // Validation_Method
    '', // Score
    '', // BAM_File
    '', // Sequencer
    '', // Tumor_Sample_UUID
    '', // Matched_Norm_Sample_UUID
    cell(a.protein),
    cell(a.depth),
    cell(a.refCount),
    cell(a.altCount),
    cell(a.filter),
  ]
  for (const k of extra) fields.push(cell(x[k]))
  return fields.join('\t')
}
