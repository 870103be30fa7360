/**
 * Consequence term → MAF Variant_Classification, as ONE table (STYLE habit 6).
 *
 * Five vocabularies meet here:
 * - Sequence Ontology terms written by VEP (CSQ Consequence), SnpEff (ANN Annotation) and Illumina
 *   Isaac/Nirvana (CSQT); bcftools csq's shortened words are translated to SO terms when read
 *   (annotator-terms.ts BCSQ_TERMS);
 * - legacy SnpEff EFF effect names (NON_SYNONYMOUS_CODING, FRAME_SHIFT, …), aliased to SO terms;
 * - ANNOVAR Func / ExonicFunc terms ("nonsynonymous SNV", "stopgain", "UTR5", …);
 * - GATK Funcotator's Variant_Classification words and Oncotator's MAF words
 *   (annotator-terms.ts: each maps to a MAF class, ranked like its closest SO term).
 *
 * Severity (`priority`, 1 = most severe) and the SO → class rules reproduce vcf2maf's
 * GetEffectPriority and GetVariantClassification (mskcc/vcf2maf vcf2maf.pl, read at commit 17feed0),
 * re-implemented from that logic, with its quirks kept on purpose so our MAF matches vcf2maf's:
 * - terms vcf2maf does not list (newer VEP splice terms splice_donor_5th_base_variant,
 *   splice_donor_region_variant, splice_polypyrimidine_tract_variant; coding_transcript_variant;
 *   SnpEff-only terms) get vcf2maf's "unrecognized" priority 20 and fall through its
 *   classification chain to Targeted_Region. They are listed explicitly so that a term nobody
 *   listed is an error, not a silent Targeted_Region.
 * - start_retained_variant has a priority (9) but no class rule in vcf2maf → Targeted_Region.
 * - frameshift_variant on a non-indel (e.g. an MNP) matches no rule → Targeted_Region;
 *   protein_altering_variant is Frame_Shift_* / In_Frame_* by indel length, else Targeted_Region.
 * - "inframe" is |len(ref) − len(alt)| mod 3 = 0, from the (trimmed) allele lengths.
 *
 * ANNOVAR terms follow maftools' annovarToMaf mapping (e.g. "frameshift substitution" →
 * Frame_Shift_Ins, "nonframeshift substitution" → In_Frame_Ins, "startgain"/"unknown" → Unknown);
 * their priority is that of the closest SO term, so "exonic;splicing" picks the worse one.
 *
 * Complexity: the table is built once at import; one Map look-up per term (two for an ANNOVAR
 * term written with '_').
 */
import { InputError, quote, type Location } from '../errors.js'
import type { VariantClass } from './alteration.js'
import { FUNCOTATOR_CLASSES, ONCOTATOR_CLASSES, type ClassRule, type VocabularyRow } from './annotator-terms.js'

export type { ClassRule }

export interface TermInfo {
  readonly priority: number
  readonly rule: ClassRule
  /** Where the term comes from: 'so' (VEP/SnpEff ANN/CSQT, EFF aliases), 'annovar', 'funcotator' or 'oncotator'. */
  readonly vocabulary: 'so' | 'annovar' | 'funcotator' | 'oncotator'
}

/** The lowest priority vcf2maf assigns (unrecognized or empty effect). */
export const LOWEST_PRIORITY = 20

// [term, priority, rule]. Priorities are vcf2maf's; comments only where we deviate or it is subtle.
const SO_TABLE: readonly (readonly [string, number, ClassRule])[] = [
  ['transcript_ablation', 1, 'Splice_Site'],
  ['exon_loss_variant', 1, 'Splice_Site'],
  ['splice_donor_variant', 2, 'Splice_Site'],
  ['splice_acceptor_variant', 2, 'Splice_Site'],
  ['stop_gained', 3, 'Nonsense_Mutation'],
  ['frameshift_variant', 3, 'FRAMESHIFT'],
  ['stop_lost', 3, 'Nonstop_Mutation'],
  ['start_lost', 4, 'Translation_Start_Site'],
  ['initiator_codon_variant', 4, 'Translation_Start_Site'],
  ['disruptive_inframe_insertion', 5, 'INFRAME_INS'],
  ['disruptive_inframe_deletion', 5, 'INFRAME_DEL'],
  ['conservative_inframe_insertion', 5, 'INFRAME_INS'],
  ['conservative_inframe_deletion', 5, 'INFRAME_DEL'],
  ['inframe_insertion', 5, 'INFRAME_INS'],
  ['inframe_deletion', 5, 'INFRAME_DEL'],
  ['protein_altering_variant', 5, 'PROTEIN_ALTERING'],
  // Not written by VEP: bcftools csq's inframe_altering (see annotator-terms.ts). Not in vcf2maf.
  ['inframe_indel', 5, 'INFRAME'],
  ['missense_variant', 6, 'Missense_Mutation'],
  ['conservative_missense_variant', 6, 'Missense_Mutation'],
  ['rare_amino_acid_variant', 6, 'Missense_Mutation'],
  ['transcript_amplification', 7, 'Intron'],
  ['splice_region_variant', 8, 'Splice_Region'],
  ['start_retained_variant', 9, 'Targeted_Region'], // vcf2maf: priority but no class rule
  ['stop_retained_variant', 9, 'Silent'],
  ['synonymous_variant', 9, 'Silent'],
  ['incomplete_terminal_codon_variant', 10, 'Silent'],
  ['coding_sequence_variant', 11, 'Missense_Mutation'],
  ['mature_miRNA_variant', 11, 'RNA'],
  ['exon_variant', 11, 'RNA'],
  ['5_prime_UTR_variant', 12, "5'UTR"],
  ['5_prime_UTR_premature_start_codon_gain_variant', 12, "5'UTR"],
  ['3_prime_UTR_variant', 12, "3'UTR"],
  ['non_coding_exon_variant', 13, 'RNA'],
  ['non_coding_transcript_exon_variant', 13, 'RNA'],
  ['non_coding_transcript_variant', 14, 'RNA'],
  ['nc_transcript_variant', 14, 'RNA'],
  ['intron_variant', 14, 'Intron'],
  ['intragenic_variant', 14, 'Intron'],
  ['INTRAGENIC', 14, 'Intron'],
  ['NMD_transcript_variant', 15, 'Silent'],
  ['upstream_gene_variant', 16, "5'Flank"],
  ['downstream_gene_variant', 16, "3'Flank"],
  ['TFBS_ablation', 17, 'Targeted_Region'],
  ['TFBS_amplification', 17, 'Targeted_Region'],
  ['TF_binding_site_variant', 17, 'IGR'],
  ['regulatory_region_ablation', 17, 'Targeted_Region'],
  ['regulatory_region_amplification', 17, 'Targeted_Region'],
  ['regulatory_region_variant', 17, 'IGR'],
  ['regulatory_region', 17, 'IGR'],
  ['feature_elongation', 18, 'Targeted_Region'],
  ['feature_truncation', 18, 'Targeted_Region'],
  ['intergenic_variant', 19, 'IGR'],
  ['intergenic_region', 19, 'IGR'],
  // Not in vcf2maf's tables: it warns "Unrecognized effect", uses priority 20 → Targeted_Region.
  ['splice_donor_5th_base_variant', LOWEST_PRIORITY, 'Targeted_Region'],
  ['splice_donor_region_variant', LOWEST_PRIORITY, 'Targeted_Region'],
  ['splice_polypyrimidine_tract_variant', LOWEST_PRIORITY, 'Targeted_Region'],
  ['coding_transcript_variant', LOWEST_PRIORITY, 'Targeted_Region'],
  ['sequence_variant', LOWEST_PRIORITY, 'Targeted_Region'],
  // SnpEff ANN terms outside vcf2maf's list (same fall-through).
  ['splice_branch_variant', LOWEST_PRIORITY, 'Targeted_Region'],
  ['5_prime_UTR_truncation', LOWEST_PRIORITY, 'Targeted_Region'],
  ['3_prime_UTR_truncation', LOWEST_PRIORITY, 'Targeted_Region'],
  ['non_canonical_start_codon', LOWEST_PRIORITY, 'Targeted_Region'],
  ['start_retained', LOWEST_PRIORITY, 'Targeted_Region'],
  ['miRNA', LOWEST_PRIORITY, 'Targeted_Region'],
  ['custom', LOWEST_PRIORITY, 'Targeted_Region'],
  ['sequence_feature', LOWEST_PRIORITY, 'Targeted_Region'],
  ['conserved_intron_variant', LOWEST_PRIORITY, 'Targeted_Region'],
  ['conserved_intergenic_variant', LOWEST_PRIORITY, 'Targeted_Region'],
  ['gene_variant', LOWEST_PRIORITY, 'Targeted_Region'],
  ['transcript_variant', LOWEST_PRIORITY, 'Targeted_Region'],
  ['chromosome', LOWEST_PRIORITY, 'Targeted_Region'],
  ['chromosome_number_variation', LOWEST_PRIORITY, 'Targeted_Region'],
  ['chromosomal_deletion', LOWEST_PRIORITY, 'Targeted_Region'],
  ['duplication', LOWEST_PRIORITY, 'Targeted_Region'],
  ['inversion', LOWEST_PRIORITY, 'Targeted_Region'],
  ['translocation', LOWEST_PRIORITY, 'Targeted_Region'],
  ['feature_ablation', LOWEST_PRIORITY, 'Targeted_Region'],
  ['protein_protein_contact', LOWEST_PRIORITY, 'Targeted_Region'],
  ['structural_interaction_variant', LOWEST_PRIORITY, 'Targeted_Region'],
  ['exon_region', LOWEST_PRIORITY, 'Targeted_Region'],
  // Fusions (SnpEff): the structural reader turns these into kind 'fusion' before classification.
  ['gene_fusion', LOWEST_PRIORITY, 'Fusion'],
  ['bidirectional_gene_fusion', LOWEST_PRIORITY, 'Fusion'],
  ['feature_fusion', LOWEST_PRIORITY, 'Fusion'],
]

/**
 * Legacy SnpEff EFF effect names (SnpEff ≤ 4.0 "Effect(...)") → the SO term SnpEff itself maps
 * them to in ANN (SnpEff EffectType.toSequenceOntology).
 */
export const EFF_ALIASES: Readonly<Record<string, string>> = {
  INTERGENIC: 'intergenic_region',
  INTERGENIC_CONSERVED: 'conserved_intergenic_variant',
  UPSTREAM: 'upstream_gene_variant',
  DOWNSTREAM: 'downstream_gene_variant',
  UTR_5_PRIME: '5_prime_UTR_variant',
  UTR_5_DELETED: '5_prime_UTR_truncation',
  START_GAINED: '5_prime_UTR_premature_start_codon_gain_variant',
  UTR_3_PRIME: '3_prime_UTR_variant',
  UTR_3_DELETED: '3_prime_UTR_truncation',
  SPLICE_SITE_ACCEPTOR: 'splice_acceptor_variant',
  SPLICE_SITE_DONOR: 'splice_donor_variant',
  SPLICE_SITE_REGION: 'splice_region_variant',
  SPLICE_SITE_BRANCH: 'splice_branch_variant',
  SPLICE_SITE_BRANCH_U12: 'splice_branch_variant',
  INTRON: 'intron_variant',
  INTRON_CONSERVED: 'conserved_intron_variant',
  // INTRAGENIC is itself in vcf2maf's table (priority 14, Intron).
  EXON: 'exon_variant',
  EXON_DELETED: 'exon_loss_variant',
  NON_SYNONYMOUS_CODING: 'missense_variant',
  SYNONYMOUS_CODING: 'synonymous_variant',
  FRAME_SHIFT: 'frameshift_variant',
  CODON_CHANGE: 'coding_sequence_variant',
  CODON_INSERTION: 'inframe_insertion',
  CODON_CHANGE_PLUS_CODON_INSERTION: 'disruptive_inframe_insertion',
  CODON_DELETION: 'inframe_deletion',
  CODON_CHANGE_PLUS_CODON_DELETION: 'disruptive_inframe_deletion',
  STOP_GAINED: 'stop_gained',
  SYNONYMOUS_STOP: 'stop_retained_variant',
  NON_SYNONYMOUS_STOP: 'stop_lost',
  STOP_LOST: 'stop_lost',
  START_LOST: 'start_lost',
  SYNONYMOUS_START: 'initiator_codon_variant',
  NON_SYNONYMOUS_START: 'initiator_codon_variant',
  RARE_AMINO_ACID: 'rare_amino_acid_variant',
  TRANSCRIPT: 'transcript_variant',
  GENE: 'gene_variant',
  CDS: 'coding_sequence_variant',
  CHROMOSOME: 'chromosome',
  CHROMOSOME_LARGE_DELETION: 'chromosomal_deletion',
  REGULATION: 'regulatory_region_variant',
  MICRO_RNA: 'miRNA',
  CUSTOM: 'custom',
  NEXT_PROT: 'sequence_feature',
  MOTIF: 'TF_binding_site_variant',
  MOTIF_DELETED: 'TFBS_ablation',
  GENE_FUSION: 'gene_fusion',
  GENE_FUSION_REVERESE: 'bidirectional_gene_fusion',
  GENE_FUSION_REVERSE: 'bidirectional_gene_fusion',
  FEATURE_FUSION: 'feature_fusion',
  PROTEIN_PROTEIN_INTERACTION_LOCUS: 'protein_protein_contact',
  PROTEIN_STRUCTURAL_INTERACTION_LOCUS: 'structural_interaction_variant',
}

// ANNOVAR Func.* and ExonicFunc.* terms (maftools annovarToMaf), with the priority of the SO term
// closest in meaning so that "a;b" combinations pick the more severe one.
const ANNOVAR_TABLE: readonly (readonly [string, number, ClassRule])[] = [
  ['frameshift insertion', 3, 'Frame_Shift_Ins'],
  ['frameshift deletion', 3, 'Frame_Shift_Del'],
  ['frameshift block substitution', 3, 'Frame_Shift_Ins'],
  ['frameshift substitution', 3, 'Frame_Shift_Ins'],
  ['stopgain', 3, 'Nonsense_Mutation'],
  ['stoploss', 3, 'Nonstop_Mutation'],
  ['startloss', 4, 'Translation_Start_Site'],
  ['startgain', LOWEST_PRIORITY, 'Unknown'],
  ['nonframeshift insertion', 5, 'In_Frame_Ins'],
  ['nonframeshift deletion', 5, 'In_Frame_Del'],
  ['nonframeshift block substitution', 5, 'In_Frame_Ins'],
  ['nonframeshift substitution', 5, 'In_Frame_Ins'],
  ['nonsynonymous SNV', 6, 'Missense_Mutation'],
  ['synonymous SNV', 9, 'Silent'],
  ['splicing', 2, 'Splice_Site'],
  ['exonic', 11, 'RNA'], // only reached when ExonicFunc is missing ('.'); maftools says RNA
  ['ncRNA_exonic', 13, 'RNA'],
  ['ncRNA_splicing', 13, 'RNA'],
  ['ncRNA_intronic', 14, 'RNA'],
  ['ncRNA_UTR5', 13, 'RNA'],
  ['ncRNA_UTR3', 13, 'RNA'],
  ['ncRNA', 14, 'RNA'],
  ['UTR5', 12, "5'UTR"],
  ['UTR3', 12, "3'UTR"],
  ['intronic', 14, 'Intron'],
  ['upstream', 16, "5'Flank"],
  ['downstream', 16, "3'Flank"],
  ['intergenic', 19, 'IGR'],
  ['unknown', LOWEST_PRIORITY, 'Unknown'],
]

function buildTable(): ReadonlyMap<string, TermInfo> {
  const m = new Map<string, TermInfo>()
  for (const [t, p, r] of SO_TABLE) m.set(t, { priority: p, rule: r, vocabulary: 'so' })
  for (const [t, p, r] of ANNOVAR_TABLE) m.set(t, { priority: p, rule: r, vocabulary: 'annovar' })
  for (const [eff, so] of Object.entries(EFF_ALIASES)) {
    const info = m.get(so)
    if (info === undefined) throw new Error(`EFF alias ${eff} → ${so}: SO term missing from table`)
    m.set(eff, info)
  }
  const add = (rows: readonly VocabularyRow[], vocabulary: 'funcotator' | 'oncotator'): void => {
    for (const [t, p, r] of rows) {
      const old = m.get(t)
      // A word two vocabularies share (Funcotator INTRON = EFF INTRON) must mean the same.
      if (old !== undefined && (old.priority !== p || old.rule !== r)) throw new Error(`${vocabulary} term ${t} conflicts with the table`)
      if (old === undefined) m.set(t, { priority: p, rule: r, vocabulary })
    }
  }
  add(FUNCOTATOR_CLASSES, 'funcotator')
  add(ONCOTATOR_CLASSES, 'oncotator')
  return m
}

/** Every known term (SO, EFF aliases, ANNOVAR, Funcotator, Oncotator) → its priority and class rule. */
export const CONSEQUENCE_TABLE: ReadonlyMap<string, TermInfo> = buildTable()

/**
 * Look a term up. ANNOVAR's VCF output writes spaces as '_' ("nonsynonymous_SNV"): a miss retries
 * with '_' → ' ' (exact match first, so "ncRNA_exonic" stays itself).
 */
export function lookupTerm(term: string): TermInfo | undefined {
  return CONSEQUENCE_TABLE.get(term) ?? (term.includes('_') ? CONSEQUENCE_TABLE.get(term.replaceAll('_', ' ')) : undefined)
}

/** vcf2maf's effect priority; unknown terms get LOWEST_PRIORITY (callers report them separately). */
export function effectPriority(term: string): number {
  return lookupTerm(term)?.priority ?? LOWEST_PRIORITY
}

export type IndelType = 'INS' | 'DEL' | undefined

/** Indel type and frame from allele lengths; accepts MAF ('-') or VCF (anchored) alleles. */
export function indelShape(ref: string, alt: string): { type: IndelType; inframe: boolean } {
  const r = ref === '-' ? 0 : ref.length
  const a = alt === '-' ? 0 : alt.length
  if (r === a) return { type: undefined, inframe: false }
  return { type: r > a ? 'DEL' : 'INS', inframe: Math.abs(r - a) % 3 === 0 }
}

function applyRule(rule: ClassRule, type: IndelType, inframe: boolean): VariantClass {
  switch (rule) {
    case 'FRAMESHIFT':
      return type === 'DEL' ? 'Frame_Shift_Del' : type === 'INS' ? 'Frame_Shift_Ins' : 'Targeted_Region'
    case 'INFRAME_INS':
      return 'In_Frame_Ins'
    case 'INFRAME_DEL':
      return 'In_Frame_Del'
    case 'INFRAME':
      return type === 'DEL' ? 'In_Frame_Del' : type === 'INS' ? 'In_Frame_Ins' : 'Missense_Mutation'
    case 'PROTEIN_ALTERING':
      if (type === undefined) return 'Targeted_Region'
      if (inframe) return type === 'DEL' ? 'In_Frame_Del' : 'In_Frame_Ins'
      return type === 'DEL' ? 'Frame_Shift_Del' : 'Frame_Shift_Ins'
    default:
      return rule
  }
}

function unknownTerm(t: string, where: Location | undefined): InputError {
  return new InputError('UNKNOWN_TERM', `unknown consequence term ${quote(t)}`, {
    ...(where ?? {}),
    suggestion: 'it is not a Sequence Ontology, SnpEff, ANNOVAR, bcftools csq, Funcotator or Oncotator term biomarkit knows; use --lenient to skip such rows',
  })
}

/** Throw UNKNOWN_TERM for the first term the table does not know (every transcript is checked). */
export function checkTerms(terms: readonly string[], where?: Location): void {
  for (const t of terms) if (lookupTerm(t) === undefined) throw unknownTerm(t, where)
}

export interface Classification {
  readonly variantClass: VariantClass
  /** The most severe term, which decided the class ('' when there were no terms). */
  readonly term: string
  readonly priority: number
}

/**
 * Split a joined consequence string: VEP/SnpEff ANN use '&', old SnpEff '+', ANNOVAR ';',
 * vcf2maf's MAF Consequence column ','.
 */
export function splitTerms(s: string): string[] {
  // Most entries hold one term: skip the regex split then (it runs once per transcript entry).
  if (s.indexOf('&') === -1 && s.indexOf('+') === -1 && s.indexOf(';') === -1 && s.indexOf(',') === -1) return s === '' ? [] : [s]
  return s.split(/[&+;,]/).filter((t) => t !== '')
}

/**
 * Classify one annotation's consequence terms. The most severe term (vcf2maf priority; ties keep
 * the first listed, as Perl's stable sort does) decides; no term at all → Targeted_Region, as
 * vcf2maf does when VEP was skipped. An unknown term is an UNKNOWN_TERM error at `where`.
 * `ref`/`alt` may be in MAF form ('-') or VCF form: only their length difference matters.
 */
export function classifyConsequence(terms: readonly string[], ref: string, alt: string, where?: Location): Classification {
  let best: TermInfo | undefined
  let bestTerm = ''
  for (const t of terms) {
    const info = lookupTerm(t)
    if (info === undefined) throw unknownTerm(t, where)
    if (best === undefined || info.priority < best.priority) {
      best = info
      bestTerm = t
    }
  }
  if (best === undefined) return { variantClass: 'Targeted_Region', term: '', priority: LOWEST_PRIORITY }
  const { type, inframe } = indelShape(ref, alt)
  return { variantClass: applyRule(best.rule, type, inframe), term: bestTerm, priority: best.priority }
}
