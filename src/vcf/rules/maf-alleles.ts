/**
 * VCF allele → MAF allele, exactly as vcf2maf writes Start_Position / End_Position / Variant_Type
 * (mskcc/vcf2maf vcf2maf.pl, "Remove any prefixed reference bps" block), re-implemented:
 * - every shared leading base of REF and this ALT is trimmed (not only one anchor base), each one
 *   moving POS right; an emptied allele becomes '-'; shared trailing bases are NOT trimmed;
 * - equal lengths: SNP / DNP / TNP / ONP, Start = POS, End = POS + len − 1;
 * - insertion: REF '-' → Start = POS − 1, End = POS (the flanking bases, i.e. the original VCF POS
 *   and POS + 1 after trimming one anchor base); a complex insertion (REF not empty) spans REF;
 * - deletion: Start = POS (first deleted base), End = POS + len(REF) − 1.
 *
 * Coordinates are 1-based closed (see src/model/alteration.ts).
 */
import type { VariantType } from '../../model/alteration.js'

export interface MafAlleles {
  readonly start: number
  readonly end: number
  readonly ref: string
  readonly alt: string
  readonly variantType: VariantType
}

const NP_TYPES: readonly VariantType[] = ['SNP', 'SNP', 'DNP', 'TNP']

/** Where a MAF allele pair sits: Start_Position, End_Position, Variant_Type. */
export interface MafSpan {
  start: number
  end: number
  variantType: VariantType
}

/**
 * The span rule over plain numbers, which both record paths call: `p` is POS moved past the
 * trimmed leading bases, `rl` / `al` the trimmed REF / ALT lengths (0: '-'). Written into `out`
 * (the byte path reuses one).
 */
export function mafSpan(p: number, rl: number, al: number, out: MafSpan): MafSpan {
  if (rl === al) {
    out.start = p
    out.end = p + al - 1
    out.variantType = al > 3 ? 'ONP' : (NP_TYPES[al] as VariantType)
  } else if (rl < al) {
    // An insertion between two bases spans them; a complex insertion spans REF.
    out.start = rl === 0 ? p - 1 : p
    out.end = rl === 0 ? p : p + rl - 1
    out.variantType = 'INS'
  } else {
    out.start = p
    out.end = p + rl - 1
    out.variantType = 'DEL'
  }
  return out
}

export function toMafAlleles(pos: number, vcfRef: string, vcfAlt: string): MafAlleles {
  let k = 0
  const n = Math.min(vcfRef.length, vcfAlt.length)
  // vcf2maf stops when the alleles become equal; distinct REF/ALT can only be equal after trimming
  // if one is a prefix of the other of the same length, i.e. never, so the prefix length suffices.
  if (vcfRef !== vcfAlt) while (k < n && vcfRef.charCodeAt(k) === vcfAlt.charCodeAt(k)) k++
  const ref = k === 0 ? vcfRef : vcfRef.slice(k)
  const alt = k === 0 ? vcfAlt : vcfAlt.slice(k)
  const span = mafSpan(pos + k, ref.length, alt.length, { start: 0, end: 0, variantType: 'SNP' })
  return { start: span.start, end: span.end, ref: ref === '' ? '-' : ref, alt: alt === '' ? '-' : alt, variantType: span.variantType }
}

/**
 * The allele string VEP writes in CSQ's Allele field for ALT `i` of a VCF record: when REF and
 * every ALT share their first base and not all alleles have the same length, VEP strips that one base
 * ('-' if nothing is left); otherwise the ALT as written.
 */
export function vepAllele(ref: string, alts: readonly string[], alt: string): string {
  return vepTrimmed(alt, vepTrims(ref, alts))
}

/** Whether VEP strips the first base of this record's ALTs (vepAllele's rule, once per record). */
export function vepTrims(ref: string, alts: readonly string[]): boolean {
  const first = ref.charCodeAt(0)
  let sameLength = true
  for (const a of alts) {
    if (a.charCodeAt(0) !== first) return false
    if (a.length !== ref.length) sameLength = false
  }
  return !sameLength
}

export function vepTrimmed(alt: string, trims: boolean): string {
  if (!trims) return alt
  return alt.length > 1 ? alt.slice(1) : '-'
}
