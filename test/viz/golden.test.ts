/**
 * Golden SVG of the small every-glyph cohort. Numbers are rounded to 1 decimal before comparing so a
 * sub-pixel change in text metrics does not fail the test, but any structural change does.
 * Regenerate: UPDATE_GOLDEN=1 npx vitest run test/viz/golden.test.ts (then review the diff).
 */
import { existsSync, readFileSync, writeFileSync } from 'node:fs'
import { describe, expect, it } from 'vitest'
import { layoutOncoplot } from '../../viz/layout.js'
import { toSvg } from '../../viz/svg.js'
import { small, smallClinical, smallTracks } from './fixture-small.js'
import { xmlProblem } from './xml.js'

const GOLDEN = new URL('../fixtures/viz/golden-small.svg', import.meta.url)

function normalise(svg: string): string {
  return svg.replace(/-?\d+\.\d+/g, (n) => {
    const r = Math.round(Number(n) * 10) / 10
    return Object.is(r, -0) ? '0' : String(r)
  })
}

describe('golden oncoplot (every glyph kind, every track type)', () => {
  const svg = toSvg(layoutOncoplot(small, { tracks: smallTracks, removeUnaltered: false }, smallClinical))
  if (process.env.UPDATE_GOLDEN === '1' || !existsSync(GOLDEN)) writeFileSync(GOLDEN, svg)

  it('matches the stored SVG after number normalisation', () => {
    expect(xmlProblem(svg)).toBeUndefined()
    expect(normalise(svg)).toBe(normalise(readFileSync(GOLDEN, 'utf8')))
  })

  it('draws every glyph kind and lists only present classes in the legend', () => {
    for (const label of ['Missense_Mutation', 'Nonsense_Mutation', 'Multi_Hit', 'Frame_Shift_Ins', 'Splice_Site', 'In_Frame_Del', 'In_Frame_Ins', 'Nonstop_Mutation', 'Translation_Start_Site', 'Silent', 'Fusion', 'Amp', 'Gain', 'ShallowDel', 'Del', 'Germline', 'Wild type', 'Not assayed / no data']) {
      expect(svg).toContain(`>${label}</text>`)
    }
    // Frame_Shift_Del is drawn only inside a Multi_Hit cell, but the top bar counts it, so it is listed.
    for (const absent of ['IGR<', 'Intron<', 'RNA<', "3'UTR<"]) expect(svg).not.toContain(`>${absent}`)
    // Legend order is fixed: maftools palette order, then fusion, then copy number.
    const at = (s: string) => svg.indexOf(`>${s}</text>`)
    expect(at('Nonstop_Mutation')).toBeLessThan(at('Missense_Mutation'))
    expect(at('Multi_Hit')).toBeLessThan(at('Fusion'))
    expect(at('Fusion')).toBeLessThan(at('Amp'))
    expect(at('Amp')).toBeLessThan(at('Del'))
  })

  it('draws response levels in RECIST order with their fixed colours, and marks censoring', () => {
    const at = (s: string) => svg.indexOf(`>${s}</text>`)
    expect(at('CR')).toBeLessThan(at('PR'))
    expect(at('PR')).toBeLessThan(at('SD'))
    expect(at('SD')).toBeLessThan(at('PD'))
    expect(at('PD')).toBeLessThan(at('NE'))
    expect(svg).toContain('fill="#1B7837"')
    expect(svg).toContain('>censored</text>')
    expect(svg).toContain('>missing</text>')
  })
})
