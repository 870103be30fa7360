import { describe, expect, it } from 'vitest'
import { alteredSummary, defaultTitle, layoutOncoplot, roundHalfEven } from '../../viz/layout.js'
import { toSvg } from '../../viz/svg.js'
import { buildMatrix } from './helpers.js'

describe('n/N never counts NOT_ASSAYED', () => {
  const m = buildMatrix({
    samples: ['a', 'b', 'c', 'd'],
    rows: {
      EGFR: { a: 'Missense_Mutation', b: 'NA', c: 'NA' },
      KRAS: { b: 'Missense_Mutation', c: 'Missense_Mutation', d: 'NA' },
    },
  })
  const svg = toSvg(layoutOncoplot(m, { removeUnaltered: false }))

  it('prints n/N on the right and the maftools-style percent on the left', () => {
    expect(svg).toContain('>1/2</text>') // EGFR: 1 altered of 2 assayed (a, d)
    expect(svg).toContain('>2/3</text>') // KRAS: 2 of 3 assayed
    expect(svg).toContain('>50%</text>')
    expect(svg).toContain('>67%</text>')
  })
  it('titles with samples altered in any shown feature over samples assayed for any', () => {
    expect(alteredSummary(m, [0, 1])).toEqual({ altered: 3, assayed: 4 })
    expect(svg).toContain('Altered in 3 of 4 samples (75.0%)')
    const onlyEgfr = buildMatrix({ samples: ['a', 'b'], rows: { EGFR: { a: 'Missense_Mutation', b: 'NA' } } })
    expect(alteredSummary(onlyEgfr, [0])).toEqual({ altered: 1, assayed: 1 })
    expect(defaultTitle({ altered: 159, assayed: 193 })).toBe('Altered in 159 of 193 samples (82.4%)')
  })
  it('rounds percentages as R does (half to even)', () => {
    expect([0.5, 1.5, 2.5, 12.5, 12.4, 12.6, 13.5].map(roundHalfEven)).toEqual([0, 2, 2, 12, 12, 13, 14])
  })
})

describe('degenerate inputs', () => {
  it('draws an empty cohort and a cohort with nothing altered without NaN', () => {
    const empty = buildMatrix({ samples: [], rows: {} })
    const none = buildMatrix({ samples: ['a', 'b'], rows: { G: {} } })
    for (const m of [empty, none]) {
      const svg = toSvg(layoutOncoplot(m, { removeUnaltered: false }))
      expect(svg).not.toMatch(/NaN|Infinity|undefined/)
      expect(svg).toContain('Altered in 0 of')
    }
  })
})

describe('renderOncoplot', () => {
  it('returns the same SVG and TSV as the separate steps', async () => {
    const { renderOncoplot } = await import('../../viz/oncoplot.js')
    const { matrixTsv } = await import('../../viz/matrix-out.js')
    const { orderMatrix } = await import('../../viz/order.js')
    const m = buildMatrix({ samples: ['a', 'b'], rows: { G: { a: 'Missense_Mutation' }, H: { b: 'Amp' } } })
    const r = renderOncoplot(m, { top: 5 })
    expect(r.svg).toBe(toSvg(layoutOncoplot(m, { top: 5 })))
    expect(r.tsv()).toBe(matrixTsv(m, orderMatrix(m, { top: 5 })))
  })
})
