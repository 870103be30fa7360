/**
 * demo/clinical.tsv carries the published clinical aggregates: counts, ORR/DCR by subgroup, and
 * Kaplan–Meier medians from this directory's own KM (km.ts), not the generator's.
 */
import { join } from 'node:path'
import { describe, expect, it } from 'vitest'
import { DEMO, readTsv } from './files.js'
import { kmMedian } from './km.js'

describe('demo/clinical.tsv carries the published clinical aggregates', () => {
  const rows = readTsv(join(DEMO, 'clinical.tsv'))
  const count = (pred: (r: Record<string, string>) => boolean) => rows.filter(pred).length
  const orrDcr = (pred: (r: Record<string, string>) => boolean) => {
    const g = rows.filter(pred)
    return {
      n: g.length,
      orr: g.filter((r) => r['best_response'] === 'PR' || r['best_response'] === 'CR').length,
      dcr: g.filter((r) => r['best_response'] !== 'PD').length,
    }
  }

  it('has 64 patients PT01..PT64 with PR 23, SD 25, PD 16, CR 0 (ORR 35.9%, DCR 75.0%)', () => {
    expect(rows.map((r) => r['patient_id'])).toEqual(Array.from({ length: 64 }, (_, i) => `PT${String(i + 1).padStart(2, '0')}`))
    const by = (x: string) => count((r) => r['best_response'] === x)
    expect([by('CR'), by('PR'), by('SD'), by('PD')]).toEqual([0, 23, 25, 16])
    const all = orrDcr(() => true)
    expect((100 * all.orr / all.n).toFixed(1)).toBe('35.9')
    expect((100 * all.dcr / all.n).toFixed(1)).toBe('75.0')
  })

  it.each([
    ['HER2 IHC 2+', (r: Record<string, string>) => r['her2_ihc'] === '2+', { n: 32, orr: 13, dcr: 27 }],
    ['HER2 IHC 1+', (r: Record<string, string>) => r['her2_ihc'] === '1+', { n: 32, orr: 10, dcr: 21 }],
    ['brain metastases', (r: Record<string, string>) => r['brain_mets'] === 'yes', { n: 11, orr: 2, dcr: 7 }],
    ['prior Trop-2 ADC', (r: Record<string, string>) => r['prior_trop2_adc'] === 'yes', { n: 10, orr: 0, dcr: 5 }],
  ])('subgroup %s: n, responders, disease control', (_name, pred, want) => {
    expect(orrDcr(pred)).toEqual(want)
  })

  it('lines of therapy: 1st 3, 2nd 18, 3rd or later 43', () => {
    const line = (r: Record<string, string>) => Number.parseInt(r['line_of_therapy'] ?? '', 10)
    expect([count((r) => line(r) === 1), count((r) => line(r) === 2), count((r) => line(r) >= 3)]).toEqual([3, 18, 43])
  })

  const surv = (endpoint: 'pfs' | 'os', pred: (r: Record<string, string>) => boolean) => {
    const g = rows.filter(pred)
    return kmMedian(
      g.map((r) => Number(r[`${endpoint}_months`])),
      g.map((r) => (r[`${endpoint}_event`] === '1' ? 1 : 0)),
    )
  }
  const groups: Record<string, (r: Record<string, string>) => boolean> = {
    all: () => true,
    'HER2 2+': (r) => r['her2_ihc'] === '2+',
    'HER2 1+': (r) => r['her2_ihc'] === '1+',
    'brain mets': (r) => r['brain_mets'] === 'yes',
    'no brain mets': (r) => r['brain_mets'] === 'no',
    'prior Trop-2 ADC': (r) => r['prior_trop2_adc'] === 'yes',
    'no prior Trop-2 ADC': (r) => r['prior_trop2_adc'] === 'no',
  }
  it.each([
    ['pfs', 'all', 5.0], ['pfs', 'HER2 2+', 6.0], ['pfs', 'HER2 1+', 3.9], ['pfs', 'brain mets', 3.6],
    ['pfs', 'no brain mets', 5.6], ['pfs', 'prior Trop-2 ADC', 3.1], ['pfs', 'no prior Trop-2 ADC', 5.5],
    ['os', 'all', 14.9], ['os', 'HER2 2+', 18.1], ['os', 'HER2 1+', 14.0], ['os', 'brain mets', 8.6],
    ['os', 'no brain mets', 15.7], ['os', 'prior Trop-2 ADC', 11.1], ['os', 'no prior Trop-2 ADC', 15.7],
  ] as const)('Kaplan–Meier median %s in %s is %s months, off any exact 0.5 plateau', (endpoint, group, want) => {
    const m = surv(endpoint, groups[group] ?? (() => false))
    expect(m.plateau).toBe(false)
    expect(m.median === undefined ? undefined : Math.round(m.median * 10) / 10).toBe(want)
  })

  it('has exactly 31 deaths, OS never before PFS, times in 0.5-32 months, 6+ months follow-up if alive, PD progressing early', () => {
    expect(count((r) => r['os_event'] === '1')).toBe(31)
    for (const r of rows) {
      const pfs = Number(r['pfs_months'])
      const os = Number(r['os_months'])
      expect(os, r['patient_id']).toBeGreaterThanOrEqual(pfs)
      expect(pfs).toBeGreaterThanOrEqual(0.5)
      expect(os).toBeLessThanOrEqual(32)
      // Alive at cut-off means followed at least 6 months (enrolment closed 6 months before it).
      if (r['os_event'] === '0') expect(os, r['patient_id']).toBeGreaterThanOrEqual(6)
      if (r['best_response'] === 'PD') {
        expect(pfs).toBeLessThanOrEqual(3.5)
        expect(r['pfs_event']).toBe('1')
      }
    }
    const mean = (x: string) => {
      const v = rows.filter((r) => r['best_response'] === x).map((r) => Number(r['pfs_months']))
      return v.reduce((a, b) => a + b, 0) / v.length
    }
    expect(mean('PR')).toBeGreaterThan(mean('SD'))
    expect(mean('SD')).toBeGreaterThan(mean('PD'))
  })

  it('has distinct times within each endpoint, so no tie convention can change a median', () => {
    for (const col of ['pfs_months', 'os_months']) {
      const v = rows.map((r) => r[col])
      expect(new Set(v).size, col).toBe(v.length)
    }
  })

  it('prior Trop-2 ADC patients are treated in 3rd line or later', () => {
    for (const r of rows.filter((x) => x['prior_trop2_adc'] === 'yes')) {
      expect(Number.parseInt(r['line_of_therapy'] ?? '', 10)).toBeGreaterThanOrEqual(3)
    }
  })
})
