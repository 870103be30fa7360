/**
 * maxstat's pmethod = "exactGauss" (src/stats/max-gauss.ts) against R maxstat.test(Surv ~ x,
 * smethod = "LogRank", pmethod = "exactGauss") (test/fixtures/stats/maxstat-exact-gauss.json, made
 * by scripts/r/maxstat-exact-gauss.R): Liu 2019 OS by mutation count (two windows), a simulated
 * cohort with ties in x and time, a small tied set, a cohort without ties, and the Liu 2019 table
 * of test/fixtures/features (nonsyn_muts vs OS) that the scan test below reads.
 * R's value is a randomised quasi-Monte-Carlo integral (mvtnorm::pmvnorm) with an error estimate
 * at 99% confidence (attr "error"): ≈1e-3 with maxstat's defaults, ≈1e-5 when run to
 * abseps 1e-5 (maxpts 2e6). Ours is deterministic (quadrature of the same Gaussian law, ~1e-9), so the tolerance
 * is R's own stated error: |ours − R| ≤ R's error (+1e-9 for ours), against both R runs; in the far
 * tail (p ≈ 3e-5) R's tight run understates its error, and Monte Carlo of the same law decides.
 * M and the cuts are the closed-form sums of maxstat-survival.test.ts: 1e-12.
 */
import { readFileSync } from 'node:fs'
import { describe, expect, it } from 'vitest'
import { maxGaussP } from '../../src/stats/max-gauss.js'
import { maxstatSurvival } from '../../src/stats/maxstat-survival.js'
import { pnorm } from '../../src/stats/normal.js'
import { expectClose } from './reference.js'
import { readStatsReference, rnum, rnums, rstr, type Json } from './stats-reference.js'

const cases = readStatsReference<Record<string, Json>>('maxstat-exact-gauss.json')
const MC = new Map(
  readFileSync(new URL('../fixtures/stats/maxstat-exact-gauss-mc.tsv', import.meta.url), 'utf8')
    .split('\n')
    .filter((l) => l !== '' && !l.startsWith('#') && !l.startsWith('name\t'))
    .map((l) => l.split('\t'))
    .map(([name, p, sd]) => [name as string, { p: Number(p), sd: Number(sd) }]),
)

describe('maxstatSurvival exactGauss vs R maxstat.test(pmethod = "exactGauss")', () => {
  it('has the reference cases', () => expect(cases.length).toBe(6))
  for (const c of cases) {
    it(`reproduces ${rstr(c.name)} within R's stated error`, () => {
      const r = maxstatSurvival(rnums(c.time), rnums(c.status) as (0 | 1)[], rnums(c.x), { minprop: rnum(c.minprop), maxprop: rnum(c.maxprop), pmethod: 'exactGauss' })
      expectClose(r.statistic, rnum(c.statistic), 1e-12, 'M')
      expect(r.cuts.map((k) => k.below)).toEqual(rnums(c.below))
      const mc = MC.get(rstr(c.name))
      if (mc) {
        // Far tail (p ≈ 3e-5): pmvnorm's tight run (1.41e-5 ± 9.3e-6) understates its error; plain Monte
        // Carlo of the same law (scripts/r/maxstat-exact-gauss-mc.R, 4e6 draws) decides: within 3 sd.
        expect(Math.abs(r.p - mc.p), `p ${r.p} vs Monte Carlo ${mc.p} ± ${mc.sd}`).toBeLessThanOrEqual(3 * mc.sd)
      } else expect(Math.abs(r.p - rnum(c.tight_p)), `p ${r.p} vs R ${rnum(c.tight_p)} ± ${rnum(c.tight_error)}`).toBeLessThanOrEqual(rnum(c.tight_error) + 1e-9)
      expect(Math.abs(r.p - rnum(c.p)), `p ${r.p} vs R default ${rnum(c.p)} ± ${rnum(c.p_error)}`).toBeLessThanOrEqual(rnum(c.p_error) + 1e-9)
      expect(r.method).toMatch(/exactGauss/)
    })
  }
  it('one cut is 2Φ(−b), as R; independent cuts (far apart) approach 1 − (1 − 2Φ(−b))^K; bad input refused', () => {
    expect(maxGaussP(1.7, 50, [20])).toBe(2 * pnorm(-1.7))
    // two cuts with correlation √(1·(n−(n−1)) / ((n−1)(n−1))) ≈ 1/n: nearly independent
    const q = 2 * pnorm(-2)
    expect(Math.abs(maxGaussP(2, 10000, [1, 9999]) - (1 - (1 - q) ** 2))).toBeLessThan(1e-4)
    // the same cut's statistic twice is one statistic
    expect(() => maxGaussP(2, 10, [3, 3])).toThrow(/two cuts/)
    expect(() => maxGaussP(2, 10, [0, 3])).toThrow(/expected 1/)
  })
  it('is deterministic', () => {
    const below = [12, 20, 33, 41, 57, 60, 71, 88, 95, 101, 108]
    expect(maxGaussP(2.4, 120, below)).toBe(maxGaussP(2.4, 120, below))
  })
})
