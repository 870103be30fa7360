/**
 * Transcript biotype priority (1 = most relevant to disease), as vcf2maf's GetBiotypePriority
 * (mskcc/vcf2maf vcf2maf.pl, commit 17feed0), re-implemented as a table. Unknown biotypes get the
 * lowest priority (10), as vcf2maf does after its warning; '' (no biotype) is 10 as well.
 *
 * SnpEff's Transcript_BioType uses the same Ensembl/GENCODE names, or "Coding"/"Noncoding" for
 * RefSeq databases; those two are mapped to protein_coding / non_coding (our addition: vcf2maf would
 * rank "Coding" lowest, which only matters when transcripts of one variant mix biotypes). bcftools
 * csq writes nonsense_mediated_decay as "NMD"; it ranks with it (also our addition).
 */
const GROUPS: readonly (readonly [number, readonly string[]])[] = [
  [1, ['protein_coding', 'Coding']],
  [2, ['LRG_gene', 'IG_C_gene', 'IG_D_gene', 'IG_J_gene', 'IG_LV_gene', 'IG_V_gene', 'TR_C_gene', 'TR_D_gene', 'TR_J_gene', 'TR_V_gene']],
  [
    3,
    ['miRNA', 'snRNA', 'snoRNA', 'ribozyme', 'tRNA', 'sRNA', 'scaRNA', 'rRNA', 'scRNA', 'lincRNA', 'lncRNA', 'bidirectional_promoter_lncrna', 'bidirectional_promoter_lncRNA'],
  ],
  [4, ['known_ncrna', 'vaultRNA', 'macro_lncRNA', 'Mt_tRNA', 'Mt_rRNA']],
  [5, ['antisense', 'antisense_RNA', 'sense_intronic', 'sense_overlapping', '3prime_overlapping_ncrna', '3prime_overlapping_ncRNA', 'misc_RNA', 'non_coding', 'Noncoding']],
  [6, ['regulatory_region', 'disrupted_domain', 'processed_transcript', 'TEC']],
  [
    7,
    ['TF_binding_site', 'CTCF_binding_site', 'promoter_flanking_region', 'enhancer', 'promoter', 'open_chromatin_region', 'retained_intron', 'nonsense_mediated_decay', 'NMD', 'non_stop_decay', 'ambiguous_orf'],
  ],
  [
    8,
    [
      'pseudogene', 'processed_pseudogene', 'polymorphic_pseudogene', 'retrotransposed', 'translated_processed_pseudogene',
      'translated_unprocessed_pseudogene', 'transcribed_processed_pseudogene', 'transcribed_unprocessed_pseudogene',
      'transcribed_unitary_pseudogene', 'unitary_pseudogene', 'unprocessed_pseudogene', 'Mt_tRNA_pseudogene', 'tRNA_pseudogene',
      'snoRNA_pseudogene', 'snRNA_pseudogene', 'scRNA_pseudogene', 'rRNA_pseudogene', 'misc_RNA_pseudogene', 'miRNA_pseudogene',
      'IG_C_pseudogene', 'IG_D_pseudogene', 'IG_J_pseudogene', 'IG_V_pseudogene', 'IG_pseudogene', 'TR_J_pseudogene', 'TR_V_pseudogene',
    ],
  ],
  [9, ['artifact']],
]

export const BIOTYPE_PRIORITY: ReadonlyMap<string, number> = new Map(GROUPS.flatMap(([p, names]) => names.map((n) => [n, p] as const)))

export const LOWEST_BIOTYPE_PRIORITY = 10

export function biotypePriority(biotype: string | undefined): number {
  return biotype === undefined ? LOWEST_BIOTYPE_PRIORITY : (BIOTYPE_PRIORITY.get(biotype) ?? LOWEST_BIOTYPE_PRIORITY)
}
