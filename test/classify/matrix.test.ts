import { describe, expect, it } from 'vitest'
import { buildMatrix } from '../../src/classify/matrix.js'
import { ALTERED, NOT_ASSAYED, WILD_TYPE, cellState, featureCounts } from '../../src/matrix/types.js'
import { alt } from './helpers.js'

describe('buildMatrix (no panels)', () => {
  it('sorts samples, keeps silent-only samples wild-type, and features only genes with counted events', () => {
    const m = buildMatrix(
      [alt('S2', 'TP53', 'Missense_Mutation'), alt('S3', 'TP53', 'Silent'), alt('S3', 'KRAS', 'Silent'), alt('S1', 'TP53', 'Nonsense_Mutation')],
      { samples: ['S3', 'S2', 'S1', 'S4'] },
    )
    expect(m.samples).toEqual(['S1', 'S2', 'S3', 'S4'])
    expect(m.features.map((f) => f.id)).toEqual(['TP53'])
    expect([0, 1, 2, 3].map((s) => cellState(m, 0, s))).toEqual([ALTERED, ALTERED, WILD_TYPE, WILD_TYPE])
    expect(featureCounts(m, 0)).toEqual({ altered: 2, assayed: 4, notAssayed: 0 })
    expect(Array.from(m.burden)).toEqual([1, 1, 0, 0])
  })

  it('rejects alterations outside the sample universe with their source line, or counts them when asked', () => {
    const a = [alt('S9', 'TP53', 'Missense_Mutation', { source: { file: 'x.maf', line: 12 } })]
    expect(() => buildMatrix(a, { samples: ['S1'] })).toThrow(/S9.*not in the sample universe/)
    try {
      buildMatrix(a, { samples: ['S1'] })
    } catch (e) {
      expect(e).toMatchObject({ file: 'x.maf', line: 12 })
    }
    const m = buildMatrix(a, { samples: ['S1'], outside: 'drop' })
    expect(m.notes.outsideUniverse).toBe(1)
    expect(m.features).toHaveLength(0)
  })

  it('a gene asked for but never altered is a wild-type row, not missing', () => {
    const m = buildMatrix([], { samples: ['A', 'B'], genes: ['MYC'] })
    expect(Array.from(m.state)).toEqual([WILD_TYPE, WILD_TYPE])
    expect(NOT_ASSAYED).toBe(2)
  })
})
