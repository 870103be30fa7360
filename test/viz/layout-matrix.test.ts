import { describe, expect, it } from 'vitest'
import { layoutOncoplot } from '../../viz/layout.js'
import type { RectsShape } from '../../viz/scene.js'
import { toSvg } from '../../viz/svg.js'
import { small } from './fixture-small.js'

describe('matrix runs', () => {
  it('draws one path per glyph drawn in the shown columns, none for glyphs only in hidden ones', () => {
    // P02 (Nonsense, Fusion) and P07 (Fusion + Missense) are left out: their glyphs are in the cell
    // table but draw nothing, so no empty path may be written for them.
    const scene = layoutOncoplot(small, { sampleOrder: ['P01', 'P03', 'P09'] })
    const matrix = scene.groups.find((g) => g.id === 'matrix')
    const runs = matrix?.shapes.filter((s): s is RectsShape => s.kind === 'rects') ?? []
    expect(runs.length).toBeGreaterThan(1)
    for (const r of runs) expect(r.rects.length).toBeGreaterThan(0)
    expect(runs.map((r) => r.fill)).not.toContain('#E31A1C') // Nonsense_Mutation
    expect(toSvg(scene)).not.toContain('d=""')
  })
})
