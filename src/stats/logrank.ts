/**
 * Log-rank test for 2 or more groups, as R's survdiff(Surv(time, event) ~ group) (rho = 0):
 * observed and expected events per group, the hypergeometric variance matrix, and
 * chisq = (O−E)ᵀ V⁻ (O−E) over the groups with E > 0 after dropping the first of them,
 * df = (number of groups with E > 0) − 1. With no events there is no test: df = 0 and p = NaN
 * (R prints df −1 and p NA).
 */
import { choleskyInverse, cholesky, quadraticForm, zeros } from './linalg.js'
import { pchisq } from './incomplete-gamma.js'
import { type EventFlag, orderByTime, survivalData } from './survival-input.js'

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

/** Group labels are compared as strings; groups are reported in sorted order (like factor levels). */
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
  const gi = Int32Array.from(group.map((g) => labels.indexOf(String(g))))
  const order = orderByTime(data.time)
  const atRisk = new Float64Array(k)
  for (const g of gi) atRisk[g] = (atRisk[g] ?? 0) + 1
  const nPerGroup = Array.from(atRisk)
  const obs = new Float64Array(k)
  const exp = new Float64Array(k)
  const v = zeros(k)
  let idx = 0
  while (idx < order.length) {
    const t = data.time[order[idx] ?? 0]
    const deaths = new Float64Array(k)
    const leaving = new Float64Array(k)
    let d = 0
    while (idx < order.length && data.time[order[idx] ?? 0] === t) {
      const i = order[idx] ?? 0
      const g = gi[i] ?? 0
      leaving[g] = (leaving[g] ?? 0) + 1
      if (data.event[i] === 1) {
        deaths[g] = (deaths[g] ?? 0) + 1
        d++
      }
      idx++
    }
    let nTot = 0
    for (let g = 0; g < k; g++) nTot += atRisk[g] ?? 0
    if (d > 0) {
      const factor = nTot > 1 ? (d * (nTot - d)) / (nTot * nTot * (nTot - 1)) : 0
      for (let g = 0; g < k; g++) {
        const ng = atRisk[g] ?? 0
        obs[g] = (obs[g] ?? 0) + (deaths[g] ?? 0)
        exp[g] = (exp[g] ?? 0) + (d * ng) / nTot
        const row = v[g]
        if (!row) continue
        for (let h = 0; h < k; h++) {
          const nh = atRisk[h] ?? 0
          row[h] = (row[h] ?? 0) + factor * ng * ((g === h ? nTot : 0) - nh)
        }
      }
    }
    for (let g = 0; g < k; g++) atRisk[g] = (atRisk[g] ?? 0) - (leaving[g] ?? 0)
  }
  // survdiff: keep groups with expected > 0, drop the first of those, chisq by solving V.
  const keep = labels.map((_, g) => (exp[g] ?? 0) > 0).map((b, g) => (b ? g : -1)).filter((g) => g >= 0)
  let chisq = 0
  const df = Math.max(0, keep.length - 1)
  if (keep.length >= 2) {
    const sub = keep.slice(1)
    const diff = sub.map((g) => (obs[g] ?? 0) - (exp[g] ?? 0))
    const vv = sub.map((g) => sub.map((h) => v[g]?.[h] ?? 0))
    chisq = quadraticForm(diff, choleskyInverse(cholesky(vv)))
  }
  const groups = labels.map((label, g) => {
    const o = obs[g] ?? 0
    const e = exp[g] ?? 0
    const vg = v[g]?.[g] ?? 0
    return { group: label, n: nPerGroup[g] ?? 0, observed: o, expected: e, oe2e: ((o - e) ** 2) / e, oe2v: ((o - e) ** 2) / vg }
  })
  // No events (or all in one group): no test, p is NaN as R reports NA.
  return { groups, chisq, df, p: df > 0 ? pchisq(chisq, df) : NaN, variance: v }
}
