// The study's remaining baseline columns and its adverse-event table, on their own seeded stream
// (so adding them reshuffles nothing else). Published counts are exact by construction (the AE
// targets in targets.mjs); the other baseline columns are ILLUSTRATIVE (the issue quotes no
// numbers for them) and demo/README.md says so.
import { randInt, shuffle } from './random.mjs'
import { AE_TARGETS, EXTRA_BASELINE } from './targets.mjs'

/**
 * @typedef {object} Extras
 * @property {boolean} hrConversion  HR-positive primary, HR-negative metastatic biopsy
 * @property {number | undefined} pdl1Cps  PD-L1 combined positive score (22C3); undefined = not tested
 * @property {boolean} visceral @property {boolean} liver @property {boolean} lung @property {boolean} bone
 */

/**
 * @param {import('./random.mjs').Rng} rng @param {import('./cohort.mjs').Patient[]} pts
 * @returns {Map<string, Extras>}
 */
export function designExtras(rng, pts) {
  /** @type {Map<string, Extras>} */
  const out = new Map(pts.map((p) => [p.id, { hrConversion: false, pdl1Cps: undefined, visceral: false, liver: false, lung: false, bone: false }]))
  const mark = (/** @type {number} */ k, /** @type {(e: Extras) => void} */ f) => shuffle(rng, pts).slice(0, k).forEach((p) => f(/** @type {Extras} */ (out.get(p.id))))
  mark(EXTRA_BASELINE.hrConversion, (e) => { e.hrConversion = true })
  mark(EXTRA_BASELINE.pdl1Tested, (e) => { e.pdl1Cps = [0, 1, 1, 2, 5, 8, 10, 12, 20, 35][randInt(rng, 0, 9)] })
  mark(EXTRA_BASELINE.liver, (e) => { e.liver = true })
  mark(EXTRA_BASELINE.lung, (e) => { e.lung = true })
  mark(EXTRA_BASELINE.bone, (e) => { e.bone = true })
  for (const e of out.values()) e.visceral = e.liver || e.lung
  return out
}

/**
 * One row per patient × AE episode: exactly `any` patients per term, `grade3` of them with a
 * grade 3/4 episode; some patients get a second, milder episode of the same term (a table must
 * count the patient once, at the worst grade).
 * @param {import('./random.mjs').Rng} rng @param {import('./cohort.mjs').Patient[]} pts
 * @returns {{ patient: string, term: string, grade: number }[]}
 */
export function designAdverseEvents(rng, pts) {
  /** @type {{ patient: string, term: string, grade: number }[]} */
  const rows = []
  for (const t of AE_TARGETS) {
    const who = shuffle(rng, pts).slice(0, t.any)
    who.forEach((p, i) => {
      const grade = i < t.grade3 ? randInt(rng, 3, 4) : randInt(rng, 1, 2)
      rows.push({ patient: p.id, term: t.term, grade })
      if (rng() < 0.15) rows.push({ patient: p.id, term: t.term, grade: 1 })
    })
  }
  const id = (/** @type {string} */ s) => Number(s.slice(2))
  return rows.sort((a, b) => id(a.patient) - id(b.patient) || (a.term < b.term ? -1 : a.term > b.term ? 1 : 0) || b.grade - a.grade)
}
