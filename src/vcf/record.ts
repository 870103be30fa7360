/**
 * What one VCF record gives each allele handler: its columns and typed INFO plus where it came from,
 * which samples to report, and the origin. Kept apart from reader.ts so the small-variant and
 * structural handlers share one shape.
 */
import type { MetaMap } from '@gmod/vcf'
import type { Alteration, Origin, VariantClass } from '../model/alteration.js'
import type { DropCode } from '../model/report.js'
import type { Effect } from './effect.js'
import type { FormatValues } from './sample-counts.js'
import type { SampleMode } from './sample-roles.js'
import { gtCarriedSet, gtCarries } from './rules/genotype.js'
import type { InfoMap } from './rules/info.js'

export interface SampleTarget {
  /** Name reported in Alteration.sample. */
  readonly name: string
  /** 0-based index among the sample columns; -1 for sites-only files. */
  readonly idx: number
  readonly fmt: FormatValues
}

export interface RecordContext {
  readonly file: string
  readonly line: number
  /** The record line as read (error messages quote INFO values from it). */
  readonly text: string
  /**
   * INFO values, typed (rules/info.ts). Small-variant records carry only the origin keys;
   * copy-number, SV and ALT-less records carry every key.
   */
  readonly info: Readonly<InfoMap>
  readonly chrom: string
  readonly pos: number
  readonly ref: string
  readonly alts: readonly string[]
  readonly filter: string
  readonly origin: Origin
  readonly mode: SampleMode
  /** Samples that may carry an allele (cohort: all; paired / tumour-only: the tumour). */
  readonly targets: readonly SampleTarget[]
  /** INFO header declarations (Number=A / R decide which value belongs to which ALT). */
  readonly infoMeta: MetaMap
  /** Every annotation entry of the record (VEP / SnpEff); [] for ANNOVAR and unannotated files. */
  readonly effects: readonly Effect[]
  /** Per-record work shared by the ALTs of a multi-allelic record, so a record costs O(its bytes) (small.ts). */
  readonly shared: RecordShared
}

/** Built once per record, lazily: what every ALT would otherwise recompute (O(ALTs) each). */
export interface RecordShared {
  /** [REF, ...ALTs]. */
  alleles?: readonly string[]
  /** The annotation entries grouped by the ALT they belong to (small.ts effectsForAllele). */
  effectsByAlt?: readonly (readonly Effect[])[]
  /** Per target sample index in `targets`: its AD / AF / FREQ split once. */
  counts?: Map<number, unknown>
  /** Per target sample index: gtCarriedSet of its GT (null: GT missing). */
  carried?: Map<number, Uint8Array | null>
  /** Per allele with rows: the term that decided its class, the class, the gene and the rows (for ReadNotes once the record is kept). */
  notes?: { readonly term: string; readonly cls: VariantClass; readonly gene: string; readonly rows: number }[]
}

/**
 * gtCarries(target k's GT, i), reading the GT once per record when it has several ALTs
 * (samples.ts gtCarriedSet): a GT that names n ALTs was re-read for each, O(n²).
 */
export function carries(ctx: RecordContext, k: number, gt: string | undefined, i: number): boolean | undefined {
  if (ctx.alts.length <= 1) return gtCarries(gt, i)
  const m = (ctx.shared.carried ??= new Map<number, Uint8Array | null>())
  let set = m.get(k)
  if (set === undefined) m.set(k, (set = gtCarriedSet(gt, ctx.alts.length) ?? null))
  return set === null ? undefined : set[i] === 1
}

/** What the text path (text-path.ts) hands its allele dispatch, however it read the columns. */
export interface RecordFields {
  readonly chrom: string
  readonly pos: number
  readonly ref: string
  readonly alts: readonly string[]
  readonly filter: string
  readonly info: Readonly<InfoMap>
  /** The annotation entries (VEP CSQ / SnpEff ANN, EFF); [] when absent. */
  readonly effects: readonly Effect[]
  readonly targets: readonly SampleTarget[]
  /** The INFO column as written (ANNOVAR blocks; '' on the fast path of other dialects). */
  readonly infoText: string
  /** FORMAT declares CN (an ALT-less record is then a copy-number call). */
  readonly formatHasCn: boolean
  /** The normal's GT in a paired file (read only for a record with several ALTs). */
  readonly normalGt: () => string | undefined
}

/** 1-based VCF column of sample `idx` (FORMAT is column 9). */
export function sampleColumn(idx: number): number {
  return 10 + idx
}

/** An allele handler's answer: alterations, or the reason the allele was dropped. */
export type AlleleResult = readonly Alteration[] | DropCode | FilteredDrop

export function isDrop(r: AlleleResult): r is DropCode | FilteredDrop {
  return typeof r === 'string' || 'code' in r
}

/** A record dropped by its FILTER (the filter named in the report). */
export interface FilteredDrop {
  readonly code: 'filtered'
  readonly detail: string
}
