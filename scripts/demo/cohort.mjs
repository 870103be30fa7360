// Clinical design of the synthetic cohort: first who is in which subgroup (exact counts by
// construction), then survival times found by a seeded simulated-annealing search that drives
// every Kaplan–Meier median onto its published value at once.
import { normal, randInt, shuffle } from './random.mjs'
import { coxDistinct } from './stats.mjs'
import {
  BRAIN_METS_RESPONSE, HR_TOLERANCE, KM_TARGETS, PFS_HR_TARGETS, LINES, N_OS_DEATHS, N_PATIENTS, PRIOR_TROP2_RESPONSE, RESPONSE_BY_HER2,
} from './targets.mjs'

/**
 * @typedef {'PR' | 'SD' | 'PD'} Response
 * @typedef {object} Patient
 * @property {string} id
 * @property {Response} response
 * @property {'1+' | '2+'} her2
 * @property {boolean} brain
 * @property {boolean} trop2
 * @property {number} line
 * @property {number} age
 * @property {number} pfs   tenths of a month
 * @property {0 | 1} pfsEvent
 * @property {number} os    tenths of a month
 * @property {0 | 1} osEvent
 */

/** Subgroup predicates named by KM_TARGETS. @type {Record<string, (p: Patient) => boolean>} */
export const GROUPS = {
  all: () => true,
  'her2_2+': (p) => p.her2 === '2+',
  'her2_1+': (p) => p.her2 === '1+',
  brain_yes: (p) => p.brain,
  brain_no: (p) => !p.brain,
  trop2_yes: (p) => p.trop2,
  trop2_no: (p) => !p.trop2,
}

/**
 * Realism bounds, in tenths of a month. PD as best response means progression at the first
 * restaging scan (every 6-12 weeks in routine care, hence <= 3.5 months; a 3.0 cap made the
 * prior-Trop-2 median of 3.1 unreachable, since its 5 PD patients would all progress before it);
 * SD needs >= 6 weeks on study;
 * a confirmed PR needs a second scan. Data cut-off: nobody is followed beyond 32 months.
 * @type {Record<Response, [number, number]>}
 */
const PFS_RANGE = { PD: [5, 35], SD: [15, 200], PR: [25, 300] }
const MAX_FOLLOW_UP = 320
/** Alive at data cut-off: enrolment closed at least 6 months before it. */
const MIN_CENSORED_OS = 60
/** rwPFS may be censored early (new therapy started without documented progression), not before 1.5 months. */
const MIN_CENSORED_PFS = 15
const PFS_CENSORED = [6, 14]

/**
 * Who responds, who has brain metastases, prior Trop-2 ADC, which line. Exact counts by
 * construction; which patient gets what is a seeded shuffle.
 * @param {import('./random.mjs').Rng} rng @returns {Patient[]}
 */
export function designMembership(rng) {
  /** @type {{ her2: '1+' | '2+', response: Response }[]} */
  const slots = []
  for (const her2 of /** @type {const} */ (['2+', '1+'])) {
    for (const r of /** @type {const} */ (['PR', 'SD', 'PD'])) {
      for (let k = 0; k < RESPONSE_BY_HER2[her2][r]; k++) slots.push({ her2, response: r })
    }
  }
  const order = shuffle(rng, slots)
  /** @type {Patient[]} */
  const pts = order.map((s, i) => ({
    id: `PT${String(i + 1).padStart(2, '0')}`,
    response: s.response,
    her2: s.her2,
    brain: false,
    trop2: false,
    line: 0,
    age: Math.max(29, Math.min(82, Math.round(54 + 11 * normal(rng)))),
    pfs: 0, pfsEvent: 1, os: 0, osEvent: 0,
  }))
  /** @param {Record<Response, number>} want @param {(p: Patient) => void} mark */
  const choose = (want, mark) => {
    for (const r of /** @type {const} */ (['PR', 'SD', 'PD'])) {
      shuffle(rng, pts.filter((p) => p.response === r)).slice(0, want[r]).forEach(mark)
    }
  }
  choose(BRAIN_METS_RESPONSE, (p) => { p.brain = true })
  choose(PRIOR_TROP2_RESPONSE, (p) => { p.trop2 = true })
  // Sacituzumab govitecan is a 2nd-line-or-later drug in TNBC, so T-DXd after it is 3rd line or later.
  const early = shuffle(rng, pts.filter((p) => !p.trop2))
  early.slice(0, LINES.first).forEach((p) => { p.line = 1 })
  early.slice(LINES.first, LINES.first + LINES.second).forEach((p) => { p.line = 2 })
  const lateLines = [3, 3, 3, 3, 4, 4, 4, 5, 5, 6, 7, 8]
  for (const p of pts) if (p.line === 0) p.line = lateLines[randInt(rng, 0, lateLines.length - 1)] ?? 3
  return pts
}

/** Realism bounds for one patient (also asserted on the final cohort by checks.mjs). @param {Patient} p */
export function valid(p) {
  const [lo, hi] = PFS_RANGE[p.response]
  if (p.pfs < lo || p.pfs > hi || p.os < p.pfs || p.os > MAX_FOLLOW_UP) return false
  if (p.pfsEvent === 0 && (p.response === 'PD' || p.pfs < MIN_CENSORED_PFS)) return false
  if (p.osEvent === 0 && p.os < MIN_CENSORED_OS) return false
  // Death after a censored rwPFS must come later than the censoring.
  if (p.osEvent === 1 && p.pfsEvent === 0 && p.os === p.pfs) return false
  return true
}

/** Starting point: log-normal times whose scale follows the subgroup effects, then repaired. */
function initialTimes(/** @type {Patient[]} */ pts, /** @type {import('./random.mjs').Rng} */ rng) {
  for (const p of pts) {
    const mult = (p.her2 === '2+' ? 1.2 : 0.85) * (p.brain ? 0.75 : 1) * (p.trop2 ? 0.65 : 1)
    const [lo, hi] = PFS_RANGE[p.response]
    const base = p.response === 'PD' ? 17 : p.response === 'SD' ? 45 * mult : 80 * mult
    p.pfs = Math.max(lo, Math.min(hi, Math.round(base * Math.exp(0.45 * normal(rng)))))
    p.pfsEvent = 1
    p.os = Math.min(MAX_FOLLOW_UP, p.pfs + Math.round(70 * mult * Math.exp(0.6 * normal(rng))))
    p.osEvent = 1
  }
  // Administrative censoring: the longest survivors are alive at cut-off.
  const byOs = pts.slice().sort((a, b) => b.os - a.os)
  byOs.slice(0, N_PATIENTS - N_OS_DEATHS).forEach((p) => {
    p.osEvent = 0
    p.os = Math.max(p.os, MIN_CENSORED_OS)
  })
  const longPfs = pts.filter((p) => p.response !== 'PD').sort((a, b) => b.pfs - a.pfs)
  longPfs.slice(0, 9).forEach((p) => { p.pfsEvent = 0 })
  for (const p of pts) if (p.pfsEvent === 0 && p.osEvent === 1 && p.os === p.pfs) p.os++
  makeDistinct(pts, 'pfs')
  makeDistinct(pts, 'os')
}

/** Nudge ties apart so every time is distinct (no tie conventions needed by any reader). */
function makeDistinct(/** @type {Patient[]} */ pts, /** @type {'pfs' | 'os'} */ key) {
  const seen = new Set()
  for (const p of pts) {
    while (seen.has(p[key])) p[key]++
    seen.add(p[key])
    if (p.os < p.pfs) p.os = p.pfs
  }
}

/**
 * Kaplan–Meier median of one group, walking a precomputed time order (times are distinct, so
 * no tie handling is needed here; the general version with ties is stats.mjs#kmMedian).
 * @param {Patient[]} pts @param {readonly number[]} order indices sorted by time
 * @param {'pfs' | 'os'} endpoint @param {readonly boolean[]} member @param {number} size
 */
function groupMedian(pts, order, endpoint, member, size) {
  const ev = endpoint === 'pfs' ? 'pfsEvent' : 'osEvent'
  let atRisk = size
  let s = 1
  let plateau = false
  for (const i of order) {
    if (!member[i]) continue
    const p = /** @type {Patient} */ (pts[i])
    if (p[ev] === 1) {
      if (plateau) return { median: undefined, plateau: true }
      s *= (atRisk - 1) / atRisk
      if (Math.abs(s - 0.5) < 1e-9) plateau = true
      else if (s < 0.5) return { median: p[endpoint], plateau: false }
    }
    atRisk--
  }
  return { median: undefined, plateau }
}

/** The 14 targets bound to this cohort: membership masks, sizes, goal in tenths. */
function bindTargets(/** @type {Patient[]} */ pts) {
  return KM_TARGETS.map((t) => {
    const pred = GROUPS[t.group]
    if (!pred) throw new Error(`unknown group ${t.group}`)
    const member = pts.map(pred)
    return { endpoint: t.endpoint, member, size: member.filter(Boolean).length, goal: Math.round(t.median * 10) }
  })
}

/**
 * Distance (tenths) from every target of one endpoint, with penalties for undefined medians and
 * exact-0.5 plateaus (R would report a midpoint; other tools differ, so the demo avoids them).
 * @param {Patient[]} pts @param {ReturnType<typeof bindTargets>} targets @param {'pfs' | 'os'} endpoint
 */
function endpointCost(pts, targets, endpoint) {
  const order = pts.map((_, i) => i).sort((a, b) => (pts[a]?.[endpoint] ?? 0) - (pts[b]?.[endpoint] ?? 0))
  let c = 0
  for (const t of targets) {
    if (t.endpoint !== endpoint) continue
    const m = groupMedian(pts, order, endpoint, t.member, t.size)
    if (m.plateau) c += 30
    c += m.median === undefined ? 200 : Math.abs(m.median - t.goal)
  }
  return c
}

/** The rwPFS Cox terms the study reports, as 0/1 columns. @type {Record<string, (p: Patient) => number>} */
const TERM = { her2: (p) => (p.her2 === '2+' ? 1 : 0), brain: (p) => (p.brain ? 1 : 0), trop2: (p) => (p.trop2 ? 1 : 0) }

/**
 * The published rwPFS hazard ratios of this cohort (univariable per term; multivariable with all
 * three terms). @param {Patient[]} pts @returns {{ model: string, term: string, hr: number }[]}
 */
export function pfsHazardRatios(pts) {
  const time = pts.map((p) => p.pfs)
  const event = pts.map((p) => p.pfsEvent)
  const names = /** @type {const} */ (['her2', 'brain', 'trop2'])
  const multi = coxDistinct(time, event, pts.map((p) => names.map((t) => TERM[t]?.(p) ?? 0)))
  return PFS_HR_TARGETS.map((t) => {
    const beta = t.model === 'univariable' ? (coxDistinct(time, event, pts.map((p) => [TERM[t.term]?.(p) ?? 0])).beta[0] ?? NaN) : (multi.beta[names.indexOf(t.term)] ?? NaN)
    return { model: t.model, term: t.term, hr: Math.exp(beta) }
  })
}

/** Distance of the rwPFS HRs from their targets beyond the tolerance, in cost units (tenths). @param {Patient[]} pts */
function hrCost(pts) {
  const got = pfsHazardRatios(pts)
  let c = 0
  PFS_HR_TARGETS.forEach((t, i) => {
    const d = Math.abs(Math.log(got[i]?.hr ?? NaN) - Math.log(t.hr))
    c += Number.isFinite(d) ? Math.max(0, d - HR_TOLERANCE) * 200 : 1000
  })
  return c
}

/**
 * Simulated annealing over (pfs, pfsEvent, os, osEvent). Moves keep the death count at 31 and
 * every time distinct; invalid proposals are rejected. Runs in reheated rounds until the cost is
 * 0 (all 14 medians exact, no plateau) or the rounds are used up.
 * @param {Patient[]} pts @param {import('./random.mjs').Rng} rng @returns {number} final cost
 */
export function searchTimes(pts, rng) {
  let c = Infinity
  // Restart from fresh starting times when a run freezes one step away from a target.
  for (let attempt = 0; attempt < 30 && c > 0; attempt++) {
    c = anneal(pts, rng)
    if (process.env['DEMO_DEBUG']) console.error(`attempt ${attempt}: cost ${c}: ${debugMedians(pts)}`)
  }
  return c
}

/** One annealing run from fresh starting times. @param {Patient[]} pts @param {import('./random.mjs').Rng} rng */
function anneal(pts, rng) {
  initialTimes(pts, rng)
  const targets = bindTargets(pts)
  const n = pts.length
  const pfsSeen = new Set(pts.map((p) => p.pfs))
  const osSeen = new Set(pts.map((p) => p.os))
  let censored = pts.filter((p) => p.pfsEvent === 0).length
  const pfsCost = () => endpointCost(pts, targets, 'pfs') + hrCost(pts)
  let cPfs = pfsCost()
  let cOs = endpointCost(pts, targets, 'os')
  const iters = 60_000
  for (let round = 0; round < 4 && cPfs + cOs > 0; round++) {
    for (let it = 0; it < iters && cPfs + cOs > 0; it++) {
      const temp = 6 * Math.pow(0.05 / 6, it / iters)
      const p = /** @type {Patient} */ (pts[randInt(rng, 0, n - 1)])
      const saved = { ...p }
      const move = rng()
      if (move < 0.4) {
        p.pfs += randInt(rng, 1, 12) * (rng() < 0.5 ? -1 : 1)
        if (pfsSeen.has(p.pfs) || !valid(p)) { Object.assign(p, saved); continue }
        const next = pfsCost()
        if (next <= cPfs || rng() < Math.exp((cPfs - next) / temp)) {
          pfsSeen.delete(saved.pfs); pfsSeen.add(p.pfs); cPfs = next
        } else Object.assign(p, saved)
      } else if (move < 0.8) {
        p.os += randInt(rng, 1, 15) * (rng() < 0.5 ? -1 : 1)
        if (osSeen.has(p.os) || !valid(p)) { Object.assign(p, saved); continue }
        const next = endpointCost(pts, targets, 'os')
        if (next <= cOs || rng() < Math.exp((cOs - next) / temp)) {
          osSeen.delete(saved.os); osSeen.add(p.os); cOs = next
        } else Object.assign(p, saved)
      } else if (move < 0.9) {
        p.pfsEvent = p.pfsEvent === 1 ? 0 : 1
        const k = censored + (p.pfsEvent === 0 ? 1 : -1)
        if (k < PFS_CENSORED[0] || k > PFS_CENSORED[1] || !valid(p)) { Object.assign(p, saved); continue }
        const next = pfsCost()
        if (next <= cPfs || rng() < Math.exp((cPfs - next) / temp)) { cPfs = next; censored = k }
        else Object.assign(p, saved)
      } else {
        // Swap dead / alive with another patient: keeps exactly N_OS_DEATHS deaths.
        const q = /** @type {Patient} */ (pts[randInt(rng, 0, n - 1)])
        if (q.osEvent === p.osEvent) continue
        p.osEvent = q.osEvent
        q.osEvent = saved.osEvent
        const undo = () => { p.osEvent = saved.osEvent; q.osEvent = p.osEvent === 1 ? 0 : 1 }
        if (!valid(p) || !valid(q)) { undo(); continue }
        const next = endpointCost(pts, targets, 'os')
        if (next <= cOs || rng() < Math.exp((cOs - next) / temp)) cOs = next
        else undo()
      }
    }
  }
  return cPfs + cOs
}


/** Per-target medians, for diagnosing a search that does not converge (DEMO_DEBUG=1). */
function debugMedians(/** @type {Patient[]} */ pts) {
  const targets = bindTargets(pts)
  return targets.map((t) => {
    const order = pts.map((_, i) => i).sort((a, b) => (pts[a]?.[t.endpoint] ?? 0) - (pts[b]?.[t.endpoint] ?? 0))
    const m = groupMedian(pts, order, t.endpoint, t.member, t.size)
    return `${t.endpoint}:${m.median}${m.plateau ? 'P' : ''}/${t.goal}`
  }).join(' ')
}
