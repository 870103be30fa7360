/**
 * Swimmer plot layout: order, marks, escaping, stable bytes; golden SVG.
 * Regenerate: UPDATE_GOLDEN=1 npx vitest run test/viz/swimmer.test.ts (review the diff).
 */
import { existsSync, readFileSync, writeFileSync } from 'node:fs'
import { join } from 'node:path'
import { describe, expect, it } from 'vitest'
import { layoutSwimmer, swimmerOrder, type SwimmerRow } from '../../viz/swimmer.js'
import { toSvg } from '../../viz/svg.js'
import { memoryIO } from '../../cli/context.js'
import { run } from '../../cli/main.js'
import { hasShared, shared, tmpDir, tmpFile } from '../helpers.js'
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

describe('swimmer command', () => {
  const clin = () =>
    tmpFile('c.tsv', ['patient_id\tbest_response\tpfs_months\tpfs_event\tweeks_to_br', 'P1\tPR\t12.5\t0\t8', 'P2\tPD\t2.1\t1\t', 'P3\tSD\t6\t1\t6', 'P4\tNE\t\t\t'].join('\n') + '\n')
  it('draws one bar per patient with follow-up, states its readings, and counts who is left out', async () => {
    const d = tmpDir()
    const io = memoryIO()
    expect(await run(['swimmer', '--clinical', clin(), '--endpoint', 'pfs', '--response-time', 'weeks_to_br', '-o', join(d, 's.svg')], io)).toBe(0)
    expect(io.err).toContain('swimmer: 3 patients; bar = pfs_months in months (from the column name)')
    expect(io.err).toContain('not drawn: 1 ')
    const svg = readFileSync(join(d, 's.svg'), 'utf8')
    expect(xmlProblem(svg)).toBeUndefined()
    expect(svg).toContain('3 patients: 2 pfs_event (cross), 1 censored (arrow)')
    for (const t of ['PR', 'SD', 'PD', 'best response seen', 'ongoing / censored']) expect(svg).toContain(`>${t}</text>`)
  })
  it('refuses an endpoint without a time, and an absent response-time column, with exit 1 and no file', async () => {
    const d = tmpDir()
    const a = memoryIO()
    expect(await run(['swimmer', '--clinical', clin(), '--endpoint', 'orr', '-o', join(d, 'a.svg')], a)).toBe(1)
    expect(a.err).toMatch(/a swimmer plot needs a time and an event/)
    const b = memoryIO()
    expect(await run(['swimmer', '--clinical', clin(), '--endpoint', 'pfs', '--response-time', 'nope', '-o', join(d, 'b.svg')], b)).toBe(1)
    expect(b.err).toMatch(/--response-time "nope": no such clinical column/)
    expect(existsSync(join(d, 'a.svg')) || existsSync(join(d, 'b.svg'))).toBe(false)
  })
  describe.skipIf(!hasShared('comut/melanoma/merged_clinical_data.tsv'))('Liu 2019 (skipped: ../shared/data/comut absent)', () => {
    it('reads PFS in days shown in months, MR as SD, with TimeToBR diamonds', async () => {
      const d = tmpDir()
      const io = memoryIO()
      const args = ['swimmer', '--clinical', shared('comut/melanoma/merged_clinical_data.tsv'), '--endpoint', 'PFS~progressed', '--response-time', 'TimeToBR', '--time-unit', 'days', '--display-unit', 'months', '-o', join(d, 'l.svg')]
      expect(await run(args, io)).toBe(0)
      expect(io.err).toContain('45 events, 7 censored among 52 patients')
      expect(io.err).toContain('"MR" → SD (mixed response) ×2')
      expect(readFileSync(join(d, 'l.svg'), 'utf8')).toContain('>PFS (months)</text>')
    })
  })
})
