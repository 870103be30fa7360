/**
 * Co-occurrence heatmap: every cell equals its `interactions` row (p, q, OR, counts), colours follow
 * the stated scale, names are escaped, bytes are stable; golden SVG.
 * Regenerate the golden SVG: UPDATE_GOLDEN=1 npx vitest run test/viz/cooccurrence.test.ts (review the diff).
 */
import { existsSync, readFileSync, writeFileSync } from 'node:fs'
import { join } from 'node:path'
import { describe, expect, it } from 'vitest'
import { memoryIO } from '../../cli/context.js'
import { run } from '../../cli/main.js'
import type { InteractionRow } from '../../src/scan/interactions.js'
import { cooccurrenceColor, layoutCooccurrence, signedLogP } from '../../viz/cooccurrence.js'
import { toSvg } from '../../viz/svg.js'
import { FIXTURES, tmpDir } from '../helpers.js'
import { xmlProblem } from './xml.js'

const row = (a: string, b: string, p: number, q: number, or: number): InteractionRow => ({
  featureA: a, featureB: b, n11: 1, n10: 2, n01: 3, n00: 4, n: 10, oddsRatio: or, oddsRatioLower: 0, oddsRatioUpper: Infinity, p, q,
  relation: or > 1 ? 'co-occurrence' : or < 1 ? 'mutual exclusivity' : 'none',
})

describe('colour scale', () => {
  it('is white at p = 1, green for co-occurrence, purple for exclusivity, full at the cap', () => {
    expect(cooccurrenceColor(0, 3)).toBe('#FFFFFF')
    expect(cooccurrenceColor(3, 3)).toBe('#1B7837')
    expect(cooccurrenceColor(-3, 3)).toBe('#762A83')
    expect(cooccurrenceColor(-9, 3)).toBe('#762A83')
    expect(signedLogP(row('a', 'b', 0.01, 0.1, 0.2))).toBeCloseTo(-2, 12)
    expect(signedLogP(row('a', 'b', 1, 1, 0.5))).toBe(0)
  })
})

describe('heatmap figure', () => {
  const genes = ['TP53', 'KRAS', '<i>X&Y</i>']
  const rows = [row('TP53', 'KRAS', 0.001, 0.003, 8), row('TP53', '<i>X&Y</i>', 0.04, 0.06, 0.1), row('KRAS', '<i>X&Y</i>', 0.5, 0.5, 1.2)]
  const svg = toSvg(layoutCooccurrence(genes, rows))
  it('matches the stored SVG after number normalisation', () => {
    const GOLDEN = new URL('../fixtures/viz/golden-cooccurrence.svg', import.meta.url)
    if (process.env.UPDATE_GOLDEN === '1' || !existsSync(GOLDEN)) writeFileSync(GOLDEN, svg)
    const norm = (s: string) => s.replace(/-?\d+\.\d+/g, (n) => String(Math.round(Number(n) * 10) / 10))
    expect(norm(svg)).toBe(norm(readFileSync(GOLDEN, 'utf8')))
  })
  it('marks q < 0.05 with * and p < 0.05 with •, escapes names, and is stable', () => {
    expect(xmlProblem(svg)).toBeUndefined()
    expect(svg).not.toContain('<i>')
    expect(svg).toContain('&lt;i&gt;X&amp;Y&lt;/i&gt;')
    expect(svg.match(/>\*<\/text>/g)).toHaveLength(1)
    expect(svg.match(/>•<\/text>/g)).toHaveLength(1)
    expect(toSvg(layoutCooccurrence(genes, rows))).toBe(svg)
  })
})

describe('interactions --plot', () => {
  it('draws one cell per tested pair, each equal to its table row (TCGA LAML, top 10)', async () => {
    const d = tmpDir()
    const io = memoryIO()
    const code = await run(['interactions', join(FIXTURES, 'maf', 'tcga_laml.maf.gz'), '--top', '10', '--format', 'json', '-o', join(d, 'i.json'), '--plot', join(d, 'i.svg')], io)
    expect(io.err).toBe('')
    expect(code).toBe(0)
    const table = JSON.parse(readFileSync(join(d, 'i.json'), 'utf8')) as { rows: { featureA: string; featureB: string; p: number; q: number; n11: number }[] }
    const svg = readFileSync(join(d, 'i.svg'), 'utf8')
    expect(xmlProblem(svg)).toBeUndefined()
    const cells = [...svg.matchAll(/data-a="([^"]*)" data-b="([^"]*)" data-n11="(\d+)" data-or="[^"]*" data-p="([^"]*)" data-q="([^"]*)"/g)]
    expect(cells).toHaveLength(45)
    const byPair = new Map(table.rows.map((r) => [`${r.featureA}|${r.featureB}`, r]))
    for (const [, a, b, n11, p, q] of cells) {
      const r = byPair.get(`${a}|${b}`) ?? byPair.get(`${b}|${a}`)
      expect(r, `${a}|${b}`).toBeDefined()
      expect([Number(n11), Number(p), Number(q)]).toEqual([r?.n11, r?.p, r?.q])
    }
  })
})
