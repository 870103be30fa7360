/**
 * The scan's two-group Cox fit (src/stats/cox-binary.ts) against the general implementation it
 * replaces in the per-feature loop: coxSorted over the centred column, and coxph from unsorted
 * input. The fast path claims the same floating-point operations in the same order, so the test asks
 * for exact equality (every coefficient, variance, log-likelihood, test, iteration count and
 * warning), which is stricter than the 1e-10 relative it must at least meet; the relative check is
 * kept too, so a future change that moves last bits on purpose still has the bound to meet.
 * Cases drawn: heavy ties (times from a handful of values), all censored, no events in one group
 * (monotone likelihood: infinite HR with R's warning), groups of one, a covariate that is constant.
 */
import fc from 'fast-check'
import { describe, expect, it } from 'vitest'
import { coxBinarySorted, NullLoglik } from '../../src/stats/cox-binary.js'
import { columnMeans, coxph, coxSorted, type CoxResult } from '../../src/stats/cox.js'
import { sortByTime } from '../../src/stats/survival-input.js'

const rowArb = fc.record({
  time: fc.oneof(fc.integer({ min: 0, max: 5 }), fc.double({ min: 0, max: 100, noNaN: true })),
  event: fc.constantFrom<0 | 1>(0, 1),
  x: fc.constantFrom<0 | 1>(0, 1),
})

/** Shapes the generic arbitrary rarely hits on its own. */
const shaped = fc.oneof(
  fc.array(rowArb, { minLength: 1, maxLength: 60 }),
  // all censored
  fc.array(rowArb.map((r) => ({ ...r, event: 0 as const })), { minLength: 1, maxLength: 30 }),
  // separation: every event in the x = 0 group (HR → 0) or the x = 1 group (HR → ∞)
  fc.tuple(fc.array(rowArb, { minLength: 2, maxLength: 40 }), fc.constantFrom<0 | 1>(0, 1)).map(([rows, g]) => rows.map((r) => ({ ...r, event: r.x === g ? r.event : (0 as const) }))),
  // a group of one
  fc.array(rowArb.map((r) => ({ ...r, x: 0 as const })), { minLength: 1, maxLength: 40 }).chain((rows) => fc.nat({ max: rows.length - 1 }).map((i) => rows.map((r, k) => (k === i ? { ...r, x: 1 as const } : r)))),
)

function relClose(a: number, b: number): boolean {
  if (Number.isNaN(a) || Number.isNaN(b)) return Number.isNaN(a) && Number.isNaN(b)
  return a === b || Math.abs(a - b) <= 1e-10 * Math.max(Math.abs(a), Math.abs(b))
}

function numbers(r: CoxResult): number[] {
  return [...r.coefficients.flatMap((c) => [c.coef, c.hr, c.se, c.lower, c.upper, c.z, c.p]), ...r.variance.flat(), ...r.loglik, r.likelihoodRatio.statistic, r.wald.statistic, r.score.statistic, r.score.p]
}

describe('coxBinarySorted equals the general Cox fit', () => {
  it('bit for bit, on random data with ties, censoring, separation and tiny groups', () => {
    let separated = 0
    fc.assert(
      fc.property(shaped, (rows) => {
        const sorted = sortByTime({ time: Float64Array.from(rows, (r) => r.time), event: Uint8Array.from(rows, (r) => r.event) })
        const x01 = Uint8Array.from(sorted.order, (i) => (rows[i] as (typeof rows)[number]).x)
        const n = rows.length
        const x = Float64Array.from(x01)
        const mean = columnMeans(x, n, 1)[0] as number
        for (let i = 0; i < n; i++) x[i] = (x[i] as number) - mean
        const general = coxSorted({ time: sorted.time, event: sorted.event, x, p: 1 })
        const fast = coxBinarySorted(sorted.time, sorted.event, x01)
        const fromUnsorted = coxph(rows.map((r) => r.time), rows.map((r) => r.event), rows.map((r) => [r.x]))
        const info = JSON.stringify(rows)
        expect(fast, info).toEqual(general)
        expect(fast, info).toEqual(fromUnsorted)
        const a = numbers(fast)
        const b = numbers(general)
        a.forEach((v, i) => expect(relClose(v, b[i] as number), `${info}: value ${i}: ${v} vs ${b[i]}`).toBe(true))
        if (fast.warning !== undefined) separated++
      }),
      { numRuns: 1500 },
    )
    // The infinite-HR branch (R's "coefficient may be infinite") was really exercised.
    expect(separated).toBeGreaterThan(20)
  })

  it('on a large tied cohort like the scan sees (2,000 rows, 40 distinct times)', () => {
    let seed = 7
    const rnd = () => (seed = (seed * 1103515245 + 12345) % 2147483648) / 2147483648
    for (let rep = 0; rep < 5; rep++) {
      const rows: { time: number; event: 0 | 1; x: number }[] = Array.from({ length: 2000 }, () => ({ time: Math.floor(rnd() * 40), event: rnd() < 0.7 ? 1 : 0, x: rnd() < 0.03 + rep * 0.1 ? 1 : 0 }))
      const fit = coxph(rows.map((r) => r.time), rows.map((r) => r.event), rows.map((r) => [r.x]))
      const sorted = sortByTime({ time: Float64Array.from(rows, (r) => r.time), event: Uint8Array.from(rows, (r) => r.event) })
      expect(coxBinarySorted(sorted.time, sorted.event, Uint8Array.from(sorted.order, (i) => (rows[i] as (typeof rows)[number]).x))).toEqual(fit)
    }
  })

  it('refuses a covariate or event that is not 0/1, and mismatched lengths', () => {
    const t = Float64Array.from([1, 2, 3])
    expect(() => coxBinarySorted(t, Uint8Array.from([1, 0, 1]), Uint8Array.from([0, 2, 1]))).toThrow(/row 1: covariate 2/)
    expect(() => coxBinarySorted(t, Uint8Array.from([1, 0]), Uint8Array.from([0, 1, 1]))).toThrow(/3 times, 2 events/)
  })
})

describe('NullLoglik: the log-likelihood at β = 0 shared by fits over the same times and events', () => {
  it('fits sharing one cache equal fits without it, bit for bit (other rows with the same counts in between)', () => {
    const base = fc.array(fc.record({ time: fc.integer({ min: 0, max: 6 }), event: fc.constantFrom<0 | 1>(0, 1) }), { minLength: 1, maxLength: 50 })
    fc.assert(
      fc.property(base, fc.array(fc.array(fc.constantFrom<0 | 1>(0, 1), { minLength: 50, maxLength: 50 }), { minLength: 2, maxLength: 5 }), base, (rows, groups, other) => {
        const nulls = new NullLoglik()
        const fit = (rs: readonly { time: number; event: 0 | 1 }[], g: readonly (0 | 1)[], cache?: NullLoglik) => {
          const sorted = sortByTime({ time: Float64Array.from(rs, (r) => r.time), event: Uint8Array.from(rs, (r) => r.event) })
          const x = Uint8Array.from(sorted.order, (i) => g[i] ?? 0)
          return coxBinarySorted(sorted.time, sorted.event, x, {}, undefined, cache)
        }
        // Other rows first (same n and events now and then, another pattern), then the groups over `rows`.
        for (const g of [groups[0] ?? [], ...groups]) {
          expect(fit(other, g, nulls)).toEqual(fit(other, g))
          const shared = fit(rows, g, nulls)
          const alone = fit(rows, g)
          expect(shared, JSON.stringify({ rows, g })).toEqual(alone)
          expect(Object.is(shared.loglik[0], alone.loglik[0])).toBe(true)
        }
      }),
      { numRuns: 300 },
    )
  })

  it('the second fit over the same rows finds the pattern, and its result is the uncached one', () => {
    const time = Float64Array.from([1, 1, 2, 3, 3, 5, 8, 8, 8, 9])
    const event = Uint8Array.from([1, 0, 1, 1, 1, 0, 1, 1, 0, 1])
    const nulls = new NullLoglik()
    const a = Uint8Array.from([1, 0, 0, 1, 0, 1, 0, 0, 1, 0])
    const b = a.map((v) => 1 - v)
    coxBinarySorted(time, event, a, {}, undefined, nulls)
    expect(nulls.find(Uint8Array.from(time, (t, k) => ((event[k] as number) << 1) | (k === 0 || t !== time[k - 1] ? 4 : 0)), 7)).toBeDefined()
    expect(coxBinarySorted(time, event, b, {}, undefined, nulls)).toEqual(coxBinarySorted(time, event, b))
  })
})
