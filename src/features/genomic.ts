/**
 * A genomic feature of the matrix as a binary vector: altered vs wild-type (reference); a sample
 * the feature's panel did not assay has no value. O(samples).
 */
import { ALTERED, NOT_ASSAYED, type StateMatrix } from '../matrix/types.js'
import type { LevelVector } from './vector.js'

export function genomicVector(m: StateMatrix, f: number): LevelVector {
  const feat = m.features[f]
  if (feat === undefined) throw new RangeError(`genomicVector: no feature ${f}`)
  const n = m.samples.length
  const values = new Map<string, string>()
  let notAssayed = 0
  for (let s = 0; s < n; s++) {
    const st = m.state[f * n + s]
    if (st === NOT_ASSAYED) notAssayed++
    else values.set(m.samples[s] as string, st === ALTERED ? 'altered' : 'wild-type')
  }
  return {
    id: feat.id,
    label: feat.label,
    source: feat.type,
    kind: 'binary',
    levels: ['wild-type', 'altered'],
    values,
    missing: notAssayed > 0 ? { 'not assayed': notAssayed } : {},
    interpretation: 'binary: altered vs wild-type (reference)',
  }
}
