/**
 * Which features an oncoplot shows by default: the top N of one type.
 *
 * Gene rows follow maftools' choice (summarizeMaf orders genes by MutatedSamples, then `total`
 * variants, then Hugo_Symbol in C locale; oncoplot takes the first N), with two stated
 * differences that only matter where maftools has no answer:
 * - the sample count is the altered fraction n/N over assayed samples, so a gene on a smaller panel
 *   is not ranked down for samples that never looked at it (without panels N is the cohort size and
 *   the order is maftools');
 * - copy-number events count as they are drawn: AlteredSamples and total + CNV_total, i.e.
 *   maftools' `oncoplot(altered = TRUE)`. Without copy-number input this is maftools' default.
 * Rule and pathway rows: altered fraction, then altered samples, then id (code-point order).
 */
import { geneSummary } from '../src/matrix/summary.js'
import { featureCounts, type CohortMatrix, type FeatureType } from '../src/matrix/types.js'
import { compareCodePoints } from './order.js'

interface Ranked {
  readonly id: string
  readonly altered: number
  readonly assayed: number
  readonly events: number
}

function compare(a: Ranked, b: Ranked): number {
  // Cross-multiplied fractions: exact for integers, so equal fractions tie (a/b - c/d can differ by 1 ulp).
  return b.altered * a.assayed - a.altered * b.assayed || b.altered - a.altered || b.events - a.events || compareCodePoints(a.id, b.id)
}

function candidates(m: CohortMatrix, type: FeatureType): Ranked[] {
  if (type === 'gene') {
    return geneSummary(m).map((g) => ({ id: g.gene, altered: g.alteredSamples, assayed: g.assayed, events: g.total + g.cnvTotal }))
  }
  const out: Ranked[] = []
  m.features.forEach((f, i) => {
    if (f.type !== type) return
    const c = featureCounts(m, i)
    out.push({ id: f.id, altered: c.altered, assayed: c.assayed, events: 0 })
  })
  return out
}

/** The `top` most altered features of `type` (altered in at least one sample), in rank order. */
export function topFeatures(m: CohortMatrix, type: FeatureType, top: number): string[] {
  return candidates(m, type)
    .filter((r) => r.altered > 0 && r.assayed > 0)
    .sort(compare)
    .slice(0, Math.max(0, top))
    .map((r) => r.id)
}
