import { describe, expect, it } from 'vitest'
import { transformValues } from '../../src/stats/transform.js'

describe('transformValues', () => {
  it('log10 and log2 say the unit; sd uses the n − 1 SD', () => {
    expect(transformValues([1, 10, 100], 'log10')).toMatchObject({ values: [0, 1, 2], unit: 'per 10-fold increase of x (log10(x))' })
    expect(transformValues([1, 4], 'log2').values).toEqual([0, 2])
    const sd = transformValues([1, 2, 3], 'sd')
    expect(sd.values).toEqual([-1, 0, 1])
    expect(sd.unit).toBe('per standard deviation (SD 1)')
  })
  it('refuses zeros under a log unless a pseudo-count is stated, and then says so', () => {
    expect(() => transformValues([0, 5, 10], 'log10')).toThrow(/1 value\(s\) are 0 .* state a pseudo-count/)
    const t = transformValues([0, 9, 99], 'log10', { pseudoCount: 1 })
    expect(t.values).toEqual([0, 1, 2])
    expect(t.unit).toBe('per 10-fold increase of x + 1 (log10(x + 1))')
    expect(() => transformValues([-1, 2], 'log2', { pseudoCount: 1 })).toThrow(/negative/)
  })
  it('refuses a constant feature for sd and a non-finite value', () => {
    expect(() => transformValues([3, 3, 3], 'sd')).toThrow(/no standard deviation/)
    expect(() => transformValues([1, NaN], 'none')).toThrow(/value 1 must be a finite number/)
  })
})
