/**
 * MAF Variant_Classification → the collapsed classes cBioPortal's OncoPrint draws
 * (truncating / missense / in-frame / splice / promoter / amplification / deep deletion /
 * gain / shallow deletion / fusion / other). One table; test/classify/collapse.test.ts proves every
 * MAF class maps.
 */
import { MAF_CLASSES, type VariantClass, type CnState } from '../model/alteration.js'

export const COLLAPSED_CLASSES = [
  'truncating',
  'missense',
  'inframe',
  'splice',
  'promoter',
  'other',
  'fusion',
  'amp',
  'gain',
  'shallow_del',
  'deep_del',
  'silent',
] as const
export type CollapsedClass = (typeof COLLAPSED_CLASSES)[number]

export const COLLAPSE: Readonly<Record<VariantClass, CollapsedClass>> = {
  Frame_Shift_Del: 'truncating',
  Frame_Shift_Ins: 'truncating',
  Nonsense_Mutation: 'truncating',
  Nonstop_Mutation: 'truncating',
  Translation_Start_Site: 'truncating',
  Start_Codon_SNP: 'truncating',
  Start_Codon_Del: 'truncating',
  Start_Codon_Ins: 'truncating',
  Stop_Codon_Del: 'truncating',
  Stop_Codon_Ins: 'truncating',
  Splice_Site: 'splice',
  Splice_Region: 'splice',
  Missense_Mutation: 'missense',
  In_Frame_Del: 'inframe',
  In_Frame_Ins: 'inframe',
  "5'Flank": 'promoter',
  De_novo_Start_InFrame: 'other',
  De_novo_Start_OutOfFrame: 'other',
  Targeted_Region: 'other',
  Unknown: 'other',
  Silent: 'silent',
  "3'UTR": 'silent',
  "5'UTR": 'silent',
  "3'Flank": 'silent',
  Intron: 'silent',
  IGR: 'silent',
  RNA: 'silent',
  Amp: 'amp',
  Del: 'deep_del',
  Fusion: 'fusion',
}

/** Copy-number states map to their own collapsed classes (gain / shallow deletion are not 'Amp'/'Del'). */
export const COLLAPSE_CN: Readonly<Record<CnState, CollapsedClass>> = {
  amp: 'amp',
  gain: 'gain',
  shallow_del: 'shallow_del',
  deep_del: 'deep_del',
}

export function collapseClass(c: VariantClass, cn?: CnState): CollapsedClass {
  return cn !== undefined ? COLLAPSE_CN[cn] : COLLAPSE[c]
}

/** Every MAF class, for exhaustiveness tests. */
export const ALL_CLASSES: readonly VariantClass[] = MAF_CLASSES
