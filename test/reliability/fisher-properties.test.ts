/**
 * Properties of Fisher's exact test that hold for every 2×2 table (no reference needed):
 * p ∈ (0, 1]; the two-sided p is unchanged by transposing the table or swapping its rows (the
 * hypergeometric law depends on the margins only through an unordered pair); the one-sided tails
 * both contain P(X = a), so less + greater ≥ 1; swapping rows exchanges `less` and `greater`.
 * Relative tolerance 1e-9: the same sum taken in a different order may differ in the last bits.
 */
import { describe, expect, it } from 'vitest'
import fc from 'fast-check'
import { fisherExact, fisherPValue } from '../../src/stats/fisher.js'

const count = fc.integer({ min: 0, max: 150 })
const table = fc.tuple(count, count, count, count)
const close = (x: number, y: number) => Math.abs(x - y) <= 1e-9 * Math.max(Math.abs(x), Math.abs(y), 1e-300)
const OPTS = { seed: 1129, numRuns: 400 }

describe("Fisher's exact test: invariants", () => {
  it('p is in (0, 1] for every alternative', () => {
    fc.assert(
      fc.property(table, ([a, b, c, d]) => {
        for (const alt of ['two-sided', 'less', 'greater'] as const) {
          const p = fisherPValue(a, b, c, d, alt)
          expect(p, `${alt} (${a},${b},${c},${d})`).toBeGreaterThan(0)
          expect(p, `${alt} (${a},${b},${c},${d})`).toBeLessThanOrEqual(1)
        }
      }),
      OPTS,
    )
  })

  it('two-sided p is symmetric under transposition (a,b,c,d) → (a,c,b,d) and under row swap', () => {
    fc.assert(
      fc.property(table, ([a, b, c, d]) => {
        const p = fisherPValue(a, b, c, d)
        const t = fisherPValue(a, c, b, d)
        const s = fisherPValue(c, d, a, b)
        expect(close(p, t), `(${a},${b},${c},${d}): ${p} vs transposed ${t}`).toBe(true)
        expect(close(p, s), `(${a},${b},${c},${d}): ${p} vs rows swapped ${s}`).toBe(true)
      }),
      OPTS,
    )
  })

  it('less + greater ≥ 1, and a row swap exchanges them', () => {
    fc.assert(
      fc.property(table, ([a, b, c, d]) => {
        const less = fisherPValue(a, b, c, d, 'less')
        const greater = fisherPValue(a, b, c, d, 'greater')
        expect(less + greater, `(${a},${b},${c},${d})`).toBeGreaterThanOrEqual(1 - 1e-12)
        expect(close(less, fisherPValue(c, d, a, b, 'greater')), `(${a},${b},${c},${d}) less vs swapped greater`).toBe(true)
      }),
      OPTS,
    )
  })

  it('fisherExact reports the same p as the fast path, and its CI brackets the estimate', () => {
    fc.assert(
      fc.property(fc.tuple(fc.integer({ min: 0, max: 40 }), fc.integer({ min: 0, max: 40 }), fc.integer({ min: 0, max: 40 }), fc.integer({ min: 0, max: 40 })), ([a, b, c, d]) => {
        const r = fisherExact(a, b, c, d)
        expect(r.p).toBe(fisherPValue(a, b, c, d))
        if (!Number.isNaN(r.oddsRatio) && a + b > 0 && c + d > 0 && a + c > 0 && b + d > 0) {
          expect(r.ci[0], `(${a},${b},${c},${d})`).toBeLessThanOrEqual(r.oddsRatio * (1 + 1e-9))
          expect(r.ci[1], `(${a},${b},${c},${d})`).toBeGreaterThanOrEqual(r.oddsRatio * (1 - 1e-9))
        }
      }),
      { seed: 1130, numRuns: 150 },
    )
  })
})
