/**
 * maxstatSurvival against R maxstat 0.7 maxstat.test(Surv ~ x, smethod = "LogRank",
 * pmethod = "Lau94") (test/fixtures/stats/maxstat.json): Liu 2019 OS by mutation count (two
 * minprop/maxprop windows), a simulated cohort with ties in both x and time, a small tied set,
 * and minprop = 0 / maxprop = 1. Tolerance: the cut-point exactly; every cut's statistic, M and p
 * 1e-12 relative (the same closed-form sums).
 */
import { describe, expect, it } from 'vitest'
import { maxstatSurvival } from '../../src/stats/maxstat-survival.js'
import { expectClose } from './reference.js'
import { readStatsReference, rnum, rnums, rstr, type Json } from './stats-reference.js'

const cases = readStatsReference<Record<string, Json>>('maxstat.json')

describe('maxstatSurvival vs R maxstat.test(LogRank, Lau94)', () => {
  it('has the reference cases', () => expect(cases.length).toBe(5))
  for (const c of cases) {
    it(`reproduces ${rstr(c.name)}`, () => {
      const r = maxstatSurvival(rnums(c.time), rnums(c.status) as (0 | 1)[], rnums(c.x), { minprop: rnum(c.minprop), maxprop: rnum(c.maxprop) })
      expect(r.cutpoint).toBe(rnum(c.cutpoint))
      expect(r.cuts.map((k) => k.cutpoint)).toEqual(rnums(c.cuts))
      r.cuts.forEach((k, j) => expectClose(k.statistic, rnums(c.stats)[j] as number, 1e-12, `${rstr(c.name)} cut ${k.cutpoint}`))
      expectClose(r.statistic, rnum(c.statistic), 1e-12, 'M')
      expectClose(r.p, rnum(c.p), 1e-12, 'p')
    })
  }
  it('refuses an all-censored cohort and a marker with too few distinct values', () => {
    expect(() => maxstatSurvival([1, 2, 3], [0, 0, 0], [1, 2, 3])).toThrow(/no events/)
    expect(() => maxstatSurvival([1, 2, 3, 4], [1, 0, 1, 1], [5, 5, 5, 5])).toThrow(/no cut leaves/)
  })
})
