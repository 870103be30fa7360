/**
 * The report on Riaz 2017 as published (68 sequenced patients, ~600 genes tested against OS and
 * PFS): it must stay small (under 5 MB; it was 17 MB with 1,176 KM plots), draw only --top-plots KM
 * figures chosen by q then p, say how many were not drawn, and hold well-formed SVG.
 * Skipped with a message when ../shared is absent.
 */
import { readFileSync, statSync } from 'node:fs'
import { join } from 'node:path'
import { describe, expect, it } from 'vitest'
import { memoryIO } from '../../cli/context.js'
import { run } from '../../cli/main.js'
import { xmlProblem } from '../viz/xml.js'
import { hasShared, tmpDir } from '../helpers.js'
import { inlineSvgs, RIAZ_MUTATIONS, RIAZ_REPORT_ARGS } from './riaz.js'

const HAVE = hasShared(RIAZ_MUTATIONS)
if (!HAVE) console.warn('riaz-report.test.ts skipped: ../shared/data/riaz2017-nivolumab not found')

describe.skipIf(!HAVE)('report on Riaz 2017 (OS and PFS, every gene altered in 6+ patients)', () => {
  it('stays under 5 MB, draws the 12 KM plots with the smallest q and says how many were not', async () => {
    const out = join(tmpDir(), 'riaz.html')
    const io = memoryIO()
    const code = await run(RIAZ_REPORT_ARGS(out), io)
    expect(io.err).not.toMatch(/internal|stack/i)
    expect(code).toBe(0)
    const size = statSync(out).size
    expect(size).toBeLessThan(5 * 1024 * 1024)
    const html = readFileSync(out, 'utf8')
    const km = html.slice(html.indexOf('<div class="bmk-km">'))
    expect(km.match(/<figure aria-label=/g)).toHaveLength(12)
    const rows = (html.match(/<tr data-i="\d+">/g) ?? []).length
    expect(rows).toBeGreaterThan(1000)
    const notDrawn = /(\d+) further Kaplan–Meier plots were not drawn/.exec(html)
    expect(notDrawn).not.toBeNull()
    const survivalRows = html.slice(html.indexOf('id="bmk-survival"'), html.indexOf('</table>', html.indexOf('id="bmk-survival"'))).match(/<tr data-i=/g) ?? []
    expect(Number(notDrawn?.[1]) + 12).toBe(survivalRows.length)
    // The drawn ones are the smallest q (ties by p): the largest drawn q is at most the table's 12th smallest.
    const tableQ = (html.slice(html.indexOf('id="bmk-survival"')).split('</table>')[0] ?? '')
      .split('<tr data-i=')
      .slice(1)
      .map((r) => Number(/data-v="([^"]*)"/.exec((r.match(/<td[^>]*>/g) ?? [])[10] ?? '')?.[1] ?? NaN))
      .filter((q) => Number.isFinite(q))
      .sort((a, b) => a - b)
    const drawnQ = [...km.matchAll(/\(q = ([0-9.e+-]+),/g)].map((m) => Number(m[1]))
    expect(drawnQ).toHaveLength(12)
    expect(Math.max(...drawnQ)).toBeLessThanOrEqual((tableQ[11] as number) * (1 + 5e-3)) // figures print q to 3 significant digits: rounding up by at most 0.5%
    for (const svg of inlineSvgs(html)) expect(xmlProblem(svg)).toBeUndefined()
    expect(html).toContain('data-figure="summary"')
    expect(html).toContain('data-figure="cooccurrence"')
    expect(html.match(/data-figure="lollipop"/g)).toHaveLength(2)
    expect(html).toContain('data-figure="swimmer"')
    // Provenance: every option with its source, the column choices, the input hashes.
    expect(html).toContain('--top-plots')
    expect(html).toMatch(/--event-value<\/th><td[^>]*>0</)
    expect(html).toContain('clinical sample column')
    expect(html.match(/class="hash">[0-9a-f]{64}</g)).toHaveLength(2)
  }, 300_000)

  it('--genes and --top-plots pick what is tested and drawn', async () => {
    const out = join(tmpDir(), 'riaz-genes.html')
    const io = memoryIO()
    const code = await run(RIAZ_REPORT_ARGS(out, ['--genes', 'TP53,BRAF,NRAS', '--top-plots', '2', '--lollipops', 'BRAF']), io)
    expect(io.err).not.toMatch(/internal|stack/i)
    expect(code).toBe(0)
    const html = readFileSync(out, 'utf8')
    const table = html.slice(html.indexOf('id="bmk-survival"'), html.indexOf('</table>', html.indexOf('id="bmk-survival"')))
    expect(table.match(/<tr data-i=/g)).toHaveLength(6)
    expect(html.slice(html.indexOf('<div class="bmk-km">')).match(/<figure aria-label=/g)).toHaveLength(2)
    expect(html).toContain('4 further Kaplan–Meier plots were not drawn')
    expect(html.match(/data-figure="lollipop"/g)).toHaveLength(1)
    expect(html).toContain('Lollipop: BRAF')
  }, 300_000)
})
