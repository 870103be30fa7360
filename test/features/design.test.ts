// buildDesign over the one model-matrix builder (src/stats/design.ts): what the feature models rely on.
import { describe, expect, it } from 'vitest'
import { buildDesign, NO_TRANSFORM } from '../../src/features/design.js'
import { numericTransform } from '../../src/features/transform.js'
import type { FeatureVector } from '../../src/features/vector.js'

const factor = (id: string, levels: string[], values: [string, string][]): FeatureVector => ({
  id, label: id, source: 'clinical', kind: levels.length === 2 ? 'binary' : 'categorical', levels, values: new Map(values), missing: {}, interpretation: '',
})
const numeric = (id: string, values: [string, number][]): FeatureVector => ({ id, label: id, source: 'clinical', kind: 'numeric', unit: undefined, values: new Map(values), missing: {}, interpretation: '' })

describe('buildDesign', () => {
  const stage = factor('stage', ['I', 'III', 'II'], [['a', 'I'], ['b', 'III'], ['c', 'II'], ['d', 'I']])
  const cps = numeric('cps', [['a', 1], ['b', 10], ['c', 100], ['e', 5]])
  it('keeps the feature\'s level order and reference, complete cases only, drop reasons by the first lacking vector', () => {
    const d = buildDesign([stage, cps], ['a', 'b', 'c', 'd', 'e', 'f'], NO_TRANSFORM)
    expect(d.terms.map((t) => [t.name, t.reference, t.unit])).toEqual([['stage=III', 'I', undefined], ['stage=II', 'I', undefined], ['cps', undefined, 'per unit of cps']])
    expect(d.samples).toEqual(['a', 'b', 'c'])
    expect(d.x).toEqual([[0, 0, 1], [1, 0, 10], [0, 1, 100]])
    expect(d.dropped).toEqual({ 'missing cps': 1, 'missing stage': 2 })
  })
  it('a level absent from the complete cases keeps its (all-zero) column; the transform sees the complete cases only', () => {
    const d = buildDesign([stage, cps], ['a', 'b'], numericTransform('log10'))
    expect(d.terms.map((t) => t.name)).toEqual(['stage=III', 'stage=II', 'log10(cps)'])
    expect(d.x).toEqual([[0, 0, 0], [1, 0, 1]])
    const sd = buildDesign([cps], ['a', 'b', 'c'], numericTransform('sd'))
    expect(sd.terms[0]?.unit).toBe('per SD of cps')
    const col = sd.x.map((r) => r[0] as number)
    expect(col[1]! - col[0]!).toBeCloseTo(9 / Math.sqrt(((1 - 37) ** 2 + (10 - 37) ** 2 + (100 - 37) ** 2) / 2), 12)
  })
  it('refuses the same feature twice (e.g. also a covariate) instead of an NA row', () => {
    expect(() => buildDesign([stage, stage], ['a'], NO_TRANSFORM)).toThrow(/"stage" is in the model twice/)
  })
})
