/**
 * wilcoxonRankSum against R 4.2 wilcox.test (test/fixtures/stats/wilcoxon.json, made by
 * scripts/r/stats-reference.R): exact and normal-approximation paths, every alternative, with and
 * without continuity correction, on n = 1 groups, ties, zeros, all-tied values, the n < 50
 * boundary and Liu 2019 mutation counts by response.
 * Tolerance: W exactly; p 1e-12 relative for the exact path (sums of the same counts R adds) and
 * 1e-12 for the normal path (closed form; pnorm agrees with R's to ~1e-15).
 */
import { describe, expect, it } from 'vitest'
import type { Alternative } from '../../src/stats/fisher.js'
import { wilcoxonRankSum, wilcoxonDistribution } from '../../src/stats/wilcoxon.js'
import { expectClose } from './reference.js'
import { readStatsReference, rnum, rnums, rstr, type Json } from './stats-reference.js'

const cases = readStatsReference<Record<string, Json>>('wilcoxon.json')

describe('wilcoxonRankSum vs R wilcox.test', () => {
  it('has the reference cases', () => expect(cases.length).toBe(11 * 12))
  it('reproduces W, p and the exact/normal choice of every case', () => {
    for (const c of cases) {
      const alternative = (c.alternative === 'two.sided' ? 'two-sided' : c.alternative) as Alternative
      const exact = c.exact === null ? undefined : (c.exact as boolean)
      const r = wilcoxonRankSum(rnums(c.x), rnums(c.y), { alternative, exact, correct: c.correct as boolean })
      const ctx = `${rstr(c.name)} ${alternative} exact=${String(exact)} correct=${rstr(c.correct)}`
      expect(r.w, ctx).toBe(rnum(c.w))
      expect(r.exact, ctx).toBe(rstr(c.method).includes('exact'))
      if (Number.isNaN(rnum(c.p))) {
        expect(Number.isNaN(r.p), ctx).toBe(true)
        expect(r.warning, ctx).toMatch(/tied/)
      } else expectClose(r.p, rnum(c.p), 1e-12, ctx)
    }
  })
})

describe('wilcoxonDistribution', () => {
  it('sums to 1 and is symmetric', () => {
    const d = wilcoxonDistribution(7, 11)
    expect(d.length).toBe(78)
    expectClose(d.reduce((s, v) => s + v, 0), 1, 1e-14, 'total')
    for (let w = 0; w <= 77; w++) expectClose(d[w] as number, d[77 - w] as number, 1e-13, `w=${w}`)
  })
})

describe('wilcoxonRankSum input', () => {
  it('refuses empty groups and non-finite values', () => {
    expect(() => wilcoxonRankSum([], [1])).toThrow(/not enough observations in x/)
    expect(() => wilcoxonRankSum([1, NaN], [1])).toThrow(/x\[1\] must be a finite number/)
  })
})
