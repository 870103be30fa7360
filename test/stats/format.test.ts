/** Human number formatting: R format.pval-like p-values, 4 significant digits, fixed rules. */
import { describe, expect, it } from 'vitest'
import { formatInterval, formatP, formatRatio, formatSignificant } from '../../src/stats/format.js'

describe('formatP', () => {
  it.each([
    [0.4064615523001122, '0.4065'],
    [1, '1'],
    [0.05, '0.05'],
    [0.00012346, '0.0001235'],
    [1.234567e-7, '1.235e-07'],
    [2.3e-16, '2.3e-16'],
    [2.2e-16, '< 2.2e-16'],
    [0, '< 2.2e-16'],
    [NaN, 'NA'],
  ])('formats %s as %s', (p, expected) => {
    expect(formatP(p)).toBe(expected)
  })
})

describe('formatRatio / formatSignificant', () => {
  it.each([
    [1.4142135623730951, '1.414'],
    [599184.9036967194, '5.992e+05'],
    [1000000, '1e+06'],
    [999999.6, '1e+06'],
    [0.0066234, '0.006623'],
    [156.49840762716124, '156.5'],
    [0, '0'],
    [Infinity, 'Inf'],
    [-2.5, '-2.5'],
    [NaN, 'NA'],
  ])('formats %s as %s', (x, expected) => {
    expect(formatRatio(x)).toBe(expected)
  })
  it('keeps integers whole and honours the digits argument', () => {
    expect(formatSignificant(12, 4)).toBe('12')
    expect(formatSignificant(3.14159, 2)).toBe('3.1')
    expect(formatInterval(0, Infinity)).toBe('[0, Inf]')
  })
})
