/**
 * Golden SVGs of the study figures (factor KM, HR forest, burden by response) on a small fixed
 * cohort whose names are hostile: every string must arrive escaped, and the bytes are stable.
 * Regenerate: UPDATE_GOLDEN=1 npx vitest run test/viz/study-figures.test.ts (then review the diff).
 */
import { existsSync, readFileSync, writeFileSync } from 'node:fs'
import { describe, expect, it } from 'vitest'
import type { SurvivalEndpoint } from '../../src/clinical/survival.js'
import { NO_TRANSFORM } from '../../src/features/design.js'
import { multivariableSurvival, univariableSurvival } from '../../src/features/survival-terms.js'
import type { LevelVector, NumericVector } from '../../src/features/vector.js'
import { burdenSvg } from '../../viz/burden-plot.js'
import { forestSvg } from '../../viz/forest.js'
import { kmSvg } from '../../viz/km.js'
import { factorKmInput, hrForestOptions, hrForestRows } from '../../viz/study-figures.js'
import { xmlProblem } from './xml.js'

const HOSTILE = '<script>alert("x")</script> & \'q\''
const samples = Array.from({ length: 12 }, (_, i) => `S${i}`)
const ep: SurvivalEndpoint = {
  name: 'pfs', timeColumn: 'pfs_months', eventColumn: 'pfs_event', eventMeansCensored: false, excluded: {},
  unit: { unit: 'months', source: 'column name', shown: 'months', factor: 1 }, coding: 'pfs_event: 1 = event', events: 9, censored: 3, reading: [],
  values: new Map(samples.map((s, i) => [s, { time: [2, 3, 3.5, 5, 6, 7, 8, 9, 11, 12, 14, 15][i] as number, event: (i % 4 === 3 ? 0 : 1) }])),
}
const factor: LevelVector = { id: `clinical:${HOSTILE}`, label: HOSTILE, source: 'clinical', kind: 'binary', levels: ['no', `yes${HOSTILE}`], values: new Map(samples.map((s, i) => [s, i % 2 === 0 ? `yes${HOSTILE}` : 'no'])), missing: {}, interpretation: 'binary' }
const score: NumericVector = { id: 'tmb', label: 'TMB', source: 'tmb', kind: 'numeric', unit: 'mut/Mb', values: new Map(samples.map((s, i) => [s, 1 + ((i * 7) % 12)])), missing: {}, interpretation: 'numeric' }

function normalise(svg: string): string {
  return svg.replace(/-?\d+\.\d+/g, (n) => {
    const r = Math.round(Number(n) * 10) / 10
    return Object.is(r, -0) ? '0' : String(r)
  })
}

function golden(name: string, svg: string): void {
  const url = new URL(`../fixtures/viz/golden-${name}.svg`, import.meta.url)
  if (process.env.UPDATE_GOLDEN === '1' || !existsSync(url)) writeFileSync(url, svg)
  expect(xmlProblem(svg)).toBeUndefined()
  expect(svg).not.toContain('<script>')
  expect(svg).toContain('&lt;script&gt;')
  expect(normalise(svg)).toBe(normalise(readFileSync(url, 'utf8')))
}

describe('study figures: golden SVG, escaped names, deterministic bytes', () => {
  const rows = univariableSurvival(factor, ep, { transform: NO_TRANSFORM })
  it('KM of a factor, with HR, CI, P and the log-rank P on the figure', () => {
    const svg = kmSvg(factorKmInput(factor, ep, rows, { timeLabel: 'Months' }))
    golden('study-km', svg)
    expect(svg).toMatch(/HR \d\.\d\d \(95% CI \d\.\d\d–\d+\.\d\d\), P = /)
    expect(kmSvg(factorKmInput(factor, ep, rows, { timeLabel: 'Months' }))).toBe(svg)
  })
  it('KM of a numeric feature split at its median', () => {
    const r = univariableSurvival(score, ep, { transform: NO_TRANSFORM })
    const input = factorKmInput(score, ep, r)
    expect(input.curves.map((c) => c.label)).toEqual(['TMB low (< 6.5)', 'TMB high (≥ 6.5)'])
  })
  it('multivariable HR forest (no q column)', () => {
    const multi = multivariableSurvival([factor, score], [], ep, { transform: NO_TRANSFORM }).rows
    const svg = forestSvg(hrForestRows(multi), hrForestOptions(`Multivariable ${HOSTILE}`, true))
    golden('study-forest', svg)
    expect(svg).toContain('HR [95% CI]')
    expect(svg).not.toContain('>q</text>')
  })
  it('burden by response: points, box and the Wilcoxon P line', () => {
    const svg = burdenSvg({ title: `TMB ${HOSTILE}`, yLabel: 'TMB (mut/Mb)', annotation: 'Wilcoxon rank-sum P = 0.050', log: true, groups: [{ label: `CR+PR ${HOSTILE}`, values: [3, 8, 12, 20] }, { label: 'SD+PD', values: [1, 2, 2, 4, 6, 30] }] })
    golden('study-burden', svg)
    expect(svg.match(/<rect /g)?.length).toBeGreaterThanOrEqual(10 + 2)
  })
})
