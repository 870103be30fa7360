/**
 * `scan --strata COL` on the alteration rows (issue 18): the exact conditional test of a common odds
 * ratio across strata, R mantelhaen.test(exact = TRUE), beside Fisher.
 * Riaz 2017 (no licence to copy, read in place from ../shared, skipped when absent): ORR (CR/PR vs
 * SD/PD, NE left out) per gene stratified by treatment cohort (NIV3-NAIVE / NIV3-PROG), against
 * scripts/r/riaz-orr-strata.R (test/fixtures/scan/riaz-orr-strata-reference.tsv, values only).
 * Tolerances (as test/stats/mantel-haenszel-exact.test.ts): p 1e-10 relative (sums of the same null
 * probabilities); OR and CI 1e-9 against R's null distribution solved to 1e-14 (tight_*), and 2e-3
 * against R's printed values, which uniroot solves at its default tol (≈1.2e-4 on the OR).
 */
import { readFileSync } from 'node:fs'
import { join } from 'node:path'
import { describe, expect, it } from 'vitest'
import { memoryIO } from '../../cli/context.js'
import { run } from '../../cli/main.js'
import { FIXTURES, hasShared, shared, tmpFile } from '../helpers.js'

const RIAZ = 'riaz2017-nivolumab'
const GENES = ['BRAF', 'NF1', 'NRAS', 'TTN', 'MUC16', 'CSMD1']
const riaz = () => [
  shared(`${RIAZ}/pre_therapy_nonsynonmous_mutations.csv.gz`),
  '--columns',
  'sample=Patient,gene=Hugo Symbol,class=Variant Classification,protein=HGVS_p',
  '--clinical',
  shared(`${RIAZ}/bms038_clinical_data.csv`),
  '--endpoint',
  'orr',
  '--genes',
  GENES.join(','),
]

function reference(): Map<string, number> {
  const out = new Map<string, number>()
  for (const l of readFileSync(join(FIXTURES, 'scan', 'riaz-orr-strata-reference.tsv'), 'utf8').split('\n')) {
    if (l === '' || l.startsWith('#') || l.startsWith('gene\t')) continue
    const [g, q, v] = l.split('\t') as [string, string, string]
    out.set(`${g} ${q}`, v === 'NA' ? Number.NaN : v === 'Inf' ? Infinity : Number(v))
  }
  return out
}

const close = (x: number, y: number, tol: number, what: string) => expect(Math.abs(x / y - 1), `${what}: ${x} vs R ${y}`).toBeLessThan(tol)

interface Stratified { column: string; strata: number; or: number; orLower: number; orUpper: number; p: number; q: number; note: string }
interface Doc {
  clinical: { interpretation: string[] }
  groupEndpoints: { strata?: { column: string; levels: string[]; tested: number[]; noValue: number }; tested: number; rows: { feature: string; altered: number; p: number; stratified?: Stratified }[] }[]
}

describe.skipIf(!hasShared(RIAZ))('Riaz 2017: ORR per gene stratified by cohort equals R mantelhaen.test(exact = TRUE)', () => {
  const ref = reference()
  it('every gene: p, OR and CI as R; the strata are stated', async () => {
    const io = memoryIO()
    expect(await run(['scan', ...riaz(), '--strata', 'Cohort', '--format', 'json'], io), io.err).toBe(0)
    const doc = JSON.parse(io.out) as Doc
    const ep = doc.groupEndpoints[0] as Doc['groupEndpoints'][number]
    expect(ep.tested).toBe(ref.get('all tested'))
    expect(ep.strata).toEqual({ column: 'Cohort', levels: ['NIV3-NAIVE', 'NIV3-PROG'], tested: [ref.get('all n_NIV3-NAIVE'), ref.get('all n_NIV3-PROG')], noValue: 0 })
    expect(doc.clinical.interpretation).toContain('orr: stratified exact test (R mantelhaen.test(exact = TRUE)) by "Cohort": 2 strata of tested samples ("NIV3-NAIVE" 30, "NIV3-PROG" 35)')
    expect(ep.rows.map((r) => r.feature).sort()).toEqual([...GENES].sort())
    for (const r of ep.rows) {
      const g = r.feature
      const s = r.stratified as Stratified
      expect(r.altered, g).toBe(ref.get(`${g} n_altered`))
      close(r.p, ref.get(`${g} fisher_p`) as number, 1e-10, `${g} Fisher p`)
      expect(s.column).toBe('Cohort')
      expect(s.strata).toBe(2)
      close(s.p, ref.get(`${g} mh_p`) as number, 1e-10, `${g} p`)
      for (const [k, q] of [['or', 'mh_or'], ['orLower', 'mh_or_lower'], ['orUpper', 'mh_or_upper']] as const) {
        close(s[k], ref.get(`${g} tight_${q}`) as number, 1e-9, `${g} ${q}`)
        close(s[k], ref.get(`${g} ${q}`) as number, 2e-3, `${g} ${q} vs R printed`)
      }
    }
    // q of the stratified p within the family (BH over the six genes)
    const ps = ep.rows.map((r) => (r.stratified as Stratified).p)
    const sorted = [...ps].sort((a, b) => a - b)
    expect((ep.rows.find((r) => (r.stratified as Stratified).p === sorted[0])?.stratified as Stratified).q).toBeCloseTo(Math.min(...sorted.map((p, i) => (p * 6) / (i + 1))), 12)
  })

  it('the TSV gains the stratified columns only with --strata', async () => {
    const a = memoryIO()
    expect(await run(['scan', ...riaz(), '--strata', 'Cohort'], a)).toBe(0)
    const [head, ...rows] = a.out.trim().split('\n').map((l) => l.split('\t'))
    expect(head?.slice(-8)).toEqual(['strata', 'mh_strata', 'mh_or', 'mh_or_lower', 'mh_or_upper', 'mh_p', 'mh_q', 'mh_note'])
    expect(rows.every((r) => r[head!.indexOf('strata')] === 'Cohort' && r[head!.indexOf('mh_strata')] === '2')).toBe(true)
    const b = memoryIO()
    expect(await run(['scan', ...riaz()], b)).toBe(0)
    expect(b.out).not.toContain('mh_p')
  })
})

describe('--strata on generated calls (always run)', () => {
  // 12 patients, 3 centres; centre C has one patient, P12 has no centre.
  const pts = Array.from({ length: 12 }, (_, i) => `P${i + 1}`)
  const calls = () => tmpFile('calls.tsv', ['Patient\tGene\tConsequence', ...pts.filter((_, i) => i % 3 !== 2).map((p) => `${p}\tTP53\tmissense_variant`), ...pts.map((p) => `${p}\tKRAS\tmissense_variant`)].join('\n') + '\n')
  const centre = (i: number) => (i === 11 ? 'NA' : i === 10 ? 'C' : i < 5 ? 'A' : 'B')
  const clin = () => tmpFile('clin.tsv', ['sample\tBOR\tcentre\tOS_months\tOS_event', ...pts.map((p, i) => `${p}\t${i % 2 ? 'PR' : 'PD'}\t${centre(i)}\t${i + 1}\t1`)].join('\n') + '\n')
  const map = ['--columns', 'sample=Patient,gene=Gene,class=Consequence', '--min-altered', '1']

  it('a stratum of one sample is left out and said; samples with no value are counted', async () => {
    const io = memoryIO()
    expect(await run(['scan', calls(), ...map, '--clinical', clin(), '--endpoint', 'orr', '--strata', 'centre', '--genes', 'TP53', '--format', 'json'], io), io.err).toBe(0)
    const doc = JSON.parse(io.out) as Doc
    const ep = doc.groupEndpoints[0] as Doc['groupEndpoints'][number]
    expect(ep.strata).toEqual({ column: 'centre', levels: ['A', 'B', 'C'], tested: [5, 5, 1], noValue: 1 })
    const s = ep.rows[0]?.stratified as Stratified
    expect(s.strata).toBe(2)
    expect(s.note).toBe('1 stratum(s) with fewer than 2 samples left out ("C"): uninformative')
    expect(doc.clinical.interpretation.some((l) => l.endsWith('; 1 tested sample(s) with no "centre" left out of it'))).toBe(true)
  })

  it('refuses a one-valued stratum column and survival-only endpoints; a KRAS row in one stratum each has no test and says why', async () => {
    const one = memoryIO()
    const c = calls()
    const allA = tmpFile('a.tsv', ['sample\tBOR\tcentre', ...pts.map((p, i) => `${p}\t${i % 2 ? 'PR' : 'PD'}\tA`)].join('\n') + '\n')
    expect(await run(['scan', c, ...map, '--clinical', allA, '--endpoint', 'orr', '--strata', 'centre'], one)).toBe(1)
    expect(one.err).toContain('--strata "centre": every tested sample has the value "A"; nothing to stratify by')
    const surv = memoryIO()
    expect(await run(['scan', c, ...map, '--clinical', clin(), '--endpoint', 'OS_months~OS_event', '--time-unit', 'months', '--strata', 'centre'], surv)).toBe(1)
    expect(surv.err).toContain('the stratified exact test is for a response endpoint')
    const two = tmpFile('two.tsv', ['sample\tBOR\tcentre', ...pts.map((p, i) => `${p}\t${i % 2 ? 'PR' : 'PD'}\t${i === 0 ? 'X' : 'Y'}`)].join('\n') + '\n')
    const io = memoryIO()
    expect(await run(['scan', c, ...map, '--clinical', two, '--endpoint', 'orr', '--strata', 'centre', '--genes', 'KRAS', '--format', 'json'], io), io.err).toBe(0)
    const s = (JSON.parse(io.out) as Doc).groupEndpoints[0]?.rows[0]?.stratified as Stratified
    expect(s.p).toBeUndefined()
    expect(s.note).toMatch(/1 stratum with 2 or more samples: no stratified test/)
  })
})
