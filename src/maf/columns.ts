/**
 * MAF column names (GDC MAF 2.4, cBioPortal data_mutations*, vcf2maf, maftools examples), as a
 * table: one canonical field → the header names accepted for it, first match wins, matched
 * case-insensitively (maftools' own tcga_laml.maf writes `End_position`).
 */
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
