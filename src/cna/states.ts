/**
 * Copy-number values → discrete state, one table per input scale.
 *
 * States follow cBioPortal's −2..2 scale: deep_del (−2), shallow_del (−1), neutral (0), gain (1),
 * amp (2); 'other' is a recognised call that is not a dosage state (CN-LOH, "Complex").
 *
 * 1. Calls (words or cBioPortal discrete numbers), matched lower-cased with '_' / '-' / runs of
 *    spaces read as one space:
 *    | state       | spellings |
 *    |-------------|-----------|
 *    | amp         | 2, amp, amplification, amplified, high level amplification, high level gain, hlamp |
 *    | gain        | 1, gain, gained, low level gain, copy gain |
 *    | neutral     | 0, neutral, diploid, none, baseline (comut), no change |
 *    | shallow_del | −1, −1.5 (cBioPortal's hemizygous deletion), loss, lost, shallow deletion, shallowdel, heterozygous loss, hetloss, hemizygous deletion |
 *    | deep_del    | −2, del, deletion, deep deletion, homdel, homozygous deletion, homozygous loss |
 *    | other       | cn loh, cnloh, copy neutral loh, complex |
 *    maftools' cnTable vocabulary is Amp / Del, so a bare "Del"/"Deletion" is a deep (GISTIC −2)
 *    deletion, and "Gain"/"Loss" are the low-level states. Per-allele words (comut's `aCN = 0`,
 *    `Allelic deletion`, `Allelic amplification`) are not calls for a locus: ./allelic.ts.
 * 2. Absolute copy number c (diploid defaults; pass thresholds for other ploidies):
 *    deep_del c < 0.5 and amp c ≥ 6 follow Hartwig PURPLE's driver catalogue (deletion: copy number
 *    < 0.5; amplification: > 3 × ploidy) and PCGR's default amplification bar (total CN ≥ 6);
 *    gain c ≥ 2.5 and shallow_del c < 1.5 are "rounds to ≥ 3 / ≤ 1 copies".
 * 3. log2 ratio r: CNVkit's `call --method threshold` defaults (−1.1, −0.25, 0.2, 0.7): r ≤ −1.1 →
 *    0 copies (deep_del), r ≤ −0.25 → 1 copy (shallow_del), r > 0.7 → ≥ 4 copies (amp),
 *    r > 0.2 → 3 copies (gain). The log2 bar for amp is lower than the copies bar on purpose:
 *    ratios from impure tumours are compressed towards 0, which is why CNVkit chose it.
 */
import { z } from 'zod'
import type { CnState } from '../model/alteration.js'

export type CnCall = CnState | 'neutral' | 'other'

const CALLS: ReadonlyMap<string, CnCall> = new Map<string, CnCall>([
  ...['2', 'amp', 'amplification', 'amplified', 'high level amplification', 'high level gain', 'hlamp'].map((w) => [w, 'amp'] as const),
  ...['1', 'gain', 'gained', 'low level gain', 'copy gain'].map((w) => [w, 'gain'] as const),
  ...['0', 'neutral', 'diploid', 'none', 'baseline', 'no change'].map((w) => [w, 'neutral'] as const),
  ...['-1', '-1.5', 'loss', 'lost', 'shallow deletion', 'shallowdel', 'heterozygous loss', 'hetloss', 'hemizygous deletion'].map(
    (w) => [w, 'shallow_del'] as const,
  ),
  ...['-2', 'del', 'deletion', 'deep deletion', 'homdel', 'homozygous deletion', 'homozygous loss'].map((w) => [w, 'deep_del'] as const),
  ...['cn loh', 'cnloh', 'copy neutral loh', 'complex'].map((w) => [w, 'other'] as const),
])

export const ACCEPTED_CALLS: readonly string[] = [...CALLS.keys()]

export function callKey(raw: string): string {
  const t = raw.trim().toLowerCase()
  // Numbers are looked up in canonical form so "+2", "2.0" and "-1.50" match.
  if (/^[+-]?\d+(\.\d+)?$/.test(t)) return String(Number(t))
  return t.replace(/[\s_-]+/g, ' ')
}

export function lookupCall(raw: string): CnCall | undefined {
  return CALLS.get(callKey(raw))
}

const Ordered = (t: { deepDel: number; shallowDel: number; gain: number; amp: number }) => t.deepDel < t.shallowDel && t.shallowDel < t.gain && t.gain < t.amp
const ThresholdsSchema = z
  .object({ deepDel: z.number().finite(), shallowDel: z.number().finite(), gain: z.number().finite(), amp: z.number().finite() })
  .refine(Ordered, { message: 'thresholds must increase: deepDel < shallowDel < gain < amp' })
export type Thresholds = z.infer<typeof ThresholdsSchema>

export const DEFAULT_COPIES_THRESHOLDS: Thresholds = { deepDel: 0.5, shallowDel: 1.5, gain: 2.5, amp: 6 }
export const DEFAULT_LOG2_THRESHOLDS: Thresholds = { deepDel: -1.1, shallowDel: -0.25, gain: 0.2, amp: 0.7 }
export { ThresholdsSchema }

/** Absolute copies: deep c < deepDel, shallow c < shallowDel, amp c ≥ amp, gain c ≥ gain. */
export function stateFromCopies(c: number, t: Thresholds = DEFAULT_COPIES_THRESHOLDS): CnCall {
  if (c < t.deepDel) return 'deep_del'
  if (c < t.shallowDel) return 'shallow_del'
  if (c >= t.amp) return 'amp'
  if (c >= t.gain) return 'gain'
  return 'neutral'
}

/** log2 ratio, CNVkit semantics: deep r ≤ deepDel, shallow r ≤ shallowDel, amp r > amp, gain r > gain. */
export function stateFromLog2(r: number, t: Thresholds = DEFAULT_LOG2_THRESHOLDS): CnCall {
  if (r <= t.deepDel) return 'deep_del'
  if (r <= t.shallowDel) return 'shallow_del'
  if (r > t.amp) return 'amp'
  if (r > t.gain) return 'gain'
  return 'neutral'
}
