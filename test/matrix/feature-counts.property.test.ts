/**
 * featureCounts (src/matrix/types.ts) counts four cells at a time through a 32-bit view; held
 * equal to the cell-by-cell count for row lengths around the word and lane-flush edges, states at
 * byte offsets 0..3 of their buffer (the unaligned ones take the byte loop), every feature.
 */
import fc from 'fast-check'
import { describe, expect, it } from 'vitest'
import { featureCounts, type StateMatrix } from '../../src/matrix/types.js'

function byCell(m: StateMatrix, f: number) {
  const n = m.samples.length
  let altered = 0
  let notAssayed = 0
  for (let s = 0; s < n; s++) {
    const v = m.state[f * n + s] as number
    if (v === 1) altered++
    if (v === 2) notAssayed++
  }
  return { altered, assayed: n - notAssayed, notAssayed }
}

describe('featureCounts', () => {
  it('equals the cell-by-cell count', () => {
    fc.assert(
      fc.property(fc.oneof(fc.nat({ max: 70 }), fc.integer({ min: 500, max: 1100 })), fc.integer({ min: 1, max: 3 }), fc.nat({ max: 3 }), fc.nat(), fc.double({ min: 0, max: 1, noNaN: true }), (n, F, offset, seed, pAltered) => {
        const buf = new Uint8Array(offset + n * F + 3)
        const state = buf.subarray(offset, offset + n * F)
        let x = seed
        for (let i = 0; i < state.length; i++) {
          x = (x * 1103515245 + 12345) >>> 0
          const r = (x >>> 8) / 2 ** 24
          state[i] = r < pAltered ? 1 : (x & 3) === 0 ? 2 : 0
        }
        const m: StateMatrix = { samples: Array.from({ length: n }, (_, i) => `S${i}`), features: [], state, samplePanel: [], panelMb: [], burden: new Uint32Array(n) }
        for (let f = 0; f < F; f++) expect(featureCounts(m, f)).toEqual(byCell(m, f))
      }),
      { numRuns: 400 },
    )
  })
})
