/** The demo's medians and Fisher p-values agree with R's own (test/fixtures/demo/r-reference.R). */
import { join } from 'node:path'
import { describe, expect, it } from 'vitest'
import { DEMO, ROOT, readTsv } from './files.js'
import { fisherTwoSided, kmMedian } from './km.js'

describe('demo numbers agree with R (survival::survfit, fisher.test)', () => {
  const ref = readTsv(join(ROOT, 'test', 'fixtures', 'demo', 'r-reference.tsv'))
  const clinical = readTsv(join(DEMO, 'clinical.tsv'))
  const pred: Record<string, (r: Record<string, string>) => boolean> = {
    all: () => true,
    her2_2: (r) => r['her2_ihc'] === '2+',
    her2_1: (r) => r['her2_ihc'] === '1+',
    brain_yes: (r) => r['brain_mets'] === 'yes',
    brain_no: (r) => r['brain_mets'] === 'no',
    trop2_yes: (r) => r['prior_trop2_adc'] === 'yes',
    trop2_no: (r) => r['prior_trop2_adc'] === 'no',
  }
  it.each(ref.filter((r) => r['kind'] === 'median').map((r) => [r['name'] ?? '', Number(r['value'])] as const))(
    'median %s matches survfit (%s)',
    (name, want) => {
      const [endpoint, ...rest] = name.split('_')
      const g = clinical.filter(pred[rest.join('_')] ?? (() => false))
      const m = kmMedian(g.map((r) => Number(r[`${endpoint}_months`])), g.map((r) => (r[`${endpoint}_event`] === '1' ? 1 : 0)))
      // Medians are data values on a 0.1-month grid, so agreement is exact up to float printing.
      expect(m.median, `${name}: ours ${m.median}, R ${want}`).toBeCloseTo(want, 9)
    },
  )
  it.each(ref.filter((r) => r['kind'] === 'fisher').map((r) => [r['name'] ?? '', r] as const))(
    'Fisher p for %s matches fisher.test to 1e-9 relative',
    (name, r) => {
      const [a, b, c, d] = ['a', 'b', 'c', 'd'].map((k) => Number(r[k]))
      const p = fisherTwoSided(a ?? 0, b ?? 0, c ?? 0, d ?? 0)
      const want = Number(r['value'])
      expect(Math.abs(p - want) / want, `${name} [${a},${b},${c},${d}]: ours ${p}, R ${want}`).toBeLessThan(1e-9)
    },
  )
})
