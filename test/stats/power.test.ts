/**
 * Power of the two-sided Fisher test against R direct enumeration (test/fixtures/r/power.tsv:
 * Σ dbinom·dbinom·[fisher.test(...)$p.value ≤ 0.05], written in scripts/r/make-reference.R).
 * Tolerance 1e-10 relative: both sides sum the same finite set of binomial products; the set is
 * identical unless a p-value lies within 1e-12 of α, which no R reference case does (exact rational
 * ties at α are counted as significant, see ALPHA_TIE_TOLERANCE).
 */
import { describe, expect, it } from 'vitest'
import { fisherPValue } from '../../src/stats/fisher.js'
import { ALPHA_TIE_TOLERANCE, fisherPower, minDetectableOddsRatio } from '../../src/stats/power.js'
import { expectClose, num, readReference } from './reference.js'

function bruteForce(n1: number, n2: number, p1: number, p2: number): number {
  const binom = (x: number, n: number, p: number) => {
    let c = 1
    for (let i = 0; i < x; i++) c = (c * (n - i)) / (i + 1)
    return c * p ** x * (1 - p) ** (n - x)
  }
  let s = 0
  for (let x1 = 0; x1 <= n1; x1++) {
    for (let x2 = 0; x2 <= n2; x2++) {
      if (fisherPValue(x1, n1 - x1, x2, n2 - x2) <= 0.05 * (1 + ALPHA_TIE_TOLERANCE)) s += binom(x1, n1, p1) * binom(x2, n2, p2)
    }
  }
  return s
}

describe('fisherPower', () => {
  it('matches R enumeration with fisher.test', () => {
    const rows = readReference('power.tsv')
    expect(rows.length).toBeGreaterThanOrEqual(5)
    for (const r of rows) {
      const [n1, n2, p1, p2] = [num(r, 'n1'), num(r, 'n2'), num(r, 'p1'), num(r, 'p2')]
      const got = fisherPower(n1, n2, p1, p2)
      expect(got.method).toBe('exact enumeration')
      expectClose(got.power, num(r, 'power'), 1e-10, `fisherPower(${n1}, ${n2}, ${p1}, ${p2})`)
    }
  })
  it('agrees with a brute-force loop over fisherPValue (independent of the prefix-sum shortcut)', () => {
    // (12, 4) contains tables with p exactly 1/20 = α: they must reject on both paths.
    for (const [n1, n2, p1, p2] of [[7, 13, 0.3, 0.8], [12, 4, 0.5, 0.1], [20, 20, 0.45, 0.55]] as const) {
      expectClose(fisherPower(n1, n2, p1, p2).power, bruteForce(n1, n2, p1, p2), 1e-12, `fisherPower(${n1}, ${n2}, ${p1}, ${p2})`)
    }
  })
  it('has size ≤ α under the null and uses the labelled approximation for very large groups', () => {
    expect(fisherPower(30, 30, 0.4, 0.4).power).toBeLessThanOrEqual(0.05)
    const big = fisherPower(5000, 5000, 0.3, 0.33)
    expect(big.method).toMatch(/normal approximation/)
    expect(big.power).toBeGreaterThan(0.5)
    expect(big.power).toBeLessThan(1)
  })
})

describe('minDetectableOddsRatio', () => {
  it('returns ORs on both sides whose power reaches the target, and just inside them it does not', () => {
    const n1 = 20
    const n2 = 40
    const p2 = 0.3
    const r = minDetectableOddsRatio(n1, n2, p2, 0.8)
    expect(r.above).toBeGreaterThan(1)
    expect(r.below).toBeLessThan(1)
    const p1Of = (or: number) => (or * p2) / (1 - p2 + or * p2)
    for (const or of [r.above ?? NaN, r.below ?? NaN]) {
      expect(fisherPower(n1, n2, p1Of(or), p2).power).toBeGreaterThanOrEqual(0.8)
    }
    expect(fisherPower(n1, n2, p1Of((r.above ?? NaN) * 0.98), p2).power).toBeLessThan(0.8)
    expect(fisherPower(n1, n2, p1Of((r.below ?? NaN) / 0.98), p2).power).toBeLessThan(0.8)
  })
  it('reports undefined when no effect size can reach the target power', () => {
    const r = minDetectableOddsRatio(2, 3, 0.5, 0.8)
    expect(r.above).toBeUndefined()
    expect(r.below).toBeUndefined()
  })
})
