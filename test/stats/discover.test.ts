/**
 * DISCOVER (discoverBackground, discoverPairTest) and the Poisson-binomial tails against
 * test/fixtures/stats/discover.json from scripts/discover-reference.py (no DISCOVER package is
 * installed): exact rational tails (cross-checked there by brute-force enumeration for n ≤ 14) and
 * a background fitted by a different algorithm (joint Newton in numpy).
 * Tolerances: tails 1e-12 relative (our convolution adds only non-negative terms; measured
 * worst ~1e-14, including tails of 1e-100 and below); background probabilities 1e-8 relative
 * (both fits stop at margin errors of 1e-9 to 1e-12 alterations); pair p-values 1e-7 relative
 * (they inherit the background's error through q = p_a·p_b).
 */
import { describe, expect, it } from 'vitest'
import { discoverBackground, discoverPairTest } from '../../src/stats/discover.js'
import { fisherExact } from '../../src/stats/fisher.js'
import { poissonBinomial, poissonBinomialTails, poissonBinomialTailsOf } from '../../src/stats/poisson-binomial.js'
import { expectClose } from './reference.js'
import { readFileSync } from 'node:fs'

interface Reference {
  readonly poisson_binomial: readonly { q: number[]; t: number; upper: string; lower: string }[]
  readonly discover: readonly {
    name: string
    matrix: (0 | 1)[][]
    background: number[][]
    pairs: { a: number; b: number; observed: number; expected: number; p_cooccurrence: string; p_exclusivity: string }[]
  }[]
}
const ref = JSON.parse(readFileSync(new URL('../fixtures/stats/discover.json', import.meta.url), 'utf8')) as Reference

describe('poissonBinomialTails vs exact rational arithmetic', () => {
  it('matches every tail, including the tiny ones', () => {
    expect(ref.poisson_binomial.length).toBeGreaterThan(30)
    for (const c of ref.poisson_binomial) {
      const tails = poissonBinomialTails(poissonBinomial(c.q), c.t)
      const ctx = `n=${c.q.length} t=${c.t}`
      expectClose(tails.upper, Number(c.upper), 1e-12, `${ctx} upper`)
      expectClose(tails.lower, Number(c.lower), 1e-12, `${ctx} lower`)
    }
  })
  it('poissonBinomialTailsOf (support cut past t and the mean) gives the whole convolution’s tails: lower exactly, upper to 1e-15', () => {
    let seed = 12345
    const rand = () => {
      seed = (Math.imul(seed, 1664525) + 1013904223) >>> 0
      return seed / 2 ** 32
    }
    let cut = 0
    for (let c = 0; c < 400; c++) {
      const n = c < 40 ? c : Math.floor(rand() * (c % 5 === 0 ? 3000 : 400))
      const scale = [1e-4, 1e-2, 0.1, 0.5, 0.97][c % 5] as number
      const q = Array.from({ length: n }, () => {
        const r = rand()
        return r < 0.05 ? 0 : r < 0.08 ? 1 : Math.min(1, rand() * 2 * scale)
      })
      const full = poissonBinomial(q)
      const mean = q.reduce((a, b) => a + b, 0)
      for (const t of [-1, 0, 1, Math.floor(mean), Math.ceil(mean + 3 * Math.sqrt(mean) + 2), Math.floor(rand() * (n + 2)), n, n + 1]) {
        const want = poissonBinomialTails(full, t)
        const got = poissonBinomialTailsOf(q, t)
        expect(got.lower).toBe(want.lower)
        expect(Math.abs(got.upper - want.upper)).toBeLessThanOrEqual(1e-15 * want.upper)
        if (want.upper > 0 && want.upper < 1e-100) cut++
      }
    }
    // The comparison reached far tails, where a cut support would show first.
    expect(cut).toBeGreaterThan(20)
    expect(() => poissonBinomialTailsOf([0.2, -0.1], 1)).toThrow(/q\[1\] must be a probability/)
  })
  it('refuses a value that is not a probability', () => {
    expect(() => poissonBinomial([0.2, 1.5])).toThrow(/q\[1\] must be a probability/)
  })
})

describe('DISCOVER vs an independent fit and exact tails', () => {
  const c = ref.discover[0]
  if (!c) throw new Error('no DISCOVER case')
  const bg = discoverBackground(c.matrix)
  it('reproduces the background probabilities and matches every margin', () => {
    // The reference fits degenerate cells by pushing them towards 0 (e.g. 1.4e-14 for a sample
    // altered only in the gene altered everywhere); we fix them at the limit 0, so below 1e-10
    // the comparison is absolute.
    c.background.forEach((row, i) =>
      row.forEach((v, j) => {
        const got = bg.p[i]?.[j] ?? NaN
        if (v < 1e-10) expect(got, `p[${i}][${j}]`).toBeLessThan(1e-10)
        else expectClose(got, v, 1e-8, `p[${i}][${j}]`)
      }),
    )
    c.matrix.forEach((row, i) => expectClose(Array.from(bg.p[i] ?? []).reduce((s, v) => s + v, 0), row.reduce<number>((s, v) => s + v, 0), 1e-9, `gene ${i} margin`))
    expect(bg.p[14]?.every((v) => v === 0)).toBe(true)
    expect(bg.p[13]?.every((v) => v === 1)).toBe(true)
  })
  it('reproduces every pair test', () => {
    for (const pr of c.pairs) {
      const r = discoverPairTest(c.matrix[pr.a] ?? [], c.matrix[pr.b] ?? [], bg.p[pr.a] ?? [], bg.p[pr.b] ?? [])
      const ctx = `genes ${pr.a},${pr.b}`
      expect(r.observed, ctx).toBe(pr.observed)
      expectClose(r.expected, pr.expected, 1e-8, `${ctx} expected`)
      expectClose(r.pCooccurrence, Number(pr.p_cooccurrence), 1e-7, `${ctx} co-occurrence`)
      expectClose(r.pExclusivity, Number(pr.p_exclusivity), 1e-7, `${ctx} exclusivity`)
    }
  })
  it('calls far fewer pairs co-occurring than Fisher when a few samples are hypermutated, and still finds the planted one', () => {
    let fisherCalls = 0
    let discoverCalls = 0
    for (const pr of c.pairs) {
      const a = c.matrix[pr.a] ?? []
      const b = c.matrix[pr.b] ?? []
      const n11 = pr.observed
      const n10 = a.filter((v, j) => v === 1 && b[j] === 0).length
      const n01 = a.filter((v, j) => v === 0 && b[j] === 1).length
      const n00 = a.length - n11 - n10 - n01
      if (fisherExact(n11, n10, n01, n00, { alternative: 'greater' }).p < 0.05) fisherCalls++
      if (Number(pr.p_cooccurrence) < 0.05) discoverCalls++
    }
    // measured on this fixture: Fisher (one-sided, p < 0.05) 24 of 105 pairs, DISCOVER 3
    expect({ fisherCalls, discoverCalls }).toEqual({ fisherCalls: 24, discoverCalls: 3 })
    const co = discoverPairTest(c.matrix[2] ?? [], c.matrix[3] ?? [], bg.p[2] ?? [], bg.p[3] ?? [])
    expect(co.pCooccurrence).toBeLessThan(0.05) // measured 0.024
  })
})
