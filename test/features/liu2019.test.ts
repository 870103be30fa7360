// Issue #18 done-when: on Liu 2019, non-synonymous mutation count against response (CR/PR vs the
// rest) and against OS gives R's Wilcoxon p, logistic OR per log10, AUC with DeLong CI and Cox HR
// per log10 (test/fixtures/features/liu2019.R), through `scan` on the clinical table alone.
import { readFileSync } from 'node:fs'
import { join } from 'node:path'
import { describe, expect, it } from 'vitest'
import { memoryIO } from '../../cli/context.js'
import { run } from '../../cli/main.js'

const DIR = join(__dirname, '..', 'fixtures', 'features')
const ref = Object.fromEntries(
  readFileSync(join(DIR, 'liu2019-reference.tsv'), 'utf8')
    .split('\n')
    .filter((l) => l !== '' && !l.startsWith('#') && !l.startsWith('name\t'))
    .map((l) => l.split('\t') as [string, string])
    .map(([k, v]) => [k, Number(v)]),
) as Record<string, number>

const rel = (got: number | undefined, want: number) => Math.abs((got as number) - want) / Math.abs(want)

interface Row { [k: string]: unknown }

describe('Liu 2019: nonsyn_muts vs response and OS equals R', async () => {
  const io = memoryIO()
  const code = await run(['scan', '--clinical', join(DIR, 'liu2019-clinical.tsv'), '--endpoint', 'orr,os', '--features', 'clinical:nonsyn_muts', '--transform', 'log10', '--format', 'json'], io)
  const json = JSON.parse(io.out) as { featureEndpoints: { endpoint: string; response: Row[]; survival: Row[] }[] }
  const resp = json.featureEndpoints.find((e) => e.endpoint === 'orr')?.response[0] as Row
  const surv = json.featureEndpoints.find((e) => e.endpoint === 'os')?.survival ?? []
  const uni = surv.find((r) => r['model'] === 'univariable') as Row
  const cut = surv.find((r) => r['model'] === 'cut-off') as Row

  it('runs on the clinical table alone and reads the column as numeric, per log10', () => {
    expect(code, io.err).toBe(0)
    expect(resp['term']).toBe('log10(nonsyn_muts)')
    expect([resp['n'], resp['responders']]).toEqual([52, 17])
  })
  it('maxstat: the data-chosen cut-point and its Lausen 1994 p equal R maxstat.test, labelled exploratory', async () => {
    const io2 = memoryIO()
    expect(await run(['scan', '--clinical', join(DIR, 'liu2019-clinical.tsv'), '--endpoint', 'os', '--features', 'clinical:nonsyn_muts', '--maxstat', '--format', 'json'], io2)).toBe(0)
    const rows = (JSON.parse(io2.out) as { featureEndpoints: { survival: Row[] }[] }).featureEndpoints[0]?.survival ?? []
    const m = rows.find((r) => String(r['term']).endsWith('(maxstat)')) as Row
    expect(m['term']).toBe(`nonsyn_muts > ${ref['maxstat_cut']} (maxstat)`)
    expect(rel(m['p'] as number, ref['maxstat_p'] as number)).toBeLessThan(1e-9)
    expect(m['note']).toMatch(/^EXPLORATORY/)
  })
  it('maxstat --maxstat-pmethod exactGauss: R maxstat.test(pmethod = "exactGauss") within R\'s stated error (scripts/r/maxstat-exact-gauss.R)', async () => {
    const io2 = memoryIO()
    expect(await run(['scan', '--clinical', join(DIR, 'liu2019-clinical.tsv'), '--endpoint', 'os', '--features', 'clinical:nonsyn_muts', '--maxstat', '--maxstat-pmethod', 'exactGauss', '--format', 'json'], io2), io2.err).toBe(0)
    const rows = (JSON.parse(io2.out) as { featureEndpoints: { survival: Row[] }[] }).featureEndpoints[0]?.survival ?? []
    const m = rows.find((r) => String(r['term']).endsWith('(maxstat)')) as Row
    const eg = (JSON.parse(readFileSync(join(DIR, '..', 'stats', 'maxstat-exact-gauss.json'), 'utf8')) as Record<string, number | string>[]).find((c) => c['name'] === 'liu2019-fixture-os-nonsyn-muts') as Record<string, number>
    expect(m['term']).toBe(`nonsyn_muts > ${ref['maxstat_cut']} (maxstat)`)
    expect(Math.abs((m['p'] as number) - eg['tight_p']!)).toBeLessThanOrEqual(eg['tight_error']! + 1e-9)
    expect(m['note']).toMatch(/^EXPLORATORY: .*p is maxstat's exactGauss p/)
  })
  it('Wilcoxon rank-sum p (normal approximation with continuity and tie correction) to 1e-9', () => {
    expect(rel(resp['wilcoxon_p'] as number, ref['wilcoxon_p'] as number)).toBeLessThan(1e-9)
  })
  it("logistic OR per log10 with Wald CI and p (glm's IRLS stops at a 1e-8 deviance change: 1e-6)", () => {
    for (const [k, r] of [['or', 'or'], ['or_lower', 'or_lower'], ['or_upper', 'or_upper'], ['or_p', 'or_p']] as const) expect(rel(resp[k] as number, ref[r] as number), k).toBeLessThan(1e-6)
  })
  it('ROC AUC and its DeLong 95% CI to 1e-9', () => {
    for (const k of ['auc', 'auc_lower', 'auc_upper'] as const) expect(rel(resp[k] as number, ref[k] as number), k).toBeLessThan(1e-9)
  })
  it('Cox HR per log10 with CI and Wald p, and the log-rank p of the median split, to 1e-8', () => {
    expect(rel(uni['hr'] as number, ref['hr'] as number)).toBeLessThan(1e-8)
    expect(rel(uni['hr_lower'] as number, ref['hr_lower'] as number)).toBeLessThan(1e-8)
    expect(rel(uni['hr_upper'] as number, ref['hr_upper'] as number)).toBeLessThan(1e-8)
    expect(rel(uni['wald_p'] as number, ref['cox_p'] as number)).toBeLessThan(1e-8)
    expect(cut['term']).toBe('nonsyn_muts ≥ 274.5')
    expect(rel(cut['logrank_p'] as number, ref['logrank_p_median_split'] as number)).toBeLessThan(1e-8)
  })
})
