/**
 * Oncoplot drawing options: italic gene symbols, log scale for the top bar and numeric tracks,
 * explicit TIME~EVENT track pairing, one palette across categorical tracks, PNG resolution.
 */
import { readFileSync } from 'node:fs'
import { join } from 'node:path'
import { describe, expect, it } from 'vitest'
import { trackSpecs } from '../../src/pipeline/oncoplot-features.js'
import { memoryIO } from '../../cli/context.js'
import { run } from '../../cli/main.js'
import { barFraction } from '../../viz/layout-bars.js'
import { layoutOncoplot } from '../../viz/layout.js'
import { toSvg } from '../../viz/svg.js'
import { buildTracks } from '../../viz/tracks.js'
import { FIXTURES, tmpDir } from '../helpers.js'
import { buildMatrix, clinicalTable } from './helpers.js'

const m = buildMatrix({
  samples: ['a', 'b', 'c'],
  rows: { TP53: { a: 'Missense_Mutation', b: 'Nonsense_Mutation' }, KRAS: { c: 'Missense_Mutation' } },
  burden: { a: 999, b: 9, c: 1 },
})
const table = clinicalTable(
  ['sample', 'OS', 'dead', 'sex', 'site'],
  [
    ['a', '100', '1', 'F', 'lung'],
    ['b', '400', '0', 'M', 'skin'],
    ['c', '20', '1', 'F', 'lung'],
  ],
)

describe('gene symbols', () => {
  it('are italic by default and upright with italicGenes: false', () => {
    expect(toSvg(layoutOncoplot(m, {}))).toMatch(/font-style="italic">TP53</)
    expect(toSvg(layoutOncoplot(m, { italicGenes: false }))).not.toContain('font-style="italic"')
  })
})

describe('log scale', () => {
  it('maps 0 to 0, the maximum to 1, and 1 event of 999 to a visible bar', () => {
    expect(barFraction(0, 999, true)).toBe(0)
    expect(barFraction(999, 999, true)).toBe(1)
    expect(barFraction(1, 999, true)).toBeCloseTo(Math.log10(2) / 3, 12)
    expect(barFraction(1, 999, false)).toBeCloseTo(1 / 999, 12)
  })
  it('is stated on the top bar and on numeric tracks', () => {
    const svg = toSvg(layoutOncoplot(m, { log: true, tracks: [{ column: 'OS' }] }, table))
    expect(svg).toContain('Events (log)')
    expect(svg.match(/data-scale="log10\(1\+x\)"/g)).toHaveLength(2)
    expect(toSvg(layoutOncoplot(m, {}))).not.toContain('data-scale')
  })
})

describe('tracks', () => {
  it('pairs TIME~EVENT explicitly into one bar with censoring marks', () => {
    expect(trackSpecs(table, ['sex', 'OS~dead'])).toEqual([{ column: 'sex' }, { column: 'OS', type: 'numeric', eventColumn: 'dead' }])
    const [os] = buildTracks(table, ['a', 'b', 'c'], trackSpecs(table, ['OS~dead']))
    expect(os?.type === 'numeric' && os.events).toEqual([true, false, true])
    expect(() => trackSpecs(table, ['OS~'])).toThrow(/is not TIME~EVENT/)
  })
  it('gives two categorical columns different colours', () => {
    const [sex, site] = buildTracks(table, ['a', 'b', 'c'], [{ column: 'sex' }, { column: 'site' }])
    const colours = (t: typeof sex): string[] => (t && t.type !== 'numeric' ? t.levels.map((l) => l.color) : [])
    expect(new Set([...colours(sex), ...colours(site)]).size).toBe(4)
  })
})

describe('PNG resolution', () => {
  const pngWidth = (p: string): number => readFileSync(p).readUInt32BE(16)
  it('takes --dpi (96 dpi = one pixel per SVG pixel) or --scale, not both', async () => {
    const d = tmpDir()
    const laml = join(FIXTURES, 'maf', 'tcga_laml.maf.gz')
    const io = memoryIO()
    expect(await run(['oncoplot', laml, '--top', '5', '--png', '--dpi', '96', '-o', join(d, 'a.svg')], io)).toBe(0)
    expect(await run(['oncoplot', laml, '--top', '5', '--png', '--scale', '2', '-o', join(d, 'b.svg')], io)).toBe(0)
    const svgWidth = Number(/width="([\d.]+)"/.exec(readFileSync(join(d, 'a.svg'), 'utf8'))?.[1])
    expect(pngWidth(join(d, 'a.png'))).toBe(Math.ceil(svgWidth))
    expect(pngWidth(join(d, 'b.png'))).toBe(Math.ceil(svgWidth * 2))
    const bad = memoryIO()
    expect(await run(['oncoplot', laml, '--png', '--dpi', '300', '--scale', '2', '-o', join(d, 'c.svg')], bad)).toBe(1)
    expect(bad.err).toMatch(/--scale and --dpi say the same thing/)
  })
})

