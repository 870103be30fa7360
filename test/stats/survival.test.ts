/**
 * Kaplan–Meier, log-rank and Cox against R 4.2.2 + survival 3.5-3 (test/fixtures/r/km*.tsv,
 * logrank*.tsv, cox*.tsv from scripts/r/make-reference.R) on the Liu 2019 melanoma cohort and on
 * synthetic edge cases (ties, censoring at event times, a curve flat at exactly 0.5, median not
 * reached, curve reaching 0, an all-censored group, 240 patients in three groups).
 *
 * Tolerances: KM and log-rank 1e-12 relative (closed-form products and sums; R does the same
 * arithmetic). Cox 1e-8 relative on coef/se/CI/p and 1e-9 on loglik: R stops Newton–Raphson when
 * the log-likelihood changes by < 1e-9 relative, so its coefficients carry that iteration error;
 * ours are polished to the exact maximiser (measured worst difference 9e-11, sim3 x1+x2 p-value).
 */
import { describe, expect, it } from 'vitest'
import { coxph } from '../../src/stats/cox.js'
import { kaplanMeier, numberAtRisk, type ConfType } from '../../src/stats/km.js'
import { logRank } from '../../src/stats/logrank.js'
import { expectClose, num, readReference } from './reference.js'
import { survivalDatasets } from './survival-data.js'

const datasets = survivalDatasets()

function dataset(name: string) {
  const d = datasets.get(name)
  if (!d) throw new Error(`no dataset ${name} in survival-data.tsv`)
  return d
}

describe('kaplanMeier vs R survfit', () => {
  it('has all reference datasets', () => {
    expect([...datasets.keys()].sort()).toEqual(['allcens', 'half', 'mel_os', 'mel_pfs', 'notreached', 'sim3', 'ties', 'tozero'])
  })
  it('reproduces every step: time, n.risk, n.event, n.censor, surv, std.err, lower, upper (log, log-log, plain)', () => {
    const rows = readReference('km.tsv')
    const byKey = new Map<string, typeof rows>()
    for (const r of rows) {
      const key = `${r.dataset}|${r.conf_type}`
      byKey.set(key, [...(byKey.get(key) ?? []), r])
    }
    expect(byKey.size).toBe(24)
    for (const [key, ref] of byKey) {
      const [name = '', confType = 'log'] = key.split('|')
      const d = dataset(name)
      const km = kaplanMeier(d.time, d.event, { confType: confType as ConfType })
      expect(km.steps.length, key).toBe(ref.length)
      ref.forEach((r, i) => {
        const s = km.steps[i]
        if (!s) throw new Error(`${key}: missing step ${i}`)
        const ctx = `${key} step ${i} (t=${r.time})`
        expect(s.time, ctx).toBe(num(r, 'time'))
        expect([s.nRisk, s.nEvent, s.nCensor], ctx).toEqual([num(r, 'n_risk'), num(r, 'n_event'), num(r, 'n_censor')])
        expectClose(s.surv, num(r, 'surv'), 1e-12, `${ctx} surv`)
        expectClose(s.stdErrLog, num(r, 'std_err'), 1e-12, `${ctx} std.err`)
        expectClose(s.lower, num(r, 'lower'), 1e-12, `${ctx} lower`)
        expectClose(s.upper, num(r, 'upper'), 1e-12, `${ctx} upper`)
      })
    }
  })
  it('reports the median and its CI as print.survfit does (midpoint on a 0.5 plateau, NA when not reached)', () => {
    for (const r of readReference('km-median.tsv')) {
      const d = dataset(r.dataset ?? '')
      const km = kaplanMeier(d.time, d.event, { confType: r.conf_type as ConfType })
      const ctx = `${r.dataset} ${r.conf_type} median`
      expectClose(km.median.estimate, num(r, 'median'), 1e-12, ctx)
      expectClose(km.median.lower, num(r, 'lcl'), 1e-12, `${ctx} LCL`)
      expectClose(km.median.upper, num(r, 'ucl'), 1e-12, `${ctx} UCL`)
    }
    expect(kaplanMeier(dataset('half').time, dataset('half').event).median.estimate).toBe(4)
    expect(kaplanMeier(dataset('notreached').time, dataset('notreached').event).median.estimate).toBeNaN()
  })
  it('honours confLevel 0.9 for the pointwise CI and the median CI', () => {
    for (const r of readReference('km-90.tsv')) {
      const d = dataset(r.dataset ?? '')
      const km = kaplanMeier(d.time, d.event, { confType: r.conf_type as ConfType, confLevel: 0.9 })
      const s = km.steps.find((x) => x.time === num(r, 'time'))
      if (!s) throw new Error(`${r.dataset}: no step at ${r.time}`)
      expectClose(s.lower, num(r, 'lower'), 1e-12, `${r.dataset} ${r.conf_type} 90% lower at ${r.time}`)
      expectClose(s.upper, num(r, 'upper'), 1e-12, `${r.dataset} ${r.conf_type} 90% upper at ${r.time}`)
    }
    for (const r of readReference('km-median-90.tsv')) {
      const d = dataset(r.dataset ?? '')
      const m = kaplanMeier(d.time, d.event, { confType: r.conf_type as ConfType, confLevel: 0.9 }).median
      expectClose(m.lower, num(r, 'lcl'), 1e-12, `${r.dataset} ${r.conf_type} 90% median LCL`)
      expectClose(m.upper, num(r, 'ucl'), 1e-12, `${r.dataset} ${r.conf_type} 90% median UCL`)
    }
  })
  it('counts the number at risk (time ≥ t) for risk tables', () => {
    const d = dataset('ties')
    expect(numberAtRisk(d.time, [0, 1, 1.5, 2, 10, 12, 13])).toEqual([18, 18, 16, 16, 3, 1, 0])
  })
  it('rejects mismatched lengths, non-finite times and bad event codes', () => {
    expect(() => kaplanMeier([1, 2], [1])).toThrow(RangeError)
    expect(() => kaplanMeier([1, NaN], [1, 0])).toThrow(RangeError)
    expect(() => kaplanMeier([1, 2], [1, 2 as 1])).toThrow(RangeError)
  })
})

describe('logRank vs R survdiff', () => {
  it('matches chisq, df, p and per-group observed / expected / variance', () => {
    const groups = readReference('logrank-groups.tsv')
    for (const r of readReference('logrank.tsv')) {
      const d = dataset(r.dataset ?? '')
      const lr = logRank(d.time, d.event, d.group)
      const ctx = `survdiff ${r.dataset}`
      expectClose(lr.chisq, num(r, 'chisq'), 1e-10, `${ctx} chisq`)
      expect(lr.df, ctx).toBe(num(r, 'df'))
      expectClose(lr.p, num(r, 'p'), 1e-10, `${ctx} p`)
      const ref = groups.filter((g) => g.dataset === r.dataset)
      expect(lr.groups.map((g) => g.group)).toEqual(ref.map((g) => g.group))
      lr.groups.forEach((g, i) => {
        const rg = ref[i]
        if (!rg) throw new Error('missing group')
        expect(g.n).toBe(num(rg, 'n'))
        expect(g.observed).toBe(num(rg, 'observed'))
        expectClose(g.expected, num(rg, 'expected'), 1e-12, `${ctx} ${g.group} expected`)
        expectClose(lr.variance[i]?.[i] ?? NaN, num(rg, 'var_diag'), 1e-12, `${ctx} ${g.group} var`)
      })
    }
  })
})

describe('coxph (Efron) vs R coxph', () => {
  const coefs = readReference('cox.tsv')
  for (const t of readReference('cox-tests.tsv')) {
    const name = t.dataset ?? ''
    const model = t.model ?? ''
    const monotone = (t.warning ?? '') !== ''
    it(`${name} ~ ${model}${monotone ? ' (R warns: ' + (t.warning ?? '').trim() + ')' : ''}`, () => {
      const d = dataset(name)
      const x = d.x1.map((v, i) => (model === 'x1' ? [v] : [v, d.x2[i] ?? NaN]))
      const fit = coxph(d.time, d.event, x, { names: model === 'x1' ? ['x1'] : ['x1', 'x2'] })
      const ctx = `coxph ${name} ~ ${model}`
      expectClose(fit.loglik[0], num(t, 'loglik0'), 1e-12, `${ctx} null loglik`)
      expectClose(fit.score.statistic, num(t, 'score'), 1e-9, `${ctx} score test`)
      if (monotone) {
        // Same diagnosis as R, and (because we follow R's iteration path: β = 0 start, same
        // step-halving and stopping rule) the same huge, meaningless coefficient to 1e-6.
        const rWarning = t.warning ?? ''
        expect(fit.warning ?? '', ctx).toContain(rWarning.startsWith('Ran out') ? 'Ran out of iterations' : 'coefficient may be infinite')
        expect(fit.converged).toBe(!rWarning.startsWith('Ran out'))
        expect(Math.abs(fit.coefficients[0]?.coef ?? 0)).toBeGreaterThan(5)
        const ref = coefs.filter((c) => c.dataset === name && c.model === model)
        fit.coefficients.forEach((c, j) => expectClose(c.coef, num(ref[j] ?? {}, 'coef'), 1e-6, `${ctx} ${c.name} coef`))
        return
      }
      expect(fit.warning, ctx).toBeUndefined()
      expect(fit.converged).toBe(true)
      expectClose(fit.loglik[1], num(t, 'loglik1'), 1e-9, `${ctx} loglik`)
      expectClose(fit.likelihoodRatio.statistic, num(t, 'lr'), 1e-8, `${ctx} LR`)
      expectClose(fit.likelihoodRatio.p, num(t, 'lr_p'), 1e-8, `${ctx} LR p`)
      expectClose(fit.wald.statistic, num(t, 'wald'), 1e-8, `${ctx} Wald`)
      expectClose(fit.wald.p, num(t, 'wald_p'), 1e-8, `${ctx} Wald p`)
      const ref = coefs.filter((c) => c.dataset === name && c.model === model)
      expect(ref.length).toBe(fit.coefficients.length)
      fit.coefficients.forEach((c, j) => {
        const r = ref[j]
        if (!r) throw new Error('missing coefficient')
        const cc = `${ctx} ${c.name}`
        expectClose(c.coef, num(r, 'coef'), 1e-8, `${cc} coef`)
        expectClose(c.se, num(r, 'se'), 1e-8, `${cc} se`)
        expectClose(c.z, num(r, 'z'), 1e-8, `${cc} z`)
        expectClose(c.p, num(r, 'p'), 1e-8, `${cc} p`)
        expectClose(c.lower, num(r, 'lower'), 1e-8, `${cc} lower`)
        expectClose(c.upper, num(r, 'upper'), 1e-8, `${cc} upper`)
      })
    })
  }
})

describe('coxph edge cases', () => {
  // R 4.2.2: coxph(Surv(t, e) ~ x1 + x2) with x2 constant (and with x3 = 2·x1) gives x1 = 0.166854804464972,
  // the other coefficient NA, Wald 0.0117981915771637, loglik −9.86266555801587 → −9.85675902949570.
  const t = [3, 5, 6, 8, 9, 11, 4, 7, 10, 12]
  const e: (0 | 1)[] = [1, 1, 0, 1, 1, 1, 0, 1, 0, 1]
  const x1 = [0.3, 0.1, 0.5, 0.2, 0.8, 0.4, 0.6, 0.9, 0.7, 0.1]
  it.each([
    ['a constant covariate', x1.map((v) => [v, 1])],
    ['a collinear covariate', x1.map((v) => [v, 2 * v])],
  ])('reports NaN (R: NA) for %s and fits the rest', (_label, x) => {
    const fit = coxph(t, e, x)
    expectClose(fit.coefficients[0]?.coef ?? NaN, 0.166854804464972, 1e-8, 'x1 coef')
    expect(fit.coefficients[1]?.coef).toBeNaN()
    expect(fit.coefficients[1]?.se).toBeNaN()
    expectClose(fit.wald.statistic, 0.0117981915771637, 1e-8, 'Wald')
    expectClose(fit.loglik[1], -9.8567590294957, 1e-9, 'loglik')
    expect(fit.wald.df).toBe(1)
  })
  it('does not crash without events (all coefficients NaN)', () => {
    const fit = coxph([1, 2, 3], [0, 0, 0], [[1], [2], [3]])
    expect(fit.coefficients[0]?.coef).toBeNaN()
    expect(fit.events).toBe(0)
  })
  it('rejects ragged or non-finite covariates', () => {
    expect(() => coxph([1, 2], [1, 0], [[1], [1, 2]])).toThrow(RangeError)
    expect(() => coxph([1, 2], [1, 0], [[1], [NaN]])).toThrow(RangeError)
  })
})

describe('logRank edge cases', () => {
  it('has no test without events: df 0 and p NaN (R: df −1, p NA)', () => {
    const lr = logRank([1, 2, 3, 4], [0, 0, 0, 0], ['a', 'a', 'b', 'b'])
    expect(lr.chisq).toBe(0)
    expect(lr.df).toBe(0)
    expect(lr.p).toBeNaN()
  })
  it('orders numeric group labels numerically, like R factor levels', () => {
    const lr = logRank([1, 2, 3, 4, 5, 6], [1, 1, 1, 0, 1, 0], [10, 2, 10, 2, 1, 1])
    expect(lr.groups.map((g) => g.group)).toEqual(['1', '2', '10'])
  })
  it('needs at least two groups', () => {
    expect(() => logRank([1, 2], [1, 1], ['a', 'a'])).toThrow(RangeError)
  })
})

