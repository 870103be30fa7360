/**
 * The scan's other per-feature shortcuts against the general code they stand in for, exactly:
 * - logRankSorted with k = 2 (scalar sums) against the k-group walk, reached by adding a third,
 *   empty group (it adds 0 to every count and is dropped from the test as survdiff drops it);
 * - kmSorted without steps (stops taking logs once the median and its CI are decided) against the
 *   full walk that keeps every step.
 */
import fc from 'fast-check'
import { describe, expect, it } from 'vitest'
import { kmCriticalValue, kmSorted, type ConfType, type KmStep } from '../../src/stats/km.js'
import { logRankSorted } from '../../src/stats/logrank.js'
import { sortByTime } from '../../src/stats/survival-input.js'

const rowsArb = fc.array(
  fc.record({ time: fc.oneof(fc.integer({ min: 0, max: 6 }), fc.double({ min: 0, max: 50, noNaN: true })), event: fc.constantFrom<0 | 1>(0, 1, 1), group: fc.constantFrom(0, 1, 1, 1) }),
  { minLength: 1, maxLength: 80 },
)

function sorted(rows: readonly { time: number; event: 0 | 1; group: number }[]) {
  const s = sortByTime({ time: Float64Array.from(rows, (r) => r.time), event: Uint8Array.from(rows, (r) => r.event) })
  return { ...s, group: Uint8Array.from(s.order, (i) => rows[i]?.group ?? 0) }
}

describe('log-rank: the two-group sums equal the k-group walk', () => {
  it('observed, expected, variance, chisq and p, bit for bit', () => {
    fc.assert(
      fc.property(rowsArb, (rows) => {
        const s = sorted(rows)
        const two = logRankSorted(s.time, s.event, s.group, 2)
        const three = logRankSorted(s.time, s.event, s.group, 3)
        const info = JSON.stringify(rows)
        expect(two.nPerGroup, info).toEqual(three.nPerGroup.slice(0, 2))
        expect(Array.from(two.observed), info).toEqual(Array.from(three.observed).slice(0, 2))
        expect(Array.from(two.expected), info).toEqual(Array.from(three.expected).slice(0, 2))
        expect(Array.from(two.variance), info).toEqual([0, 1, 3, 4].map((i) => three.variance[i]))
        expect([two.chisq, two.df, two.p], info).toEqual([three.chisq, three.df, three.p])
      }),
      { numRuns: 1500 },
    )
  })
})

describe('Kaplan–Meier: the median-only walk equals the full walk', () => {
  it('median, CI and event count, for both CI types', () => {
    fc.assert(
      fc.property(rowsArb, fc.constantFrom<ConfType>('log', 'log-log', 'plain'), (rows, confType) => {
        const s = sorted(rows)
        const z = kmCriticalValue(0.95)
        const steps: KmStep[] = []
        expect(kmSorted(s.time, s.event, z, confType), JSON.stringify(rows)).toEqual(kmSorted(s.time, s.event, z, confType, steps))
      }),
      { numRuns: 1500 },
    )
  })
})
