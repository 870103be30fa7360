/**
 * Burden by response: one column per response group, every patient a point (spread sideways by
 * a fixed low-discrepancy sequence, so the same data give the same picture), a box from Q1 to Q3
 * (R quantile type 7) with the median, whiskers to the most extreme values within 1.5 IQR
 * (Tukey, as R boxplot), the n under each group and the Wilcoxon p above. Optional log10 axis
 * (values must be > 0). Scene, then the shared serializer: escaped, fixed precision.
 */
import { scaleLinear, scaleLog } from 'd3'
import { quantile7 } from '../src/stats/quantile.js'
import type { Group, Scene, Shape } from './scene.js'
import { toSvg } from './svg.js'
import { truncate } from './text.js'

export interface BurdenGroup {
  readonly label: string
  readonly values: readonly number[]
  readonly color?: string | undefined
}

export interface BurdenPlotInput {
  readonly title: string
  readonly yLabel: string
  readonly groups: readonly BurdenGroup[]
  /** Pre-formatted test line, e.g. "Wilcoxon rank-sum P = 0.050". */
  readonly annotation?: string | undefined
  readonly log?: boolean | undefined
}

const TEXT = '#222222'
const AXIS = '#555555'
const COLORS = ['#1F77B4', '#D62728', '#2CA02C', '#FF7F0E', '#9467BD']

export function layoutBurden(input: BurdenPlotInput): Scene {
  const size = 11
  const margin = 14
  const plotL = 70
  const colW = 120
  const plotT = margin + 44
  const plotH = 300
  const plotB = plotT + plotH
  const plotR = plotL + colW * Math.max(1, input.groups.length)
  const all = input.groups.flatMap((g) => g.values).filter((v) => Number.isFinite(v) && (!input.log || v > 0))
  const lo = all.length ? Math.min(...all) : 0
  const hi = all.length ? Math.max(...all) : 1
  const y = input.log
    ? scaleLog().domain([lo > 0 ? lo / 1.2 : 1, hi * 1.2]).range([plotB, plotT]).nice()
    : scaleLinear().domain([Math.min(0, lo), hi === lo ? hi + 1 : hi]).range([plotB, plotT]).nice()
  const groups: Group[] = []
  const head: Shape[] = [{ kind: 'text', x: margin, y: margin + size * 1.2, text: input.title, size: size * 1.25, anchor: 'start', fill: TEXT, weight: 'bold' }]
  if (input.annotation) head.push({ kind: 'text', x: margin, y: margin + size * 3, text: input.annotation, size, anchor: 'start', fill: TEXT })
  groups.push({ id: 'burden-header', shapes: head })
  const axis: Shape[] = [
    { kind: 'line', x1: plotL, y1: plotT, x2: plotL, y2: plotB, stroke: AXIS, strokeWidth: 1 },
    { kind: 'line', x1: plotL, y1: plotB, x2: plotR, y2: plotB, stroke: AXIS, strokeWidth: 1 },
    { kind: 'text', x: 16, y: (plotT + plotB) / 2, text: input.yLabel, size, anchor: 'middle', fill: TEXT, rotate: -90 },
  ]
  const ticks = input.log ? y.ticks(5).filter((t) => Math.abs(Math.log10(t) - Math.round(Math.log10(t))) < 1e-9) : y.ticks(6)
  for (const t of ticks) {
    axis.push({ kind: 'line', x1: plotL - 4, y1: y(t), x2: plotL, y2: y(t), stroke: AXIS, strokeWidth: 1 })
    axis.push({ kind: 'text', x: plotL - 6, y: y(t) + size * 0.35, text: String(t), size: size * 0.9, anchor: 'end', fill: TEXT })
  }
  groups.push({ id: 'burden-axis', shapes: axis })
  input.groups.forEach((g, i) => {
    const cx = plotL + colW * (i + 0.5)
    const color = g.color ?? COLORS[i % COLORS.length] ?? '#1F77B4'
    const vs = g.values.filter((v) => Number.isFinite(v) && (!input.log || v > 0))
    const sorted = [...vs].sort((a, b) => a - b)
    const shapes: Shape[] = [{ kind: 'text', x: cx, y: plotB + size * 1.6, text: truncate(g.label, 18), size, anchor: 'middle', fill: TEXT, title: g.label }, { kind: 'text', x: cx, y: plotB + size * 3, text: `n = ${vs.length}`, size: size * 0.9, anchor: 'middle', fill: TEXT }]
    if (sorted.length > 0) {
      const q1 = quantile7(sorted, 0.25)
      const q2 = quantile7(sorted, 0.5)
      const q3 = quantile7(sorted, 0.75)
      const iqr = q3 - q1
      const wLo = sorted.find((v) => v >= q1 - 1.5 * iqr) ?? q1
      const wHi = [...sorted].reverse().find((v) => v <= q3 + 1.5 * iqr) ?? q3
      const bw = colW * 0.45
      shapes.push({ kind: 'line', x1: cx, y1: y(wLo), x2: cx, y2: y(q1), stroke: AXIS, strokeWidth: 1 })
      shapes.push({ kind: 'line', x1: cx, y1: y(q3), x2: cx, y2: y(wHi), stroke: AXIS, strokeWidth: 1 })
      shapes.push({ kind: 'rect', x: cx - bw / 2, y: y(q3), w: bw, h: Math.max(0.5, y(q1) - y(q3)), fill: '#FFFFFF', stroke: AXIS, strokeWidth: 1, opacity: 0.9 })
      shapes.push({ kind: 'line', x1: cx - bw / 2, y1: y(q2), x2: cx + bw / 2, y2: y(q2), stroke: TEXT, strokeWidth: 2 })
    }
    // Points in input order, offset by the golden-ratio sequence (deterministic, evenly spread).
    vs.forEach((v, k) => {
      const dx = (((k * 0.6180339887498949) % 1) - 0.5) * colW * 0.5
      shapes.push({ kind: 'rect', x: cx + dx - 2.5, y: y(v) - 2.5, w: 5, h: 5, fill: color, opacity: 0.75 })
    })
    groups.push({ id: 'burden-group', shapes, data: { group: g.label } })
  })
  return { width: plotR + margin, height: plotB + size * 4 + margin, background: '#FFFFFF', fontFamily: 'DejaVu Sans, Arial, Helvetica, sans-serif', title: input.title, patterns: [], groups }
}

export function burdenSvg(input: BurdenPlotInput): string {
  return toSvg(layoutBurden(input))
}
