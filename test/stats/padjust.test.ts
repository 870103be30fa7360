/**
 * p.adjust against R 4.2.2 (test/fixtures/r/padjust.tsv). Tolerance 1e-12 relative: the
 * adjustments are a multiply and a running min/max, so any larger difference is a wrong rule.
 */
import { describe, expect, it } from 'vitest'
import { PADJUST_METHODS, pAdjust } from '../../src/stats/padjust.js'
import { expectClose, num, readReference } from './reference.js'

describe('pAdjust vs R p.adjust', () => {
  const rows = readReference('padjust.tsv')
  const vectors = new Map<string, typeof rows>()
  for (const r of rows) vectors.set(r.vector ?? '', [...(vectors.get(r.vector ?? '') ?? []), r])

  it('matches BH, bonferroni, holm, hochberg and BY on every reference vector (NA skipped, ties)', () => {
    expect(vectors.size).toBeGreaterThanOrEqual(8)
    for (const [id, vrows] of vectors) {
      const p = vrows.map((r) => num(r, 'p'))
      for (const method of PADJUST_METHODS.filter((m) => m !== 'none')) {
        const got = pAdjust(p, method)
        vrows.forEach((r, i) => {
          const expected = num(r, method)
          const actual = got[i] ?? -1
          if (Number.isNaN(expected)) expect(actual, `vector ${id} ${method}[${i}]`).toBeNaN()
          else expectClose(actual, expected, 1e-12, `vector ${id} (${p.join(',')}) ${method}[${i}]`)
        })
      }
    }
  })
  it('treats undefined and null like NA and counts only present p-values in n', () => {
    expect(pAdjust([0.01, undefined, 0.04, null], 'bonferroni')).toEqual([0.02, NaN, 0.08, NaN])
    expect(pAdjust([0.01, 0.04], 'bonferroni', 10)).toEqual([0.1, 0.4])
  })
  it('returns a single p-value unchanged (n ≤ 1) and rejects n below the number of p-values', () => {
    expect(pAdjust([0.3], 'BH')).toEqual([0.3])
    expect(() => pAdjust([0.1, 0.2, 0.3], 'BH', 2)).toThrow(RangeError)
  })
})
