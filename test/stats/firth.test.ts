/**
 * firthLogistic against R brglm2 0.9 brglmFit(type = "AS_mean") for estimates, SEs and Wald p,
 * and against the definition of logistf's profile penalized-likelihood intervals and penalized
 * likelihood-ratio p, computed in R by a generic optimiser (test/fixtures/stats/firth.json; logistf
 * itself is not packaged for Debian). Cases: a factor with 0/10 responders (separation) alone and
 * with a second covariate, Liu 2019 response vs log10 mutation count, a simulated model.
 * Tolerances: coef/SE/Wald p 1e-8 relative (brglm2 run to epsilon 1e-13); profile bounds and LR p
 * 1e-6 (R's side: BFGS maximisations to reltol 1e-16, then uniroot to 1e-12).
 */
import { describe, expect, it } from 'vitest'
import { firthLogistic } from '../../src/stats/firth.js'
import { logisticRegression } from '../../src/stats/logistic.js'
import { expectClose } from './reference.js'
import { readStatsReference, rnum, rnums, rstr, type Json } from './stats-reference.js'

const cases = readStatsReference<Record<string, Json>>('firth.json')

describe('firthLogistic vs brglm2 / logistf definition', () => {
  it('has the reference cases', () => expect(cases.length).toBe(4))
  for (const c of cases) {
    it(`reproduces ${rstr(c.name)}`, () => {
      const y = rnums(c.y) as (0 | 1)[]
      const X = (c.X as Json[]).map(rnums)
      const names = (c.names as Json[]).map(rstr)
      const r = firthLogistic(y, X, { names })
      expect(r.converged).toBe(true)
      expectClose(r.penalizedLoglik, rnum(c.pen_loglik), 1e-10, 'penalized loglik')
      r.terms.forEach((t, j) => {
        const ctx = `${rstr(c.name)} ${t.name}`
        expectClose(t.coef, rnums(c.coef)[j] as number, 1e-8, `${ctx} coef`)
        expectClose(t.se, rnums(c.se)[j] as number, 1e-8, `${ctx} se`)
        expectClose(t.p, rnums(c.p)[j] as number, 1e-8, `${ctx} p`)
        expectClose(Math.log(t.orLower), rnums(c.profile_lower)[j] as number, 1e-6, `${ctx} profile lower`)
        expectClose(Math.log(t.orUpper), rnums(c.profile_upper)[j] as number, 1e-6, `${ctx} profile upper`)
        expectClose(t.lrP, rnums(c.lr_p)[j] as number, 1e-6, `${ctx} LR p`)
      })
    })
  }
  it('gives a finite OR and CI where the plain MLE is a labelled 0 (prior Trop-2 ADC, 0/10 responders)', () => {
    const c = cases.find((x) => x.name === 'separation-single')
    if (!c) throw new Error('no separation-single case')
    const y = rnums(c.y) as (0 | 1)[]
    const X = (c.X as Json[]).map(rnums)
    const mle = logisticRegression(y, X, { names: ['prior_trop2'] })
    expect(mle.terms[1]?.or).toBe(0)
    const firth = firthLogistic(y, X, { names: ['prior_trop2'] }).terms[1]
    for (const v of [firth?.or, firth?.orLower, firth?.orUpper, firth?.p, firth?.lrP]) expect(Number.isFinite(v) && (v ?? 0) > 0).toBe(true)
  })
})
