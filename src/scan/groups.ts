/**
 * Aligning the clinical endpoint with the matrix's sample universe, and counting 2×2 tables.
 *
 * Every clinical patient is accounted for: sequenced and tested, sequenced but excluded (by the
 * endpoint's own reason: NE, missing value…), sequenced without a clinical record, or in the
 * clinical table but not sequenced (excluded from every denominator).
 *
 * Complexity: O(samples) per feature.
 */
import { NOT_ASSAYED, ALTERED, type StateMatrix } from '../matrix/types.js'

export type Excluded = Record<string, number>

export interface Alignment {
  /** Per matrix sample: group code (≥ 0) or −1 when excluded. */
  readonly group: Int32Array
  /** Reason → number of patients/samples left out. */
  readonly excluded: Excluded
  readonly tested: number
}

/**
 * `values` maps sample → group code; `endpointExcluded` lists samples the endpoint itself left out.
 * `clinicalSamples` is every sample ID in the clinical table.
 */
export function align(
  m: StateMatrix,
  values: ReadonlyMap<string, number>,
  endpointExcluded: Readonly<Record<string, readonly string[]>>,
  clinicalSamples: Iterable<string>,
): Alignment {
  const n = m.samples.length
  const group = new Int32Array(n).fill(-1)
  const excluded: Excluded = {}
  const reasonOf = new Map<string, string>()
  for (const [reason, samples] of Object.entries(endpointExcluded)) for (const s of samples) reasonOf.set(s, reason)
  const inMatrix = new Set(m.samples)
  let tested = 0
  m.samples.forEach((s, i) => {
    const v = values.get(s)
    if (v !== undefined) {
      group[i] = v
      tested++
      return
    }
    const reason = reasonOf.get(s) ?? 'sequenced, no clinical record'
    excluded[reason] = (excluded[reason] ?? 0) + 1
  })
  let notSequenced = 0
  for (const s of clinicalSamples) if (!inMatrix.has(s)) notSequenced++
  if (notSequenced > 0) excluded['in clinical table, not sequenced'] = notSequenced
  return { group, excluded, tested }
}

export interface Table2x2 {
  /** altered & group 1 */
  readonly a: number
  /** altered & group 0 */
  readonly b: number
  /** wild-type & group 1 */
  readonly c: number
  /** wild-type & group 0 */
  readonly d: number
  /** tested samples not assayed for the feature */
  readonly notAssayed: number
}

/**
 * 2×2 for one feature: rows altered / wild-type, columns "in group" / "not in group", where a
 * sample is in the group when group code === `level` and in the other column when its code is
 * `other` (or any other non-negative code when `other` is undefined: level vs rest).
 */
export function countTable(m: StateMatrix, feature: number, group: Int32Array, level: number, other?: number): Table2x2 {
  const n = m.samples.length
  let a = 0
  let b = 0
  let c = 0
  let d = 0
  let notAssayed = 0
  for (let s = 0, i = feature * n; s < n; s++, i++) {
    const g = group[s] as number
    if (g < 0) continue
    const inGroup = g === level
    if (!inGroup && other !== undefined && g !== other) continue
    const st = m.state[i]
    if (st === NOT_ASSAYED) {
      notAssayed++
      continue
    }
    if (st === ALTERED) {
      if (inGroup) a++
      else b++
    } else if (inGroup) c++
    else d++
  }
  return { a, b, c, d, notAssayed }
}
