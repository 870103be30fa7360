import { describe, expect, it } from 'vitest'
import { lookupCall, stateFromCopies, stateFromLog2 } from '../../src/cna/index.js'

describe('copy-number states', () => {
  it.each([
    ['2', 'amp'],
    ['+2', 'amp'],
    ['2.0', 'amp'],
    ['Amp', 'amp'],
    ['Amplification', 'amp'],
    ['1', 'gain'],
    ['Gain', 'gain'],
    ['0', 'neutral'],
    ['Baseline', 'neutral'],
    ['-1', 'shallow_del'],
    ['-1.5', 'shallow_del'],
    ['Loss', 'shallow_del'],
    ['-2', 'deep_del'],
    ['Del', 'deep_del'],
    ['Deletion', 'deep_del'],
    ['HOMDEL', 'deep_del'],
    ['CN-LOH', 'other'],
    ['Complex', 'other'],
  ])('%j → %s', (raw, state) => {
    expect(lookupCall(raw)).toBe(state)
  })

  it('rejects numbers off the discrete scale and unknown words', () => {
    for (const raw of ['3', '-0.5', 'spam', 'amp?']) expect(lookupCall(raw)).toBeUndefined()
  })

  it('per-allele words are not locus calls (a lost allele is not a homozygous deletion)', () => {
    for (const raw of ['aCN = 0', 'Allelic deletion', 'Allelic amplification']) expect(lookupCall(raw)).toBeUndefined()
  })

  it('absolute copies at the default boundaries (PURPLE/PCGR amp ≥ 6, deep < 0.5)', () => {
    expect([0, 0.49, 0.5, 1.49, 1.5, 2, 2.49, 2.5, 5.99, 6, 40].map((c) => stateFromCopies(c))).toEqual([
      'deep_del', 'deep_del', 'shallow_del', 'shallow_del', 'neutral', 'neutral', 'neutral', 'gain', 'gain', 'amp', 'amp',
    ])
  })

  it('log2 at CNVkit threshold boundaries (≤ −1.1, ≤ −0.25, > 0.2, > 0.7)', () => {
    expect([-3, -1.1, -1.09, -0.25, -0.24, 0.2, 0.21, 0.7, 0.71].map((r) => stateFromLog2(r))).toEqual([
      'deep_del', 'deep_del', 'shallow_del', 'shallow_del', 'neutral', 'neutral', 'gain', 'gain', 'amp',
    ])
  })
})
