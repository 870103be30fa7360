/**
 * Test-side statistics for the demo checks, written independently of scripts/demo/stats.mjs.
 * Kaplan–Meier follows R survival's conventions (checked against survival 3.5.3: see
 * test/fixtures/demo/r-reference.tsv); Fisher's test follows R's fisher.test two-sided rule.
 */

export interface Median {
  readonly median: number | undefined
  /** S(t) equalled 0.5 exactly over an interval; R then reports the interval's midpoint. */
  readonly plateau: boolean
}

/**
 * Product-limit estimate over distinct times; at a tied time deaths are counted before censorings
 * leave the risk set. Median: the first time S(t) <= 0.5 (R's tolerance sqrt(machine eps)).
 */
export function kmMedian(time: readonly number[], event: readonly (0 | 1)[]): Median {
  const byTime = new Map<number, { d: number; n: number }>()
  time.forEach((t, i) => {
    const cell = byTime.get(t) ?? { d: 0, n: 0 }
    cell.d += event[i] ?? 0
    cell.n += 1
    byTime.set(t, cell)
  })
  const times = [...byTime.keys()].sort((a, b) => a - b)
  const eventTimes = times.filter((t) => (byTime.get(t)?.d ?? 0) > 0)
  const eps = Math.sqrt(Number.EPSILON)
  let atRisk = time.length
  let s = 1
  for (const t of times) {
    const { d, n } = byTime.get(t) ?? { d: 0, n: 0 }
    if (d > 0) {
      s *= 1 - d / atRisk
      if (Math.abs(s - 0.5) < eps) {
        const next = eventTimes[eventTimes.indexOf(t) + 1]
        return { median: next === undefined ? t : (t + next) / 2, plateau: true }
      }
      if (s < 0.5) return { median: t, plateau: false }
    }
    atRisk -= n
  }
  return { median: undefined, plateau: false }
}

function lchoose(n: number, k: number): number {
  let s = 0
  for (let i = 1; i <= k; i++) s += Math.log(n - k + i) - Math.log(i)
  return s
}

/** Two-sided Fisher exact p for [[a, b], [c, d]]: tables no more probable than observed, R's 1 + 1e-7 slack. */
export function fisherTwoSided(a: number, b: number, c: number, d: number): number {
  const m = a + c
  const n = b + d
  const k = a + b
  const dens = (x: number) => Math.exp(lchoose(m, x) + lchoose(n, k - x) - lchoose(m + n, k))
  const obs = dens(a)
  let p = 0
  for (let x = Math.max(0, k - n); x <= Math.min(k, m); x++) {
    const px = dens(x)
    if (px <= obs * (1 + 1e-7)) p += px
  }
  return Math.min(1, p)
}
