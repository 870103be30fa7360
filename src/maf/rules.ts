/**
 * The MAF rules core: what a MAF row's values mean, as pure functions over plain values. The text
 * path (./text-row.ts) and the byte path (./byte-row.ts) call these — and through them the
 * two-thread reader and the low-memory partitions (../scale/read/) — so each rule exists once;
 * the readers only differ in how they find and cache a field's value.
 */
import { isMissing } from '../io/fields.js'
import { VARIANT_TYPES, lookupVariantClass, type Origin, type VariantClass, type VariantType } from '../model/alteration.js'
import { MUTATION_STATUS_ORIGIN } from './columns.js'

/** Variant_Type word (upper case) → type code (VARIANT_TYPES index + 1, as EventRow.type). */
export const TYPE_CODE: ReadonlyMap<string, number> = new Map(VARIANT_TYPES.map((t, i) => [t, i + 1]))

/** Variant_Type as written → type code; 0 when it is not a MAF type ("", "NA", caller words such as "DUP:TANDEM"). */
export function typeCodeOf(word: string): number {
  return TYPE_CODE.get(word.trim().toUpperCase()) ?? 0
}

/** Variant_Type from MAF alleles ('-' = empty), as vcf2maf assigns it. */
export function typeFromAlleles(ref: string, alt: string): VariantType | undefined {
  const okAllele = /^[ACGTN-]+$/i
  if (!okAllele.test(ref) || !okAllele.test(alt) || ref === alt) return undefined
  if (ref === '-') return 'INS'
  if (alt === '-') return 'DEL'
  if (ref.length === alt.length) return ref.length === 1 ? 'SNP' : ref.length === 2 ? 'DNP' : ref.length === 3 ? 'TNP' : 'ONP'
  return ref.length < alt.length ? 'INS' : 'DEL'
}

const PROJECT_WORD = /^[A-Za-z0-9_'+-]{1,64}$/

/**
 * Variant_Classification (trimmed) → class. A MAF class in any case is that class. Real MAFs also
 * carry project-specific words (maftools' APL example: "ITD"): such a word is 'Unknown' with the
 * word kept (`raw`) — reported, and not counted unless --classes names Unknown, which is what
 * maftools' default does. Undefined: not a word at all (an error for the caller to raise).
 */
export function classOfWord(word: string): { readonly cls: VariantClass; readonly raw: string | undefined } | undefined {
  const vc = lookupVariantClass(word)
  if (vc !== undefined) return { cls: vc, raw: undefined }
  return PROJECT_WORD.test(word) ? { cls: 'Unknown', raw: word } : undefined
}

/**
 * Origin from the Mutation_Status value as written (undefined: the file has no such column).
 * Somatic / Germline (any case) are themselves; any other word (None, LOH, Unknown…) is the file's
 * origin option, else 'unknown'; a blank value or no column is the option, else somatic.
 */
export function statusOrigin(status: string | undefined, option: Origin | undefined): Origin {
  if (status === undefined) return option ?? 'somatic'
  const st = status.trim().toLowerCase()
  return (st && MUTATION_STATUS_ORIGIN[st]) || option || (st ? 'unknown' : 'somatic')
}

/** Read depth: t_depth, else t_alt_count + t_ref_count when both are known; −1 = unknown (a blank count is never 0). */
export function readDepth(altCount: number, refCount: number, depth: number): number {
  return depth < 0 && altCount >= 0 && refCount >= 0 ? altCount + refCount : depth
}

/** Variant allele fraction from the counts (−1 = unknown): NaN unless the alt count is known and the depth positive. */
export function alleleFraction(altCount: number, depth: number): number {
  return altCount >= 0 && depth > 0 ? altCount / depth : NaN
}

/** The tumour allele: Tumor_Seq_Allele2, unless it repeats the reference and Allele1 holds another allele (some MAFs do this). */
export function tumourAllele(ref: string, allele2: string, allele1: string | undefined): string {
  return allele2 === ref && allele1 !== undefined && allele1 !== '' && allele1 !== ref ? allele1 : allele2
}

/** Start/End in order: an insertion may have End = Start + 1 or (some older MAFs) End = Start − 1; anything less is wrong. */
export function positionsInOrder(start: number, end: number): boolean {
  return end >= start - 1
}

/** Hugo_Symbol (trimmed) → gene: empty or NA is "Unknown", as maftools reads it. */
export function geneSymbol(symbol: string): string {
  return isMissing(symbol) ? 'Unknown' : symbol
}
