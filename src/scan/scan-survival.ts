/**
 * Survival endpoints (PFS, OS, or any time/event pair): per feature, Kaplan–Meier medians with
 * 95% CI for altered and wild-type, the log-rank test, and a Cox model (Efron ties) whose HR is
 * always altered vs wild-type (the indicator is 1 for altered), optionally adjusted for clinical
 * covariates. q over the endpoint's family uses the log-rank p (or the adjusted Cox p with covariates).
 *
 * Complexity: O(features × n × Cox iterations) for n tested samples. Samples are visited in
 * (time, sample index) order, fixed once, so the per-feature sorts in the KM, log-rank and Cox code
 * (stable TimSort, ties by input index) get already-sorted input and run in linear time, visiting
 * tied samples in the same order as before: results are unchanged. Covariate rows are built once
 * per sample, not once per sample and feature. Curves (raw observations and KM objects for every
 * feature) are kept only when asked (`curves`, default true for the report); `scan` does not ask,
 * which keeps 10,000 samples × 500 features from holding ~1 GB (measured peak RSS 1.36 GB before).
 */
import { survivalEndpoint, type SurvivalSpec } from '../clinical/survival.js'
import type { ClinicalTable } from '../model/clinical.js'
import { ALTERED, NOT_ASSAYED, type CohortMatrix } from '../matrix/types.js'
import { coxph } from '../stats/cox.js'
import { kaplanMeier, type ConfType, type KaplanMeier } from '../stats/km.js'
import { logRank } from '../stats/logrank.js'
import { adjustWithinFamilies, type AdjustMethod } from './families.js'
import { encodeCovariates } from './covariates.js'
import { align, type Excluded } from './groups.js'
import type { SurvivalRow } from './survival-row.js'

export interface SurvivalScanOptions {
  readonly confType?: ConfType | undefined
  readonly covariates?: readonly string[] | undefined
  readonly adjust?: AdjustMethod | undefined
  readonly lenient?: boolean | undefined
  /** Keep per-feature KM curves and raw observations in `curves` (default true); false leaves it empty. */
  readonly curves?: boolean | undefined
}

export interface SurvivalGroupCurves {
  readonly feature: string
  readonly altered: KaplanMeier | undefined
  readonly wildType: KaplanMeier | undefined
  /** Raw observations per group (in time order), for plots and numbers at risk. */
  readonly alteredData: { time: number[]; event: (0 | 1)[] }
  readonly wildTypeData: { time: number[]; event: (0 | 1)[] }
}

export interface SurvivalScan {
  readonly endpoint: string
  readonly timeColumn: string
  readonly eventColumn: string
  readonly rows: SurvivalRow[]
  /** One per row, in row order; empty when the scan was run with `curves: false`. */
  readonly curves: SurvivalGroupCurves[]
  readonly tested: number
  readonly excluded: Excluded
  readonly overall: KaplanMeier | undefined
}

export function scanSurvival(
  m: CohortMatrix,
  clinical: ClinicalTable,
  spec: SurvivalSpec,
  features: readonly number[],
  opts: SurvivalScanOptions = {},
): SurvivalScan {
  const ep = survivalEndpoint(clinical, spec, { lenient: opts.lenient })
  const confType = opts.confType ?? 'log'
  const cov = opts.covariates && opts.covariates.length > 0 ? encodeCovariates(clinical, opts.covariates) : undefined
  const codes = new Map<string, number>()
  const excludedExtra: Record<string, string[]> = {}
  for (const [s, _v] of ep.values) {
    if (cov && !cov.rows.has(s)) (excludedExtra['missing covariate'] ??= []).push(s)
    else codes.set(s, 0)
  }
  const al = align(m, codes, { ...ep.excluded, ...excludedExtra }, clinical.rows.keys())
  const n = m.samples.length
  const family = `${ep.name}: altered vs wild-type`
  const rows: SurvivalRow[] = []
  const curves: SurvivalGroupCurves[] = []
  const keepCurves = opts.curves ?? true
  const allT: number[] = []
  const allE: (0 | 1)[] = []
  // Tested samples with follow-up, in (time, sample index) order; model rows [altered, ...covariates] per sample.
  const visit: number[] = []
  const obsOf: { time: number; event: 0 | 1 }[] = []
  const rowAltered: (readonly number[])[] = []
  const rowWild: (readonly number[])[] = []
  const ALT: readonly number[] = [1]
  const WT: readonly number[] = [0]
  for (let s = 0; s < n; s++) {
    if ((al.group[s] as number) < 0) continue
    const sample = m.samples[s] as string
    const obs = ep.values.get(sample)
    if (obs) {
      allT.push(obs.time)
      allE.push(obs.event)
      visit.push(s)
      obsOf[s] = obs
      const c = cov?.rows.get(sample)
      rowAltered[s] = c ? [1, ...c] : ALT
      rowWild[s] = c ? [0, ...c] : WT
    }
  }
  visit.sort((i, j) => (obsOf[i] as { time: number }).time - (obsOf[j] as { time: number }).time || i - j)
  // Samples excluded from the model but counted: tested, not assayed (whatever their follow-up).
  const notAssayedBase: number[] = []
  for (let s = 0; s < n; s++) if ((al.group[s] as number) >= 0) notAssayedBase.push(s)
  for (const f of features) {
    const feat = m.features[f]
    if (feat === undefined) continue
    const A = { time: [] as number[], event: [] as (0 | 1)[] }
    const W = { time: [] as number[], event: [] as (0 | 1)[] }
    const modelT: number[] = []
    const modelE: (0 | 1)[] = []
    const modelX: (readonly number[])[] = []
    let notAssayed = 0
    for (const s of notAssayedBase) if (m.state[f * n + s] === NOT_ASSAYED) notAssayed++
    for (const s of visit) {
      const st = m.state[f * n + s]
      if (st === NOT_ASSAYED) continue
      const obs = obsOf[s] as { time: number; event: 0 | 1 }
      const g = st === ALTERED ? A : W
      g.time.push(obs.time)
      g.event.push(obs.event)
      modelT.push(obs.time)
      modelE.push(obs.event)
      modelX.push((st === ALTERED ? rowAltered[s] : rowWild[s]) as readonly number[])
    }
    const km = (d: { time: number[]; event: (0 | 1)[] }) => (d.time.length > 0 ? kaplanMeier(d.time, d.event, { confType }) : undefined)
    const kmA = km(A)
    const kmW = km(W)
    if (keepCurves) curves.push({ feature: feat.id, altered: kmA, wildType: kmW, alteredData: A, wildTypeData: W })
    const eventsA = A.event.reduce<number>((x, e) => x + e, 0)
    const eventsW = W.event.reduce<number>((x, e) => x + e, 0)
    let chisq: number | undefined
    let lrP: number | undefined
    let hr: number | undefined
    let hrLo: number | undefined
    let hrHi: number | undefined
    let coxP: number | undefined
    let note: string | undefined
    if (A.time.length > 0 && W.time.length > 0 && eventsA + eventsW > 0) {
      const lr = logRank(modelT, modelE, modelX.map((x) => (x[0] === 1 ? 'altered' : 'wild-type')))
      chisq = lr.chisq
      lrP = lr.p
      const fit = coxph(modelT, modelE, modelX, { names: ['altered', ...(cov?.names ?? [])] })
      const c = fit.coefficients[0]
      if (c) {
        hr = c.hr
        hrLo = c.lower
        hrHi = c.upper
        coxP = c.p
      }
      if (!fit.converged || fit.warning) note = fit.warning ?? 'Cox fit did not converge'
    } else note = A.time.length === 0 ? 'no altered samples with follow-up' : W.time.length === 0 ? 'no wild-type samples with follow-up' : 'no events'
    const med = (k: KaplanMeier | undefined) => (k ? { median: k.median.estimate, lower: k.median.lower, upper: k.median.upper } : undefined)
    const p = cov ? (coxP ?? Number.NaN) : (lrP ?? Number.NaN)
    rows.push({
      feature: feat.id,
      label: feat.label,
      featureType: feat.type,
      endpoint: ep.name,
      family,
      nAltered: A.time.length,
      nWildType: W.time.length,
      notAssayed,
      eventsAltered: eventsA,
      eventsWildType: eventsW,
      medianAltered: med(kmA),
      medianWildType: med(kmW),
      logrankChisq: chisq,
      logrankP: lrP,
      hr,
      hrLower: hrLo,
      hrUpper: hrHi,
      coxP,
      p,
      q: Number.NaN,
      test: cov ? `Cox PH (Efron ties), Wald p adjusted for ${cov.names.join(', ')}; log-rank unadjusted` : 'log-rank; Cox PH (Efron ties) for HR',
      covariates: cov?.names ?? [],
      note,
    })
  }
  adjustWithinFamilies(rows, opts.adjust ?? 'BH')
  return {
    endpoint: ep.name,
    timeColumn: ep.timeColumn,
    eventColumn: ep.eventColumn,
    rows,
    curves,
    tested: al.tested,
    excluded: al.excluded,
    overall: allT.length > 0 ? kaplanMeier(allT, allE, { confType }) : undefined,
  }
}
