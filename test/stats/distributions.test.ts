/**
 * pnorm, qnorm, pchisq, pbeta and the Clopper–Pearson interval against R 4.2.2.
 * Tolerances: pnorm/qnorm/pchisq 1e-13 relative (both sides are accurate to a few ulp; the
 * incomplete-gamma series/fraction stop at eps); pbeta 1e-10 (documented ~1e-11 loss near x = 1 with
 * a large parameter); Clopper–Pearson 1e-12 (solved to ~1e-15 in whichever of p, 1−p is small).
 */
import { describe, expect, it } from 'vitest'
import { clopperPearson } from '../../src/stats/clopper-pearson.js'
import type { Alternative } from '../../src/stats/fisher.js'
import { regularizedBeta } from '../../src/stats/incomplete-beta.js'
import { pchisq } from '../../src/stats/incomplete-gamma.js'
import { pnorm, qnorm } from '../../src/stats/normal.js'
import { expectClose, num, readReference } from './reference.js'

describe('normal distribution vs R', () => {
  it('pnorm, both tails', () => {
    for (const r of readReference('pnorm.tsv')) {
      const z = num(r, 'z')
      // R flushes the lower tail to 0 below z ≈ −37.5; ours keeps the subnormal (true Φ(−38) = 2.885e-316).
      if (num(r, 'lower') === 0) expect(pnorm(z)).toBeLessThan(1e-300)
      else expectClose(pnorm(z), num(r, 'lower'), 1e-13, `pnorm(${z})`)
      expectClose(pnorm(z, false), num(r, 'upper'), 1e-13, `pnorm(${z}, lower=FALSE)`)
    }
  })
  it('qnorm from 1e-300 to 1 − 1e-10', () => {
    for (const r of readReference('qnorm.tsv')) expectClose(qnorm(num(r, 'p')), num(r, 'q'), 1e-13, `qnorm(${r.p})`)
    expect(qnorm(0)).toBe(-Infinity)
    expect(qnorm(1)).toBe(Infinity)
    expect(qnorm(1.5)).toBeNaN()
  })
})

describe('chi-square and beta distribution functions vs R', () => {
  it('pchisq, both tails, df 1–300', () => {
    for (const r of readReference('pchisq.tsv')) {
      const [q, df] = [num(r, 'q'), num(r, 'df')]
      expectClose(pchisq(q, df), num(r, 'upper'), 1e-13, `pchisq(${q}, ${df}, lower=FALSE)`)
      expectClose(pchisq(q, df, true), num(r, 'lower'), 1e-13, `pchisq(${q}, ${df})`)
    }
  })
  it('pbeta, both tails', () => {
    for (const r of readReference('pbeta.tsv')) {
      const [x, a, b] = [num(r, 'x'), num(r, 'a'), num(r, 'b')]
      const t = regularizedBeta(x, a, b)
      // A tail below 1e-300 is compared as "tiny": R and we both sit at the underflow edge.
      for (const [what, got, key] of [['lower', t.lower, 'lower'], ['upper', t.upper, 'upper']] as const) {
        const expected = num(r, key)
        if (expected < 1e-290) expect(got).toBeLessThan(1e-280)
        else expectClose(got, expected, 1e-10, `pbeta(${x}, ${a}, ${b}) ${what}`)
      }
    }
  })
})

const R_ALT: Readonly<Record<string, Alternative>> = { 'two.sided': 'two-sided', less: 'less', greater: 'greater' }

describe('clopperPearson vs R binom.test', () => {
  it('matches conf.int for x = 0, x = n, n = 1, n = 1e6 and three confidence levels', () => {
    const rows = readReference('binom.tsv')
    expect(rows.length).toBeGreaterThan(100)
    for (const r of rows) {
      const [x, n, conf] = [num(r, 'x'), num(r, 'n'), num(r, 'conf')]
      const ci = clopperPearson(x, n, conf, R_ALT[r.alternative ?? ''] ?? 'two-sided')
      const ctx = `binom.test(${x}, ${n}, conf.level=${conf}, ${r.alternative})`
      expectClose(ci.lower, num(r, 'lower'), 1e-12, `${ctx} lower`)
      expectClose(ci.upper, num(r, 'upper'), 1e-12, `${ctx} upper`)
    }
  })
  it('rejects impossible counts', () => {
    expect(() => clopperPearson(3, 2)).toThrow(RangeError)
    expect(() => clopperPearson(0, 0)).toThrow(RangeError)
  })
})
