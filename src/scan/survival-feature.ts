/**
 * One feature of scanSurvival (./scan-survival.ts): split the endpoint's visited samples (tested,
 * with follow-up, in (time, sample index) order) into the model rows, the altered and the wild-type
 * group, then KM medians per group, log-rank and Cox. Shared by the main thread and the scan's
 * worker thread (./survival-threads.ts), so both compute every number with the same code.
 *
 * Everything per feature lives in buffers made once per scan (`survivalBuffers`), the Cox fit's
 * code bytes included (a fresh 155 KB array per feature at 158,728 patients), and so does the Cox
 * log-likelihood at β = 0 of each assayed-patient set (../stats/cox-binary.ts NullLoglik: the
 * same bits for every feature of one panel set, so its logs are taken once).
 */
import { columnMeans, coxSorted, type CoxResult } from '../stats/cox.js'
import { coxBinarySorted, NullLoglik } from '../stats/cox-binary.js'
import { kaplanMeierSorted, kmSorted, type ConfType, type KaplanMeier, type KmSummary } from '../stats/km.js'
import { logRankSorted } from '../stats/logrank.js'
import { ALTERED, NOT_ASSAYED } from '../matrix/types.js'
import type { Median, SurvivalRow } from './survival-row.js'

/** What every feature of one endpoint is tested over: plain numbers, shareable across threads. */
export interface SurvivalInputs {
  /** Sample index (column of `state`) of each visited row, in visit order. */
  readonly vSample: Int32Array
  readonly vTime: Float64Array
  readonly vEvent: Uint8Array
  /** Covariate values per visited row, `pc` a row (row-major); empty without covariates. */
  readonly vCov: Float64Array
  readonly pc: number
  /** kmCriticalValue of the confidence level. */
  readonly z: number
  readonly confType: ConfType
  readonly coxNames: readonly string[]
}

/** What one feature's row holds besides its names (SurvivalRow's fields, the note always set): the same numbers on every thread. */
export type FeatureOutcome = Pick<
  SurvivalRow,
  'nAltered' | 'nWildType' | 'notAssayed' | 'eventsAltered' | 'eventsWildType' | 'medianAltered' | 'medianWildType' | 'logrankChisq' | 'logrankP' | 'hr' | 'hrLower' | 'hrUpper' | 'coxP'
> & { readonly note: string | undefined }

/** Per-group KM curves and raw observations, for the report (only when asked). */
export interface FeatureCurves {
  readonly altered: KaplanMeier | undefined
  readonly wildType: KaplanMeier | undefined
  /** Raw observations per group (in time order), for plots and numbers at risk. */
  readonly alteredData: { time: number[]; event: (0 | 1)[] }
  readonly wildTypeData: { time: number[]; event: (0 | 1)[] }
}

/** The per-feature buffers, reused: the model rows (assayed samples) and each group's rows, in visit order. */
export interface SurvivalBuffers {
  readonly mTime: Float64Array
  readonly mEvent: Uint8Array
  /** log-rank group index: 0 = altered, 1 = wild-type (survdiff's sorted level order) */
  readonly mGroup: Uint8Array
  /** the Cox covariate before centring: 1 = altered */
  readonly mAltered: Uint8Array
  readonly mX: Float64Array
  readonly aTime: Float64Array
  readonly aEvent: Uint8Array
  readonly wTime: Float64Array
  readonly wEvent: Uint8Array
  /** coxBinarySorted's per-row code bytes */
  readonly coxCodes: Uint8Array
  /** Cox log-likelihoods at β = 0, shared by features assayed on the same patients */
  readonly nulls: NullLoglik
}

let warm = false

/**
 * Run the per-feature code once on a tiny made-up endpoint (14 rows: ties, censoring, both groups,
 * a not-assayed row; without and with a covariate), once per thread, before the first real feature.
 * Why: on the first real feature each row loop (the split here, twoGroupSums, the Cox evaluator)
 * is hot before the code after it has ever run, so V8 compiles the loop on the stack (OSR) without
 * type feedback for what follows; that code then deoptimizes at the loop's exit on every call and
 * the rest of the feature runs unoptimized, boxing each double. Measured on a 158,728-patient
 * endpoint (60 features, one thread): 269 → 14 scavenges and 3.3 → 1.6–2.0 s CPU. The results of
 * this run are discarded; nothing is shared with the real features but the compiled code.
 */
export function warmUp(): void {
  if (warm) return
  warm = true
  const time = [1, 1, 2, 3, 3, 3, 4, 5, 6, 6, 7, 8, 9, 9]
  const vTime = Float64Array.from(time)
  const vEvent = Uint8Array.from(time, (_, k) => (k % 3 === 2 ? 0 : 1))
  const vSample = Int32Array.from(time, (_, k) => k)
  const state = Uint8Array.from(time, (_, k) => (k === 5 ? NOT_ASSAYED : k % 2 === 0 ? ALTERED : 0))
  for (const pc of [0, 1]) {
    const inp: SurvivalInputs = { vSample, vTime, vEvent, vCov: Float64Array.from({ length: time.length * pc }, (_, k) => k % 4), pc, z: 1.959963984540054, confType: 'log', coxNames: pc === 0 ? ['altered'] : ['altered', 'c'] }
    const buf = survivalBuffers(inp)
    for (let i = 0; i < 3; i++) survivalFeature(inp, state, 0, buf)
  }
}

export function survivalBuffers(inp: SurvivalInputs): SurvivalBuffers {
  const nv = inp.vSample.length
  const cols = 1 + inp.pc
  return {
    mTime: new Float64Array(nv),
    mEvent: new Uint8Array(nv),
    mGroup: new Uint8Array(nv),
    mAltered: new Uint8Array(nv),
    mX: new Float64Array(inp.pc > 0 ? nv * cols : 0),
    aTime: new Float64Array(nv),
    aEvent: new Uint8Array(nv),
    wTime: new Float64Array(nv),
    wEvent: new Uint8Array(nv),
    coxCodes: new Uint8Array(nv),
    nulls: new NullLoglik(),
  }
}

/** With covariates: centre the model columns (means summed in visit order, as coxph would), then fit. */
function coxCentred(time: Float64Array, event: Uint8Array, mX: Float64Array, nm: number, cols: number, names: readonly string[]): CoxResult {
  const x = mX.slice(0, nm * cols)
  const means = columnMeans(x, nm, cols)
  for (let i = 0; i < nm * cols; i++) x[i] = (x[i] as number) - (means[i % cols] as number)
  return coxSorted({ time, event, x, p: cols }, { names })
}

/** Per state byte: 1 when the feature was assayed in the sample / when it is altered there. */
const KEEP = Uint8Array.from({ length: 256 }, (_, st) => (st === NOT_ASSAYED ? 0 : 1))
const ALT = Uint8Array.from({ length: 256 }, (_, st) => (st === ALTERED ? 1 : 0))

const median = (k: KmSummary | undefined): Median | undefined => (k ? { median: k.median.estimate, lower: k.median.lower, upper: k.median.upper } : undefined)

/**
 * The feature whose state bytes start at `state[base]` (indexed by sample): its row's numbers, and
 * its curves when `curves` is given (pushed there).
 */
export function survivalFeature(inp: SurvivalInputs, state: Uint8Array, base: number, buf: SurvivalBuffers, curves?: FeatureCurves[]): FeatureOutcome {
  const { vSample, vTime, vEvent, vCov, pc, z, confType } = inp
  const { mTime, mEvent, mGroup, mAltered, mX, aTime, aEvent, wTime, wEvent } = buf
  const nv = vSample.length
  const cols = 1 + pc
  // Tested samples are exactly those with follow-up (align keeps the samples in `codes`), so the
  // pass over `visit` also counts the tested samples this feature did not assay.
  let notAssayed = 0
  let nm = 0
  let nA = 0
  let nW = 0
  let eventsA = 0
  let eventsW = 0
  // Without branches: which rows are assayed and altered is a coin flip per row to the branch
  // predictor (rows are in time order, panels and alterations are not). Every buffer is written
  // at its cursor and the cursor moves only when the row belongs there.
  for (let k = 0; k < nv; k++) {
    const st = state[base + (vSample[k] as number)] as number
    const keep = KEEP[st] as number
    const alt = ALT[st] as number
    const wild = keep - alt
    const t = vTime[k] as number
    const e = vEvent[k] as number
    mTime[nm] = t
    mEvent[nm] = e
    mGroup[nm] = wild
    mAltered[nm] = alt
    if (pc > 0) {
      mX[nm * cols] = alt
      for (let j = 0; j < pc; j++) mX[nm * cols + 1 + j] = vCov[k * pc + j] as number
    }
    nm += keep
    aTime[nA] = t
    aEvent[nA] = e
    nA += alt
    eventsA += e & alt
    wTime[nW] = t
    wEvent[nW] = e
    nW += wild
    eventsW += e & wild
    notAssayed += 1 - keep
  }
  let kmA: KmSummary | undefined
  let kmW: KmSummary | undefined
  if (curves === undefined) {
    kmA = nA === 0 ? undefined : kmSorted(aTime.subarray(0, nA), aEvent.subarray(0, nA), z, confType)
    kmW = nW === 0 ? undefined : kmSorted(wTime.subarray(0, nW), wEvent.subarray(0, nW), z, confType)
  } else {
    const curveA = nA === 0 ? undefined : kaplanMeierSorted(aTime.subarray(0, nA), aEvent.subarray(0, nA), { confType })
    const curveW = nW === 0 ? undefined : kaplanMeierSorted(wTime.subarray(0, nW), wEvent.subarray(0, nW), { confType })
    kmA = curveA
    kmW = curveW
    const data = (time: Float64Array, event: Uint8Array, size: number) => ({ time: Array.from(time.subarray(0, size)), event: Array.from(event.subarray(0, size), (e) => (e === 1 ? 1 : 0)) })
    curves.push({ altered: curveA, wildType: curveW, alteredData: data(aTime, aEvent, nA), wildTypeData: data(wTime, wEvent, nW) })
  }
  let chisq: number | undefined
  let lrP: number | undefined
  let hr: number | undefined
  let hrLo: number | undefined
  let hrHi: number | undefined
  let coxP: number | undefined
  let note: string | undefined
  if (nA > 0 && nW > 0 && eventsA + eventsW > 0) {
    const time = mTime.subarray(0, nm)
    const event = mEvent.subarray(0, nm)
    const lr = logRankSorted(time, event, mGroup.subarray(0, nm), 2)
    chisq = lr.chisq
    lrP = lr.p
    const fit = pc === 0 ? coxBinarySorted(time, event, mAltered.subarray(0, nm), { names: inp.coxNames }, buf.coxCodes, buf.nulls) : coxCentred(time, event, mX, nm, cols, inp.coxNames)
    const c = fit.coefficients[0]
    if (c) {
      hr = c.hr
      hrLo = c.lower
      hrHi = c.upper
      coxP = c.p
    }
    if (!fit.converged || fit.warning) note = fit.warning ?? 'Cox fit did not converge'
  } else note = nA === 0 ? 'no altered samples with follow-up' : nW === 0 ? 'no wild-type samples with follow-up' : 'no events'
  return {
    nAltered: nA,
    nWildType: nW,
    notAssayed,
    eventsAltered: eventsA,
    eventsWildType: eventsW,
    medianAltered: median(kmA),
    medianWildType: median(kmW),
    logrankChisq: chisq,
    logrankP: lrP,
    hr,
    hrLower: hrLo,
    hrUpper: hrHi,
    coxP,
    note,
  }
}
