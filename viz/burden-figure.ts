/**
 * The burden-by-response figure from a numeric feature (TMB, mutation count, a numeric clinical
 * column) and a binary response: one column per response group (the responders first), the
 * Wilcoxon rank-sum p (R wilcox.test: exact when R is exact, else normal with continuity and tie
 * correction) on the plot. Patients enter when they have both a value and a response; the others
 * are counted for the caller to state. With a log axis a value ≤ 0 is refused, never dropped.
 */
import type { BinaryEndpoint } from '../src/clinical/endpoints.js'
import { InputError, quote } from '../src/errors.js'
import type { NumericVector } from '../src/features/vector.js'
import { wilcoxonRankSum, type WilcoxonResult } from '../src/stats/wilcoxon.js'
import type { BurdenPlotInput } from './burden-plot.js'

export interface BurdenFigure {
  readonly input: BurdenPlotInput
  /** Patients drawn: responders, non-responders. */
  readonly n: readonly [number, number]
  /** Patients with a response but no value of the feature. */
  readonly noValue: number
  readonly wilcoxon: WilcoxonResult | undefined
}

const fmtP = (p: number) => (p < 0.001 ? p.toExponential(2) : p.toFixed(3))

export function burdenByResponse(v: NumericVector, ep: BinaryEndpoint, opts: { title?: string | undefined; yLabel?: string | undefined; log?: boolean | undefined } = {}): BurdenFigure {
  const groups: [number[], number[]] = [[], []]
  let noValue = 0
  for (const [s, y] of ep.values) {
    const x = v.values.get(s)
    if (x === undefined) noValue++
    else groups[y === 1 ? 0 : 1].push(x)
  }
  if (opts.log) {
    const bad = [...groups[0], ...groups[1]].filter((x) => !(x > 0)).length
    if (bad > 0) throw new InputError('BAD_VALUE', `--log: ${bad} value(s) of ${quote(v.label)} are ≤ 0 and have no place on a log axis`, { suggestion: 'drop --log' })
  }
  const [resp, rest] = groups
  const w = resp.length > 0 && rest.length > 0 ? wilcoxonRankSum(resp, rest) : undefined
  const unit = v.unit ? ` (${v.unit})` : ''
  // "responders (CR+PR)" → "CR+PR": the column is two groups wide, the codes are what readers know.
  const short = (label: string) => /\(([^()]+)\)$/.exec(label)?.[1] ?? label
  return {
    input: {
      title: opts.title ?? `${v.label} by ${ep.name}: ${short(ep.positive)} vs ${short(ep.negative)}`,
      yLabel: opts.yLabel ?? `${v.label}${unit}`,
      annotation: w ? `Wilcoxon rank-sum P = ${fmtP(w.p)} (${w.exact ? 'exact' : 'normal approx.'})` : 'Wilcoxon rank-sum: one group is empty',
      groups: [{ label: short(ep.positive), values: resp }, { label: short(ep.negative), values: rest }],
      log: opts.log,
    },
    n: [resp.length, rest.length],
    noValue,
    wilcoxon: w,
  }
}
