/**
 * Allele-specific copy-number tables: one row per allele of a (sample, gene) locus, as comut's
 * example data (Liu 2019, from ABSOLUTE's allelic copy number) writes them:
 *
 *   sample     category  value
 *   Patient20  CDKN2A    Baseline
 *   Patient20  CDKN2A    aCN = 0
 *
 * A long table is allele-specific when any value is an allele-level word (`aCN = 0`,
 * `Allelic deletion`, `Allelic amplification`). Each locus then has exactly two allele rows, or
 * one locus-level row (`CN-LOH`, `Complex`, `Not Available`); anything else is refused at its line,
 * because reading such a row as a whole-locus call would count one lost allele as a homozygous
 * deletion (CDKN2A in Liu 2019: 29 of 52 samples that way, 7 with both alleles at 0).
 *
 * Allele levels: `aCN = 0` (absolute copy number 0), `Allelic deletion` (fewer copies than
 * baseline, not 0), `Baseline`, `Allelic amplification`. The locus state, first match wins:
 *
 * | alleles                          | state       | counted |
 * |----------------------------------|-------------|---------|
 * | every allele at 0                | deep_del    | yes (homozygous deletion, `Del`) |
 * | any allele amplified             | amp         | yes (`Amp`; a lost or reduced other allele is counted in the report) |
 * | one allele at 0                  | shallow_del | no (one copy lost) |
 * | any allele reduced               | shallow_del | no |
 * | both at baseline                 | neutral     | no |
 *
 * Locus-level rows: `CN-LOH` / `Complex` are not dosage states; `Not Available` means the locus'
 * copy number was not assayed in that sample (never wild-type).
 */
import { callKey } from './states.js'
import type { CnCall } from './states.js'

export type AlleleLevel = 'zero' | 'reduced' | 'baseline' | 'amplified'

const ALLELE_WORDS: ReadonlyMap<string, AlleleLevel> = new Map<string, AlleleLevel>([
  ['acn = 0', 'zero'],
  ['allelic deletion', 'reduced'],
  ['baseline', 'baseline'],
  ['allelic amplification', 'amplified'],
])

/** Words that only make sense per allele: one of them marks the whole table as allele-specific. */
const ALLELE_ONLY: ReadonlySet<string> = new Set(['acn = 0', 'allelic deletion', 'allelic amplification'])

export type LocusWord = 'other' | 'not assayed'

const LOCUS_WORDS: ReadonlyMap<string, LocusWord> = new Map<string, LocusWord>([
  ['cn loh', 'other'],
  ['cnloh', 'other'],
  ['copy neutral loh', 'other'],
  ['complex', 'other'],
  ['not available', 'not assayed'],
  ['[not available]', 'not assayed'],
])

export const ALLELE_CALLS: readonly string[] = [...ALLELE_WORDS.keys()]
export const LOCUS_CALLS: readonly string[] = [...LOCUS_WORDS.keys()].filter((w) => !w.startsWith('['))

export function isAlleleOnlyWord(raw: string): boolean {
  return ALLELE_ONLY.has(callKey(raw))
}

export function alleleLevel(raw: string): AlleleLevel | undefined {
  return ALLELE_WORDS.get(callKey(raw))
}

export function locusWord(raw: string): LocusWord | undefined {
  return LOCUS_WORDS.get(callKey(raw))
}

/** "Not Available" (also TCGA's bracketed form): the copy number was not assayed. */
export function isNotAvailable(raw: string): boolean {
  return LOCUS_WORDS.get(callKey(raw)) === 'not assayed'
}

/** The locus state from its alleles' levels (the table in the file comment). */
export function combineAlleles(levels: readonly AlleleLevel[]): CnCall {
  if (levels.length > 0 && levels.every((l) => l === 'zero')) return 'deep_del'
  if (levels.includes('amplified')) return 'amp'
  if (levels.includes('zero') || levels.includes('reduced')) return 'shallow_del'
  return 'neutral'
}

/** An amplified allele beside a lost or reduced one: counted as Amp, and said so in the report. */
export function mixedAmplification(levels: readonly AlleleLevel[]): boolean {
  return levels.includes('amplified') && (levels.includes('zero') || levels.includes('reduced'))
}
