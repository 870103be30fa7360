/**
 * mantelHaenszelExact against R 4.2 mantelhaen.test(exact = TRUE) on 2×2×K arrays
 * (test/fixtures/stats/mantel-haenszel-exact.json): three centres, zero cells, the observed sum at
 * either end of its support, two-observation strata, larger panels; every alternative.
 * Tolerances: p 1e-10 relative (sums of the same null probabilities; R's are convolved in linear
 * space, ours in log space). Estimate and bounds: 1e-9 against R's own null distribution solved in
 * log(OR) to 1e-14 (the "tight" columns); R's printed values come from uniroot at its default
 * tol ≈ 1.2e-4 on ψ or 1/ψ, so against those 2e-3 relative.
 */
import { describe, expect, it } from 'vitest'
import type { Alternative } from '../../src/stats/fisher.js'
import { mantelHaenszelExact } from '../../src/stats/mantel-haenszel-exact.js'
import { expectClose } from './reference.js'
import { readStatsReference, rnum, rnums, rstr, type Json } from './stats-reference.js'

const cases = readStatsReference<Record<string, Json>>('mantel-haenszel-exact.json')

describe('mantelHaenszelExact vs R mantelhaen.test(exact = TRUE)', () => {
  it('has the reference cases', () => expect(cases.length).toBe(18))
  for (const c of cases) {
    it(`reproduces ${rstr(c.name)} ${rstr(c.alternative)}`, () => {
      const tables = (c.tables as Json[]).map((t) => {
        const [a = 0, b = 0, cc = 0, d = 0] = rnums(t)
        return { a, b, c: cc, d }
      })
      const alternative = (c.alternative === 'two.sided' ? 'two-sided' : c.alternative) as Alternative
      const r = mantelHaenszelExact(tables, { alternative })
      const ctx = `${rstr(c.name)} ${alternative}`
      expectClose(r.p, rnum(c.p), 1e-10, `${ctx} p`)
      expectClose(r.or, rnum(c.estimate), 2e-3, `${ctx} estimate vs R printed`)
      expectClose(r.or, rnum(c.tight_estimate), 1e-9, `${ctx} estimate`)
      expectClose(r.orLower, rnum(c.lower), 2e-3, `${ctx} lower vs R printed`)
      expectClose(r.orUpper, rnum(c.upper), 2e-3, `${ctx} upper vs R printed`)
      if (alternative === 'two-sided') {
        expectClose(r.orLower, rnum(c.tight_lower), 1e-9, `${ctx} lower`)
        expectClose(r.orUpper, rnum(c.tight_upper), 1e-9, `${ctx} upper`)
      }
    })
  }
  it('refuses a single stratum and a stratum of one observation, as R', () => {
    expect(() => mantelHaenszelExact([{ a: 1, b: 2, c: 3, d: 4 }])).toThrow(/at least 2 strata/)
    expect(() => mantelHaenszelExact([{ a: 1, b: 2, c: 3, d: 4 }, { a: 1, b: 0, c: 0, d: 0 }])).toThrow(/stratum 2 has fewer than 2/)
  })
})
