/**
 * Shared validation for right-censored survival data: time must be a finite number, event must be
 * 0/1 or a boolean (1/true = event, 0/false = censored), as R's Surv(time, event).
 *
 * The estimators (km.ts, logrank.ts, cox.ts) each have a core that takes rows already in time
 * order; their public functions validate, sort once (O(n log n)) and call it. A caller that scans
 * many groupings of the same samples (scan-survival.ts) sorts once and calls the cores directly.
 */

export type EventFlag = boolean | 0 | 1

export interface SurvivalData {
  readonly time: Float64Array
  /** 1 = event, 0 = censored */
  readonly event: Uint8Array
}

export function survivalData(time: readonly number[], event: readonly EventFlag[], what: string): SurvivalData {
  if (time.length !== event.length) {
    throw new RangeError(`${what}: time has ${time.length} values but event has ${event.length}`)
  }
  const t = new Float64Array(time.length)
  const e = new Uint8Array(time.length)
  for (let i = 0; i < time.length; i++) {
    const ti = time[i]
    const ei = event[i]
    if (typeof ti !== 'number' || !Number.isFinite(ti)) throw new RangeError(`${what}: time[${i}] must be a finite number, got ${String(ti)}`)
    if (ei !== 0 && ei !== 1 && ei !== true && ei !== false) {
      throw new RangeError(`${what}: event[${i}] must be 0/1 or a boolean, got ${String(ei)}`)
    }
    t[i] = ti
    e[i] = ei === true || ei === 1 ? 1 : 0
  }
  return { time: t, event: e }
}

/** Indices sorted by time ascending (ties by input order, so results are deterministic). */
export function orderByTime(time: Float64Array): number[] {
  return Array.from(time.keys()).sort((i, j) => (time[i] ?? 0) - (time[j] ?? 0) || i - j)
}

/** The data with its rows in `orderByTime` order (tied times keep input order). */
export function sortByTime(data: SurvivalData): SurvivalData & { readonly order: readonly number[] } {
  const order = orderByTime(data.time)
  const time = new Float64Array(order.length)
  const event = new Uint8Array(order.length)
  order.forEach((i, k) => {
    time[k] = data.time[i] ?? 0
    event[k] = data.event[i] ?? 0
  })
  return { time, event, order }
}
