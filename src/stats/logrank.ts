/**
 * Log-rank test for 2 or more groups, as R's survdiff(Surv(time, event) ~ group) (rho = 0):
 * observed and expected events per group, the hypergeometric variance matrix, and
 * chisq = (O−E)ᵀ V⁻ (O−E) over the groups with E > 0 after dropping the first of them,
 * df = (number of groups with E > 0) − 1. With no events there is no test: df = 0 and p = NaN
 * (R prints df −1 and p NA).
 *
 * Complexity: O(n log n) for logRank (one sort), O(n·k + event times·k²) for logRankSorted on
 * rows already in time order; O(k²) memory.
 */
import { choleskyInverse, cholesky, quadraticForm } from './linalg.js'
import { pchisq } from './incomplete-gamma.js'
import { type EventFlag, sortByTime, survivalData } from './survival-input.js'

export interface LogRankGroup {
  readonly group: string
  readonly n: number
  readonly observed: number
  readonly expected: number
  /** (O−E)²/E as printed by survdiff */
  readonly oe2e: number
  /** (O−E)²/V as printed by survdiff */
  readonly oe2v: number
}

export interface LogRankResult {
  readonly groups: readonly LogRankGroup[]
  readonly chisq: number
  readonly df: number
  readonly p: number
  /** Variance matrix of O−E, in group order. */
  readonly variance: readonly (readonly number[])[]
}

/** survdiff's sums for groups 0..k−1; what logRankSorted returns. */
export interface LogRankSums {
  readonly nPerGroup: readonly number[]
  readonly observed: Float64Array
  readonly expected: Float64Array
  /** k×k, row-major */
  readonly variance: Float64Array
  readonly chisq: number
  readonly df: number
  readonly p: number
}

/**
 * The log-rank sums over rows already in time order (tied times adjacent), group[i] in 0..k−1:
 * O(n·k + (distinct event times)·k²), no allocation per row or per time.
 */
export function logRankSorted(time: Float64Array, event: Uint8Array, group: Uint8Array | Int32Array, k: number): LogRankSums {
  const { nPerGroup, obs, exp, v } = k === 2 ? twoGroupSums(time, event, group) : groupSums(time, event, group, k)
  // survdiff: keep groups with expected > 0, drop the first of those, chisq by solving V.
  const keep: number[] = []
  for (let g = 0; g < k; g++) if ((exp[g] as number) > 0) keep.push(g)
  let chisq = 0
  const df = Math.max(0, keep.length - 1)
  if (keep.length >= 2) {
    const sub = keep.slice(1)
    const diff = sub.map((g) => (obs[g] as number) - (exp[g] as number))
    const vv = sub.map((g) => sub.map((h) => v[g * k + h] as number))
    chisq = quadraticForm(diff, choleskyInverse(cholesky(vv)))
  }
  // No events (or all in one group): no test, p is NaN as R reports NA.
  return { nPerGroup, observed: obs, expected: exp, variance: v, chisq, df, p: df > 0 ? pchisq(chisq, df) : NaN }
}

interface Sums {
  readonly nPerGroup: number[]
  readonly obs: Float64Array
  readonly exp: Float64Array
  readonly v: Float64Array
}

/**
 * groupSums for k = 2 (the scan's altered / wild-type, once per feature): the same expressions
 * on scalars, so the same numbers; no per-time fill() or k × k loop. The property test
 * test/stats/survival-fast-paths.property.test.ts compares it with the k-group walk exactly.
 */
function twoGroupSums(time: Float64Array, event: Uint8Array, group: Uint8Array | Int32Array): Sums {
  const n = time.length
  let n1 = 0
  for (let i = 0; i < n; i++) n1 += group[i] === 1 ? 1 : 0
  let r0 = n - n1
  let r1 = n1
  let o0 = 0
  let o1 = 0
  let e0 = 0
  let e1 = 0
  let v00 = 0
  let v01 = 0
  let v10 = 0
  let v11 = 0
  let idx = 0
  while (idx < n) {
    const t = time[idx]
    // Counted without branches (group and event are coin flips to the branch predictor).
    let rows = 0
    let l1 = 0
    let d = 0
    let x1 = 0
    while (idx < n && time[idx] === t) {
      const ev = event[idx] === 1 ? 1 : 0
      const g = group[idx] === 1 ? 1 : 0
      rows++
      l1 += g
      d += ev
      x1 += ev & g
      idx++
    }
    const l0 = rows - l1
    const x0 = d - x1
    if (d > 0) {
      let nTot = 0
      nTot += r0
      nTot += r1
      const factor = nTot > 1 ? (d * (nTot - d)) / (nTot * nTot * (nTot - 1)) : 0
      o0 += x0
      e0 += (d * r0) / nTot
      v00 += factor * r0 * (nTot - r0)
      v01 += factor * r0 * (0 - r1)
      o1 += x1
      e1 += (d * r1) / nTot
      v10 += factor * r1 * (0 - r0)
      v11 += factor * r1 * (nTot - r1)
    }
    r0 -= l0
    r1 -= l1
  }
  return { nPerGroup: [n - n1, n1], obs: Float64Array.of(o0, o1), exp: Float64Array.of(e0, e1), v: Float64Array.of(v00, v01, v10, v11) }
}

/** survdiff's sums for any k: observed, expected and the variance matrix, walking tied blocks. */
function groupSums(time: Float64Array, event: Uint8Array, group: Uint8Array | Int32Array, k: number): Sums {
  const n = time.length
  const atRisk = new Float64Array(k)
  for (let i = 0; i < n; i++) {
    const g = group[i] as number
    atRisk[g] = (atRisk[g] as number) + 1
  }
  const nPerGroup = Array.from(atRisk)
  const obs = new Float64Array(k)
  const exp = new Float64Array(k)
  const v = new Float64Array(k * k)
  const deaths = new Float64Array(k)
  const leaving = new Float64Array(k)
  let idx = 0
  while (idx < n) {
    const t = time[idx]
    deaths.fill(0)
    leaving.fill(0)
    let d = 0
    while (idx < n && time[idx] === t) {
      const g = group[idx] as number
      leaving[g] = (leaving[g] as number) + 1
      if (event[idx] === 1) {
        deaths[g] = (deaths[g] as number) + 1
        d++
      }
      idx++
    }
    let nTot = 0
    for (let g = 0; g < k; g++) nTot += atRisk[g] as number
    if (d > 0) {
      const factor = nTot > 1 ? (d * (nTot - d)) / (nTot * nTot * (nTot - 1)) : 0
      for (let g = 0; g < k; g++) {
        const ng = atRisk[g] as number
        obs[g] = (obs[g] as number) + (deaths[g] as number)
        exp[g] = (exp[g] as number) + (d * ng) / nTot
        for (let h = 0; h < k; h++) {
          const nh = atRisk[h] as number
          v[g * k + h] = (v[g * k + h] as number) + factor * ng * ((g === h ? nTot : 0) - nh)
        }
      }
    }
    for (let g = 0; g < k; g++) atRisk[g] = (atRisk[g] as number) - (leaving[g] as number)
  }
  return { nPerGroup, obs, exp, v }
}

/**
 * Group labels are compared as strings; groups are reported in sorted order (like factor levels).
 * O(n log n) for the sort, then logRankSorted.
 */
export function logRank(time: readonly number[], event: readonly EventFlag[], group: readonly (string | number)[]): LogRankResult {
  const data = survivalData(time, event, 'logRank')
  if (group.length !== time.length) throw new RangeError(`logRank: group has ${group.length} values but time has ${time.length}`)
  const labels = [...new Set(group.map(String))].sort((a, b) => {
    const na = Number(a)
    const nb = Number(b)
    // numeric labels in numeric order (R's factor(1:10) sorts 2 before 10), others by code units
    if (a.trim() !== '' && b.trim() !== '' && Number.isFinite(na) && Number.isFinite(nb)) return na - nb
    return a < b ? -1 : a > b ? 1 : 0
  })
  const k = labels.length
  if (k < 2) throw new RangeError('logRank: need at least two groups')
  const index = new Map(labels.map((l, g) => [l, g]))
  const sorted = sortByTime(data)
  const gi = Int32Array.from(sorted.order, (i) => index.get(String(group[i])) ?? 0)
  const sums = logRankSorted(sorted.time, sorted.event, gi, k)
  const variance = labels.map((_, g) => Array.from(sums.variance.subarray(g * k, (g + 1) * k)))
  const groups = labels.map((label, g) => {
    const o = sums.observed[g] ?? 0
    const e = sums.expected[g] ?? 0
    const vg = variance[g]?.[g] ?? 0
    return { group: label, n: sums.nPerGroup[g] ?? 0, observed: o, expected: e, oe2e: ((o - e) ** 2) / e, oe2v: ((o - e) ** 2) / vg }
  })
  return { groups, chisq: sums.chisq, df: sums.df, p: sums.p, variance }
}
