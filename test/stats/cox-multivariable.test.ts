/**
 * coxMultivariable against R survival coxph(Surv ~ numeric + factor(…)) with Efron ties
 * (test/fixtures/stats/cox-multivariable.json): Liu 2019 OS on log10 mutation count, sex and LDH
 * (two patients with LDH unknown dropped), and a simulated cohort with a three-level stage
 * (reference I, then III), age and brain metastases, with missing values.
 * Tolerance 1e-8 relative: R here iterates to eps = 1e-12 and we polish to the exact maximiser
 * (as test/stats/survival.test.ts for the single-covariate fits).
 */
import { describe, expect, it } from 'vitest'
import { coxMultivariable } from '../../src/stats/cox-multivariable.js'
import type { Covariate } from '../../src/stats/design.js'
import { expectClose } from './reference.js'
import { readStatsReference, rnum, rnums, rstr, type Json } from './stats-reference.js'

const cases = readStatsReference<Record<string, Json>>('cox-multivariable.json')

function covariate(c: Record<string, Json>): Covariate {
  const values = c.values as Json[]
  if (c.kind === 'numeric') return { name: rstr(c.name), kind: 'numeric', values: values.map((v) => (v === null ? undefined : rnum(v))) }
  return { name: rstr(c.name), kind: 'categorical', values: values.map((v) => (v === null ? undefined : rstr(v))), reference: c.reference === undefined ? undefined : rstr(c.reference) }
}

describe('coxMultivariable vs R coxph', () => {
  it('has the reference cases', () => expect(cases.length).toBe(3))
  for (const c of cases) {
    it(`reproduces ${rstr(c.name)}`, () => {
      const covs = (c.covariates as Record<string, Json>[]).map(covariate)
      const r = coxMultivariable(rnums(c.time), rnums(c.event) as (0 | 1)[], covs)
      // R names a factor level term as name + level; ours is name=level
      const rTerms = (Array.isArray(c.terms) ? c.terms : [c.terms]).map(rstr)
      expect(r.terms.map((t) => t.term.replace('=', ''))).toEqual(rTerms)
      expect([r.n, r.events, r.dropped]).toEqual([rnum(c.n), rnum(c.events), rnum(c.dropped)])
      r.terms.forEach((t, j) => {
        const ctx = `${rstr(c.name)} ${t.term}`
        expectClose(t.coef, rnums(c.coef)[j] as number, 1e-8, `${ctx} coef`)
        expectClose(t.se, rnums(c.se)[j] as number, 1e-8, `${ctx} se`)
        expectClose(t.hrLower, rnums(c.hr_lower)[j] as number, 1e-8, `${ctx} lower`)
        expectClose(t.hrUpper, rnums(c.hr_upper)[j] as number, 1e-8, `${ctx} upper`)
        expectClose(t.p, rnums(c.p)[j] as number, 1e-8, `${ctx} p`)
      })
      expectClose(r.likelihoodRatio.statistic, rnum(c.lrt), 1e-8, 'LR statistic')
      expectClose(r.likelihoodRatio.p, rnum(c.lrt_p), 1e-8, 'LR p')
      expectClose(r.wald.statistic, rnum(c.wald), 1e-8, 'Wald statistic')
      expectClose(r.score.statistic, rnum(c.score), 1e-8, 'score statistic')
      expectClose(r.score.p, rnum(c.score_p), 1e-8, 'score p')
    })
  }
  it('states the reference level and refuses an unknown one', () => {
    const r = coxMultivariable([1, 2, 3, 4, 5, 6], [1, 1, 0, 1, 1, 0], [{ name: 'her2', kind: 'categorical', values: ['2+', '1+', '2+', '1+', '1+', '2+'] }])
    expect(r.terms[0]).toMatchObject({ term: 'her2=2+', level: '2+', reference: '1+' })
    expect(() => coxMultivariable([1, 2], [1, 1], [{ name: 'her2', kind: 'categorical', values: ['a', 'b'], reference: 'c' }])).toThrow(/reference level "c" of her2 is not among its levels/)
  })
})
