/**
 * Feature vectors against a binary response (e.g. ORR: CR+PR vs SD+PD).
 * - levels (binary/categorical): per non-reference level, the 2×2 of level vs reference with
 *   Fisher's exact test (conditional-MLE OR, exact CI) and the logistic-regression OR of that
 *   level (R glm); when the data are separated (e.g. 0/10 responders at a level) the plain MLE
 *   OR is infinite: it is labelled so and the finite Firth estimate (R brglm2) is reported, with
 *   profile-likelihood CI;
 * - numeric: Wilcoxon rank-sum of responders vs the rest (R wilcox.test), logistic OR per unit of
 *   the transformed value, ROC AUC (higher value = responder) with DeLong 95% CI (R pROC);
 * - multivariable: one logistic model with every feature and covariate, every term reported.
 */
import type { BinaryEndpoint } from '../clinical/endpoints.js'
import { fisherExact } from '../stats/fisher.js'
import { firthLogistic } from '../stats/firth.js'
import { logisticRegression, type LogisticResult } from '../stats/logistic.js'
import { rocAucDeLong } from '../stats/roc-delong.js'
import { mantelHaenszelExact } from '../stats/mantel-haenszel-exact.js'
import { wilcoxonRankSum } from '../stats/wilcoxon.js'
import { buildDesign, type Design, type NumericTransform } from './design.js'
import type { ResponseTermRow } from './rows.js'
import type { FeatureVector } from './vector.js'

export interface ResponseTermOptions {
  readonly transform: NumericTransform
  /** Stratum per patient: adds the exact stratified test (level rows). */
  readonly strata?: FeatureVector | undefined
}

interface OrCell {
  readonly or: number | undefined
  readonly lower: number | undefined
  readonly upper: number | undefined
  readonly p: number | undefined
  readonly method: string | undefined
  readonly note: string
}

const sum = (xs: readonly number[]) => xs.reduce((a, b) => a + b, 0)
const totalDropped = (d: Readonly<Record<string, number>>) => sum(Object.values(d))

/** glm, or Firth when glm meets separation (its MLE does not exist); one cell per term. */
export function logisticCells(y: readonly (0 | 1)[], d: Design): OrCell[] {
  const empty = d.terms.map((): OrCell => ({ or: undefined, lower: undefined, upper: undefined, p: undefined, method: undefined, note: '' }))
  const events = sum(y)
  if (d.samples.length === 0 || events === 0 || events === y.length) return empty.map((c) => ({ ...c, note: 'every patient in one response group: no OR' }))
  let fit: LogisticResult
  try {
    fit = logisticRegression(y, d.x, { names: d.terms.map((t) => t.name) })
  } catch (e) {
    if (e instanceof RangeError) return empty.map((c) => ({ ...c, note: e.message }))
    throw e
  }
  // terms[0] is the intercept.
  if (!fit.separation) {
    return d.terms.map((_, j): OrCell => {
      const t = fit.terms[j + 1]
      return { or: t?.or, lower: t?.orLower, upper: t?.orUpper, p: t?.p, method: 'logistic (glm, Wald CI)', note: fit.warning ?? '' }
    })
  }
  // Separation: the plain MLE does not exist (OR 0 or Inf). Firth's penalized likelihood gives a
  // finite estimate; its profile penalized-likelihood CI and LR p are what logistf reports.
  const firth = firthLogistic(y, d.x, { names: d.terms.map((t) => t.name) })
  return d.terms.map((_, j): OrCell => {
    const plain = fit.terms[j + 1]
    const t = firth.terms[j + 1]
    const mle = plain && plain.infinite !== 0 ? `separation: plain MLE OR = ${plain.infinite > 0 ? 'Inf' : '0'}; Firth estimate reported` : 'separation in the model: Firth estimates reported'
    return { or: t?.or, lower: t?.orLower, upper: t?.orUpper, p: t?.lrP, method: 'Firth penalized likelihood (brglm2 estimate; profile penalized-likelihood CI and LR p, logistf)', note: firth.converged ? mle : `${mle}; Firth fit did not converge` }
  })
}

function base(v: FeatureVector, ep: BinaryEndpoint) {
  return { feature: v.id, feature_type: v.source, kind: v.kind, endpoint: ep.name, comparison: `${ep.positive} vs ${ep.negative}` }
}

export function univariableResponse(v: FeatureVector, ep: BinaryEndpoint, opts: ResponseTermOptions): ResponseTermRow[] {
  const d = buildDesign([v], [...ep.values.keys()], opts.transform)
  const y = d.samples.map((s) => ep.values.get(s) as 0 | 1)
  const cells = logisticCells(y, d)
  const dropped = totalDropped(d.dropped)
  const none = { responders_level: undefined, n_level: undefined, responders_reference: undefined, n_reference: undefined, fisher_p: undefined, or_cmle: undefined, or_cmle_lower: undefined, or_cmle_upper: undefined }
  if (v.kind === 'numeric') {
    const x = d.x.map((r) => r[0] as number)
    const raw = d.samples.map((s) => v.values.get(s) as number)
    const resp = raw.filter((_, i) => y[i] === 1)
    const rest = raw.filter((_, i) => y[i] === 0)
    const ok = resp.length > 0 && rest.length > 0
    const w = ok ? wilcoxonRankSum(resp, rest) : undefined
    const roc = ok ? rocAucDeLong(x, y) : undefined
    const c = cells[0] as OrCell
    const med = (xs: number[]) => {
      if (xs.length === 0) return undefined
      const s = [...xs].sort((a, b) => a - b)
      const m = s.length / 2
      return s.length % 2 ? (s[Math.floor(m)] as number) : ((s[m - 1] as number) + (s[m] as number)) / 2
    }
    return [{
      ...base(v, ep), model: 'univariable', term: d.terms[0]?.name ?? v.label, level: undefined, reference: undefined, unit: d.terms[0]?.unit,
      n: d.samples.length, responders: sum(y), n_dropped: dropped, ...none,
      or: c.or, or_lower: c.lower, or_upper: c.upper, or_p: c.p, or_method: c.method,
      wilcoxon_p: w?.p, auc: roc?.auc, auc_lower: roc?.aucLower, auc_upper: roc?.aucUpper,
      median_responders: med(resp), median_nonresponders: med(rest),
      p: w?.p ?? Number.NaN, q: Number.NaN, covariates: [],
      note: [c.note, w?.warning ?? '', w ? `Wilcoxon: ${w.method}` : '', ...d.notes].filter(Boolean).join('; '),
    }]
  }
  const ref = v.levels[0] as string
  const count = (level: string) => {
    let r = 0
    let n = 0
    d.samples.forEach((s, i) => {
      if (v.values.get(s) !== level) return
      n++
      r += y[i] as number
    })
    return { r, n }
  }
  const rc = count(ref)
  const strata = opts.strata
  return d.terms.map((t, j): ResponseTermRow => {
    const lc = count(t.level as string)
    const f = lc.n > 0 && rc.n > 0 ? fisherExact(lc.r, lc.n - lc.r, rc.r, rc.n - rc.r) : undefined
    const c = cells[j] as OrCell
    let mh: ReturnType<typeof mantelHaenszelExact> | undefined
    let mhNote = ''
    if (strata) {
      const tables = new Map<string, { a: number; b: number; c: number; d: number }>()
      let noStratum = 0
      d.samples.forEach((s, i) => {
        const lv = v.values.get(s)
        if (lv !== t.level && lv !== ref) return
        const st = strata.values.get(s)
        if (st === undefined) {
          noStratum++
          return
        }
        const tb = tables.get(String(st)) ?? { a: 0, b: 0, c: 0, d: 0 }
        const yes = y[i] === 1
        if (lv === t.level) {
          if (yes) tb.a++
          else tb.b++
        } else if (yes) tb.c++
        else tb.d++
        tables.set(String(st), tb)
      })
      try {
        mh = mantelHaenszelExact([...tables.values()])
      } catch (e) {
        if (!(e instanceof RangeError)) throw e
        mhNote = `stratified test: ${e.message}`
      }
      if (noStratum > 0) mhNote = [mhNote, `stratified test: ${noStratum} patient(s) with no ${strata.label} left out`].filter(Boolean).join('; ')
    }
    return {
      ...base(v, ep), model: 'univariable', term: t.name, level: t.level, reference: ref, unit: undefined,
      n: d.samples.length, responders: sum(y), n_dropped: dropped,
      responders_level: lc.r, n_level: lc.n, responders_reference: rc.r, n_reference: rc.n,
      fisher_p: f?.p, or_cmle: f?.oddsRatio, or_cmle_lower: f?.ci[0], or_cmle_upper: f?.ci[1],
      or: c.or, or_lower: c.lower, or_upper: c.upper, or_p: c.p, or_method: c.method,
      wilcoxon_p: undefined, auc: undefined, auc_lower: undefined, auc_upper: undefined, median_responders: undefined, median_nonresponders: undefined,
      mh_or: mh?.or, mh_or_lower: mh?.orLower, mh_or_upper: mh?.orUpper, mh_p: mh?.p, mh_strata: mh?.strata,
      p: f?.p ?? Number.NaN, q: Number.NaN, covariates: [], note: [c.note, mhNote, strata ? `stratified by ${strata.label}` : ''].filter(Boolean).join('; '),
    }
  })
}

export function multivariableResponse(vectors: readonly FeatureVector[], covariates: readonly FeatureVector[], ep: BinaryEndpoint, opts: ResponseTermOptions): { rows: ResponseTermRow[]; design: Design } {
  const all = [...vectors, ...covariates]
  const d = buildDesign(all, [...ep.values.keys()], opts.transform)
  const y = d.samples.map((s) => ep.values.get(s) as 0 | 1)
  const cells = logisticCells(y, d)
  const byId = new Map(all.map((v) => [v.id, v]))
  const names = all.map((v) => v.label)
  const rows = d.terms.map((t, j): ResponseTermRow => {
    const v = byId.get(t.feature) as FeatureVector
    const c = cells[j] as OrCell
    return {
      ...base(v, ep), model: 'multivariable', term: t.name, level: t.level, reference: t.reference, unit: t.unit,
      n: d.samples.length, responders: sum(y), n_dropped: totalDropped(d.dropped),
      responders_level: undefined, n_level: undefined, responders_reference: undefined, n_reference: undefined,
      fisher_p: undefined, or_cmle: undefined, or_cmle_lower: undefined, or_cmle_upper: undefined,
      or: c.or, or_lower: c.lower, or_upper: c.upper, or_p: c.p, or_method: c.method,
      wilcoxon_p: undefined, auc: undefined, auc_lower: undefined, auc_upper: undefined, median_responders: undefined, median_nonresponders: undefined,
      p: c.p ?? Number.NaN, q: Number.NaN, covariates: names, note: [c.note, ...d.notes].filter(Boolean).join('; '),
    }
  })
  return { rows, design: d }
}
