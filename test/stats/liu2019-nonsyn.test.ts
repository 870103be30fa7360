/**
 * Issue 18's check on Liu 2019 (comut tutorial data, MIT; test/fixtures/stats/liu2019-nonsyn.json
 * from scripts/r/stats-reference.R): non-synonymous mutation count vs response (CR/PR vs the
 * rest) and vs OS (dead) gives R's Wilcoxon p, logistic OR per log10, AUC with DeLong CI and Cox
 * HR per log10. Tolerances as each statistic's own test (1e-12 Wilcoxon/AUC, 1e-9 glm, 1e-8 Cox).
 */
import { describe, expect, it } from 'vitest'
import { coxph } from '../../src/stats/cox.js'
import { logisticRegression } from '../../src/stats/logistic.js'
import { rocAucDeLong } from '../../src/stats/roc-delong.js'
import { transformValues } from '../../src/stats/transform.js'
import { wilcoxonRankSum } from '../../src/stats/wilcoxon.js'
import { expectClose } from './reference.js'
import { readStatsReference, rnum, rnums, type Json } from './stats-reference.js'

const [c] = readStatsReference<Record<string, Json>>('liu2019-nonsyn.json')

describe('Liu 2019 non-synonymous mutations vs response and OS, as R', () => {
  if (!c) throw new Error('no Liu 2019 reference')
  const muts = rnums(c.nonsyn_muts)
  const response = (c.br as Json[]).map((b) => (b === 'CR' || b === 'PR' ? 1 : 0))
  it('has the 52 patients', () => expect(muts.length).toBe(52))
  it('Wilcoxon rank-sum', () => {
    const r = wilcoxonRankSum(muts.filter((_, i) => response[i] === 1), muts.filter((_, i) => response[i] === 0))
    expect(r.w).toBe(rnum(c.wilcoxon_w))
    expect(r.exact).toBe(false) // ties in the counts: normal approximation, as R
    expectClose(r.p, rnum(c.wilcoxon_p), 1e-12, 'wilcoxon p')
  })
  it('logistic OR per log10', () => {
    const x = transformValues(muts, 'log10').values
    const t = logisticRegression(response, x.map((v) => [v]), { names: ['log10_nonsyn'] }).terms[1]
    expectClose(t?.or ?? NaN, rnum(c.or_per_log10), 1e-9, 'OR')
    expectClose(t?.orLower ?? NaN, rnum(c.or_lower), 1e-9, 'OR lower')
    expectClose(t?.orUpper ?? NaN, rnum(c.or_upper), 1e-9, 'OR upper')
    expectClose(t?.p ?? NaN, rnum(c.or_p), 1e-9, 'OR p')
  })
  it('AUC with DeLong CI', () => {
    const r = rocAucDeLong(muts, response)
    expectClose(r.auc, rnum(c.auc), 1e-12, 'auc')
    expectClose(r.aucLower, rnum(c.auc_lower), 1e-12, 'auc lower')
    expectClose(r.aucUpper, rnum(c.auc_upper), 1e-12, 'auc upper')
  })
  it('Cox HR per log10 on OS', () => {
    const x = transformValues(muts, 'log10').values
    const fit = coxph(rnums(c.os), rnums(c.dead) as (0 | 1)[], x.map((v) => [v])).coefficients[0]
    expectClose(fit?.hr ?? NaN, rnum(c.hr_per_log10), 1e-8, 'HR')
    expectClose(fit?.lower ?? NaN, rnum(c.hr_lower), 1e-8, 'HR lower')
    expectClose(fit?.upper ?? NaN, rnum(c.hr_upper), 1e-8, 'HR upper')
    expectClose(fit?.p ?? NaN, rnum(c.hr_p), 1e-8, 'HR p')
  })
})
