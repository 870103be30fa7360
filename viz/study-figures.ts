/**
 * The study's figures from feature vectors and term rows: a Kaplan–Meier plot of any factor
 * (levels) or numeric feature split at a cut-off, with HR, 95% CI, P and medians printed on it
 * (numbers at risk come with the KM layout), and hazard-ratio / odds-ratio forest rows from the
 * univariable or multivariable term rows. Pure: the same inputs give the same figure input.
 */
import type { SurvivalEndpoint } from '../src/clinical/survival.js'
import type { ResponseTermRow, SurvivalTermRow } from '../src/features/rows.js'
import type { FeatureVector } from '../src/features/vector.js'
import { kaplanMeier, type ConfType } from '../src/stats/km.js'
import type { ForestOptions, ForestRow } from './forest.js'
import { kmCurve, type KmCurve, type KmPlotInput } from './km.js'

const fmtP = (p: number | undefined) => (p === undefined || Number.isNaN(p) ? 'NA' : p < 0.001 ? '< 0.001' : p.toFixed(3))
const fmt2 = (x: number | undefined) => (x === undefined || !Number.isFinite(x) ? 'NA' : x.toFixed(2))

/** "HR 0.54 (95% CI 0.30–0.96), P = 0.035" */
export function hrText(r: Pick<SurvivalTermRow, 'hr' | 'hr_lower' | 'hr_upper' | 'wald_p'>): string {
  return `HR ${fmt2(r.hr)} (95% CI ${fmt2(r.hr_lower)}–${fmt2(r.hr_upper)}), P = ${fmtP(r.wald_p)}`
}

export interface FactorKmOptions {
  readonly title?: string | undefined
  readonly timeLabel?: string | undefined
  readonly unit?: string | undefined
  readonly confType?: ConfType | undefined
}

/**
 * KM curves per level (reference first) of a level feature, or high/low of a numeric feature at
 * the cut-off row's split; annotations from the univariable (or cut-off) rows of that feature.
 */
export function factorKmInput(v: FeatureVector, ep: SurvivalEndpoint, rows: readonly SurvivalTermRow[], opts: FactorKmOptions = {}): KmPlotInput {
  const confType = opts.confType ?? 'log'
  const samples = [...ep.values.keys()].filter((s) => v.values.has(s))
  const groups: { label: string; member: (s: string) => boolean }[] = []
  const mine = rows.filter((r) => r.feature === v.id && r.endpoint === ep.name)
  let stats: readonly SurvivalTermRow[]
  if (v.kind === 'numeric') {
    const cut = mine.find((r) => r.model === 'cut-off')
    const at = cut?.cutoff ?? Number.NaN
    groups.push({ label: `${v.label} ${cut?.reference ?? 'low'}`, member: (s) => (v.values.get(s) as number) < at })
    groups.push({ label: `${v.label} ${cut?.level ?? 'high'}`, member: (s) => (v.values.get(s) as number) >= at })
    stats = cut ? [cut] : []
  } else {
    for (const l of v.levels) groups.push({ label: `${v.label} ${l}`, member: (s) => v.values.get(s) === l })
    stats = mine.filter((r) => r.model === 'univariable')
  }
  const curves: KmCurve[] = []
  for (const g of groups) {
    const who = samples.filter(g.member)
    if (who.length === 0) continue
    const km = kaplanMeier(who.map((s) => (ep.values.get(s) as { time: number }).time), who.map((s) => (ep.values.get(s) as { event: 0 | 1 }).event), { confType })
    curves.push(kmCurve(g.label, km))
  }
  const annotations = stats.map((r) => `${v.kind === 'numeric' ? 'high vs low' : `${r.level} vs ${r.reference}`}: ${hrText(r)}`)
  const lr = stats[0]?.logrank_p
  if (lr !== undefined) annotations.push(`Log-rank P = ${fmtP(lr)}`)
  return { title: opts.title ?? `${v.label} — ${ep.name}`, curves, annotations, timeLabel: opts.timeLabel, unit: opts.unit }
}

/** Hazard-ratio forest rows: one per term, labelled by the term; count = events/n of the model. */
export function hrForestRows(rows: readonly SurvivalTermRow[]): ForestRow[] {
  return rows
    .filter((r) => r.hr !== undefined)
    .map((r) => ({ label: r.term, or: r.hr as number, lower: r.hr_lower ?? Number.NaN, upper: r.hr_upper ?? Number.NaN, p: r.wald_p ?? Number.NaN, q: r.q, n: { altered: r.events, assayed: r.n } }))
}

/** Odds-ratio forest rows (logistic, or Firth when separated): count = responders/n. */
export function orForestRows(rows: readonly ResponseTermRow[]): ForestRow[] {
  return rows
    .filter((r) => r.or !== undefined)
    .map((r) => ({ label: r.term, or: r.or as number, lower: r.or_lower ?? Number.NaN, upper: r.or_upper ?? Number.NaN, p: r.or_p ?? Number.NaN, q: r.q, n: { altered: r.responders, assayed: r.n } }))
}

export function hrForestOptions(title: string, multivariable: boolean): ForestOptions {
  return { title, noQ: multivariable, labels: { feature: 'Term (vs reference)', count: 'events/n', effect: 'HR [95% CI]', axis: 'Hazard ratio (Cox, Efron ties; log scale)' } }
}

export function orForestOptions(title: string, multivariable: boolean): ForestOptions {
  return { title, noQ: multivariable, labels: { feature: 'Term (vs reference)', count: 'responders/n', effect: 'OR [95% CI]', axis: 'Odds ratio (logistic regression; log scale)' } }
}
