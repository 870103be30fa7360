/**
 * Power for a feature's 2×2: what the cohort could have detected. Effect tested: the group-1 rate
 * among altered samples is half the observed wild-type rate ("response rate halved"), with the
 * observed group sizes; plus the odds ratios detectable with 80% power in either direction.
 */
import type { LogFactorialTable } from '../stats/log-factorial.js'
import { fisherPower, minDetectableOddsRatio } from '../stats/power.js'
import type { Table2x2 } from './groups.js'

export interface PowerResult {
  readonly power: number | undefined
  readonly effect: string
  readonly mdorLow: number | undefined
  readonly mdorHigh: number | undefined
}

export const POWER_ALPHA = 0.05
/**
 * Exact enumeration up to (n1+1)(n2+1) = 40,000 outcome pairs (e.g. 40 altered vs 975 wild-type):
 * every study-scale cohort; beyond it the labelled normal approximation keeps a registry-scale scan
 * over hundreds of features fast (exact costs ~1 s per feature near 4 million pairs).
 */
export const SCAN_EXACT_CELL_LIMIT = 40_000
export const POWER_TARGET = 0.8

export function powerFor(t: Table2x2, table?: LogFactorialTable): PowerResult | undefined {
  const n1 = t.a + t.b
  const n2 = t.c + t.d
  if (n1 === 0 || n2 === 0) return undefined
  const p2 = t.c / n2
  const p1 = p2 / 2
  const effect = `group-1 rate halved in altered (${(100 * p2).toFixed(1)}% → ${(100 * p1).toFixed(1)}%)`
  const power = p2 > 0 ? fisherPower(n1, n2, p1, p2, { alpha: POWER_ALPHA, table, exactCellLimit: SCAN_EXACT_CELL_LIMIT }).power : undefined
  const md = p2 > 0 && p2 < 1 ? minDetectableOddsRatio(n1, n2, p2, POWER_TARGET, { alpha: POWER_ALPHA, table, exactCellLimit: SCAN_EXACT_CELL_LIMIT }) : undefined
  return { power, effect, mdorLow: md?.below, mdorHigh: md?.above }
}
