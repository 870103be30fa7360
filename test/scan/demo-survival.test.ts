import { describe, expect, it } from 'vitest'
import { readFileSync } from 'node:fs'
import { join } from 'node:path'
import { run } from '../../cli/main.js'
import { memoryIO } from '../../cli/context.js'
import { FIXTURES, ROOT } from '../helpers.js'

// Reference: scripts/r/demo-survival.R (R 4.2.2, survival 3.5.3) → test/fixtures/scan/demo-myc-pfs.tsv.
// Tolerances: KM medians and CI ends are event times, so exact; log-rank and Cox to 1e-6 relative
// (R's coxph stops at a relative change in log-likelihood of 1e-9).
const ref = new Map(
  readFileSync(join(FIXTURES, 'scan', 'demo-myc-pfs.tsv'), 'utf8')
    .split('\n')
    .filter((l) => l && !l.startsWith('#') && !l.startsWith('quantity'))
    .map((l) => {
      const [k, v] = l.split('\t') as [string, string]
      return [k, v === 'NA' ? Number.NaN : Number(v)]
    }),
)
const r = (k: string) => ref.get(k) as number

interface Row {
  feature: string
  nAltered: number
  nWildType: number
  medianAltered: { median: number | null; lower: number | null; upper: number | null }
  medianWildType: { median: number | null; lower: number | null; upper: number | null }
  logrankChisq: number
  logrankP: number
  hr: number
  hrLower: number
  hrUpper: number
  coxP: number
}

async function scan(extra: string[]): Promise<Row> {
  const io = memoryIO()
  const code = await run(
    ['scan', '--manifest', join(ROOT, 'demo', 'manifest.tsv'), '--panel', join(ROOT, 'demo', 'panel.json'), '--rules', 'tdxd-her2low', '--clinical', join(ROOT, 'demo', 'clinical.tsv'), '--endpoint', 'pfs', '--features', 'rules', '--format', 'json', ...extra],
    io,
  )
  expect(code, io.err).toBe(0)
  const j = JSON.parse(io.out) as { survivalEndpoints: { rows: Row[] }[] }
  return j.survivalEndpoints[0]?.rows.find((x) => x.feature === 'MYC_amp') as Row
}

const rel = (a: number, b: number) => Math.abs(a - b) / Math.abs(b)
const na = (x: number | null) => (x === null ? Number.NaN : x)

describe('scan --endpoint pfs matches R survival on the demo (MYC amplification)', () => {
  it('KM medians and CIs (log), log-rank and Cox HR', async () => {
    const row = await scan([])
    expect([row.nAltered, row.nWildType]).toEqual([r('n_altered'), r('n_wildtype')])
    expect(na(row.medianAltered.median)).toBe(r('median_altered_log'))
    expect(na(row.medianAltered.lower)).toBe(r('median_lower_altered_log'))
    expect(na(row.medianAltered.upper)).toBeNaN()
    expect(na(row.medianWildType.median)).toBe(r('median_wildtype_log'))
    expect(na(row.medianWildType.lower)).toBe(r('median_lower_wildtype_log'))
    expect(na(row.medianWildType.upper)).toBe(r('median_upper_wildtype_log'))
    expect(rel(row.logrankChisq, r('logrank_chisq'))).toBeLessThan(1e-6)
    expect(rel(row.logrankP, r('logrank_p'))).toBeLessThan(1e-6)
    expect(rel(row.hr, r('hr'))).toBeLessThan(1e-6)
    expect(rel(row.hrLower, r('hr_lower'))).toBeLessThan(1e-6)
    expect(rel(row.hrUpper, r('hr_upper'))).toBeLessThan(1e-6)
    expect(rel(row.coxP, r('cox_p'))).toBeLessThan(1e-6)
  })

  it('log-log CIs on request', async () => {
    const row = await scan(['--conf-type', 'log-log'])
    expect(na(row.medianWildType.lower)).toBe(r('median_lower_wildtype_log-log'))
    expect(na(row.medianWildType.upper)).toBe(r('median_upper_wildtype_log-log'))
    expect(na(row.medianAltered.lower)).toBe(r('median_lower_altered_log-log'))
  })

  it('adjusts the Cox HR for clinical covariates', async () => {
    const row = await scan(['--covariates', 'brain_mets,prior_trop2_adc'])
    expect(rel(row.hr, r('hr_adjusted'))).toBeLessThan(1e-6)
    expect(rel(row.coxP, r('cox_p_adjusted'))).toBeLessThan(1e-6)
  })
})
