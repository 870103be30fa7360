// Every published aggregate, re-derived from the designed cohort and compared with targets.mjs.
// make-demo.mjs refuses to write files when any check fails.
import { CONSEQUENCES, variant } from './catalogue.mjs'
import { GROUPS, valid } from './cohort.mjs'
import { fisherTwoSided, kmMedian } from './stats.mjs'
import {
  BRAIN_METS_RESPONSE, BRCA1_GERMLINE, GENE_COUNTS, KM_TARGETS, LINES, N_OS_DEATHS, N_PATIENTS, N_SEQUENCED,
  ORR_BRCA1, ORR_MYC, PAM_GENES, PRIOR_TROP2_RESPONSE, RESPONSE_BY_HER2,
} from './targets.mjs'

/** Amplification / deep-deletion thresholds on absolute copy number (diploid genome). */
const AMP_MIN = 8
const DEEP_DEL_MAX = 0
/** "Similar" ORR: within 10 percentage points. */
const SIMILAR = 0.1

/**
 * Genes altered in one genome under the default policy: PASS calls whose consequence alters the
 * protein (not silent), germline pathogenic calls, amplifications and deep deletions.
 * @param {import('./genomics.mjs').Genome} g @returns {Set<string>}
 */
export function alteredGenes(g) {
  const out = new Set()
  for (const c of g.calls) {
    const v = variant(c.key)
    if (c.filter === 'PASS' && CONSEQUENCES[v.consequence].alters) out.add(v.gene)
  }
  for (const [gene, cn] of Object.entries(g.copyNumber)) if (cn >= AMP_MIN || cn <= DEEP_DEL_MAX) out.add(gene)
  return out
}

/**
 * @param {import('./cohort.mjs').Patient[]} patients @param {import('./genomics.mjs').Genome[]} genomes
 * @returns {{ failures: string[], summary: string[] }}
 */
export function checkCohort(patients, genomes) {
  /** @type {string[]} */
  const failures = []
  /** @type {string[]} */
  const summary = []
  /** @param {string} what @param {unknown} got @param {unknown} want */
  const expect = (what, got, want) => {
    const g = JSON.stringify(got)
    const w = JSON.stringify(want)
    if (g !== w) failures.push(`${what}: got ${g}, want ${w}`)
  }
  /** @param {(p: import('./cohort.mjs').Patient) => boolean} pred */
  const responses = (pred) => {
    const c = { PR: 0, SD: 0, PD: 0 }
    for (const p of patients) if (pred(p)) c[p.response]++
    return c
  }
  expect('patients', patients.length, N_PATIENTS)
  expect('HER2 2+ responses', responses((p) => p.her2 === '2+'), RESPONSE_BY_HER2['2+'])
  expect('HER2 1+ responses', responses((p) => p.her2 === '1+'), RESPONSE_BY_HER2['1+'])
  expect('brain-metastases responses', responses((p) => p.brain), BRAIN_METS_RESPONSE)
  expect('prior Trop-2 ADC responses', responses((p) => p.trop2), PRIOR_TROP2_RESPONSE)
  expect('lines of therapy', {
    first: patients.filter((p) => p.line === 1).length,
    second: patients.filter((p) => p.line === 2).length,
    thirdPlus: patients.filter((p) => p.line >= 3).length,
  }, LINES)
  expect('OS deaths', patients.filter((p) => p.osEvent === 1).length, N_OS_DEATHS)

  for (const t of KM_TARGETS) {
    const pred = GROUPS[t.group] ?? (() => false)
    const members = patients.filter(pred)
    const time = members.map((p) => p[t.endpoint] / 10)
    const event = members.map((p) => (t.endpoint === 'pfs' ? p.pfsEvent : p.osEvent))
    const m = kmMedian(time, event)
    if (m.plateau) failures.push(`${t.endpoint} ${t.group}: S(t) sits exactly on 0.5`)
    const rounded = m.median === undefined ? undefined : Math.round(m.median * 10) / 10
    expect(`${t.endpoint} median ${t.group}`, rounded, t.median)
    summary.push(`${t.endpoint.toUpperCase()} median ${t.group}: ${rounded?.toFixed(1)} months (n=${members.length})`)
  }
  // Realism: times inside bounds, OS never before PFS, responders progress later on average.
  for (const p of patients) {
    // The search only re-validates the patients it moves; starting values must pass too.
    if (!valid(p)) failures.push(`${p.id}: times outside the realism bounds of cohort.mjs`)
    if (p.os < p.pfs) failures.push(`${p.id}: OS ${p.os} before PFS ${p.pfs}`)
    if (p.pfs < 5 || p.pfs > 300) failures.push(`${p.id}: PFS ${p.pfs / 10} outside 0.5-30 months`)
  }
  const meanPfs = (/** @type {string} */ r) => {
    const xs = patients.filter((p) => p.response === r).map((p) => p.pfs / 10)
    return xs.reduce((a, b) => a + b, 0) / xs.length
  }
  if (!(meanPfs('PR') > meanPfs('SD') && meanPfs('SD') > meanPfs('PD'))) failures.push('mean PFS is not PR > SD > PD')
  summary.push(`mean PFS PR ${meanPfs('PR').toFixed(1)}, SD ${meanPfs('SD').toFixed(1)}, PD ${meanPfs('PD').toFixed(1)} months`)

  expect('sequenced', genomes.length, N_SEQUENCED)
  const altered = new Map(genomes.map((g) => [g.id, alteredGenes(g)]))
  /** @param {(g: import('./genomics.mjs').Genome) => boolean} pred */
  const split = (pred) => {
    const inG = genomes.filter(pred)
    const outG = genomes.filter((g) => !pred(g))
    const a = inG.filter((g) => g.responder).length
    const c = outG.filter((g) => g.responder).length
    return { a, n1: inG.length, c, n0: outG.length, p: fisherTwoSided(a, inG.length - a, c, outG.length - c) }
  }
  /** @param {string} gene */
  const has = (gene) => (/** @type {import('./genomics.mjs').Genome} */ g) => altered.get(g.id)?.has(gene) ?? false
  const isPam = (/** @type {import('./genomics.mjs').Genome} */ g) => PAM_GENES.some((x) => altered.get(g.id)?.has(x))
  for (const [gene, n] of Object.entries(GENE_COUNTS)) expect(`${gene} altered`, genomes.filter(has(gene)).length, n)
  expect('BRCA1 germline carriers', genomes.filter((g) => g.calls.some((c) => c.origin === 'germline' && c.filter === 'PASS' &&
    variant(c.key).gene === 'BRCA1' && CONSEQUENCES[variant(c.key).consequence].alters)).length, BRCA1_GERMLINE)
  const myc = split(has('MYC'))
  const brca1 = split(has('BRCA1'))
  expect('ORR MYC-amplified', { responders: myc.a, n: myc.n1 }, ORR_MYC)
  expect('ORR BRCA1-altered', { responders: brca1.a, n: brca1.n1 }, ORR_BRCA1)
  for (const [name, s] of [['TP53', split(has('TP53'))], ['PAM', split(isPam)], ['MYC', myc], ['BRCA1', brca1],
    ['PIK3CA', split(has('PIK3CA'))], ['PTEN', split(has('PTEN'))]]) {
    const st = /** @type {ReturnType<typeof split>} */ (s)
    if (st.p <= 0.05) failures.push(`${name}: Fisher p = ${st.p} is significant`)
    if ((name === 'TP53' || name === 'PAM') && Math.abs(st.a / st.n1 - st.c / st.n0) > SIMILAR) {
      failures.push(`${name}: ORR ${st.a}/${st.n1} vs ${st.c}/${st.n0} differs by more than ${SIMILAR * 100} points`)
    }
    summary.push(`${name}: ORR altered ${st.a}/${st.n1}, wild-type ${st.c}/${st.n0}, Fisher p = ${st.p.toPrecision(4)}`)
  }
  return { failures, summary }
}
