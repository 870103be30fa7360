import { describe, expect, it } from 'vitest'
import { renderPng } from '../../viz/png.js'
import { layoutOncoplot, layoutOrdered } from '../../viz/layout.js'
import { toSvg } from '../../viz/svg.js'
import { parseTheme } from '../../viz/theme.js'
import { matrixTsv } from '../../viz/matrix-out.js'
import { orderMatrix } from '../../viz/order.js'
import { InputError } from '../../src/errors.js'
import { small, smallClinical, smallTracks } from './fixture-small.js'

describe('PNG rendering', () => {
  it('produces a PNG of the SVG size times the scale', () => {
    const scene = layoutOncoplot(small, { tracks: smallTracks }, smallClinical)
    const png = renderPng(toSvg(scene), { scale: 2 })
    expect([...png.subarray(0, 8)]).toEqual([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a])
    const dv = new DataView(png.buffer, png.byteOffset, png.byteLength)
    expect(String.fromCharCode(...png.subarray(12, 16))).toBe('IHDR')
    // resvg rounds the scaled size to whole pixels.
    expect(Math.abs(dv.getUint32(16) - scene.width * 2)).toBeLessThanOrEqual(1)
    expect(Math.abs(dv.getUint32(20) - scene.height * 2)).toBeLessThanOrEqual(1)
  })
  it('rejects an absurd scale', () => {
    expect(() => renderPng('<svg xmlns="http://www.w3.org/2000/svg" width="1" height="1"/>', { scale: 0 })).toThrow(RangeError)
  })
})

describe('theme', () => {
  it('overrides glyph and clinical colours', () => {
    const theme = parseTheme(JSON.stringify({ colors: { Missense_Mutation: '#123456', amp: '#ABCDEF' }, clinical: { best_response: { CR: '#0000AA' } } }), 'theme.json')
    const svg = toSvg(layoutOncoplot(small, { theme, tracks: smallTracks }, smallClinical))
    expect(svg).toContain('fill="#123456"')
    expect(svg).toContain('fill="#ABCDEF"')
    expect(svg).toContain('fill="#0000AA"')
    expect(svg).not.toContain('fill="#33A02C"')
  })
  it('reports JSON syntax errors with file, line and column', () => {
    try {
      parseTheme('{\n  "colors": {,}\n}', 'bad.json')
      expect.unreachable()
    } catch (e) {
      expect(e).toBeInstanceOf(InputError)
      const err = e as InputError
      expect(err.file).toBe('bad.json')
      expect(err.code).toBe('FORMAT')
      if (err.line !== undefined) expect(err.line).toBe(2)
    }
  })
  it('rejects unknown keys and bad colours by path', () => {
    expect(() => parseTheme('{"colour": {}}', 't.json')).toThrow(InputError)
    expect(() => parseTheme('{"colors": {"amp": "red; x"}}', 't.json')).toThrow(/colors\.amp/)
    expect(() => parseTheme('{"fontSize": 1000}', 't.json')).toThrow(/fontSize/)
  })
})

describe('matrix TSV', () => {
  it('writes the drawn order with maftools-style cell labels, NA for not assayed, empty for wild type', () => {
    const order = orderMatrix(small, { removeUnaltered: false })
    const tsv = matrixTsv(small, order)
    const lines = tsv.trimEnd().split('\n').map((l) => l.split('\t'))
    const header = lines[0] ?? []
    expect(header[0]).toBe('feature')
    expect(header.slice(1)).toEqual(order.columns.map((c) => small.samples[c]))
    const row = (id: string) => {
      const r = lines.find((l) => l[0] === id) ?? []
      return Object.fromEntries(header.slice(1).map((s, i) => [s, r[i + 1]]))
    }
    expect(row('TP53')).toMatchObject({ P01: 'Missense_Mutation', P03: 'Multi_Hit', P05: 'Del;Splice_Site', P10: 'NA', P06: '' })
    expect(row('MYC')).toMatchObject({ P01: 'Amp', P03: 'Gain', P06: 'Amp;Missense_Mutation' })
    expect(row('ALK')).toMatchObject({ P02: 'Fusion', P07: 'Fusion;Missense_Mutation' })
    expect(lines.map((l) => l[0]).slice(1)).toEqual(order.rows.map((r) => small.features[r]?.id))
    expect(layoutOrdered(small, order).groups.length).toBeGreaterThan(0)
  })
})
