/**
 * scanSurvival's visiting order (src/scan/time-order.ts): the order by distinct time equals the
 * comparison sort by (time, sample index) for any times, ties, -0, and non-finite values (which
 * take the comparison sort).
 */
import fc from 'fast-check'
import { describe, expect, it } from 'vitest'
import { orderByComparison, orderByTime } from '../../src/scan/time-order.js'

const timeArb = fc.oneof(
  fc.integer({ min: 0, max: 8 }),
  fc.double({ min: -5, max: 500, noNaN: true }),
  fc.constantFrom(0, -0, 0.1, 0.30000000000000004, 1e-300, Number.MAX_VALUE),
  fc.constantFrom(Number.POSITIVE_INFINITY, Number.NEGATIVE_INFINITY, Number.NaN),
)

describe('orderByTime', () => {
  it('equals the comparison sort by (time, sample index)', () => {
    fc.assert(
      fc.property(fc.array(fc.tuple(timeArb, fc.boolean()), { maxLength: 200 }), (cells) => {
        const timeOf = Float64Array.from(cells, ([t]) => t)
        const visit = cells.flatMap(([, keep], s) => (keep ? [s] : []))
        expect(orderByTime(visit, timeOf)).toEqual(orderByComparison(visit, timeOf))
      }),
      { numRuns: 500 },
    )
  })

  it('finite times with many ties', () => {
    fc.assert(
      fc.property(fc.array(fc.integer({ min: 0, max: 3 }), { maxLength: 300 }), (ts) => {
        const timeOf = Float64Array.from(ts, (t) => t / 2)
        const visit = ts.map((_, s) => s)
        const got = orderByTime(visit, timeOf)
        expect(got).toEqual(orderByComparison(visit, timeOf))
        expect([...got].sort((a, b) => a - b)).toEqual(visit)
      }),
    )
  })
})
