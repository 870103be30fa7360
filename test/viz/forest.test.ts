import { describe, expect, it } from 'vitest'
import { forestDomain, forestRows, forestSvg, layoutForest, type ForestRow } from '../../viz/forest.js'
import type { AssociationRow } from '../../src/scan/row.js'
import type { Group, Shape } from '../../viz/scene.js'
import { xmlProblem } from './xml.js'

const rows: ForestRow[] = [
  { label: 'MYC amplification — ORR', or: 3.2, lower: 0.5, upper: 25.1, p: 0.21, q: 0.4, n: { altered: 6, assayed: 20 } },
  // CMLE 0 with CI [0, 1.8]: a zero cell (R fisher.test gives estimate 0, conf.int lower 0).
  { label: 'TP53 — ORR', or: 0, lower: 0, upper: 1.8, p: 0.03, q: 0.09, n: { altered: 5, assayed: 20 } },
  { label: 'KRAS — DCR', or: Infinity, lower: 1.3, upper: Infinity, p: 0.0012, q: 0.005, n: { altered: 4, assayed: 19 } },
  { label: 'STK11 — ORR', or: 0.41, lower: 0.08, upper: 1.9, p: 3.1e-7, q: 1.2e-6, n: { altered: 7, assayed: 20 } },
  { label: 'EMPTY — ORR', or: NaN, lower: NaN, upper: NaN, p: 1, q: 1, n: { altered: 0, assayed: 20 } },
]

const rowGroups = (gs: readonly Group[]): Group[] => gs.filter((g) => g.id === 'forest-row')
const textsOf = (g: Group | undefined): string[] => (g?.shapes ?? []).flatMap((s) => (s.kind === 'text' ? [s.text] : []))
const kinds = (g: Group | undefined): string[] => (g?.shapes ?? []).map((s) => s.kind)
const arrowHeads = (g: Group | undefined): number => (g?.shapes ?? []).reduce((n, s: Shape) => n + (s.kind === 'path' ? s.d.filter((c) => c.op === 'M').length : 0), 0)

describe('forest plot', () => {
  const scene = layoutForest(rows, { title: 'Odds ratios' })
  const groups = rowGroups(scene.groups)

  it('is well-formed and deterministic', () => {
    const svg = forestSvg(rows, { title: 'Odds ratios' })
    expect(xmlProblem(svg)).toBeUndefined()
    expect(forestSvg(rows, { title: 'Odds ratios' })).toBe(svg)
  })
  it('prints n altered/assayed, OR [CI], p and q per row at 3 significant digits, Inf and NA as R does', () => {
    expect(groups.map(textsOf)).toEqual([
      ['MYC amplification — ORR', '6/20', '3.2 [0.5, 25.1]', '0.21', '0.4'],
      ['TP53 — ORR', '5/20', '0 [0, 1.8]', '0.03', '0.09'],
      ['KRAS — DCR', '4/19', 'Inf [1.3, Inf]', '0.0012', '0.005'],
      ['STK11 — ORR', '7/20', '0.41 [0.08, 1.9]', '3.1e-7', '1.2e-6'],
      ['EMPTY — ORR', '0/20', 'NA [NA, NA]', '1', '1'],
    ])
  })
  it('draws a point only for a finite positive OR and arrows for 0 / Inf CI ends', () => {
    expect(groups.map((g) => kinds(g).filter((k) => k === 'rect').length)).toEqual([1, 0, 0, 1, 0])
    expect(groups.map(arrowHeads)).toEqual([0, 1, 1, 0, 0])
    // No whisker at all when the CI is unknown.
    expect(kinds(groups[4]).includes('line')).toBe(false)
  })
  it('puts the reference line at OR = 1 and labels log ticks', () => {
    const axis = scene.groups.find((g) => g.id === 'forest-axis')
    const [lo, hi] = forestDomain(rows)
    expect([lo, hi]).toEqual([0.05, 50])
    const ref = axis?.shapes[1]
    const ticks = axis?.shapes.filter((s) => s.kind === 'text').map((s) => (s.kind === 'text' ? s.text : ''))
    expect(ticks).toEqual(['0.05', '0.1', '1', '10', '50', 'Odds ratio (conditional MLE, log scale)'])
    const one = axis?.shapes.find((s, i) => s.kind === 'text' && s.text === '1' && i > 0)
    expect(ref?.kind === 'line' && one?.kind === 'text' && ref.x1 === one.x).toBe(true)
  })
  it('places the point and whisker on the log axis', () => {
    const axis = scene.groups.find((g) => g.id === 'forest-axis')?.shapes ?? []
    const mark = (label: string): number => {
      const m = axis[axis.findIndex((s) => s.kind === 'text' && s.text === label) - 1]
      return m?.kind === 'line' ? m.x1 : NaN
    }
    const [a, b] = [mark('0.1'), mark('10')]
    const orOf = (x: number): number => 10 ** (-1 + (2 * (x - a)) / (b - a))
    const shapes = groups[0]?.shapes ?? []
    const whisker = shapes.find((s) => s.kind === 'line')
    const point = shapes.find((s) => s.kind === 'rect')
    if (whisker?.kind !== 'line' || point?.kind !== 'rect') throw new Error('row 0 lacks a whisker or a point')
    expect(orOf(whisker.x1)).toBeCloseTo(0.5, 9)
    expect(orOf(whisker.x2)).toBeCloseTo(25.1, 9)
    expect(orOf(point.x + point.w / 2)).toBeCloseTo(3.2, 9)
  })
  it('keeps a sane axis when every OR is 1 or undefined', () => {
    expect(forestDomain([])).toEqual([0.5, 2])
    expect(forestDomain([{ ...rows[0], or: 1, lower: 1, upper: 1 } as ForestRow])).toEqual([0.5, 2])
    expect(forestDomain([{ ...rows[0], lower: 1e-9, upper: 1e12 } as ForestRow])).toEqual([0.001, 1000])
  })
  it('clips CIs past the axis range to arrows', () => {
    const s = layoutForest([{ ...(rows[0] as ForestRow), lower: 1e-6, upper: 1e9 }], { maxRange: 100 })
    expect(arrowHeads(rowGroups(s.groups)[0])).toBe(2)
  })
  it('labels association rows "feature — endpoint" with the CMLE OR and its exact CI', () => {
    const a = { feature: 'MYC_amp', label: 'MYC amp', endpoint: 'ORR', comparison: 'CR+PR vs SD+PD', oddsRatio: 2, oddsRatioLower: 0.3, oddsRatioUpper: 14, p: 0.5, q: 0.7, altered: 3, assayed: 12 } as AssociationRow
    expect(forestRows([a])).toEqual([{ label: 'MYC amp — ORR', or: 2, lower: 0.3, upper: 14, p: 0.5, q: 0.7, n: { altered: 3, assayed: 12 } }])
    // Categorical endpoint: one row per level, told apart by the comparison.
    const levels = forestRows([{ ...a, endpoint: 'histology', comparison: 'adeno vs rest' }, { ...a, endpoint: 'histology', comparison: 'squamous vs rest' }, { ...a, feature: 'TP53', label: 'TP53', endpoint: 'histology' }])
    expect(levels.map((r) => r.label)).toEqual(['MYC amp — histology (adeno vs rest)', 'MYC amp — histology (squamous vs rest)', 'TP53 — histology'])
  })
  it('escapes hostile labels and shortens 5,000-character ones', () => {
    const evil = '<script>alert(1)</script> & "q" ]]> \u202E'
    const svg = forestSvg([{ ...(rows[0] as ForestRow), label: evil }, { ...(rows[1] as ForestRow), label: 'x'.repeat(5000) }], { title: evil })
    expect(xmlProblem(svg)).toBeUndefined()
    expect(svg).not.toContain('<script>')
    expect(svg).toContain('&lt;script&gt;alert(1)&lt;/script&gt; &amp; &quot;q&quot; ]]&gt; &#x202E;')
    expect(Number(/width="([\d.]+)"/.exec(svg)?.[1])).toBeLessThan(1200)
  })
})
