/**
 * Swimmer plot layout: order, marks, escaping, stable bytes; golden SVG.
 * Regenerate: UPDATE_GOLDEN=1 npx vitest run test/viz/swimmer.test.ts (review the diff).
 */
import { existsSync, readFileSync, writeFileSync } from 'node:fs'
import { describe, expect, it } from 'vitest'
import { layoutSwimmer, swimmerOrder, type SwimmerRow } from '../../viz/swimmer.js'
import { toSvg } from '../../viz/svg.js'
import { xmlProblem } from './xml.js'

const rows: SwimmerRow[] = [
  { id: 'P1', time: 3.1, response: 'PD', event: true },
  { id: '<P&2>', time: 12.5, response: 'PR', responseTime: 2.8, event: false },
  { id: 'P3', time: 7, response: 'SD', responseTime: 1.4, event: true, death: 7 },
  { id: 'P0', time: 7, response: undefined, event: undefined },
]

describe('swimmer plot', () => {
  it('sorts the longest on top, ties by id', () => {
    expect(swimmerOrder(rows).map((r) => r.id)).toEqual(['<P&2>', 'P0', 'P3', 'P1'])
  })
  const svg = toSvg(layoutSwimmer(rows, { timeLabel: 'Months on treatment', eventLabel: 'progression' }))
  it('matches the stored SVG after number normalisation', () => {
    const GOLDEN = new URL('../fixtures/viz/golden-swimmer.svg', import.meta.url)
    if (process.env.UPDATE_GOLDEN === '1' || !existsSync(GOLDEN)) writeFileSync(GOLDEN, svg)
    const norm = (s: string) => s.replace(/-?\d+\.\d+/g, (n) => String(Math.round(Number(n) * 10) / 10))
    expect(norm(svg)).toBe(norm(readFileSync(GOLDEN, 'utf8')))
  })
  it('draws a legend entry for each response and mark used, escapes ids, and is stable', () => {
    for (const t of ['PR', 'SD', 'PD', 'response unknown', 'best response seen', 'progression', 'ongoing / censored', 'death', 'Months on treatment']) expect(svg).toContain(`>${t}</text>`)
    expect(svg).not.toContain('>CR</text>')
    expect(xmlProblem(svg)).toBeUndefined()
    expect(svg).toContain('&lt;P&amp;2&gt;')
    expect(toSvg(layoutSwimmer(rows, { timeLabel: 'Months on treatment', eventLabel: 'progression' }))).toBe(svg)
  })
})
