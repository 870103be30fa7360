/**
 * logisticRegression against R 4.2 glm(binomial) (test/fixtures/stats/logistic.json from
 * scripts/r/stats-reference.R) on Liu 2019 response vs log10 mutation count (alone and with sex
 * and LDH), a simulated two-covariate model and a small binary design.
 * Tolerances: coef, SE, z, p, Wald bounds, deviance 1e-9 relative: we repeat glm.fit's iterations
 * (same start, same stopping rule) and differ only in solving each weighted least squares by
 * Cholesky instead of QR (measured ≤ 1e-12). Profile bounds 1e-8: both sides are roots solved to
 * ~1e-12 of deviances converged to ~1e-14; MASS's confint.glm (spline over a profile grid) agrees
 * only to ~1e-3 and is checked at that looser tolerance.
 */
import { describe, expect, it } from 'vitest'
import { logisticRegression } from '../../src/stats/logistic.js'
import { expectClose } from './reference.js'
import { readStatsReference, rnum, rnums, rstr, type Json } from './stats-reference.js'

const cases = readStatsReference<Record<string, Json>>('logistic.json')

describe('logisticRegression vs R glm(binomial)', () => {
  it('has the reference cases', () => expect(cases.length).toBe(4))
  for (const c of cases) {
    it(`reproduces ${rstr(c.name)}`, () => {
      const y = rnums(c.y) as (0 | 1)[]
      const X = (c.X as Json[]).map(rnums)
      const names = Array.isArray(c.names) ? (c.names as string[]) : [rstr(c.names)]
      const r = logisticRegression(y, X, { names })
      expect(r.separation).toBe(false)
      expect(r.terms.map((t) => t.name)).toEqual(['(Intercept)', ...names])
      expect(r.iterations).toBe(rnum(c.iter))
      const field = (k: string) => rnums(c[k])
      r.terms.forEach((t, j) => {
        const ctx = `${rstr(c.name)} ${t.name}`
        expectClose(t.coef, field('coef')[j] as number, 1e-9, `${ctx} coef`)
        expectClose(t.se, field('se')[j] as number, 1e-9, `${ctx} se`)
        expectClose(t.z ?? NaN, field('z')[j] as number, 1e-9, `${ctx} z`)
        expectClose(t.p, field('p')[j] as number, 1e-9, `${ctx} p`)
        expectClose(t.orLower, Math.exp(field('wald_lower')[j] as number), 1e-9, `${ctx} orLower`)
        expectClose(t.orUpper, Math.exp(field('wald_upper')[j] as number), 1e-9, `${ctx} orUpper`)
        expectClose(Math.log(t.profileLower), field('profile_lower')[j] as number, 1e-8, `${ctx} profile lower`)
        expectClose(Math.log(t.profileUpper), field('profile_upper')[j] as number, 1e-8, `${ctx} profile upper`)
        expectClose(Math.log(t.profileLower), field('mass_lower')[j] as number, 2e-3, `${ctx} MASS lower`)
        expectClose(Math.log(t.profileUpper), field('mass_upper')[j] as number, 2e-3, `${ctx} MASS upper`)
      })
      expectClose(r.deviance, rnum(c.deviance), 1e-9, 'deviance')
      expectClose(r.nullDeviance, rnum(c.null_deviance), 1e-12, 'null deviance')
      expectClose(r.aic, rnum(c.aic), 1e-9, 'aic')
    })
  }
})

describe('logisticRegression under separation', () => {
  // prior Trop-2 ADC: 0 of 10 respond; the rest 12 of 30
  const prior = [...new Array<number>(10).fill(1), ...new Array<number>(30).fill(0)]
  const y = [...new Array<0 | 1>(10).fill(0), ...Array.from({ length: 30 }, (_, i) => (i < 12 ? 1 : 0))]
  it('reports OR 0 (coefficient −∞) labelled, a finite likelihood-ratio p and a finite upper profile bound, never NaN', () => {
    const r = logisticRegression(y, prior.map((v) => [v]), { names: ['prior_trop2'] })
    expect(r.separation).toBe(true)
    const t = r.terms[1]
    expect(t?.infinite).toBe(-1)
    expect(t?.or).toBe(0)
    expect(t?.orLower).toBe(0)
    expect(t?.pMethod).toBe('likelihood-ratio')
    expect(Number.isFinite(t?.p) && (t?.p ?? 1) < 0.01).toBe(true)
    expect(Number.isFinite(t?.orUpper) && (t?.orUpper ?? 1) < 1).toBe(true)
    expect(r.warning).toMatch(/separation: prior_trop2/)
    for (const term of r.terms) for (const v of [term.or, term.orLower, term.orUpper, term.p]) expect(Number.isNaN(v)).toBe(false)
  })
  it('reports OR Inf when every exposed patient responds', () => {
    const r = logisticRegression(y.map((v) => (1 - v) as 0 | 1), prior.map((v) => [v]))
    expect(r.terms[1]?.infinite).toBe(1)
    expect(r.terms[1]?.or).toBe(Infinity)
    expect(r.terms[1]?.orUpper).toBe(Infinity)
  })
  it('says when separation could not be checked (more distinct rows than the linear program is built for)', () => {
    const x = Array.from({ length: 4000 }, (_, i) => [i / 100])
    const y = x.map(([v]) => ((v ?? 0) >= 20 ? 1 : 0))
    const r = logisticRegression(y, x, { profile: false })
    expect(r.separation).toBe(false)
    expect(r.warning).toMatch(/separation was not checked \(more than 3000 distinct rows\)/)
  })
  it('builds the linear program over distinct rows, so a factor design of any size is checked', () => {
    const prior = Array.from({ length: 5000 }, (_, i) => (i < 1000 ? 1 : 0))
    const y = prior.map((v, i) => (v === 1 ? 0 : i % 3 === 0 ? 1 : 0))
    const r = logisticRegression(y, prior.map((v) => [v]), { profile: false })
    expect(r.separation).toBe(true)
    expect(r.terms[1]?.or).toBe(0)
  })
  it('finds no separation in overlapping data', () => {
    const r = logisticRegression([0, 1, 0, 1, 1, 0], [[1], [2], [3], [4], [5], [6]])
    expect(r.separation).toBe(false)
  })
  it('refuses a single outcome, collinear columns and non-finite values', () => {
    expect(() => logisticRegression([0, 0, 0], [[1], [2], [3]])).toThrow(/needs both outcomes/)
    expect(() => logisticRegression([0, 1, 0, 1], [[1, 2], [2, 4], [3, 6], [4, 8]], { names: ['a', 'b'] })).toThrow(/b is constant or collinear/)
    expect(() => logisticRegression([0, 1], [[1], [Infinity]])).toThrow(/X\[1\]\[0\] must be a finite number/)
  })
})
