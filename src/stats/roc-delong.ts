/**
 * ROC AUC with DeLong's variance and interval, as R's pROC::roc(labels, scores, levels = c(0, 1),
 * direction = "<") followed by ci.auc(method = "delong"). Direction is fixed, never "auto":
 * higher scores are taken to indicate label 1, so a marker that is lower in the cases gives
 * AUC < 0.5 rather than being silently flipped (pROC's "auto" picks the direction from the data,
 * which biases the AUC upwards). Ties count ½.
 *
 * DeLong's structural components come from mid-ranks in O(n log n): for a case, the share of
 * controls below it is (rank among all − rank among cases)/n_controls; for a control, the share of
 * cases above it mirrors that. Variance = var(V10)/n_cases + var(V01)/n_controls with n − 1
 * denominators; the interval is AUC ± z·SD clipped to [0, 1] (as pROC).
 */
import { qnorm } from './normal.js'
import { averageRanks } from './rank.js'
import type { Binary } from './logistic-design.js'

export interface RocAucResult {
  readonly auc: number
  readonly variance: number
  readonly aucLower: number
  readonly aucUpper: number
  readonly cases: number
  readonly controls: number
  readonly direction: 'higher score = label 1'
}

export function rocAucDeLong(scores: readonly number[], labels: readonly Binary[], confLevel = 0.95): RocAucResult {
  if (scores.length !== labels.length) throw new RangeError(`rocAucDeLong: ${scores.length} scores but ${labels.length} labels`)
  const cases: number[] = []
  const controls: number[] = []
  scores.forEach((s, i) => {
    if (!Number.isFinite(s)) throw new RangeError(`rocAucDeLong: scores[${i}] must be a finite number, got ${String(s)}`)
    const l = labels[i]
    if (l === 1 || l === true) cases.push(s)
    else if (l === 0 || l === false) controls.push(s)
    else throw new RangeError(`rocAucDeLong: labels[${i}] must be 0/1 or a boolean, got ${String(l)}`)
  })
  const m = cases.length
  const n = controls.length
  if (m === 0 || n === 0) throw new RangeError(`rocAucDeLong: need at least one case and one control (got ${m} cases, ${n} controls)`)
  const all = averageRanks([...cases, ...controls]).ranks
  const rc = averageRanks(cases).ranks
  const rn = averageRanks(controls).ranks
  const v10 = cases.map((_, i) => ((all[i] as number) - (rc[i] as number)) / n)
  const v01 = controls.map((_, j) => 1 - ((all[m + j] as number) - (rn[j] as number)) / m)
  const auc = v10.reduce((s, v) => s + v, 0) / m
  const sampleVar = (v: number[]) => (v.length < 2 ? NaN : v.reduce((s, x) => s + (x - auc) * (x - auc), 0) / (v.length - 1))
  // One case or one control: that component has no spread to estimate; pROC returns NA, we NaN.
  const variance = sampleVar(v10) / m + sampleVar(v01) / n
  const z = qnorm(1 - (1 - confLevel) / 2)
  const sd = Math.sqrt(variance)
  return {
    auc,
    variance,
    aucLower: Math.max(0, auc - z * sd),
    aucUpper: Math.min(1, auc + z * sd),
    cases: m,
    controls: n,
    direction: 'higher score = label 1',
  }
}
