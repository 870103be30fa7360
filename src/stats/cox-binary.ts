/**
 * coxph(Surv(time, event) ~ x) for ONE 0/1 covariate (the scan's altered indicator), over rows
 * already in time order: the same Newton driver as coxSorted (./cox.ts), with an evaluator that
 * knows every row holds one of two covariate values.
 *
 * Why it is bit-for-bit coxSorted's answer, not just close: with one centred 0/1 column, η, the
 * risk score r = exp(η − max η), r·x and r·x·x each take one value per group, computed by the
 * same expressions as cox-efron.ts computes them per row; the backward walk then adds those values
 * to the same accumulators in the same row order. A censored row adds +0 to the event sums
 * instead of skipping them, and x + (+0) is x for every accumulator here: they start at +0 and, in
 * round-to-nearest, a sum is −0 only when both terms are −0, so none ever holds −0. So no
 * floating-point operation that matters changes; test/stats/cox-binary.property.test.ts holds it to
 * exact equality with coxSorted on random data (ties, censoring, separation, tiny groups).
 *
 * What is saved per evaluation (5–10 per fit): no η, risk and x passes over Float64Arrays (three
 * 8-byte loads and two stores a row), no branch on the event flag, one byte read a row: each
 * row's code is group | event << 1 | (first row of its tied block) << 2, built once per fit.
 * Measured (2 cores loaded by other work, CPU time): 18 → 11 ms per fit at 150,000 rows with
 * 111,000 deaths. What is left is the floor of exact Efron sums: per death one log and three
 * divisions (~11 ns), per row nine additions; summing per tied block would be faster but would
 * move last bits, which the golden outputs' full-precision JSON shows.
 *
 * The log-likelihood at β = 0 is shared by fits whose rows have the same pattern (NullLoglik):
 * at β = 0 both η are 0 + 0·x = +0, max η = +0 and every risk exp(+0 − +0) is exactly 1; the
 * loglik accumulator then gets +0 from each event row (which leaves it unchanged: it starts at +0
 * and x − log(denom) is never −0 for x ≠ −0) and subtracts log(s0 − (l/d)·d0) per death, where
 * s0 counts the rows from the tied block to the end and d, d0 the block's deaths, all exact
 * integers. So, operation for operation, loglik(0) is a function of n and each row's event flag and
 * "first of its tied block" flag — not of x. A scan's features assayed on the same patients (one
 * panel set) have that pattern in common: their fits skip the logs of the first evaluation.
 */
import { coxNewton, type CoxOptions, type CoxResult } from './cox.js'
import type { Derivatives } from './cox-efron.js'

const START = 4

/**
 * Fit rows in time order (tied times adjacent, in the order whose sums should be reproduced) with
 * the covariate x ∈ {0, 1}, centred by its mean as coxph does. Same result as
 * `coxSorted({ time, event, x: x − mean(x), p: 1 })`, with no per-row allocation per evaluation.
 * `scratch` (at least n bytes, reused across fits) holds the row codes; without it they are allocated
 * (at 158,728 rows that array was most of the scan's garbage collection).
 */
export function coxBinarySorted(time: Float64Array, event: Uint8Array, x: Uint8Array, options: CoxOptions = {}, scratch?: Uint8Array, nulls?: NullLoglik): CoxResult {
  const n = time.length
  if (event.length !== n || x.length !== n) throw new RangeError(`coxBinarySorted: ${n} times, ${event.length} events, ${x.length} covariate values`)
  const codes = scratch !== undefined && scratch.length >= n ? scratch.subarray(0, n) : new Uint8Array(n)
  let ones = 0
  let events = 0
  for (let k = 0; k < n; k++) {
    const g = x[k] as number
    const e = event[k] as number
    if (g > 1 || e > 1) throw new RangeError(`coxBinarySorted: row ${k}: covariate ${g} and event ${e} must be 0 or 1`)
    ones += g
    events += e
    codes[k] = g | (e << 1) | (k === 0 || time[k] !== time[k - 1] ? START : 0)
  }
  // columnMeans sums the 0/1 column in row order: an exact integer count, then one division.
  let s = 0
  s += ones
  const mean = s / n
  const xv = [0 - mean, 1 - mean] as const
  const present = [n - ones > 0, ones > 0] as const
  const tables = new Float64Array(9 * 4)
  const known = nulls?.find(codes, events)
  return coxNewton(
    (beta) => {
      const b = beta[0] as number
      if (b !== 0 || nulls === undefined) return evaluate(b, codes, xv, present, tables, true)
      if (known !== undefined) return { ...evaluate(b, codes, xv, present, tables, false), loglik: known }
      const d = evaluate(b, codes, xv, present, tables, true)
      nulls.add(codes, events, d.loglik)
      return d
    },
    { n, p: 1, events },
    options,
  )
}

/**
 * Log-likelihoods at β = 0 by row pattern (each row's code without its group bit), for fits over
 * the same rows' times and events with different groups (see the file comment for why they are
 * equal bit for bit). Keeps the first `max` patterns; a lookup is one pass over the codes.
 */
export class NullLoglik {
  private readonly entries: { pattern: Uint8Array; events: number; loglik: number }[] = []
  constructor(private readonly max = 8) {}

  find(codes: Uint8Array, events: number): number | undefined {
    for (const e of this.entries) {
      if (e.pattern.length !== codes.length || e.events !== events) continue
      const p = e.pattern
      let k = 0
      while (k < codes.length && (codes[k] as number) >> 1 === p[k]) k++
      if (k === codes.length) return e.loglik
    }
    return undefined
  }

  add(codes: Uint8Array, events: number, loglik: number): void {
    if (this.entries.length >= this.max || this.find(codes, events) !== undefined) return
    this.entries.push({ pattern: Uint8Array.from(codes, (c) => c >> 1), events, loglik })
  }
}

/**
 * cox-efron.ts's accumulate1 at β, over the codes (without the logs of the denominators when
 * `withLog` is false: the caller knows the log-likelihood, NullLoglik). The tables hold, per code & 3 (group | event << 1):
 * r, r·x, r·x·x for every row; and 1, r, η − max η, x, r·x, r·x·x for an event row, +0 for a
 * censored one. Each expression is cox-efron.ts's own (η = 0 + β·x as linearPredictor sums it).
 */
function evaluate(b: number, codes: Uint8Array, xv: readonly [number, number], present: readonly [boolean, boolean], t: Float64Array, withLog: boolean): Derivatives {
  const eta0 = 0 + b * xv[0]
  const eta1 = 0 + b * xv[1]
  // linearPredictor's running max over the rows: order-free here (η is never −0, being 0 + β·x,
  // and a NaN η never wins a > comparison), so the groups present give the same answer.
  let etaMax = -Infinity
  if (present[0] && eta0 > etaMax) etaMax = eta0
  if (present[1] && eta1 > etaMax) etaMax = eta1
  for (let g = 0; g < 2; g++) {
    const xa = xv[g] as number
    const eta = g === 0 ? eta0 : eta1
    const r = Math.exp(eta - etaMax)
    const rx = r * xa
    const rxx = r * xa * xa
    for (let e = 0; e < 2; e++) {
      const c = g | (e << 1)
      t[c] = r
      t[4 + c] = rx
      t[8 + c] = rxx
      t[12 + c] = e
      t[16 + c] = e === 1 ? r : 0
      t[20 + c] = e === 1 ? eta - etaMax : 0
      t[24 + c] = e === 1 ? xa : 0
      t[28 + c] = e === 1 ? rx : 0
      t[32 + c] = e === 1 ? rxx : 0
    }
  }
  let loglik = 0
  let u = 0
  let imat = 0
  let s0 = 0
  let s1 = 0
  let s2 = 0
  let d = 0
  let d0 = 0
  let d1 = 0
  let d2 = 0
  for (let k = codes.length - 1; k >= 0; k--) {
    const code = codes[k] as number
    const c = code & 3
    s0 += t[c] as number
    s1 += t[4 + c] as number
    s2 += t[8 + c] as number
    d += t[12 + c] as number
    d0 += t[16 + c] as number
    loglik += t[20 + c] as number
    u += t[24 + c] as number
    d1 += t[28 + c] as number
    d2 += t[32 + c] as number
    if (code < START) continue
    // The first row of a tied block (walking back): score its d deaths as accumulate1 does.
    for (let l = 0; l < d; l++) {
      const frac = l / d
      const denom = s0 - frac * d0
      if (withLog) loglik -= Math.log(denom)
      const mean = (s1 - frac * d1) / denom
      u = u - mean
      const second = (s2 - frac * d2) / denom
      imat = imat + second - mean * mean
    }
    d = 0
    d0 = 0
    d1 = 0
    d2 = 0
  }
  return { loglik, u: [u], imat: [[imat]] }
}
