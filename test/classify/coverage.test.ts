import { describe, expect, it } from 'vitest'
import { commonMembers, coverageNotes, type PathwayCoverage } from '../../src/classify/coverage.js'
import { buildMatrix } from '../../src/matrix/build.js'
import { featureCounts } from '../../src/matrix/types.js'
import { panelFromGenes } from '../../src/panels/load.js'
import type { Alteration } from '../../src/model/alteration.js'
import { alt } from './helpers.js'

// A RAS pathway of three members. SMALL (10 samples) covers only KRAS; BIG (5 samples) covers all.
// Three SMALL samples carry KRAS mutations; on BIG one KRAS and one NRAS.
const ras = { id: 'RAS', label: 'RAS pathway', genes: ['KRAS', 'NRAS', 'BRAF'] }
const assay = { mutations: 'exons' as const, hotspots: [], copyNumber: true, fusions: true }
const small = panelFromGenes('SMALL', 'small', ['KRAS', 'TP53'], assay)
const big = panelFromGenes('BIG', 'big', ['KRAS', 'NRAS', 'BRAF', 'TP53'], assay)
const smallSamples = Array.from({ length: 10 }, (_, i) => `S${String(i).padStart(2, '0')}`)
const bigSamples = Array.from({ length: 5 }, (_, i) => `B${i}`)
const events: Alteration[] = [
  alt('S00', 'KRAS', 'Missense_Mutation'),
  alt('S01', 'KRAS', 'Missense_Mutation'),
  alt('S02', 'KRAS', 'Missense_Mutation'),
  alt('B0', 'KRAS', 'Missense_Mutation'),
  alt('B1', 'NRAS', 'Missense_Mutation'),
]
const samplePanel = new Map<string, string>([...smallSamples.map((s) => [s, 'SMALL'] as const), ...bigSamples.map((s) => [s, 'BIG'] as const)])
const panels = { panels: new Map([['SMALL', small], ['BIG', big]]), samplePanel }

function rasCounts(mode: PathwayCoverage, onlySmall = false) {
  const samples = onlySmall ? smallSamples : [...smallSamples, ...bigSamples]
  const common = new Map([['pathway:RAS', commonMembers({ genes: ras.genes }, onlySmall ? [small] : [small, big]) as ReadonlySet<string>]])
  const m = buildMatrix(events.filter((e) => samples.includes(e.sample)), { samples, pathways: [ras], panels, coverage: mode, coverageCommon: common })
  return featureCounts(m, m.features.findIndex((f) => f.id === 'RAS'))
}

describe('--pathway-coverage: altered and wild-type samples judged on the same members', () => {
  it('a panel covering part of a pathway: the old rule gave 3/3 = 100%; each mode gives an honest fraction', () => {
    // Only SMALL samples: the old rule made the 7 unaltered ones "not assayed" (3/3).
    expect(rasCounts('any', true)).toEqual({ altered: 3, assayed: 10, notAssayed: 0 })
    expect(rasCounts('all', true)).toEqual({ altered: 0, assayed: 0, notAssayed: 10 })
    expect(rasCounts('common', true)).toEqual({ altered: 3, assayed: 10, notAssayed: 0 })
  })

  it('two panels: any = each on its own panel; all = only the fully covering panel; common = KRAS for everyone', () => {
    expect(rasCounts('any')).toEqual({ altered: 5, assayed: 15, notAssayed: 0 })
    expect(rasCounts('all')).toEqual({ altered: 2, assayed: 5, notAssayed: 10 })
    // common: KRAS only, so B1's NRAS event does not make RAS altered (it still counts for NRAS).
    expect(rasCounts('common')).toEqual({ altered: 4, assayed: 15, notAssayed: 0 })
  })

  it('the default is any, and every mode agrees without panel information', () => {
    const samples = [...smallSamples, ...bigSamples]
    const dflt = buildMatrix(events, { samples, pathways: [ras], panels })
    expect(featureCounts(dflt, dflt.features.findIndex((f) => f.id === 'RAS'))).toEqual({ altered: 5, assayed: 15, notAssayed: 0 })
    for (const mode of ['any', 'all', 'common'] as const) {
      const m = buildMatrix(events, { samples, pathways: [ras], coverage: mode })
      expect(featureCounts(m, m.features.findIndex((f) => f.id === 'RAS'))).toEqual({ altered: 5, assayed: 15, notAssayed: 0 })
    }
  })

  it('notes name, per panel, the members used or why the feature is not assayed', () => {
    const feats = [{ id: 'RAS', type: 'pathway', member: { genes: ras.genes } }]
    const list = [{ panel: small, samples: 10 }, { panel: big, samples: 5 }]
    expect(coverageNotes(feats, list, 'any', () => undefined)).toEqual(['pathway RAS (3 members; --pathway-coverage any): on SMALL (10 sample(s)) judged on KRAS'])
    expect(coverageNotes(feats, list, 'all', () => undefined)).toEqual(['pathway RAS (3 members; --pathway-coverage all): not assayed on 1 panel(s) (10 sample(s)) covering not all of its members'])
    expect(coverageNotes(feats, list, 'common', () => new Set(['KRAS']))).toEqual([
      'pathway RAS (3 members; --pathway-coverage common): on SMALL (10 sample(s)) judged on KRAS; on BIG (5 sample(s)) judged on KRAS',
    ])
  })
})
