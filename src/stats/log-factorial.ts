/**
 * A table of log(n!) shared across a whole scan: a Fisher test on a 2×2 table with total N needs
 * log-factorials up to N, and a scan runs thousands of tests with the same N, so the table is built
 * once and grown on demand (doubling, so growth is amortised O(1) per entry).
 *
 * Each entry is computed independently (not by cumulative summation, whose rounding error grows like
 * √n): exact product for n ≤ 20, Stirling with Loader's stirlerr above. Every entry is within ~1 ulp
 * of log(n!), so a log-probability built from four of them has absolute error ~ulp(log N!): ~1e-11
 * at N = 1e4, ~2e-9 at N = 1e6. That is fine for one absolute level; ratios between tables (what
 * p-values and odds ratios use) come from an exact-ratio recurrence in noncentral-hypergeometric.ts.
 */
import { LN_SQRT_2PI, stirlerr } from './gamma.js'

function logFactorialDirect(n: number): number {
  if (n <= 20) {
    let f = 1
    for (let i = 2; i <= n; i++) f *= i
    return Math.log(f)
  }
  return (n + 0.5) * Math.log(n) - n + LN_SQRT_2PI + stirlerr(n)
}

/**
 * Entries beyond this are computed on demand instead of stored: a table for n = 1e8 would be 800 MB,
 * while the direct formula costs one log and is just as accurate. 2^22 entries = 32 MB.
 */
export const TABLE_LIMIT = 1 << 22

export class LogFactorialTable {
  private values: Float64Array

  constructor(maxN = 1024) {
    this.values = new Float64Array(0)
    this.ensure(maxN)
  }

  /** Largest n currently tabulated. */
  get size(): number {
    return this.values.length - 1
  }

  /** Make sure log(n!) for 0..maxN is tabulated. */
  ensure(maxN: number): void {
    if (!Number.isSafeInteger(maxN) || maxN < 0) throw new RangeError(`LogFactorialTable: bad size ${maxN}`)
    const old = this.values.length
    const want = Math.min(maxN, TABLE_LIMIT)
    if (want < old) return
    const next = new Float64Array(Math.min(TABLE_LIMIT + 1, Math.max(want + 1, old * 2)))
    next.set(this.values)
    for (let i = old; i < next.length; i++) next[i] = logFactorialDirect(i)
    this.values = next
  }

  /** log(n!) for a non-negative integer n (grows the table if needed). */
  get(n: number): number {
    if (n > TABLE_LIMIT && Number.isSafeInteger(n)) return logFactorialDirect(n)
    if (n >= this.values.length) this.ensure(n)
    const v = this.values[n]
    if (v === undefined) throw new RangeError(`LogFactorialTable: bad argument ${n}`)
    return v
  }

  /** log C(n, k). */
  logChoose(n: number, k: number): number {
    return this.get(n) - this.get(k) - this.get(n - k)
  }
}

/** A process-wide table for callers that do not manage their own. */
export const sharedLogFactorials = new LogFactorialTable(1024)
