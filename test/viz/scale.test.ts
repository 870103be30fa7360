/**
 * Output size at scale (no timing assertions; the benchmark numbers are in the report): a
 * 10,000-sample × 30-gene cohort must serialize to well under 5 MB, because backgrounds are one rect
 * per row and same-glyph runs share one path.
 */
import { describe, expect, it } from 'vitest'
import { layoutOncoplot } from '../../viz/layout.js'
import { toSvg } from '../../viz/svg.js'
import { syntheticCohort } from './cohort-gen.js'
import { xmlProblem } from './xml.js'

describe('10,000 samples × 30 genes', () => {
  const m = syntheticCohort(10_000, 30)
  const scene = layoutOncoplot(m, { top: 30, removeUnaltered: false })
  const svg = toSvg(scene)

  it('serializes to under 5 MB, without per-cell text or per-cell background', () => {
    expect(Buffer.byteLength(svg)).toBeLessThan(5_000_000)
    expect(svg.match(/<text/g)?.length ?? 0).toBeLessThan(200)
    expect(svg.match(/<(rect|path|line|text)\b/g)?.length ?? 0).toBeLessThan(1_000)
    expect(svg).not.toContain('data-sample=')
  })
  it('leaves sample names off when columns are narrower than the font', () => {
    expect(scene.groups.some((g) => g.id === 'sample-names')).toBe(false)
  })
  it('is well-formed', () => {
    expect(xmlProblem(svg)).toBeUndefined()
  })
})
