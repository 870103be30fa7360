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

/** Tabs and line breaks inside a value would shift columns: replace them with spaces. */
function clean(v: string | number | undefined): string {
  if (v === undefined) return ''
  const s = String(v)
  return /[\t\r\n]/.test(s) ? s.replace(/[\t\r\n]+/g, ' ') : s
}

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

/** One MAF row of a mutation (isMafWritable). */
export function mafRow(a: Alteration, extra: readonly string[], build = ''): string {
  const x = a.extra ?? {}
  const std: Record<(typeof MAF_OUTPUT_COLUMNS)[number], string | number | undefined> = {
    Hugo_Symbol: a.gene,
    Entrez_Gene_Id: x.Entrez_Gene_Id ?? '0',
    Center: x.Center ?? '.',
    NCBI_Build: x.NCBI_Build ?? (build || '.'),
    Chromosome: a.chrom,
    Start_Position: a.start,
    End_Position: a.end,
    Strand: '+',
    Variant_Classification: a.rawClass ?? a.variantClass,
    Variant_Type: a.variantType,
    Reference_Allele: a.ref,
    Tumor_Seq_Allele1: x.Tumor_Seq_Allele1 ?? a.ref,
    Tumor_Seq_Allele2: a.alt,
    dbSNP_RS: x.dbSNP_RS ?? '',
    dbSNP_Val_Status: x.dbSNP_Val_Status ?? '',
    Tumor_Sample_Barcode: a.sample,
    Matched_Norm_Sample_Barcode: x.Matched_Norm_Sample_Barcode ?? '',
    Match_Norm_Seq_Allele1: x.Match_Norm_Seq_Allele1 ?? '',
    Match_Norm_Seq_Allele2: x.Match_Norm_Seq_Allele2 ?? '',
    Tumor_Validation_Allele1: '',
    Tumor_Validation_Allele2: '',
    Match_Norm_Validation_Allele1: '',
    Match_Norm_Validation_Allele2: '',
    Verification_Status: '',
    Validation_Status: '',
    Mutation_Status: ORIGIN_STATUS[a.origin],
    Sequencing_Phase: '',
    Sequence_Source: '',
    Validation_Method: '',
    Score: '',
    BAM_File: '',
    Sequencer: '',
    Tumor_Sample_UUID: '',
    Matched_Norm_Sample_UUID: '',
    HGVSp_Short: a.protein,
    t_depth: a.depth,
    t_ref_count: a.refCount,
    t_alt_count: a.altCount,
    FILTER: a.filter,
  }
  const fields = MAF_OUTPUT_COLUMNS.map((c) => clean(std[c]))
  for (const k of extra) fields.push(clean(x[k]))
  return fields.join('\t')
}
