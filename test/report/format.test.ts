import { describe, expect, it } from 'vitest'
import { orWithCi, percent, sig } from '../../viz/number-format.js'

describe('report number formatting', () => {
  it.each([
    [undefined, ''], [NaN, 'NA'], [Infinity, 'Inf'], [-Infinity, '-Inf'], [0, '0'], [1, '1'], [0.05, '0.05'], [2.3456, '2.35'],
    [123456, '123000'], [1e-4, '0.0001'], [9.87654e-5, '9.88e-5'], [1.2e-6, '1.2e-6'], [1e-300, '1e-300'], [2.5e7, '2.5e7'], [-0.000012345, '-1.23e-5'],
  ])('sig(%s) = %s', (x, s) => {
    expect(sig(x)).toBe(s)
  })
  it('formats an OR with its CI and a percentage', () => {
    expect(orWithCi(2.3456, 0, Infinity)).toBe('2.35 [0, Inf]')
    expect(percent(1, 3)).toBe('33.3%')
    expect(percent(0, 0)).toBe('NA')
  })
})
