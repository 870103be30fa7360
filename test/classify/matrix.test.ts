import { describe, expect, it } from 'vitest'
import { buildMatrix } from '../../src/matrix/build.js'
import { ALTERED, NOT_ASSAYED, WILD_TYPE, cellState, featureCounts } from '../../src/matrix/types.js'
import { alt } from './helpers.js'
import { aliasResolverFrom } from '../../src/panels/aliases.js'
import { compileRules } from '../../src/classify/rule-match.js'
import { parseRules } from '../../src/classify/rules.js'
import { onPanelHotspot } from '../../src/classify/assay.js'
import type { GeneAssay, Panel } from '../../src/panels/schema.js'

describe('buildMatrix (no panels)', () => {
  it('sorts samples, keeps silent-only samples wild-type, and features only genes with counted events', () => {
    const m = buildMatrix(
      [alt('S2', 'TP53', 'Missense_Mutation'), alt('S3', 'TP53', 'Silent'), alt('S3', 'KRAS', 'Silent'), alt('S1', 'TP53', 'Nonsense_Mutation')],
      { samples: ['S3', 'S2', 'S1', 'S4'] },
    )
    expect(m.samples).toEqual(['S1', 'S2', 'S3', 'S4'])
    expect(m.features.map((f) => f.id)).toEqual(['TP53'])
    expect([0, 1, 2, 3].map((s) => cellState(m, 0, s))).toEqual([ALTERED, ALTERED, WILD_TYPE, WILD_TYPE])
    expect(featureCounts(m, 0)).toEqual({ altered: 2, assayed: 4, notAssayed: 0 })
    expect(Array.from(m.burden)).toEqual([1, 1, 0, 0])
  })

  it('rejects alterations outside the sample universe with their source line, or counts them when asked', () => {
    const a = [alt('S9', 'TP53', 'Missense_Mutation', { source: { file: 'x.maf', line: 12 } })]
    expect(() => buildMatrix(a, { samples: ['S1'] })).toThrow(/S9.*not in the sample universe/)
    try {
      buildMatrix(a, { samples: ['S1'] })
    } catch (e) {
      expect(e).toMatchObject({ file: 'x.maf', line: 12 })
    }
    const m = buildMatrix(a, { samples: ['S1'], outside: 'drop' })
    expect(m.notes.outsideUniverse).toBe(1)
    expect(m.features).toHaveLength(0)
  })

  it('a gene asked for but never altered is a wild-type row, not missing', () => {
    const m = buildMatrix([], { samples: ['A', 'B'], genes: ['MYC'] })
    expect(Array.from(m.state)).toEqual([WILD_TYPE, WILD_TYPE])
    expect(NOT_ASSAYED).toBe(2)
  })
})


const exons: GeneAssay = { mutations: 'exons', hotspots: [], copyNumber: false, fusions: false }

describe('buildMatrix options', () => {
  it('aliases in data are resolved and every rewrite is counted', () => {
    const aliases = aliasResolverFrom({ citation: 't', aliases: [{ from: 'MLL3', to: 'KMT2C' }] }, 'a.json')
    const m = buildMatrix(
      [alt('A', 'MLL3', 'Missense_Mutation'), alt('B', 'MLL3', 'Nonsense_Mutation'), alt('B', 'KMT2C', 'Missense_Mutation'), alt('C', 'MLL3', 'Silent')],
      { samples: ['A', 'B', 'C'], aliases },
    )
    expect(m.features.map((f) => f.id)).toEqual(['KMT2C'])
    expect(Array.from(m.state)).toEqual([ALTERED, ALTERED, WILD_TYPE])
    expect(m.cells.get(1)?.events).toHaveLength(2)
    expect(m.notes.aliases).toEqual([{ from: 'MLL3', to: 'KMT2C', where: 'data', count: 3 }])
  })

  it('origin filter applies to gene features; rules keep their own origin', () => {
    const rules = compileRules(parseRules({ id: 'r', rules: [{ id: 'g', label: 'g', gene: 'BRCA1', origin: 'germline' }] }, 'r'), 'r')
    const m = buildMatrix([alt('A', 'BRCA1', 'Frame_Shift_Del', { origin: 'germline' })], { samples: ['A'], genes: ['BRCA1'], origin: 'somatic', rules })
    expect(Array.from(m.state)).toEqual([WILD_TYPE, ALTERED])
    expect(Array.from(m.burden)).toEqual([0]) // germline never counts toward burden
  })

  it('a fusion is seen when either partner is on the panel for fusions', () => {
    const panel: Panel = { id: 'P', name: 'P', genes: new Map([['ALK', { ...exons, fusions: true }], ['EML4', exons]]) }
    const fusion = (gene: string, partner: string) => alt('A', gene, 'Fusion', { kind: 'fusion', partner })
    const m = buildMatrix([fusion('EML4', 'ALK'), fusion('EML4', 'ROS1')], {
      samples: ['A'],
      genes: ['EML4'],
      panels: { panels: new Map([['P', panel]]), samplePanel: new Map([['A', 'P']]) },
    })
    expect(m.cells.get(0)?.events).toHaveLength(1)
    expect(m.notes.refused).toEqual({ 'fusions not assayed': 1 })
  })

  it('a sample without a panel assignment is an error when panels are given', () => {
    const panel: Panel = { id: 'P', name: 'P', genes: new Map([['TP53', exons]]) }
    expect(() => buildMatrix([], { samples: ['A', 'B'], panels: { panels: new Map([['P', panel]]), samplePanel: new Map([['A', 'P']]) } })).toThrow(
      /1 sample\(s\) have no panel assignment: "B"/,
    )
  })

  it('warns when a copy-number-only rule meets data without copy number', () => {
    const rules = compileRules(parseRules({ id: 'r', rules: [{ id: 'amp', label: 'amp', gene: 'MYC', copyNumber: ['amp'] }] }, 'r'), 'r')
    const m = buildMatrix([alt('A', 'TP53', 'Missense_Mutation')], { samples: ['A'], rules })
    expect(m.notes.warnings.join('\n')).toMatch(/rule amp looks only at copy number/)
  })

  it('panel hotspots match protein changes or 1-based genomic intervals', () => {
    const ga: GeneAssay = { mutations: 'hotspots', hotspots: ['E545K', 'chr3:179218294-179218304'], copyNumber: false, fusions: false }
    expect(onPanelHotspot(ga, alt('A', 'PIK3CA', 'Missense_Mutation', { protein: 'p.E545K' }))).toBe(true)
    expect(onPanelHotspot(ga, alt('A', 'PIK3CA', 'Missense_Mutation', { chrom: '3', start: 179218304, end: 179218304 }))).toBe(true)
    expect(onPanelHotspot(ga, alt('A', 'PIK3CA', 'Missense_Mutation', { chrom: 'chr3', start: 179218305, end: 179218305 }))).toBe(false)
    expect(onPanelHotspot(ga, alt('A', 'PIK3CA', 'Missense_Mutation', { protein: 'p.R88Q' }))).toBe(false)
  })

  it('same inputs give the same bytes', () => {
    const input = [alt('B', 'TP53', 'Missense_Mutation'), alt('A', 'KRAS', 'Amp'), alt('A', 'TP53', 'Silent')]
    const a = buildMatrix(input, { samples: ['B', 'A'] })
    const b = buildMatrix([...input], { samples: ['A', 'B'] })
    expect(Array.from(a.state)).toEqual(Array.from(b.state))
    expect([...a.cells]).toEqual([...b.cells])
  })
})
