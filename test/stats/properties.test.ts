/**
 * Cross-checks between independent code paths (fast-check):
 * - Clopper–Pearson limits (binomial sums, solved in p or 1 − p) equal R's qbeta formulation
 *   computed through our incomplete beta (continued fraction): 1e-10 relative, the incomplete
 *   beta's documented accuracy.
 * - The conditional MLE really solves E[X; ψ̂] = x, and the CI limits really put α in each tail,
 *   checked by direct summation of the noncentral hypergeometric (tolerance 1e-9).
 * - Kaplan–Meier curves never increase and their "log" CI brackets the estimate.
 */
import fc from 'fast-check'
import { describe, expect, it } from 'vitest'
import { clopperPearson } from '../../src/stats/clopper-pearson.js'
import { fisherExact } from '../../src/stats/fisher.js'
import { qbeta } from '../../src/stats/incomplete-beta.js'
import { kaplanMeier } from '../../src/stats/km.js'

function close(a: number, b: number, tol: number): boolean {
  return a === b || Math.abs(a - b) <= tol * Math.max(Math.abs(a), Math.abs(b))
}

describe('Clopper–Pearson: binomial-sum path equals the incomplete-beta path', () => {
  it('for n up to 5000', () => {
    fc.assert(
      fc.property(fc.integer({ min: 1, max: 5000 }), fc.double({ min: 0, max: 1, noNaN: true }), (n, frac) => {
        const x = Math.min(n, Math.floor(frac * (n + 1)))
        const ci = clopperPearson(x, n)
        const lower = x === 0 ? 0 : qbeta(0.025, x, n - x + 1)
        const upper = x === n ? 1 : qbeta(0.025, x + 1, n - x, false)
        expect(close(ci.lower, lower, 1e-10), `lower x=${x} n=${n}: ${ci.lower} vs ${lower}`).toBe(true)
        expect(close(ci.upper, upper, 1e-10), `upper x=${x} n=${n}: ${ci.upper} vs ${upper}`).toBe(true)
      }),
      { numRuns: 300 },
    )
  })
})

/** Direct linear-space noncentral hypergeometric for small tables: weights C(m,i)C(n,k−i)ψ^i. */
function direct(a: number, b: number, c: number, d: number, psi: number) {
  const m = a + c
  const n = b + d
  const k = a + b
  const lo = Math.max(0, k - n)
  const hi = Math.min(k, m)
  const choose = (nn: number, kk: number) => {
    let r = 1
    for (let i = 0; i < kk; i++) r = (r * (nn - i)) / (i + 1)
    return r
  }
  // Scale ψ^i by ψ^a so the weights stay in range for ψ far from 1.
  const w: number[] = []
  for (let i = lo; i <= hi; i++) w.push(choose(m, i) * choose(n, k - i) * psi ** (i - a))
  const total = w.reduce((s, v) => s + v, 0)
  const mean = w.reduce((s, v, j) => s + v * (lo + j), 0) / total
  const lower = w.filter((_, j) => lo + j <= a).reduce((s, v) => s + v, 0) / total
  const upper = w.filter((_, j) => lo + j >= a).reduce((s, v) => s + v, 0) / total
  return { mean, lower, upper, lo, hi }
}

describe('Fisher estimate and CI satisfy their defining equations', () => {
  it('E[X; ψ̂] = a, P(X ≥ a; lo) = 0.025 and P(X ≤ a; hi) = 0.025', () => {
    const cell = fc.integer({ min: 0, max: 25 })
    fc.assert(
      fc.property(fc.tuple(cell, cell, cell, cell), ([a, b, c, d]) => {
        const r = fisherExact(a, b, c, d)
        const { lo, hi } = direct(a, b, c, d, 1)
        if (a > lo && a < hi) expect(close(direct(a, b, c, d, r.oddsRatio).mean, a, 1e-9)).toBe(true)
        if (a > lo) expect(close(direct(a, b, c, d, r.ci[0]).upper, 0.025, 1e-9), `lower limit of ${[a, b, c, d].join(',')}`).toBe(true)
        if (a < hi) expect(close(direct(a, b, c, d, r.ci[1]).lower, 0.025, 1e-9), `upper limit of ${[a, b, c, d].join(',')}`).toBe(true)
      }),
      { numRuns: 300 },
    )
  })
})

describe('Kaplan–Meier shape', () => {
  it('survival never increases and the log CI brackets it', () => {
    const obs = fc.array(fc.tuple(fc.integer({ min: 1, max: 30 }), fc.boolean()), { minLength: 1, maxLength: 60 })
    fc.assert(
      fc.property(obs, (rows) => {
        const km = kaplanMeier(rows.map(([t]) => t), rows.map(([, e]) => e))
        let prev = 1
        for (const s of km.steps) {
          expect(s.surv).toBeLessThanOrEqual(prev)
          prev = s.surv
          if (s.surv > 0) {
            expect(s.lower).toBeLessThanOrEqual(s.surv * (1 + 1e-15))
            expect(s.upper).toBeGreaterThanOrEqual(s.surv * (1 - 1e-15))
          }
        }
        expect(km.steps.reduce((n, s) => n + s.nEvent + s.nCensor, 0)).toBe(rows.length)
      }),
    )
  })
})
