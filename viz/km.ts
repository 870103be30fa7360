/**
 * Kaplan–Meier plot: curves → Scene (pure layout) → the shared SVG serializer. Step curves with
 * censor ticks, optional pointwise CI bands, a legend with n and median per group, caller-supplied
 * annotation lines (log-rank p, HR) and a numbers-at-risk table aligned to the x ticks.
 *
 * The curve arrays follow R's survfit: `times` are the distinct observed times (events and
 * censorings) in increasing order, `surv[i]` is S(t) on [times[i], times[i+1]), `nRisk[i]` is the
 * number still at risk just before times[i] (#{T ≥ times[i]}).
 */
import { scaleLinear } from 'd3'
import { firstBelowHalf, type KaplanMeier } from '../src/stats/km.js'
import type { Group, PathCommand, Scene, Shape } from './scene.js'
import { sig } from './number-format.js'
import { toSvg } from './svg.js'
import { fitText } from './fit-text.js'
import { textWidth, truncate, widest } from './text.js'

export interface KmCurve {
  readonly label: string
  readonly times: readonly number[]
  readonly surv: readonly number[]
  readonly lower?: readonly number[] | undefined
  readonly upper?: readonly number[] | undefined
  readonly nRisk: readonly number[]
  readonly censorTimes: readonly number[]
  /** Group size; default nRisk[0]. */
  readonly n?: number | undefined
  /** Median survival when the caller computed it; default: R's quantile.survfit rule on `surv`. */
  readonly median?: number | undefined
  /** Curve colour; default: the group's slot in KM_COLORS. */
  readonly color?: string | undefined
}

export interface KmPlotInput {
  readonly title: string
  readonly curves: readonly KmCurve[]
  /** Pre-formatted statistics lines, e.g. "Log-rank p = 0.012", "HR 2.31 (95% CI 1.02–5.20)". */
  readonly annotations?: readonly string[] | undefined
  /** Axis title; default "Time". */
  readonly timeLabel?: string | undefined
  /** Unit printed after the median in the legend, e.g. "mo". */
  readonly unit?: string | undefined
  readonly showCi?: boolean | undefined
}

export interface KmLayoutOptions {
  readonly width?: number | undefined
  readonly plotHeight?: number | undefined
  readonly fontSize?: number | undefined
  readonly fontFamily?: string | undefined
}

/** Group colours by position: altered first (red), wild type second (blue), then d3 category10. */
export const KM_COLORS: readonly string[] = ['#D62728', '#1F77B4', '#2CA02C', '#FF7F0E', '#9467BD', '#8C564B', '#E377C2', '#7F7F7F', '#BCBD22', '#17BECF']

const LABEL_MAX = 48
const TEXT = '#222222'
const AXIS = '#555555'
/**
 * Median as R's print.survfit reports it (first time S(t) < 0.5, midpoint of a flat stretch at
 * exactly 0.5); undefined when not reached.
 */
export function kmMedian(times: readonly number[], surv: readonly number[]): number | undefined {
  const m = firstBelowHalf(times, surv)
  return Number.isNaN(m) ? undefined : m
}

/** A plot curve from the statistics engine's Kaplan–Meier estimate (R survfit semantics). */
export function kmCurve(label: string, km: KaplanMeier, color?: string): KmCurve {
  const steps = km.steps
  return {
    label,
    times: steps.map((s) => s.time),
    surv: steps.map((s) => s.surv),
    lower: steps.map((s) => s.lower),
    upper: steps.map((s) => s.upper),
    nRisk: steps.map((s) => s.nRisk),
    censorTimes: steps.filter((s) => s.nCensor > 0).map((s) => s.time),
    n: km.n,
    median: Number.isNaN(km.median.estimate) ? undefined : km.median.estimate,
    color,
  }
}

/** Number at risk at time t: #{T ≥ t}, read from the first listed time ≥ t (0 past the end). */
export function nAtRisk(c: KmCurve, t: number): number {
  const i = c.times.findIndex((x) => x >= t)
  return i < 0 ? 0 : (c.nRisk[i] ?? 0)
}

/** S(t) for a right-continuous step curve that starts at 1. */
function survAt(c: KmCurve, t: number): number {
  let s = 1
  for (let i = 0; i < c.times.length && (c.times[i] ?? Infinity) <= t; i++) s = c.surv[i] ?? s
  return s
}

/** "label (n=6): median 3.1 mo"; always starts with the label. */
export function legendText(c: KmCurve, unit: string | undefined): string {
  const n = c.n ?? c.nRisk[0] ?? 0
  const med = c.median ?? kmMedian(c.times, c.surv)
  const m = med === undefined ? 'not reached' : `${sig(med)}${unit === undefined || unit === '' ? '' : ` ${unit}`}`
  return `${c.label} (n=${n}): median ${m}`
}

function checkCurve(c: KmCurve): void {
  const k = c.times.length
  const same = [c.surv, c.nRisk, c.lower ?? c.surv, c.upper ?? c.surv].every((a) => a.length === k)
  if (!same) throw new RangeError(`KM curve "${c.label}": times, surv, nRisk, lower and upper must have the same length`)
  for (let i = 1; i < k; i++) if (!((c.times[i] ?? 0) > (c.times[i - 1] ?? 0))) throw new RangeError(`KM curve "${c.label}": times must increase`)
}

function stepPath(c: KmCurve, x: (t: number) => number, y: (s: number) => number, values: readonly number[]): PathCommand[] {
  const d: PathCommand[] = [{ op: 'M', x: x(0), y: y(1) }]
  c.times.forEach((t, i) => {
    const v = values[i] ?? NaN
    if (!Number.isFinite(v)) return
    d.push({ op: 'H', x: x(t) }, { op: 'V', y: y(v) })
  })
  return d
}

/**
 * CI band as one translucent rect per step interval (the band is constant between listed times);
 * like R's plot.survfit it stops at the curve's last listed time.
 */
function bandRects(c: KmCurve, x: (t: number) => number, y: (s: number) => number, color: string): Shape[] {
  const out: Shape[] = []
  const lo = c.lower
  const hi = c.upper
  if (lo === undefined || hi === undefined) return out
  c.times.forEach((t, i) => {
    const l = lo[i] ?? NaN
    const u = hi[i] ?? NaN
    if (!Number.isFinite(l) || !Number.isFinite(u) || u <= l) return
    const x1 = x(c.times[i + 1] ?? t)
    if (x1 <= x(t)) return
    out.push({ kind: 'rect', x: x(t), y: y(u), w: x1 - x(t), h: y(l) - y(u), fill: color, opacity: 0.15 })
  })
  return out
}

/** Lay out a Kaplan–Meier plot. Pure: equal inputs give equal scenes. */
export function layoutKm(input: KmPlotInput, opts: KmLayoutOptions = {}): Scene {
  input.curves.forEach(checkCurve)
  const size = opts.fontSize ?? 11
  const width = opts.width ?? 640
  const plotH = opts.plotHeight ?? 260
  const curves = input.curves
  const labels = curves.map((c) => truncate(c.label, LABEL_MAX))
  const labelW = widest(labels, size * 0.9, textWidth('Number at risk', size * 0.9))
  const left = Math.max(56, Math.min(labelW + 28, width * 0.35))
  const right = width - 24
  let y = 12 + size * 1.3
  // Header text is fitted to the figure width (the full text stays in a <title> when cut); bold
  // glyphs are ~10% wider than the regular advances textWidth assumes.
  const room = width - 12 - left
  const fitted = (text: string, sz: number, w: number): { text: string; title: string | undefined } => {
    const t = fitText(text, sz, w)
    return { text: t, title: t === text ? undefined : text }
  }
  const groups: Group[] = [{ id: 'km-title', shapes: [{ kind: 'text', x: left, y, ...fitted(input.title, size * 1.2 * 1.1, room), size: size * 1.2, anchor: 'start', fill: TEXT, weight: 'bold' }] }]

  const notes: Shape[] = []
  for (const a of input.annotations ?? []) {
    y += size * 1.4
    notes.push({ kind: 'text', x: left, y, ...fitted(a, size, room), size, anchor: 'start', fill: TEXT })
  }
  groups.push({ id: 'km-annotations', shapes: notes })

  const colors = curves.map((c, i) => c.color ?? KM_COLORS[i % KM_COLORS.length] ?? '#000000')
  const legend: Shape[] = []
  curves.forEach((c, i) => {
    y += size * 1.5
    const full = legendText(c, input.unit)
    const suffix = full.slice(c.label.length)
    const text = fitText(c.label, size, room - 24 - textWidth(suffix, size)) + suffix
    legend.push({ kind: 'line', x1: left, y1: y - size * 0.35, x2: left + 18, y2: y - size * 0.35, stroke: colors[i] ?? '#000000', strokeWidth: 2.5 })
    legend.push({ kind: 'text', x: left + 24, y, text, size, anchor: 'start', fill: TEXT, title: text === full ? undefined : full })
  })
  groups.push({ id: 'km-legend', shapes: legend })

  const top = y + size * 1.2
  const bottom = top + plotH
  let tMax = 0
  for (const c of curves) for (const t of [...c.times, ...c.censorTimes]) if (Number.isFinite(t)) tMax = Math.max(tMax, t)
  const xs = scaleLinear()
    .domain([0, tMax > 0 ? tMax : 1])
    .range([left, right])
    .nice(6)
  const ys = scaleLinear().domain([0, 1]).range([bottom, top])
  const x = (t: number): number => xs(t)
  const yv = (s: number): number => ys(Math.min(1, Math.max(0, s)))
  const xTicks = xs.ticks(6)
  const xFmt = xs.tickFormat(6)

  const axes: Shape[] = [
    { kind: 'line', x1: left, y1: bottom, x2: right, y2: bottom, stroke: AXIS, strokeWidth: 1 },
    { kind: 'line', x1: left, y1: top, x2: left, y2: bottom, stroke: AXIS, strokeWidth: 1 },
  ]
  for (const v of ys.ticks(5)) {
    axes.push({ kind: 'line', x1: left - 4, y1: ys(v), x2: left, y2: ys(v), stroke: AXIS, strokeWidth: 1 })
    axes.push({ kind: 'text', x: left - 6, y: ys(v) + size * 0.35, text: v.toFixed(1), size: size * 0.9, anchor: 'end', fill: TEXT })
  }
  for (const t of xTicks) {
    axes.push({ kind: 'line', x1: x(t), y1: bottom, x2: x(t), y2: bottom + 4, stroke: AXIS, strokeWidth: 1 })
    axes.push({ kind: 'text', x: x(t), y: bottom + 4 + size, text: xFmt(t), size: size * 0.9, anchor: 'middle', fill: TEXT })
  }
  axes.push({ kind: 'text', x: (left + right) / 2, y: bottom + 8 + size * 2.2, text: input.timeLabel ?? 'Time', size, anchor: 'middle', fill: TEXT })
  axes.push({ kind: 'text', x: 14, y: (top + bottom) / 2, text: 'Survival probability', size, anchor: 'middle', fill: TEXT, rotate: -90 })
  groups.push({ id: 'km-axes', shapes: axes })

  if (input.showCi !== false) {
    const bands = curves.flatMap((c, i) => bandRects(c, x, yv, colors[i] ?? '#000000'))
    if (bands.length > 0) groups.push({ id: 'km-ci', shapes: bands })
  }
  curves.forEach((c, i) => {
    const color = colors[i] ?? '#000000'
    const shapes: Shape[] = [{ kind: 'path', d: stepPath(c, x, yv, c.surv), fill: 'none', stroke: color, strokeWidth: 2 }]
    const ticks: PathCommand[] = []
    for (const t of c.censorTimes) {
      if (!Number.isFinite(t)) continue
      const cy = yv(survAt(c, t))
      ticks.push({ op: 'M', x: x(t), y: cy - 4 }, { op: 'V', y: cy + 4 })
    }
    if (ticks.length > 0) shapes.push({ kind: 'path', d: ticks, fill: 'none', stroke: color, strokeWidth: 1.2 })
    groups.push({ id: 'km-curve', shapes, data: { group: c.label, n: String(c.n ?? c.nRisk[0] ?? 0) } })
  })

  // Numbers at risk: one row per group, one column per x tick, as survminer's risk table prints them.
  let ry = bottom + 8 + size * 4
  const risk: Shape[] = [{ kind: 'text', x: 8, y: ry, text: 'Number at risk', size: size * 0.9, anchor: 'start', fill: TEXT, weight: 'bold' }]
  curves.forEach((c, i) => {
    ry += size * 1.4
    const full = c.label
    const text = fitText(full, size * 0.9, left - 22)
    risk.push({ kind: 'text', x: left - 14, y: ry, text, size: size * 0.9, anchor: 'end', fill: colors[i] ?? TEXT, title: text === full ? undefined : full })
    for (const t of xTicks) risk.push({ kind: 'text', x: x(t), y: ry, text: String(nAtRisk(c, t)), size: size * 0.9, anchor: 'middle', fill: TEXT })
  })
  groups.push({ id: 'km-risk', shapes: risk })

  return { width, height: ry + 14, background: '#FFFFFF', fontFamily: opts.fontFamily ?? 'DejaVu Sans, Arial, Helvetica, sans-serif', title: input.title, patterns: [], groups }
}

/** Kaplan–Meier plot as SVG text; deterministic bytes. */
export function kmSvg(input: KmPlotInput, opts: KmLayoutOptions = {}): string {
  return toSvg(layoutKm(input, opts))
}
