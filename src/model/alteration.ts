/**
 * The normalized record every reader produces and every later stage consumes.
 *
 * Coordinate convention (stated once, used everywhere): `start`/`end` are MAF-style 1-based,
 * closed intervals on the reference. For an insertion, MAF puts `start` on the base before the
 * insertion and `end = start + 1` (vcf2maf's convention); for a deletion they span the deleted bases.
 * VCF POS is 1-based too; BED and other 0-based half-open inputs are converted at their reader.
 */

/** MAF Variant_Classification vocabulary (GDC MAF 2.4), plus the copy-number and fusion classes. */
export const MAF_CLASSES = [
  'Frame_Shift_Del',
  'Frame_Shift_Ins',
  'In_Frame_Del',
  'In_Frame_Ins',
  'Missense_Mutation',
  'Nonsense_Mutation',
  'Nonstop_Mutation',
  'Splice_Site',
  'Translation_Start_Site',
  'Silent',
  "3'UTR",
  "5'UTR",
  "3'Flank",
  "5'Flank",
  'Intron',
  'IGR',
  'RNA',
  'Splice_Region',
  'Targeted_Region',
  'De_novo_Start_InFrame',
  'De_novo_Start_OutOfFrame',
  'Start_Codon_SNP',
  'Start_Codon_Del',
  'Start_Codon_Ins',
  'Stop_Codon_Del',
  'Stop_Codon_Ins',
  'Unknown',
  // Not MAF mutation classes: copy number and structural events, as maftools' cnTable names them.
  'Amp',
  'Del',
  'Fusion',
] as const

export type VariantClass = (typeof MAF_CLASSES)[number]

const CLASS_SET: ReadonlySet<string> = new Set(MAF_CLASSES)
const CLASS_BY_LOWER: ReadonlyMap<string, VariantClass> = new Map(MAF_CLASSES.map((c) => [c.toLowerCase(), c]))

/** maftools' nine non-synonymous classes (read.maf `vc_nonSyn`): the mutations counted by default (../classify/classes.ts). */
export const MAFTOOLS_NONSYNONYMOUS: readonly VariantClass[] = [
  'Frame_Shift_Del',
  'Frame_Shift_Ins',
  'Splice_Site',
  'Translation_Start_Site',
  'Nonsense_Mutation',
  'Nonstop_Mutation',
  'In_Frame_Del',
  'In_Frame_Ins',
  'Missense_Mutation',
]

export function isVariantClass(s: string): s is VariantClass {
  return CLASS_SET.has(s)
}

/** Case-insensitive lookup of a MAF class name ("missense_mutation" → "Missense_Mutation"). */
export function lookupVariantClass(s: string): VariantClass | undefined {
  return CLASS_BY_LOWER.get(s.toLowerCase())
}

export const VARIANT_TYPES = ['SNP', 'DNP', 'TNP', 'ONP', 'INS', 'DEL', 'CNV', 'SV'] as const
export type VariantType = (typeof VARIANT_TYPES)[number]

export type AlterationKind = 'snv' | 'indel' | 'cna' | 'fusion'
export type Origin = 'somatic' | 'germline' | 'unknown'

/** Discrete copy-number state (cBioPortal's −2..2 scale). */
export type CnState = 'deep_del' | 'shallow_del' | 'gain' | 'amp'

export interface SourceRef {
  readonly file: string
  readonly line: number
}

export interface Alteration {
  readonly sample: string
  readonly gene: string
  readonly kind: AlterationKind
  readonly variantClass: VariantClass
  /** The input's own class word when it is not in the MAF vocabulary (variantClass is then 'Unknown'). */
  readonly rawClass?: string | undefined
  readonly variantType?: VariantType | undefined
  readonly chrom?: string | undefined
  readonly start?: number | undefined
  readonly end?: number | undefined
  /** Alleles in MAF form: anchor base trimmed, '-' for an empty allele. */
  readonly ref?: string | undefined
  readonly alt?: string | undefined
  /** HGVSp_Short style, e.g. "p.H1047R". */
  readonly protein?: string | undefined
  readonly origin: Origin
  readonly vaf?: number | undefined
  readonly depth?: number | undefined
  readonly altCount?: number | undefined
  readonly refCount?: number | undefined
  /** FILTER value as written ("PASS", "." or filter names). */
  readonly filter?: string | undefined
  readonly copyNumber?: number | undefined
  readonly cnState?: CnState | undefined
  /** Fusion partner gene. */
  readonly partner?: string | undefined
  readonly source: SourceRef
  /** Columns carried through from the input (MAF extras), by header name. */
  readonly extra?: Readonly<Record<string, string>> | undefined
}

export function kindOfType(t: VariantType | undefined): AlterationKind {
  return t === 'INS' || t === 'DEL' ? 'indel' : 'snv'
}
