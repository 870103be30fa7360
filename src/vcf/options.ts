/**
 * Options of the VCF / ANNOVAR readers, validated once with zod at the edge (STYLE habit 5).
 *
 * Defaults, and why:
 * - keepFiltered false: PASS (and '.', "filters not applied" per VCF 4.3 §1.6.1) only; other rows are
 *   dropped and counted as "filtered: <FILTER>".
 * - origin: opts.origin, else INFO flag SOMATIC → somatic / GERMLINE → germline, else VarDict
 *   STATUS (StrongSomatic, LikelySomatic → somatic; Germline, StrongLOH, LikelyLOH → germline),
 *   else VarScan SS (2 → somatic, 1/3 → germline), else 'unknown'. Nothing is assumed from the
 *   caller's name.
 * - splitMultiallelic false: one ALT per record, as vcf2maf chooses it (multiallelic.ts), in paired,
 *   tumour-only and sites-only files; the other ALTs the tumour carries are counted in the report.
 * - copy number (diploid genome): deep deletion CN < 0.5, shallow deletion CN < 1.5, gain CN ≥ 2.5,
 *   amplification CN ≥ 5 (≥ 2.5 × ploidy, the high-level threshold cBioPortal/GISTIC-style calls use).
 *   Only deep deletions ('Del') and amplifications ('Amp') are kept unless cnaLowLevel is set, so a
 *   single-copy gain never reaches an oncoplot as "Amp". Copy-neutral segments are dropped, counted.
 */
import { z } from 'zod'
import type { ReadLimits } from '../io/read-limits.js'

export const GeneIntervalSchema = z.object({
  gene: z.string().min(1),
  chrom: z.string().min(1),
  /** 1-based, closed. */
  start: z.number().int().positive(),
  end: z.number().int().positive(),
})
export type GeneInterval = z.infer<typeof GeneIntervalSchema>

export const CnThresholdsSchema = z.object({
  deepDel: z.number().default(0.5),
  shallowDel: z.number().default(1.5),
  gain: z.number().default(2.5),
  amp: z.number().default(5),
})
export type CnThresholds = z.infer<typeof CnThresholdsSchema>

export const VcfReadOptionsSchema = z.object({
  tumorId: z.string().min(1).optional(),
  normalId: z.string().min(1).optional(),
  origin: z.enum(['somatic', 'germline']).optional(),
  keepFiltered: z.boolean().optional(),
  lenient: z.boolean().optional(),
  sampleOverride: z.string().min(1).optional(),
  /** Gene coordinates, to name genes hit by unannotated CNV / SV records. */
  genes: z.array(GeneIntervalSchema).optional(),
  cnThresholds: CnThresholdsSchema.partial().optional(),
  /** Keep gains and shallow deletions too (as 'Amp' / 'Del' with cnState gain / shallow_del). */
  cnaLowLevel: z.boolean().optional(),
  /** Name used in errors instead of the path. */
  displayName: z.string().min(1).optional(),
  /** One row per carried ALT of a multi-allelic record, instead of vcf2maf's one per record (multiallelic.ts). */
  splitMultiallelic: z.boolean().optional(),
})
/** The schema's options, and the read limits (not data: a value the schema does not parse; default readLimits()). */
export type VcfReadOptions = z.input<typeof VcfReadOptionsSchema> & { readonly limits?: ReadLimits | undefined }
export type ParsedVcfOptions = z.output<typeof VcfReadOptionsSchema>

export function resolveThresholds(t: { readonly [K in keyof CnThresholds]?: number | undefined } | undefined): CnThresholds {
  return CnThresholdsSchema.parse(t ?? {})
}
