/**
 * kmSorted tracks the median and its CI while it walks (no curve kept); firstBelowHalf reads them
 * off a whole curve, as the KM plot does. Two implementations of R's 'minmin' rule must agree on
 * every curve, including plateaus at exactly 0.5 (midpoint rule), CIs that are NaN at S = 0 or 1,
 * and curves that never reach 0.5.
 */
import fc from 'fast-check'
import { describe, expect, it } from 'vitest'
import { firstBelowHalf, kaplanMeier, kaplanMeierSorted, kmCriticalValue, kmSorted, type ConfType } from '../../src/stats/km.js'

const cohort = fc.array(fc.record({ time: fc.integer({ min: 0, max: 12 }), event: fc.constantFrom<0 | 1>(0, 1, 1) }), { minLength: 1, maxLength: 40 })
const confTypes: ConfType[] = ['log', 'log-log', 'plain']

describe('kmSorted median tracking equals firstBelowHalf on the whole curve', () => {
  it('for random cohorts with ties, all three CI types and two confidence levels', () => {
    fc.assert(
      fc.property(cohort, fc.constantFrom(...confTypes), fc.constantFrom(0.95, 0.8), (rows, confType, confLevel) => {
        const km = kaplanMeier(rows.map((r) => r.time), rows.map((r) => r.event), { confType, confLevel })
        const times = km.steps.map((s) => s.time)
        expect(km.median.estimate).toBe(firstBelowHalf(times, km.steps.map((s) => s.surv)))
        expect(km.median.lower).toBe(firstBelowHalf(times, km.steps.map((s) => s.lower)))
        expect(km.median.upper).toBe(firstBelowHalf(times, km.steps.map((s) => s.upper)))
      }),
      { numRuns: 500 },
    )
  })

  it('takes the midpoint on a plateau at exactly 0.5 and NaN when the curve stays above it', () => {
    // 4 patients: events at 1 and 2 put S at 0.5 from t = 2 until the event at 5 (censoring at 3).
    const half = kaplanMeier([1, 2, 3, 5], [1, 1, 0, 1])
    expect(half.steps.map((s) => s.surv)).toEqual([0.75, 0.5, 0.5, 0])
    expect(half.median.estimate).toBe(3.5)
    expect(kaplanMeier([1, 2, 3], [1, 0, 0]).median.estimate).toBeNaN()
  })

  it('gives the same summary without keeping steps', () => {
    fc.assert(
      fc.property(cohort, fc.constantFrom(...confTypes), (rows, confType) => {
        const sorted = [...rows].sort((a, b) => a.time - b.time)
        const time = Float64Array.from(sorted, (r) => r.time)
        const event = Uint8Array.from(sorted, (r) => r.event)
        const full = kaplanMeierSorted(time, event, { confType })
        const summary = kmSorted(time, event, kmCriticalValue(0.95), confType)
        expect(summary).toEqual({ n: full.n, events: full.events, median: full.median })
      }),
      { numRuns: 200 },
    )
  })

  it('rejects a confidence level outside (0, 1)', () => {
    expect(() => kmCriticalValue(1)).toThrow(RangeError)
    expect(() => kaplanMeier([1], [1], { confLevel: 0 })).toThrow(RangeError)
  })
})
