/**
 * Fisher's exact test against R 4.2.2 fisher.test (test/fixtures/r/fisher.tsv, made by
 * scripts/r/make-reference.R) and against 60-digit truth (fisher-highprec.tsv, made by
 * scripts/r/highprec-fisher.py with exact integer binomials and mpmath).
 *
 * Tolerances and why:
 * - p-value vs R: 1e-9 relative (the brief's bar). Measured worst case 1.5e-14 over 1,002 rows.
 * - estimate / CI vs R: 1e-3 relative, OR within R's own uniroot tolerance. R solves with
 *   uniroot(tol = eps^0.25 ≈ 1.22e-4, absolute) in the variable t = ψ (if ψ < 1) or t = 1/ψ, so its
 *   answer can be off by 1.22e-4 in t: for ψ = 6e5 (table 1000,1,1,1000) R returns 1/eps. We accept
 *   |t_ours − t_R| ≤ 2e-4 in that variable, which is exactly R's guarantee, and check truth separately.
 * - estimate / CI / p vs 60-digit truth: 1e-9 relative (measured worst case 2.7e-13, the CMLE of
 *   (1000,1,1,1000), from rounding in the log-probability recurrence over ~1000 steps).
 */
import { describe, expect, it } from 'vitest'
import { fisherExact, type Alternative } from '../../src/stats/fisher.js'
import { expectClose, num, readReference, relDiff } from './reference.js'

const R_ALT: Readonly<Record<string, Alternative>> = { 'two.sided': 'two-sided', less: 'less', greater: 'greater' }

/** Close to R within 1e-3 relative, or within R's uniroot tolerance in R's search variable. */
function withinUniroot(ours: number, r: number): boolean {
  if (relDiff(ours, r) <= 1e-3) return true
  if (!Number.isFinite(ours) || !Number.isFinite(r) || ours === 0 || r === 0) return false
  const t = (psi: number) => (psi < 1 ? psi : 1 / psi)
  return Math.abs(t(ours) - t(r)) <= 2e-4
}

describe('fisherExact vs R fisher.test', () => {
  const rows = readReference('fisher.tsv')
  it('has the reference rows (R script output is present)', () => {
    expect(rows.length).toBeGreaterThan(900)
  })
  it('matches R p-values to 1e-9 relative for every table and alternative', () => {
    for (const row of rows) {
      const [a, b, c, d] = [num(row, 'a'), num(row, 'b'), num(row, 'c'), num(row, 'd')]
      const alternative = R_ALT[row.alternative ?? '']
      if (alternative === undefined) throw new Error(`bad alternative ${row.alternative}`)
      const r = fisherExact(a, b, c, d, { alternative })
      const context = `fisher(${a},${b},${c},${d}, ${alternative}) p`
      const expected = num(row, 'p')
      // Below 1e-300 R's linear-space normalisation underflows (it reports 0); ours too.
      if (expected < 1e-300) expect(r.p, context).toBeLessThan(1e-300)
      else expectClose(r.p, expected, 1e-9, context)
      expect(r.p).toBeLessThanOrEqual(1)
    }
  })
  it('matches R estimate and CI within R uniroot tolerance, with identical 0 / Inf endpoints', () => {
    for (const row of rows) {
      const [a, b, c, d] = [num(row, 'a'), num(row, 'b'), num(row, 'c'), num(row, 'd')]
      const alternative = R_ALT[row.alternative ?? ''] ?? 'two-sided'
      const r = fisherExact(a, b, c, d, { alternative })
      const pairs: [string, number, number][] = [
        ['estimate', r.oddsRatio, num(row, 'estimate')],
        ['lo', r.ci[0], num(row, 'lo')],
        ['hi', r.ci[1], num(row, 'hi')],
      ]
      for (const [what, ours, ref] of pairs) {
        const ok = withinUniroot(ours, ref)
        if (!ok) throw new Error(`fisher(${a},${b},${c},${d}, ${alternative}) ${what}: got ${ours}, R ${ref}`)
      }
    }
  })
})

describe('fisherExact CI at conf.level 0.8, 0.9, 0.99 vs R', () => {
  it('matches within R uniroot tolerance for all three alternatives', () => {
    const rows = readReference('fisher-conf.tsv')
    expect(rows.length).toBeGreaterThan(400)
    for (const row of rows) {
      const [a, b, c, d, conf] = [num(row, 'a'), num(row, 'b'), num(row, 'c'), num(row, 'd'), num(row, 'conf')]
      const alternative = R_ALT[row.alternative ?? ''] ?? 'two-sided'
      const r = fisherExact(a, b, c, d, { alternative, confLevel: conf })
      for (const [what, ours, ref] of [['lo', r.ci[0], num(row, 'lo')], ['hi', r.ci[1], num(row, 'hi')]] as const) {
        if (!withinUniroot(ours, ref)) throw new Error(`fisher(${a},${b},${c},${d}, ${alternative}, conf ${conf}) ${what}: got ${ours}, R ${ref}`)
      }
    }
  })
})

describe('fisherExact vs 60-digit truth', () => {
  const rows = readReference('fisher-highprec.tsv')
  it('CMLE of (1,1,2,3) is exactly √2 (R prints 1.41418)', () => {
    expectClose(fisherExact(1, 1, 2, 3).oddsRatio, Math.SQRT2, 1e-12, 'CMLE(1,1,2,3)')
  })
  it('gives a finite, correct estimate for (1000,1,1,1000), where R returns 1/eps', () => {
    const r = fisherExact(1000, 1, 1, 1000)
    expect(Number.isFinite(r.oddsRatio)).toBe(true)
    expect(r.oddsRatio).toBeGreaterThan(5e5)
  })
  it('matches p, estimate and both kinds of CI to 1e-9 relative', () => {
    expect(rows.length).toBeGreaterThan(10)
    for (const row of rows) {
      const [a, b, c, d] = [num(row, 'a'), num(row, 'b'), num(row, 'c'), num(row, 'd')]
      const two = fisherExact(a, b, c, d)
      const less = fisherExact(a, b, c, d, { alternative: 'less' })
      const greater = fisherExact(a, b, c, d, { alternative: 'greater' })
      const ctx = `fisher(${a},${b},${c},${d})`
      const checks: [string, number, string][] = [
        ['p two-sided', two.p, 'p_two'],
        ['p less', less.p, 'p_less'],
        ['p greater', greater.p, 'p_greater'],
        ['estimate', two.oddsRatio, 'estimate'],
        ['two-sided lo', two.ci[0], 'lo_two'],
        ['two-sided hi', two.ci[1], 'hi_two'],
        ['greater lo', greater.ci[0], 'lo_greater'],
        ['less hi', less.ci[1], 'hi_less'],
      ]
      for (const [what, ours, key] of checks) {
        const truth = num(row, key)
        if (truth < 1e-300 && truth > 0) expect(ours).toBeLessThan(1e-300)
        else expectClose(ours, truth, 1e-9, `${ctx} ${what}`)
      }
      expect(less.ci[0]).toBe(0)
      expect(greater.ci[1]).toBe(Infinity)
    }
  })
})

describe('fisherExact edge cases', () => {
  it('returns estimate 0 / Inf and CI endpoints 0 / Inf at the ends of the support', () => {
    const low = fisherExact(0, 5, 5, 0)
    expect(low.oddsRatio).toBe(0)
    expect(low.ci[0]).toBe(0)
    const high = fisherExact(5, 0, 2, 9)
    expect(high.oddsRatio).toBe(Infinity)
    expect(high.ci[1]).toBe(Infinity)
  })
  it('handles the empty table and a single count like R (p = 1, estimate 0, CI [0, Inf])', () => {
    const tables: [number, number, number, number][] = [[0, 0, 0, 0], [1, 0, 0, 0], [0, 0, 0, 1]]
    for (const [a, b, c, d] of tables) {
      const r = fisherExact(a, b, c, d)
      expect(r.p).toBe(1)
      expect(r.oddsRatio).toBe(0)
      expect(r.ci).toEqual([0, Infinity])
    }
  })
  it('states the sample odds ratio conventions (Inf, 0, NaN) and a finite Haldane estimate', () => {
    expect(fisherExact(3, 0, 2, 4).sampleOddsRatio).toBe(Infinity)
    expect(fisherExact(0, 3, 2, 4).sampleOddsRatio).toBe(0)
    expect(fisherExact(0, 3, 0, 4).sampleOddsRatio).toBeNaN()
    expect(fisherExact(0, 3, 0, 4).haldaneOddsRatio).toBeCloseTo((0.5 * 4.5) / (3.5 * 0.5), 12)
    expect(fisherExact(2, 3, 4, 5).sampleOddsRatio).toBeCloseTo(10 / 12, 15)
  })
  it('stays finite for counts in the millions', () => {
    const r = fisherExact(1_000_000, 1_200_000, 1_100_000, 1_150_000)
    for (const v of [r.p, r.oddsRatio, r.ci[0], r.ci[1]]) expect(Number.isFinite(v)).toBe(true)
    expect(r.ci[0]).toBeLessThan(r.oddsRatio)
    expect(r.oddsRatio).toBeLessThan(r.ci[1])
  })
  it('rejects negative, fractional and unsafe counts', () => {
    expect(() => fisherExact(-1, 0, 0, 0)).toThrow(RangeError)
    expect(() => fisherExact(1.5, 0, 0, 0)).toThrow(RangeError)
    expect(() => fisherExact(1, 2, 3, 4, { confLevel: 1 })).toThrow(RangeError)
  })
})

describe('resource limits', () => {
  it('computes log-factorials past the table limit without allocating them', async () => {
    const { LogFactorialTable, TABLE_LIMIT } = await import('../../src/stats/log-factorial.js')
    const t = new LogFactorialTable(16)
    const n = TABLE_LIMIT * 4
    // log(n!) − log((n−1)!) = log n, independent of how either was computed
    expect(Math.abs(t.get(n) - t.get(n - 1) - Math.log(n))).toBeLessThan(1e-6)
    expect(t.size).toBeLessThanOrEqual(TABLE_LIMIT)
  })
  it('refuses margins whose exact support would not fit in memory, with a RangeError', () => {
    expect(() => fisherExact(40_000_000, 40_000_000, 40_000_000, 40_000_000)).toThrow(/exceeds/)
  })
})
