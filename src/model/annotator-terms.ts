/**
 * The words of annotators that do not write Sequence Ontology terms, as tables (STYLE habit 6).
 * consequence.ts stays the ONE place that turns a term into a MAF class and a severity:
 *
 * - bcftools csq (BCSQ) writes shortened SO names ("missense", "5_prime_utr") → BCSQ_TERMS gives
 *   the SO term each abbreviates (bcftools csq.c csq_strings[] and its "supported consequence
 *   types" comment, samtools/bcftools at 06f34eb); the decoder translates when it reads an entry,
 *   so the words never enter the shared table. "inframe_altering" (indels whose combined length
 *   keeps the frame) has no VEP term: it becomes SO inframe_indel (SO:0001820), whose rule in
 *   consequence.ts is In_Frame_Del/In_Frame_Ins by this record's indel direction (Missense for a
 *   substitution), not vcf2maf's frame-by-own-length rule, because bcftools has already said the
 *   frame is kept.
 * - GATK Funcotator's Variant_Classification enum (GencodeFuncotation.VariantClassification,
 *   broadinstitute/gatk) → the MAF class GATK's own MAF writer gives it (MafOutputRendererConstants
 *   .VariantClassificationMap); words that map leaves as they are become the MAF class of the same
 *   name, so a Funcotator VCF reads like the MAF Funcotator writes for it (START_CODON_SNP stays
 *   Start_Codon_SNP, which maftools does not count; START_CODON_DEL is Translation_Start_Site).
 *   Older enum values (THREE_PRIME_FLANK, FRAME_SHIFT_SUB, STOP_CODON_*) are listed too.
 *   COULD_NOT_DETERMINE serialises as an empty field; the decoder writes the name.
 * - Oncotator's VCF writes MAF class names ("Missense_Mutation") and "lincRNA" → RNA.
 *
 * Funcotator/Oncotator rows carry the vcf2maf priority of the SO term closest in meaning, so that
 * several transcripts of one allele ('#'-separated funcotations) rank as VEP's would, and a row's
 * rule is the MAF class itself (no indel-shape rule, except FRAME_SHIFT_SUB: the shape decides).
 *
 * Complexity: static tables; one object-property look-up per bcftools word.
 */
import type { VariantClass } from './alteration.js'

/**
 * A class, or a rule that needs the indel type / frame to decide. Declared here, not in
 * consequence.ts, because consequence.ts imports these tables (no cycle); consequence.ts re-exports it.
 */
export type ClassRule = VariantClass | 'FRAMESHIFT' | 'INFRAME_INS' | 'INFRAME_DEL' | 'PROTEIN_ALTERING' | 'INFRAME'

/** consequence.ts LOWEST_PRIORITY (not imported: consequence.ts imports this file). */
const UNRANKED = 20

/** bcftools csq consequence word → SO term (all of csq_strings[], plus the NMD_transcript suffix). */
export const BCSQ_TERMS: Readonly<Record<string, string>> = {
  synonymous: 'synonymous_variant',
  missense: 'missense_variant',
  stop_lost: 'stop_lost',
  stop_gained: 'stop_gained',
  inframe_deletion: 'inframe_deletion',
  inframe_insertion: 'inframe_insertion',
  frameshift: 'frameshift_variant',
  splice_acceptor: 'splice_acceptor_variant',
  splice_donor: 'splice_donor_variant',
  start_lost: 'start_lost',
  splice_region: 'splice_region_variant',
  stop_retained: 'stop_retained_variant',
  '5_prime_utr': '5_prime_UTR_variant',
  '3_prime_utr': '3_prime_UTR_variant',
  non_coding: 'non_coding_transcript_variant',
  intron: 'intron_variant',
  intergenic: 'intergenic_variant',
  inframe_altering: 'inframe_indel',
  coding_sequence: 'coding_sequence_variant',
  feature_elongation: 'feature_elongation',
  start_retained: 'start_retained_variant',
  NMD_transcript: 'NMD_transcript_variant',
}

export type VocabularyRow = readonly [word: string, priority: number, rule: ClassRule]

/** GATK Funcotator Variant_Classification → [priority of the closest SO term, MAF class]. */
export const FUNCOTATOR_CLASSES: readonly VocabularyRow[] = [
  ['SPLICE_SITE', 2, 'Splice_Site'],
  ['NONSENSE', 3, 'Nonsense_Mutation'],
  ['NONSTOP', 3, 'Nonstop_Mutation'],
  ['FRAME_SHIFT_INS', 3, 'Frame_Shift_Ins'],
  ['FRAME_SHIFT_DEL', 3, 'Frame_Shift_Del'],
  ['FRAME_SHIFT_SUB', 3, 'FRAMESHIFT'],
  ['STOP_CODON_SNP', 3, 'Nonstop_Mutation'], // no MAF "Stop_Codon_SNP": a changed stop codon is Nonstop
  ['STOP_CODON_INS', 3, 'Stop_Codon_Ins'],
  ['STOP_CODON_DEL', 3, 'Stop_Codon_Del'],
  ['START_CODON_SNP', 4, 'Start_Codon_SNP'],
  ['START_CODON_INS', 4, 'Start_Codon_Ins'],
  ['START_CODON_DEL', 4, 'Translation_Start_Site'],
  ['IN_FRAME_DEL', 5, 'In_Frame_Del'],
  ['IN_FRAME_INS', 5, 'In_Frame_Ins'],
  ['MISSENSE', 6, 'Missense_Mutation'],
  ['SILENT', 9, 'Silent'],
  ['FIVE_PRIME_UTR', 12, "5'UTR"],
  ['THREE_PRIME_UTR', 12, "3'UTR"],
  ['DE_NOVO_START_IN_FRAME', 12, 'De_novo_Start_InFrame'],
  ['DE_NOVO_START_OUT_FRAME', 12, 'De_novo_Start_OutOfFrame'],
  ['RNA', 13, 'RNA'],
  ['LINCRNA', 13, 'RNA'],
  ['INTRON', 14, 'Intron'],
  ['FIVE_PRIME_FLANK', 16, "5'Flank"],
  ['THREE_PRIME_FLANK', 16, "3'Flank"],
  ['IGR', 19, 'IGR'],
  ['COULD_NOT_DETERMINE', UNRANKED, 'Unknown'],
]

/** Oncotator variant_classification (MAF words) → [priority of the closest SO term, MAF class]. */
export const ONCOTATOR_CLASSES: readonly VocabularyRow[] = [
  ['Splice_Site', 2, 'Splice_Site'],
  ['Nonsense_Mutation', 3, 'Nonsense_Mutation'],
  ['Nonstop_Mutation', 3, 'Nonstop_Mutation'],
  ['Frame_Shift_Ins', 3, 'Frame_Shift_Ins'],
  ['Frame_Shift_Del', 3, 'Frame_Shift_Del'],
  ['Stop_Codon_Ins', 3, 'Stop_Codon_Ins'],
  ['Stop_Codon_Del', 3, 'Stop_Codon_Del'],
  ['Translation_Start_Site', 4, 'Translation_Start_Site'],
  ['Start_Codon_SNP', 4, 'Start_Codon_SNP'],
  ['Start_Codon_Ins', 4, 'Start_Codon_Ins'],
  ['Start_Codon_Del', 4, 'Start_Codon_Del'],
  ['In_Frame_Del', 5, 'In_Frame_Del'],
  ['In_Frame_Ins', 5, 'In_Frame_Ins'],
  ['Missense_Mutation', 6, 'Missense_Mutation'],
  ['Splice_Region', 8, 'Splice_Region'],
  ['Silent', 9, 'Silent'],
  ["5'UTR", 12, "5'UTR"],
  ["3'UTR", 12, "3'UTR"],
  ['De_novo_Start_InFrame', 12, 'De_novo_Start_InFrame'],
  ['De_novo_Start_OutOfFrame', 12, 'De_novo_Start_OutOfFrame'],
  ['RNA', 13, 'RNA'],
  ['lincRNA', 13, 'RNA'],
  ['Intron', 14, 'Intron'],
  ["5'Flank", 16, "5'Flank"],
  ["3'Flank", 16, "3'Flank"],
  ['IGR', 19, 'IGR'],
  ['Targeted_Region', UNRANKED, 'Targeted_Region'],
]
