/**
 * Power of the two-sided Fisher exact test (R's rule) for a study with n1 altered and n2 wild-type
 * patients whose true response rates are p1 and p2:
 *   power = Σ over responder counts (x1, x2) of Bin(x1; n1, p1)·Bin(x2; n2, p2)·[p(x1, x2) ≤ α].
 * Exact enumeration: the Fisher p-value depends only on x1 and the total t = x1 + x2, so for each t
 * we tabulate the null hypergeometric once, sort it, and read every p-value off a prefix sum,
 * O((n1+1)(n2+1)·log) in all; the resulting rejection region is cached, so further rates for the
 * same n1, n2, α cost O((n1+1)(n2+1)) multiply-adds. Above EXACT_CELL_LIMIT outcome pairs we switch to the normal
 * approximation of the unconditional two-proportion z-test and say so in `method`.
 */
import { logDbinom } from './gamma.js'
import type { LogFactorialTable } from './log-factorial.js'
import { sharedLogFactorials } from './log-factorial.js'
import { NoncentralHypergeometric } from './noncentral-hypergeometric.js'
import { pnorm, qnorm } from './normal.js'

/**
 * (n1+1)(n2+1) above which enumeration is replaced by the normal approximation. Measured at the
 * limit (n1 = 1998, n2 = 1999): 3.7 s for the first rate pair, 42 ms for further pairs (cached region).
 */
export const EXACT_CELL_LIMIT = 4_000_000

const LOG_REL_ERR = Math.log1p(1e-7)

/**
 * p ≤ α is decided with a 1e-12 relative allowance: small tables have p-values that equal α exactly
 * in rational arithmetic (n1 = 12, n2 = 4, x = (0, 2): p = 1/20) and rounding alone must not decide
 * whether such a table rejects. Exact ties count as significant, as p ≤ α says.
 */
export const ALPHA_TIE_TOLERANCE = 1e-12

export type PowerMethod = 'exact enumeration' | 'normal approximation (groups too large for exact enumeration)'

export interface PowerResult {
  readonly power: number
  readonly method: PowerMethod
}

export interface PowerOptions {
  readonly alpha?: number | undefined
  readonly table?: LogFactorialTable | undefined
  /**
   * Largest (n1+1)(n2+1) enumerated exactly (default EXACT_CELL_LIMIT). A scan over hundreds of
   * features at registry scale sets it lower: the exact region costs O(n1·n2·log) per group-size pair.
   */
  readonly exactCellLimit?: number | undefined
}

function checkGroup(name: string, n: number): void {
  if (!Number.isSafeInteger(n) || n < 1) throw new RangeError(`fisherPower: ${name} must be a positive integer, got ${n}`)
}

function checkRate(name: string, p: number): void {
  if (!(p >= 0 && p <= 1)) throw new RangeError(`fisherPower: ${name} must be a probability, got ${p}`)
}

/**
 * The rejection region {(x1, x2): Fisher p ≤ α} as a bitmask indexed x1·(n2+1) + x2. It depends on
 * n1, n2 and α only, not on the true rates, so a bisection over effect sizes computes it once.
 */
function rejectionRegion(n1: number, n2: number, alpha: number, table: LogFactorialTable): Uint8Array {
  const mask = new Uint8Array((n1 + 1) * (n2 + 1))
  const n = n1 + n2
  for (let t = 0; t <= n; t++) {
    // Rows: altered (n1) / wild-type (n2); columns: responders (t) / non-responders.
    const dist = new NoncentralHypergeometric(t, n - t, n1, table)
    const logd = dist.logd
    const size = logd.length
    let max = -Infinity
    for (const v of logd) if (v > max) max = v
    const order = Array.from(logd.keys()).sort((i, j) => (logd[i] ?? 0) - (logd[j] ?? 0))
    const prefix = new Float64Array(size + 1)
    let total = 0
    order.forEach((j, r) => {
      total += Math.exp((logd[j] ?? 0) - max)
      prefix[r + 1] = total
    })
    for (let j = 0; j < size; j++) {
      const x1 = dist.lo + j
      // p = mass of all tables no more probable than this one (R's 1 + 1e-7 tie rule):
      // count how many sorted log-probabilities are ≤ cutoff.
      const cutoff = (logd[j] ?? 0) + LOG_REL_ERR
      let lo = 0
      let hi = size
      while (lo < hi) {
        const mid = (lo + hi) >>> 1
        if ((logd[order[mid] ?? 0] ?? 0) <= cutoff) lo = mid + 1
        else hi = mid
      }
      const p = Math.min(1, (prefix[lo] ?? 0) / total)
      if (p <= alpha * (1 + ALPHA_TIE_TOLERANCE)) mask[x1 * (n2 + 1) + (t - x1)] = 1
    }
  }
  return mask
}

/** One cached region: callers (a bisection, a scan over features with equal group sizes) repeat n1, n2, α. */
let cached: { readonly key: string; readonly mask: Uint8Array } | undefined

function cachedRegion(n1: number, n2: number, alpha: number, table: LogFactorialTable): Uint8Array {
  const key = `${n1},${n2},${alpha}`
  if (cached?.key !== key) cached = { key, mask: rejectionRegion(n1, n2, alpha, table) }
  return cached.mask
}

function exactPower(n1: number, n2: number, p1: number, p2: number, alpha: number, table: LogFactorialTable): number {
  const mask = cachedRegion(n1, n2, alpha, table)
  const b2 = Array.from({ length: n2 + 1 }, (_, x) => Math.exp(logDbinom(x, n2, p2)))
  let power = 0
  for (let x1 = 0; x1 <= n1; x1++) {
    const b1 = Math.exp(logDbinom(x1, n1, p1))
    if (b1 === 0) continue
    let row = 0
    const base = x1 * (n2 + 1)
    for (let x2 = 0; x2 <= n2; x2++) if (mask[base + x2] === 1) row += b2[x2] ?? 0
    power += b1 * row
  }
  return Math.min(1, power)
}

/** Normal approximation (pooled-variance z-test of two proportions), for very large groups. */
function approximatePower(n1: number, n2: number, p1: number, p2: number, alpha: number): number {
  const pbar = (n1 * p1 + n2 * p2) / (n1 + n2)
  const se0 = Math.sqrt(pbar * (1 - pbar) * (1 / n1 + 1 / n2))
  const se1 = Math.sqrt((p1 * (1 - p1)) / n1 + (p2 * (1 - p2)) / n2)
  if (se1 === 0) return p1 === p2 ? 0 : 1
  const z = qnorm(1 - alpha / 2)
  const delta = p1 - p2
  return pnorm((delta - z * se0) / se1) + pnorm((-delta - z * se0) / se1)
}

export function fisherPower(n1: number, n2: number, p1: number, p2: number, options: PowerOptions = {}): PowerResult {
  checkGroup('n1', n1)
  checkGroup('n2', n2)
  checkRate('p1', p1)
  checkRate('p2', p2)
  const alpha = options.alpha ?? 0.05
  if (!(alpha > 0 && alpha < 1)) throw new RangeError(`fisherPower: alpha must be in (0, 1), got ${alpha}`)
  if ((n1 + 1) * (n2 + 1) > (options.exactCellLimit ?? EXACT_CELL_LIMIT)) {
    return { power: approximatePower(n1, n2, p1, p2, alpha), method: 'normal approximation (groups too large for exact enumeration)' }
  }
  return { power: exactPower(n1, n2, p1, p2, alpha, options.table ?? sharedLogFactorials), method: 'exact enumeration' }
}

export interface DetectableOddsRatios {
  /** Largest OR < 1 with power ≥ target (Infinity-safe: undefined when even p1 = 0 is underpowered). */
  readonly below: number | undefined
  /** Smallest OR > 1 with power ≥ target (undefined when even p1 = 1 is underpowered). */
  readonly above: number | undefined
  readonly power: number
  readonly alpha: number
  readonly method: PowerMethod
}

/**
 * Smallest detectable effects in both directions: bisection on the altered-group rate p1 (which
 * maps one-to-one to OR = p1(1−p2)/(p2(1−p1))) to 1e-6 in p1. Assumes power grows as p1 moves away
 * from p2, which holds for the conditional test apart from tiny discreteness wiggles; the value
 * returned always has power ≥ target.
 */
export function minDetectableOddsRatio(n1: number, n2: number, p2: number, power = 0.8, options: PowerOptions = {}): DetectableOddsRatios {
  if (!(p2 > 0 && p2 < 1)) throw new RangeError(`minDetectableOddsRatio: p2 must be in (0, 1), got ${p2}`)
  if (!(power > 0 && power < 1)) throw new RangeError(`minDetectableOddsRatio: power must be in (0, 1), got ${power}`)
  const alpha = options.alpha ?? 0.05
  const at = (p1: number) => fisherPower(n1, n2, p1, p2, options)
  const method = at(p2).method
  const toOr = (p1: number) => (p1 >= 1 ? Infinity : (p1 * (1 - p2)) / (p2 * (1 - p1)))
  const search = (far: number): number | undefined => {
    if (at(far).power < power) return undefined
    let near = p2 // power(near) < target (power at p2 is the size, ≤ α < target)
    let reach = far
    while (Math.abs(reach - near) > 1e-6) {
      const mid = (near + reach) / 2
      if (at(mid).power >= power) reach = mid
      else near = mid
    }
    return toOr(reach)
  }
  return { below: search(0), above: search(1), power, alpha, method }
}
