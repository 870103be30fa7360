/** The clinical feature scan as a library call (no CLI): R's exact stratified test, references, errors, the text. */
import { join } from 'node:path'
import { beforeAll, describe, expect, it } from 'vitest'
import { readClinical } from '../../src/clinical/read.js'
import type { ClinicalTable } from '../../src/model/clinical.js'
import { burdenFeatureFigure, forestFeatureSvg, kmFeatureSvg } from '../../src/pipeline/feature-figures.js'
import { featureScan, featureScanText } from '../../src/pipeline/feature-scan.js'
import { parseEndpoint } from '../../src/scan/endpoints.js'
import { DEMO, demoStudyReference, readTsv } from '../demo/files.js'

const ref = demoStudyReference()

const words = (clinical: string[]) => ({ clinical, tmb: false, mutationCount: false })

describe('featureScan', () => {
  const rows = readTsv(join(DEMO, 'clinical.tsv'))
  let table: ClinicalTable
  beforeAll(async () => {
    table = (await readClinical(join(DEMO, 'clinical.tsv'))).table
  })

  it('response vs brain_mets stratified by HER2 IHC: R mantelhaen.test(exact = TRUE) p, and the counts the file holds', () => {
    const run = featureScan({ clinical: table, words: words(['brain_mets']), endpoints: [parseEndpoint('orr')], classes: '' }, { strata: 'her2_ihc' })
    const row = run.endpoints[0]?.response[0] as unknown as Record<string, unknown>
    const responders = rows.filter((r) => r['best_response'] === 'CR' || r['best_response'] === 'PR')
    expect([row['n'], row['responders'], row['n_level'], row['responders_level']]).toEqual([
      rows.length,
      responders.length,
      rows.filter((r) => r['brain_mets'] === 'yes').length,
      responders.filter((r) => r['brain_mets'] === 'yes').length,
    ])
    expect(Math.abs((row['mh_p'] as number) / (ref['mh_p_brain_by_her2'] as number) - 1)).toBeLessThan(1e-9)
    expect(row['mh_strata']).toBe(2)
  })

  it('a reference level turns the term round: HR(1+ vs 2+) is 1 / HR(2+ vs 1+)', () => {
    const pfs = [parseEndpoint('pfs')]
    const hr = (references?: Map<string, string>) => {
      const r = featureScan({ clinical: table, words: words(['her2_ihc']), endpoints: pfs, classes: '' }, { references }).endpoints[0]?.survival[0]
      return [r?.term, r?.hr] as const
    }
    const [termA, a] = hr()
    const [termB, b] = hr(new Map([['her2_ihc', '2+']]))
    expect([termA, termB]).toEqual(['her2_ihc=2+', 'her2_ihc=1+'])
    expect((a as number) * (b as number)).toBeCloseTo(1, 9)
  })

  it('multivariable: one model with the covariates, every term on the 51 rwPFS events', () => {
    const events = rows.filter((r) => r['pfs_event'] === '1').length
    const run = featureScan({ clinical: table, words: words(['her2_ihc']), endpoints: [parseEndpoint('pfs')], classes: '' }, { multivariable: true, covariates: ['brain_mets', 'prior_trop2_adc'] })
    expect(run.covariates.map((v) => v.id)).toEqual(['clinical:brain_mets', 'clinical:prior_trop2_adc'])
    const multi = run.endpoints[0]?.survival.filter((r) => r.model === 'multivariable') ?? []
    expect(multi.map((r) => [r.term, r.events])).toEqual([['her2_ihc=2+', events], ['brain_mets=yes', events], ['prior_trop2_adc=yes', events]])
  })

  it('says what it read: the feature, the endpoint and the term table', () => {
    const run = featureScan({ clinical: table, words: words(['brain_mets']), endpoints: [parseEndpoint('orr')], classes: '' })
    const text = featureScanText(run)
    expect(text[0]).toBe('# clinical and continuous features (numeric effects per unit after --transform none):')
    expect(text).toContain('#   clinical:brain_mets: binary: "yes" vs "no" (reference: the yes/no "absent" value)')
    expect(text.some((l) => l.startsWith(`# endpoint orr: `) && l.includes(`; ${rows.length} patients;`))).toBe(true)
    expect(text.filter((l) => l.startsWith('clinical:brain_mets\t'))).toHaveLength(1)
  })

  it('refuses a scan with nothing to test, and TMB without the calls', () => {
    const orr = [parseEndpoint('orr')]
    expect(() => featureScan({ clinical: table, words: words([]), endpoints: orr, classes: '' })).toThrow(/no feature to test/)
    expect(() => featureScan({ clinical: table, words: { clinical: [], tmb: true, mutationCount: false }, endpoints: orr, classes: '' })).toThrow(/computed from the calls/)
  })

  it('the km, forest and burden figures from a run: what they print is the run\'s numbers', () => {
    const pfs = parseEndpoint('pfs')
    const multi = featureScan({ clinical: table, words: words(['her2_ihc', 'brain_mets']), endpoints: [pfs], classes: '' }, { multivariable: true })
    const svg = forestFeatureSvg(multi, { multivariable: true })
    expect(svg).toContain('Multivariable Cox regression — pfs')
    for (const r of multi.endpoints[0]?.survival.filter((x) => x.model === 'multivariable') ?? []) expect(svg, r.term).toContain(`>${(r.hr as number).toPrecision(3)} [`)
    const one = featureScan({ clinical: table, words: words(['brain_mets']), endpoints: [pfs], classes: '' })
    expect(kmFeatureSvg(one, table, pfs)).toContain('Time (pfs_months)')
    expect(() => kmFeatureSvg(one, table, parseEndpoint('orr'))).toThrow(/not a survival endpoint/)
    const orr = parseEndpoint('orr')
    const age = featureScan({ clinical: table, words: words(['age']), endpoints: [orr], classes: '' })
    const fig = burdenFeatureFigure(age, table, orr)
    const responders = rows.filter((r) => r['best_response'] === 'CR' || r['best_response'] === 'PR').length
    expect(fig.statements.at(-1)).toMatch(new RegExp(`^drawn: responders \\(CR\\+PR\\) ${responders}, non-responders \\(SD\\+PD\\) ${rows.length - responders}; Wilcoxon rank-sum p = `))
    expect(() => burdenFeatureFigure(featureScan({ clinical: table, words: words(['brain_mets']), endpoints: [orr], classes: '' }), table, orr)).toThrow(/draws a numeric feature/)
  })
})
