/**
 * A hand-checked mixed-panel cohort: SNVs, copy number and germline calls; two panels, one without
 * copy number and with PIK3CA hotspots only. Every expected cell below was worked out by hand
 * (see the comments), not computed by the code under test.
 */
import { fileURLToPath } from 'node:url'
import { beforeAll, describe, expect, it } from 'vitest'
import { buildMatrix, type BuiltMatrix } from '../../src/matrix/build.js'
import type { CellStore } from '../../src/matrix/cell-store.js'
import { compileRules } from '../../src/classify/rule-match.js'
import { loadRules } from '../../src/classify/rules.js'
import { isMultiHit, tmbPerMb } from '../../src/matrix/cell.js'
import { loadPanel } from '../../src/panels/load.js'
import { loadShippedAliases, loadShippedPathways, shippedPath } from '../../src/panels/shipped.js'
import { ALTERED as A, NOT_ASSAYED as N, WILD_TYPE as W, featureCounts } from '../../src/matrix/types.js'
import type { Alteration } from '../../src/model/alteration.js'
import { alt } from './helpers.js'

const fixture = (f: string) => fileURLToPath(new URL(`../fixtures/panels/${f}`, import.meta.url))

const alterations: Alteration[] = [
  alt('P1', 'TP53', 'Missense_Mutation', { protein: 'p.R175H' }),
  alt('P1', 'MYC', 'Amp', { copyNumber: 8 }),
  alt('P1', 'BRCA1', 'Frame_Shift_Del', { origin: 'germline', protein: 'p.E23fs' }),
  alt('P2', 'PIK3CA', 'Missense_Mutation', { protein: 'p.H1047R' }),
  alt('P2', 'PTEN', 'Del', { cnState: 'deep_del' }),
  alt('P2', 'TP53', 'Silent'),
  alt('P3', 'PIK3CA', 'Missense_Mutation', { protein: 'p.R88Q' }),
  alt('P3', 'MYC', 'Amp', { cnState: 'gain', copyNumber: 3 }), // a gain, not an amplification
  alt('P4', 'TP53', 'Nonsense_Mutation'),
  alt('P4', 'MYC', 'Amp'), // SMALL panel: MYC not on it → refused
  alt('P5', 'PIK3CA', 'Missense_Mutation', { protein: 'p.R88Q' }), // off-hotspot on a hotspot-only gene
  alt('P5', 'BRCA1', 'Frame_Shift_Ins', { origin: 'somatic' }),
  alt('P5', 'BRCA1', 'Missense_Mutation'),
]

let m: BuiltMatrix<CellStore>
const row = (id: string) => {
  const f = m.features.findIndex((x) => x.id === id)
  if (f < 0) throw new Error(`no feature ${id}`)
  return Array.from(m.state.subarray(f * m.samples.length, (f + 1) * m.samples.length))
}

beforeAll(async () => {
  const [big, small] = [await loadPanel(fixture('big.json')), await loadPanel(fixture('small.json'))]
  const aliases = await loadShippedAliases()
  const pathways = await loadShippedPathways(aliases)
  const rules = compileRules(await loadRules(shippedPath('biomarkers-tdxd-her2low.json')), 'rules', { pathways })
  m = buildMatrix(alterations, {
    samples: ['P6', 'P5', 'P4', 'P3', 'P2', 'P1'],
    rules,
    pathways: [{ id: 'miniPAM', label: 'PIK3CA/PTEN/AKT1', genes: ['PIK3CA', 'PTEN', 'AKT1'] }],
    panels: {
      panels: new Map([['BIG', big], ['SMALL', small]]),
      samplePanel: new Map([['P1', 'BIG'], ['P2', 'BIG'], ['P3', 'BIG'], ['P4', 'SMALL'], ['P5', 'SMALL'], ['P6', 'SMALL']]),
    },
    aliases,
  })
})

describe('mixed-panel cohort (samples P1..P3 on BIG, P4..P6 on SMALL)', () => {
  it('gene features: only genes with counted events, panel-aware denominators', () => {
    expect(m.samples).toEqual(['P1', 'P2', 'P3', 'P4', 'P5', 'P6'])
    expect(m.features.filter((f) => f.type === 'gene').map((f) => f.id)).toEqual(['BRCA1', 'MYC', 'PIK3CA', 'PTEN', 'TP53'])
    //                  P1 P2 P3 P4 P5 P6
    expect(row('TP53')).toEqual([A, W, W, A, W, W]) // P2 silent only → wild-type
    expect(row('MYC')).toEqual([A, W, W, N, N, N]) // P3 gain is not counted; MYC not on SMALL
    expect(row('PIK3CA')).toEqual([W, A, A, W, A, W])
    expect(row('PTEN')).toEqual([W, A, W, N, N, N])
    expect(row('BRCA1')).toEqual([A, W, W, W, A, W]) // origin 'any' for genes: germline P1 counts
  })

  it('no frequency exceeds 100% and denominators differ per gene', () => {
    const counts = m.features.map((_, f) => featureCounts(m, f))
    for (const c of counts) expect(c.altered).toBeLessThanOrEqual(c.assayed)
    const byId = Object.fromEntries(m.features.map((f, i) => [f.id, counts[i]]))
    expect(byId.TP53).toEqual({ altered: 2, assayed: 6, notAssayed: 0 })
    expect(byId.MYC).toEqual({ altered: 1, assayed: 3, notAssayed: 3 })
  })

  it('MYC amplification: copy number 8 ≥ 6 is amplified; CN rule on a panel without CN is NOT_ASSAYED', () => {
    expect(row('MYC_amp')).toEqual([A, W, W, N, N, N])
  })

  it('PIK3CA H1047R counts as hotspot, R88Q does not; hotspot-only panel is assayed for the hotspot rule', () => {
    expect(row('PIK3CA_hotspot')).toEqual([W, A, W, W, W, W])
    expect(row('PIK3CA_mut')).toEqual([W, A, A, W, A, W])
    expect(m.notes.offHotspot).toBe(1) // P5 R88Q on SMALL, counted anyway
    expect(m.notes.warnings.join('\n')).toMatch(/1 called variant\(s\) on hotspot-only panel genes/)
  })

  it('germline BRCA1 frameshift counts for "germline" and "any", not "somatic"', () => {
    expect(row('BRCA1_germline')).toEqual([A, W, W, W, W, W])
    expect(row('BRCA1_somatic')).toEqual([W, W, W, W, A, W])
    expect(row('BRCA1_any')).toEqual([A, W, W, W, A, W])
  })

  it('PTEN rules: deep deletion counts for deepdel and any; SMALL lacks PTEN', () => {
    expect(row('PTEN_deepdel')).toEqual([W, A, W, N, N, N])
    expect(row('PTEN_any')).toEqual([W, A, W, N, N, N])
    expect(row('PTEN_trunc')).toEqual([W, W, W, N, N, N])
  })

  it('pathway aggregation (--pathway-coverage any): each sample judged on the members its panel covers', () => {
    // miniPAM members all on BIG → P1 wild-type; SMALL covers PIK3CA only: P4 and P6 are wild-type
    // on PIK3CA, not "not assayed" while P5 (altered) is assayed. The old rule gave SMALL 1/1 = 100%.
    expect(row('miniPAM')).toEqual([W, A, A, W, A, W])
    const f = m.features.findIndex((x) => x.id === 'miniPAM')
    expect(m.cells.get(f * 6 + 1)?.contributors).toEqual(['PIK3CA', 'PTEN'])
    // The 29-gene PAM rule: neither panel covers all members; each judged on what it covers.
    expect(row('PAM_pathway')).toEqual([W, A, A, W, A, W])
  })

  it('cells keep every event; multi-hit is a display rule over mutation events', () => {
    const f = m.features.findIndex((x) => x.id === 'BRCA1')
    const p5 = m.cells.get(f * 6 + 4)
    expect(p5?.events).toHaveLength(2)
    expect(p5?.classes).toEqual(['Frame_Shift_Ins', 'Missense_Mutation'])
    expect(p5 && isMultiHit(p5)).toBe(true)
    const p1 = m.cells.get(f * 6 + 0)
    expect(p1?.origins).toEqual(['germline'])
    expect(p1 && isMultiHit(p1)).toBe(false)
  })

  it('panels, refusals, burden and TMB per sample', () => {
    expect(m.samplePanel).toEqual(['BIG', 'BIG', 'BIG', 'SMALL', 'SMALL', 'SMALL'])
    expect(m.notes.refused).toEqual({ 'gene not on panel': 1 }) // P4 MYC Amp
    // Somatic counted mutations: P1 TP53 (germline BRCA1 excluded); P5 PIK3CA + 2×BRCA1.
    expect(Array.from(m.burden)).toEqual([1, 1, 1, 1, 3, 0])
    expect(tmbPerMb(m, 4)).toBe(6)
    expect(tmbPerMb(m, 0)).toBe(0.5)
  })
})
