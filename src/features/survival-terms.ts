/**
 * Feature vectors against a survival endpoint.
 * - univariable: one Cox model (Efron ties, R coxph) per feature: a HR per non-reference level
 *   (or per transformed unit of a numeric feature) with 95% CI and Wald p; for levels, the
 *   log-rank test across the levels and KM medians per level;
 * - cut-off (numeric features): high (≥ cut-off) vs low, at the user's cut-off or the median,
 *   with KM medians, log-rank and Cox HR high vs low;
 * - multivariable: one Cox model with every feature and covariate, every term reported, with the
 *   patients and events used and those dropped for a missing value.
 * O(n log n) per model (the sort), O(n·p²) per Newton step.
 */
import type { SurvivalEndpoint } from '../clinical/survival.js'
import { coxph, type CoxResult } from '../stats/cox.js'
import { kaplanMeier, type ConfType } from '../stats/km.js'
import { logRank } from '../stats/logrank.js'
import { maxstatSurvival, type MaxstatPMethod } from '../stats/maxstat-survival.js'
import { buildDesign, type Design, type NumericTransform } from './design.js'
import type { MedianCell, SurvivalTermRow } from './rows.js'
import type { FeatureVector, NumericVector } from './vector.js'

export interface SurvivalTermOptions {
  readonly transform: NumericTransform
  readonly confType?: ConfType | undefined
  /** Numeric split point in the feature's raw unit (≥ is high); default the median. */
  readonly cutoff?: number | undefined
  /** Also the data-chosen cut-point (maximally selected log-rank statistic, R maxstat, Lausen 1994 p): exploratory. */
  readonly maxstat?: boolean | undefined
  /** The maxstat p: "Lau94" (default) or "exactGauss". */
  readonly maxstatPMethod?: MaxstatPMethod | undefined
}

function medianCell(time: readonly number[], event: readonly (0 | 1)[], confType: ConfType): MedianCell | undefined {
  if (time.length === 0) return undefined
  const km = kaplanMeier(time, event, { confType })
  return { n: km.n, events: km.events, median: km.median.estimate, lower: km.median.lower, upper: km.median.upper }
}

const sum = (xs: readonly number[]) => xs.reduce((a, b) => a + b, 0)
const totalDropped = (d: Readonly<Record<string, number>>) => sum(Object.values(d))

function fitCox(ep: SurvivalEndpoint, d: Design): { fit: CoxResult | undefined; time: number[]; event: (0 | 1)[]; note: string } {
  const time = d.samples.map((s) => (ep.values.get(s) as { time: number }).time)
  const event = d.samples.map((s) => (ep.values.get(s) as { event: 0 | 1 }).event)
  if (d.samples.length === 0 || sum(event) === 0) return { fit: undefined, time, event, note: 'no events: HR not estimable' }
  const fit = coxph(time, event, d.x, { names: d.terms.map((t) => t.name) })
  const note = fit.warning ?? (fit.converged ? '' : 'Cox fit did not converge')
  return { fit, time, event, note }
}

function baseRow(v: FeatureVector, ep: SurvivalEndpoint) {
  return { feature: v.id, feature_type: v.source, kind: v.kind, endpoint: ep.name }
}

export function univariableSurvival(v: FeatureVector, ep: SurvivalEndpoint, opts: SurvivalTermOptions): SurvivalTermRow[] {
  const confType = opts.confType ?? 'log'
  const universe = [...ep.values.keys()]
  const d = buildDesign([v], universe, opts.transform)
  const { fit, time, event, note } = fitCox(ep, d)
  const rows: SurvivalTermRow[] = []
  const dropped = totalDropped(d.dropped)
  if (v.kind === 'numeric') {
    const c = fit?.coefficients[0]
    const term = d.terms[0]
    rows.push({
      ...baseRow(v, ep), model: 'univariable', term: term?.name ?? v.label, level: undefined, reference: undefined, unit: term?.unit,
      n: d.samples.length, events: sum(event), n_dropped: dropped,
      hr: c?.hr, hr_lower: c?.lower, hr_upper: c?.upper, wald_p: c?.p, logrank_p: undefined,
      median_level: undefined, median_reference: undefined, p: c?.p ?? Number.NaN, q: Number.NaN, covariates: [], note: [note, ...d.notes].filter(Boolean).join('; '),
    })
    rows.push(cutoffRow(v, ep, d.samples, opts))
    if (opts.maxstat) rows.push(maxstatRow(v, ep, d.samples, opts))
    return rows
  }
  const level = d.samples.map((s) => v.values.get(s) as string)
  const present = v.levels.filter((l) => level.includes(l))
  const lr = present.length >= 2 && sum(event) > 0 ? logRank(time, event, level) : undefined
  const byLevel = (l: string) => {
    const idx = level.flatMap((x, i) => (x === l ? [i] : []))
    return medianCell(idx.map((i) => time[i] as number), idx.map((i) => event[i] as 0 | 1), confType)
  }
  const ref = v.levels[0] as string
  const refMedian = byLevel(ref)
  d.terms.forEach((t, j) => {
    const c = fit?.coefficients[j]
    rows.push({
      ...baseRow(v, ep), model: 'univariable', term: t.name, level: t.level, reference: ref, unit: undefined,
      n: d.samples.length, events: sum(event), n_dropped: dropped,
      hr: c?.hr, hr_lower: c?.lower, hr_upper: c?.upper, wald_p: c?.p, logrank_p: lr?.p,
      median_level: byLevel(t.level as string), median_reference: refMedian,
      p: (v.kind === 'binary' ? lr?.p : c?.p) ?? Number.NaN, q: Number.NaN, covariates: [], note,
    })
  })
  return rows
}

/** High (≥ cut-off) vs low on the raw scale; the median when no cut-off is given (stated). */
export function cutoffRow(v: NumericVector, ep: SurvivalEndpoint, samples: readonly string[], opts: SurvivalTermOptions): SurvivalTermRow {
  const confType = opts.confType ?? 'log'
  const xs = samples.map((s) => v.values.get(s) as number)
  const sorted = [...xs].sort((a, b) => a - b)
  const mid = sorted.length / 2
  const median = sorted.length === 0 ? Number.NaN : sorted.length % 2 === 1 ? (sorted[Math.floor(mid)] as number) : ((sorted[mid - 1] as number) + (sorted[mid] as number)) / 2
  const cut = opts.cutoff ?? median
  const how = opts.cutoff === undefined ? `median ${fmt(cut)}` : `cut-off ${fmt(cut)}`
  const high = xs.map((x) => (x >= cut ? 1 : 0))
  const time = samples.map((s) => (ep.values.get(s) as { time: number }).time)
  const event = samples.map((s) => (ep.values.get(s) as { event: 0 | 1 }).event)
  const pick = (g: number) => {
    const idx = high.flatMap((h, i) => (h === g ? [i] : []))
    return medianCell(idx.map((i) => time[i] as number), idx.map((i) => event[i] as 0 | 1), confType)
  }
  const nHigh = sum(high)
  const ok = nHigh > 0 && nHigh < high.length && sum(event) > 0
  const lr = ok ? logRank(time, event, high) : undefined
  const fit = ok ? coxph(time, event, high.map((h) => [h]), { names: ['high'] }) : undefined
  const c = fit?.coefficients[0]
  const unit = v.unit ? ` ${v.unit}` : ''
  return {
    ...baseRow(v, ep), model: 'cut-off', term: `${v.label} ≥ ${fmt(cut)}${unit}`, level: `high (≥ ${fmt(cut)})`, reference: `low (< ${fmt(cut)})`, unit: undefined,
    n: samples.length, events: sum(event), n_dropped: 0,
    hr: c?.hr, hr_lower: c?.lower, hr_upper: c?.upper, wald_p: c?.p, logrank_p: lr?.p,
    median_level: pick(1), median_reference: pick(0),
    p: lr?.p ?? Number.NaN, q: Number.NaN, covariates: [], cutoff: cut,
    note: ok ? `split at the ${how} (high ≥)${fit?.warning ? `; ${fit.warning}` : ''}` : `split at the ${how}: one group is empty or there are no events`,
  }
}

/**
 * The cut-point that maximises the standardised log-rank statistic (R maxstat.test, smethod
 * "LogRank", pmethod "Lau94", minprop 0.1, maxprop 0.9): low is x ≤ cut-point. Its p is the
 * Lausen–Schumacher corrected one (the plain log-rank p of a data-chosen split is far too small);
 * the row says EXPLORATORY, and its KM/HR describe the chosen split.
 */
export function maxstatRow(v: NumericVector, ep: SurvivalEndpoint, samples: readonly string[], opts: SurvivalTermOptions): SurvivalTermRow {
  const time = samples.map((s) => (ep.values.get(s) as { time: number }).time)
  const event = samples.map((s) => (ep.values.get(s) as { event: 0 | 1 }).event)
  const xs = samples.map((s) => v.values.get(s) as number)
  const m = maxstatSurvival(time, event, xs, { pmethod: opts.maxstatPMethod })
  // x > cut-point is x ≥ the next observed value: the split cutoffRow draws.
  const next = Math.min(...xs.filter((x) => x > m.cutpoint))
  const row = cutoffRow(v, ep, samples, { ...opts, cutoff: next })
  return {
    ...row,
    term: `${v.label} > ${fmt(m.cutpoint)}${v.unit ? ` ${v.unit}` : ''} (maxstat)`,
    level: `high (> ${fmt(m.cutpoint)})`,
    reference: `low (≤ ${fmt(m.cutpoint)})`,
    p: Math.min(1, m.p),
    cutoff: next,
    note: `EXPLORATORY: cut-point chosen by the data (maximally selected log-rank statistic ${m.statistic.toPrecision(4)}); p is maxstat's ${opts.maxstatPMethod === 'exactGauss' ? 'exactGauss p' : 'Lausen 1994 corrected p'} (${m.method}); HR, log-rank and medians describe the chosen split and are optimistic`,
  }
}

export function multivariableSurvival(vectors: readonly FeatureVector[], covariates: readonly FeatureVector[], ep: SurvivalEndpoint, opts: SurvivalTermOptions): { rows: SurvivalTermRow[]; design: Design } {
  const all = [...vectors, ...covariates]
  const d = buildDesign(all, [...ep.values.keys()], opts.transform)
  const { fit, event, note } = fitCox(ep, d)
  const byId = new Map(all.map((v) => [v.id, v]))
  const names = all.map((v) => v.label)
  const rows = d.terms.map((t, j): SurvivalTermRow => {
    const v = byId.get(t.feature) as FeatureVector
    const c = fit?.coefficients[j]
    return {
      ...baseRow(v, ep), model: 'multivariable', term: t.name, level: t.level, reference: t.reference, unit: t.unit,
      n: d.samples.length, events: sum(event), n_dropped: totalDropped(d.dropped),
      hr: c?.hr, hr_lower: c?.lower, hr_upper: c?.upper, wald_p: c?.p, logrank_p: undefined,
      median_level: undefined, median_reference: undefined, p: c?.p ?? Number.NaN, q: Number.NaN, covariates: names, note: [note, ...d.notes].filter(Boolean).join('; '),
    }
  })
  return { rows, design: d }
}

function fmt(x: number): string {
  return Number.isInteger(x) ? String(x) : String(Number(x.toPrecision(4)))
}
