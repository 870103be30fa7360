import { describe, expect, it } from 'vitest'
import { MAF_CLASSES, type Alteration } from '../../src/model/alteration.js'
import type { AlteredCell } from '../../src/matrix/types.js'
import { cellGlyphs, makePalette, MAFTOOLS_COLORS } from '../../viz/glyphs.js'
import { readTheme, themeJsonSchema } from '../../viz/theme.js'

function cell(...events: Partial<Alteration>[]): AlteredCell {
  const full = events.map((e, i): Alteration => ({ sample: 's', gene: 'G', kind: 'snv', variantClass: 'Missense_Mutation', origin: 'somatic', source: { file: 'x', line: i + 1 }, ...e }))
  return { events: full, classes: [...new Set(full.map((e) => e.variantClass))], origins: [...new Set(full.map((e) => e.origin))] }
}

describe('glyph table', () => {
  for (const name of ['maftools', 'cbioportal'] as const) {
    const palette = makePalette(name)
    it(`${name}: every MAF class (and CN / fusion) draws a glyph that exists, with a legend label`, () => {
      for (const cls of MAF_CLASSES) {
        const kind: Alteration['kind'] = cls === 'Amp' || cls === 'Del' ? 'cna' : cls === 'Fusion' ? 'fusion' : 'snv'
        const g = cellGlyphs(cell({ variantClass: cls, kind }), palette)
        expect(g.keys, cls).toHaveLength(1)
        const spec = palette.glyphs.get(g.keys[0] as string)
        expect(spec, cls).toBeDefined()
        expect(spec?.label.length, cls).toBeGreaterThan(0)
      }
    })
  }
  it('uses maftools get_vcColors() for its classes', () => {
    const p = makePalette('maftools')
    for (const [cls, color] of MAFTOOLS_COLORS) expect(p.glyphs.get(`mut:${cls}`)?.fill).toBe(color)
    expect(p.glyphs.get('cna:amp')?.fill).toBe('#EE82EE') // violet
    expect(p.glyphs.get('cna:deep_del')?.fill).toBe('#4169E1') // royalblue
  })
  it('layers CN under fusion under mutation, with insets full / band / middle third', () => {
    const p = makePalette('maftools')
    const g = cellGlyphs(cell({ kind: 'cna', variantClass: 'Amp', cnState: 'amp' }, { kind: 'fusion', variantClass: 'Fusion' }, { variantClass: 'Nonsense_Mutation', origin: 'germline' }), p)
    expect(g.keys).toEqual(['cna:amp', 'fusion', 'mut:Nonsense_Mutation', 'germline'])
    expect(g.keys.map((k) => p.glyphs.get(k)?.z)).toEqual([1, 2, 3, 4])
    expect(g.keys.slice(0, 3).map((k) => p.glyphs.get(k)?.insetY)).toEqual([0, 0.2, 1 / 3])
    expect(g.label).toBe('Amp;Fusion;Nonsense_Mutation')
  })
  it('counts events, not distinct classes, for Multi_Hit (maftools #347); CN and fusion never count', () => {
    const p = makePalette('maftools')
    expect(cellGlyphs(cell({}, {}), p).keys).toEqual(['mut:Multi_Hit'])
    expect(cellGlyphs(cell({ kind: 'cna', variantClass: 'Del', cnState: 'deep_del' }, { variantClass: 'Splice_Site' }), p).keys).toEqual(['cna:deep_del', 'mut:Splice_Site'])
    // cBioPortal has no multi-hit glyph: the highest-priority collapsed class is drawn.
    expect(cellGlyphs(cell({ variantClass: 'Missense_Mutation' }, { variantClass: 'Nonsense_Mutation' }), makePalette('cbioportal')).keys).toEqual(['mut:truncating'])
  })
  it('publishes the theme JSON Schema and reports a missing theme file', async () => {
    expect(JSON.stringify(themeJsonSchema())).toContain('wildType')
    await expect(readTheme('/nonexistent/theme.json')).rejects.toMatchObject({ code: 'NOT_FOUND', file: '/nonexistent/theme.json' })
  })
})
