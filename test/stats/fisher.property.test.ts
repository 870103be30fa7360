/**
 * Properties of Fisher's exact test that hold for every table, checked exhaustively for n ≤ 30
 * against exact rational arithmetic (BigInt), and by fast-check for larger random tables.
 *
 * Tolerance vs the exact rational: 1e-12 relative. For n ≤ 30 the log-factorials are < 75 and the
 * log-weights carry ~1e-14 absolute error, so 1e-12 leaves margin without hiding a wrong tail.
 */
import fc from 'fast-check'
import { describe, expect, it } from 'vitest'
import { fisherExact, fisherPValue } from '../../src/stats/fisher.js'
import { LogFactorialTable } from '../../src/stats/log-factorial.js'

function choose(n: number, k: number): bigint {
  let r = 1n
  for (let i = 0; i < k; i++) r = (r * BigInt(n - i)) / BigInt(i + 1)
  return r
}

/** num/den as the nearest-ish double (exact to ~1e-18 relative), for den > 0. */
function ratio(num: bigint, den: bigint): number {
  const shift = Math.max(0, den.toString(2).length - num.toString(2).length + 64)
  return Number((num << BigInt(shift)) / den) / 2 ** shift
}

describe('Fisher p-values equal exact rational arithmetic on every 2×2 table with n ≤ 30', () => {
  it('two-sided (R rule), less and greater', () => {
    const table = new LogFactorialTable(64)
    let tables = 0
    let worst = 0
    for (let n = 0; n <= 30; n++) {
      for (let m = 0; m <= n; m++) {
        for (let k = 0; k <= n; k++) {
          const lo = Math.max(0, k - (n - m))
          const hi = Math.min(k, m)
          const w: bigint[] = []
          for (let i = lo; i <= hi; i++) w.push(choose(m, i) * choose(n - m, k - i))
          const total = w.reduce((s, v) => s + v, 0n)
          for (let x = lo; x <= hi; x++) {
            const a = x
            const b = k - x
            const c = m - x
            const d = n - k - m + x
            const wx = w[x - lo] ?? 0n
            // R's rule w_i ≤ w_x·(1 + 1e-7), in integers: 1e7·w_i ≤ (1e7 + 1)·w_x
            let two = 0n
            let less = 0n
            let greater = 0n
            for (let i = lo; i <= hi; i++) {
              const wi = w[i - lo] ?? 0n
              if (10_000_000n * wi <= 10_000_001n * wx) two += wi
              if (i <= x) less += wi
              if (i >= x) greater += wi
            }
            const expected = { 'two-sided': ratio(two, total), less: ratio(less, total), greater: ratio(greater, total) }
            for (const alt of ['two-sided', 'less', 'greater'] as const) {
              const p = fisherPValue(a, b, c, d, alt, table)
              const rel = Math.abs(p - expected[alt]) / expected[alt]
              worst = Math.max(worst, rel)
              if (!(rel <= 1e-12)) throw new Error(`fisher(${a},${b},${c},${d}, ${alt}): got ${p}, exact ${expected[alt]}`)
            }
            tables++
          }
        }
      }
    }
    // C(34, 4): the number of 2×2 tables of non-negative integers with total ≤ 30.
    expect(tables).toBe(46376)
    expect(worst).toBeLessThan(1e-12)
  })
})

const count = fc.integer({ min: 0, max: 400 })
const cells = fc.tuple(count, count, count, count)

describe('Fisher symmetries (fast-check, tables up to 1600)', () => {
  it('p is in (0, 1]', () => {
    fc.assert(
      fc.property(cells, ([a, b, c, d]) => {
        const p = fisherPValue(a, b, c, d)
        return p > 0 && p <= 1
      }),
    )
  })
  it('two-sided p is invariant under transposition and row swap; row swap exchanges less/greater', () => {
    fc.assert(
      fc.property(cells, ([a, b, c, d]) => {
        const p = fisherPValue(a, b, c, d)
        const close = (x: number, y: number) => Math.abs(x - y) <= 1e-10 * Math.max(x, y)
        return (
          close(p, fisherPValue(a, c, b, d)) &&
          close(p, fisherPValue(c, d, a, b)) &&
          close(fisherPValue(a, b, c, d, 'less'), fisherPValue(c, d, a, b, 'greater'))
        )
      }),
    )
  })
  it('the two one-sided tails sum to at least 1 (they share the observed table)', () => {
    fc.assert(
      fc.property(cells, ([a, b, c, d]) => fisherPValue(a, b, c, d, 'less') + fisherPValue(a, b, c, d, 'greater') >= 1 - 1e-12),
    )
  })
  it('the CI contains the conditional MLE, and 1 is outside it exactly when p < 0.05 (up to discreteness)', () => {
    fc.assert(
      fc.property(fc.tuple(fc.integer({ min: 0, max: 60 }), fc.integer({ min: 0, max: 60 }), fc.integer({ min: 0, max: 60 }), fc.integer({ min: 0, max: 60 })), ([a, b, c, d]) => {
        const r = fisherExact(a, b, c, d)
        expect(r.ci[0]).toBeLessThanOrEqual(r.oddsRatio)
        expect(r.oddsRatio).toBeLessThanOrEqual(r.ci[1])
        // The tail-based CI excludes 1 iff a one-sided tail at ψ = 1 is below 0.025.
        const oneSided = Math.min(fisherPValue(a, b, c, d, 'less'), fisherPValue(a, b, c, d, 'greater'))
        if (oneSided < 0.025 * (1 - 1e-9)) expect(r.ci[0] > 1 || r.ci[1] < 1).toBe(true)
        if (oneSided > 0.025 * (1 + 1e-9)) expect(r.ci[0] <= 1 && r.ci[1] >= 1).toBe(true)
      }),
      { numRuns: 200 },
    )
  })
})
