/**
 * The MAF rules core: what a MAF row's values mean, as pure functions over plain values. The text
 * path (./text-row.ts), the byte path (./byte-row.ts) and through them the two-thread and
 * low-memory readers (../scale/read/) all call these, so a rule exists once.
 */
import { VARIANT_TYPES, type VariantType } from '../model/alteration.js'

/** Variant_Type word (upper case) → type code (VARIANT_TYPES index + 1, as EventRow.type). */
export const TYPE_CODE: ReadonlyMap<string, number> = new Map(VARIANT_TYPES.map((t, i) => [t, i + 1]))

/** Variant_Type from MAF alleles ('-' = empty), as vcf2maf assigns it. */
export function typeFromAlleles(ref: string, alt: string): VariantType | undefined {
  const okAllele = /^[ACGTN-]+$/i
  if (!okAllele.test(ref) || !okAllele.test(alt) || ref === alt) return undefined
  if (ref === '-') return 'INS'
  if (alt === '-') return 'DEL'
  if (ref.length === alt.length) return ref.length === 1 ? 'SNP' : ref.length === 2 ? 'DNP' : ref.length === 3 ? 'TNP' : 'ONP'
  return ref.length < alt.length ? 'INS' : 'DEL'
}
