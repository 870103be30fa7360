import { describe, expect, it } from 'vitest'
import { splitFusionName } from '../../src/fusion/index.js'

describe('splitFusionName', () => {
  it.each([
    ['EML4--ALK', undefined, ['EML4', 'ALK']],
    ['TMPRSS2::ERG', undefined, ['TMPRSS2', 'ERG']],
    ['ALK-EML4', undefined, ['ALK', 'EML4']],
    ['ETV6-RUNX1 fusion', undefined, ['ETV6', 'RUNX1']],
    ['EGFR-intragenic', undefined, ['EGFR', 'EGFR']],
    ['NKX2-1--MYC', undefined, ['NKX2-1', 'MYC']],
    ['NKX2-1-MYC', 'NKX2-1', ['NKX2-1', 'MYC']],
    ['MYC-NKX2-1', 'NKX2-1', ['MYC', 'NKX2-1']],
    ['BCR/ABL1', undefined, ['BCR', 'ABL1']],
  ])('%j (known %s) → %j', (label, known, [g5, g3]) => {
    expect(splitFusionName(label, known)).toEqual({ gene5: g5, gene3: g3 })
  })

  it('refuses what it cannot split unambiguously', () => {
    expect(splitFusionName('NKX2-1-MYC')).toBeUndefined()
    expect(splitFusionName('ALK')).toBeUndefined()
    expect(splitFusionName('A--B--C')).toBeUndefined()
    expect(splitFusionName('-ALK')).toBeUndefined()
    expect(splitFusionName(' fusion')).toBeUndefined()
  })
})
