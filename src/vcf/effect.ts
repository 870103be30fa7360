/**
 * One transcript-level annotation, whichever annotator wrote it, and the choice of ONE per allele.
 *
 * pickEffect re-implements vcf2maf's transcript selection (mskcc/vcf2maf vcf2maf.pl, commit
 * 17feed0, the block after "Sort effects first by transcript biotype"), with one addition the
 * issue asks for, PICK first:
 *  0. an effect VEP flagged PICK=1 (--pick / --flag_pick*) wins outright; vcf2maf itself ignores
 *     PICK, but runs VEP with --flag_pick_allele and pick_order canonical first, so on vcf2maf's
 *     own VEP runs the two agree;
 *  1. sort (stable) by biotype priority, then by the priority of each effect's most severe term,
 *     then by longer transcript (cDNA_position's "/length"; 0 when absent);
 *  2. the gene is the SYMBOL of the first sorted effect that has one ("worst affected gene");
 *  3. that gene's first CANONICAL=YES effect;
 *  4. else the first CANONICAL=YES effect of any gene that has a symbol;
 *  5. else the first sorted effect.
 * (vcf2maf's --custom-enst isoform overrides are not supported.)
 */
import { biotypePriority } from './biotype.js'
import { effectPriority } from '../model/consequence.js'

export interface Effect {
  /** Allele as the annotator wrote it (VEP: trimmed, '-' for empty; SnpEff: the ALT). */
  readonly allele: string
  /** 1-based ALT index (VEP --allele_number), when present. */
  readonly alleleNum?: number | undefined
  readonly terms: readonly string[]
  readonly symbol?: string | undefined
  readonly geneId?: string | undefined
  readonly feature?: string | undefined
  readonly biotype?: string | undefined
  readonly canonical: boolean
  readonly pick: boolean
  readonly hgvsc?: string | undefined
  readonly hgvsp?: string | undefined
  readonly proteinPosition?: string | undefined
  readonly aminoAcids?: string | undefined
  readonly transcriptLength: number
  /**
   * bcftools csq "@POS": this allele is part of a compound (haplotype) consequence that bcftools
   * wrote once, at the record at POS. Such an entry has no terms and is never picked (small.ts).
   */
  readonly compoundAt?: number | undefined
}

/** The priority of an effect's most severe term (vcf2maf's One_Consequence). */
export function worstTermPriority(e: Effect): number {
  let p = Number.POSITIVE_INFINITY
  for (const t of e.terms) p = Math.min(p, effectPriority(t))
  // vcf2maf: an empty Consequence is treated as intergenic_variant.
  return p === Number.POSITIVE_INFINITY ? effectPriority('intergenic_variant') : p
}

/** Choose one effect; undefined only for an empty list. */
export function pickEffect(effects: readonly Effect[]): Effect | undefined {
  if (effects.length === 0) return undefined
  if (effects.length === 1) return effects[0]
  for (const e of effects) if (e.pick) return e
  // Decorate once so the comparator does no table look-ups (n log n look-ups otherwise).
  const keyed = effects.map((e, i) => ({ e, i, b: biotypePriority(e.biotype), c: worstTermPriority(e) }))
  keyed.sort((x, y) => x.b - y.b || x.c - y.c || y.e.transcriptLength - x.e.transcriptLength || x.i - y.i)
  const sorted = keyed.map((k) => k.e)
  const gene = sorted.find((e) => e.symbol)?.symbol
  if (gene !== undefined) {
    const sameGene = sorted.find((e) => e.symbol === gene && e.canonical)
    if (sameGene) return sameGene
  }
  return sorted.find((e) => e.symbol && e.canonical) ?? sorted[0]
}
