/**
 * rocAucDeLong against R pROC 1.18 roc(direction = "<") + ci.auc(method = "delong")
 * (test/fixtures/stats/roc-delong.json). Tolerance 1e-12 relative: the same sums of the same
 * mid-rank fractions, in a different order.
 */
import { describe, expect, it } from 'vitest'
import { rocAucDeLong } from '../../src/stats/roc-delong.js'
import { expectClose } from './reference.js'
import { readStatsReference, rnum, rnums, rstr, type Json } from './stats-reference.js'

const cases = readStatsReference<Record<string, Json>>('roc-delong.json')

describe('rocAucDeLong vs pROC', () => {
  it('has the reference cases', () => expect(cases.length).toBe(5))
  for (const c of cases) {
    it(`reproduces ${rstr(c.name)}`, () => {
      const r = rocAucDeLong(rnums(c.scores), rnums(c.labels) as (0 | 1)[])
      const ctx = rstr(c.name)
      expectClose(r.auc, rnum(c.auc), 1e-12, `${ctx} auc`)
      const v = rnum(c.variance)
      if (v === 0) expect(r.variance).toBeCloseTo(0, 15)
      else expectClose(r.variance, v, 1e-12, `${ctx} variance`)
      expectClose(r.aucLower, rnum(c.lower), 1e-12, `${ctx} lower`)
      expectClose(r.aucUpper, rnum(c.upper), 1e-12, `${ctx} upper`)
    })
  }
  it('keeps the direction fixed: a marker lower in cases gives AUC < 0.5', () => {
    expect(rocAucDeLong([5, 6, 7, 1, 2], [0, 0, 0, 1, 1]).auc).toBe(0)
  })
  it('leaves the variance and CI undefined with a single control, as pROC (NA)', () => {
    const r = rocAucDeLong([1, 2, 3, 0.5], [0, 1, 1, 1])
    expect(r.auc).toBeCloseTo(2 / 3, 15)
    expect([r.variance, r.aucLower, r.aucUpper].every(Number.isNaN)).toBe(true)
  })
  it('refuses one-class labels', () => {
    expect(() => rocAucDeLong([1, 2], [1, 1])).toThrow(/at least one case and one control/)
  })
})
