/**
 * What one VCF record gives each allele handler: the parsed Variant plus where it came from,
 * which samples to report, and the origin. Kept apart from reader.ts so the small-variant and
 * structural handlers share one shape.
 */
import type { MetaMap, Variant } from '@gmod/vcf'
import type { Alteration, Origin } from '../model/alteration.js'
import type { Effect } from './effect.js'
import type { FormatValues, SampleMode } from './samples.js'

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
  readonly variant: Variant
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
}

/** 1-based VCF column of sample `idx` (FORMAT is column 9). */
export function sampleColumn(idx: number): number {
  return 10 + idx
}

/** An allele handler's answer: alterations, or the reason the allele was dropped. */
export type AlleleResult = readonly Alteration[] | string
