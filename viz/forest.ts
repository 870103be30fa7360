/**
 * Forest plot of odds ratios: rows → Scene (pure layout) → the shared SVG serializer. Log x axis,
 * one point + CI whisker per row, a reference line at OR = 1, and text columns for n altered /
 * assayed, OR [CI], p and q. A CI end at 0 or Inf (Fisher's CMLE interval with an empty cell) or
 * beyond the drawn range becomes an arrow at the axis edge, so "unbounded" is never drawn as a
 * finite number.
 */
import { scaleLog } from 'd3'
import type { AssociationRow } from '../src/scan/row.js'
import { orWithCi, sig } from './number-format.js'
import type { Group, PathCommand, Scene, Shape } from './scene.js'
import { toSvg } from './svg.js'
import { textWidth, truncate, widest } from './text.js'

export interface ForestRow {
  /** "feature — endpoint". */
  readonly label: string
  readonly or: number
  readonly lower: number
  readonly upper: number
  readonly p: number
  readonly q: number
  readonly n: { readonly altered: number; readonly assayed: number }
}

export interface ForestOptions {
  readonly title?: string | undefined
  readonly width?: number | undefined
  readonly fontSize?: number | undefined
  readonly fontFamily?: string | undefined
  /** The axis never extends past [1/maxRange, maxRange]; default 1000. */
  readonly maxRange?: number | undefined
  /** Column and axis titles, for hazard-ratio or logistic forests (defaults: the Fisher OR forest's). */
  readonly labels?: { readonly feature?: string; readonly count?: string; readonly effect?: string; readonly axis?: string } | undefined
  /** Leave out the q column (a multivariable model is one fit, not a screen). */
  readonly noQ?: boolean | undefined
}

const TEXT = '#222222'
const AXIS = '#555555'
const POINT = '#1F4E79'
const LABEL_MAX = 44
const ROW_H = 18

/**
 * Forest rows from association rows, labelled "feature — endpoint"; when one feature × endpoint has
 * several comparisons (categorical levels), the comparison is added so rows stay distinguishable.
 */
export function forestRows(rows: readonly AssociationRow[]): ForestRow[] {
  const seen = new Map<string, number>()
  const key = (r: AssociationRow): string => `${r.feature}\u0000${r.endpoint}`
  for (const r of rows) seen.set(key(r), (seen.get(key(r)) ?? 0) + 1)
  return rows.map((r) => ({
    label: (seen.get(key(r)) ?? 0) > 1 ? `${r.label} — ${r.endpoint} (${r.comparison})` : `${r.label} — ${r.endpoint}`,
    or: r.oddsRatio,
    lower: r.oddsRatioLower,
    upper: r.oddsRatioUpper,
    p: r.p,
    q: r.q,
    n: { altered: r.altered, assayed: r.assayed },
  }))
}

/** Log-axis domain covering every finite positive OR and CI end, always including 1. */
export function forestDomain(rows: readonly ForestRow[], maxRange = 1000): [number, number] {
  let lo = 1
  let hi = 1
  for (const r of rows) {
    for (const v of [r.or, r.lower, r.upper]) {
      if (!Number.isFinite(v) || v <= 0) continue
      lo = Math.min(lo, v)
      hi = Math.max(hi, v)
    }
  }
  lo = Math.max(lo, 1 / maxRange)
  hi = Math.min(hi, maxRange)
  // Round outwards to 1-2-5 steps so the axis ends on a labelled tick.
  const down = (v: number): number => {
    const e = 10 ** Math.floor(Math.log10(v) + 1e-9)
    return [5, 2, 1].map((k) => k * e).find((c) => c <= v * (1 + 1e-9)) ?? e
  }
  const up = (v: number): number => {
    const e = 10 ** Math.floor(Math.log10(v) - 1e-9)
    return [1, 2, 5, 10].map((k) => k * e).find((c) => c >= v * (1 - 1e-9)) ?? 10 * e
  }
  lo = lo >= 1 ? 0.5 : down(lo)
  hi = hi <= 1 ? 2 : up(hi)
  return [lo, hi]
}

/** Powers of ten inside the domain, plus 2× and 5× steps when that would leave fewer than 3 ticks. */
function logTicks(lo: number, hi: number): number[] {
  const out: number[] = []
  const inside = (v: number): boolean => v >= lo * (1 - 1e-9) && v <= hi * (1 + 1e-9)
  const e0 = Math.floor(Math.log10(lo)) - 1
  const e1 = Math.ceil(Math.log10(hi)) + 1
  const pow = (e: number): number => Number((10 ** e).toPrecision(12))
  for (let e = e0; e <= e1; e++) if (inside(pow(e))) out.push(pow(e))
  if (out.length < 3) {
    for (let e = e0; e <= e1; e++) for (const k of [2, 5]) if (inside(Number((k * 10 ** e).toPrecision(12)))) out.push(Number((k * 10 ** e).toPrecision(12)))
  }
  for (const v of [lo, hi]) if (!out.some((t) => Math.abs(t - v) <= v * 1e-9)) out.push(v)
  return out.sort((a, b) => a - b)
}

function arrow(x: number, y: number, dir: -1 | 1): PathCommand[] {
  return [{ op: 'M', x, y }, { op: 'L', x: x - dir * 7, y: y - 4 }, { op: 'L', x: x - dir * 7, y: y + 4 }, { op: 'Z' }]
}

/** Lay out a forest plot. Pure: equal inputs give equal scenes. */
export function layoutForest(rows: readonly ForestRow[], opts: ForestOptions = {}): Scene {
  const size = opts.fontSize ?? 11
  const width = opts.width ?? 900
  const [lo, hi] = forestDomain(rows, opts.maxRange ?? 1000)
  const L = { feature: opts.labels?.feature ?? 'Feature — endpoint', count: opts.labels?.count ?? 'altered/n', effect: opts.labels?.effect ?? 'OR [95% CI]', axis: opts.labels?.axis ?? 'Odds ratio (conditional MLE, log scale)' }
  const labels = rows.map((r) => truncate(r.label, LABEL_MAX))
  const labelW = widest(labels, size, textWidth(L.feature, size))
  const nW = widest(rows.map((r) => `${r.n.altered}/${r.n.assayed}`), size, textWidth(L.count, size))
  const orW = widest(rows.map((r) => orWithCi(r.or, r.lower, r.upper)), size, textWidth(L.effect, size))
  const pW = textWidth('0.000123', size)
  const margin = 12
  const nX = margin + labelW + 12 + nW
  const plotL = nX + 20
  // Text columns right of the plot: OR [CI], p, q (right-aligned). The plot takes what is left of
  // `width`, but never less than 120 px: long labels widen the figure instead of squashing it.
  const textCols = 16 + orW + 12 + pW + (opts.noQ ? 0 : 12 + pW) + margin
  const plotR = Math.max(plotL + 120, width - textCols)
  const right = plotR + textCols
  const cols = { or: plotR + 16 + orW, p: plotR + 16 + orW + 12 + pW, q: right - margin }
  const withQ = !opts.noQ

  const xs = scaleLog().domain([lo, hi]).range([plotL, plotR]).clamp(true)
  const x = (v: number): number => xs(v)
  const titleY = margin + size * 1.3
  const headY = titleY + (opts.title === undefined ? 0 : size * 1.8)
  const top = headY + 8
  const bottom = top + Math.max(1, rows.length) * ROW_H

  const head: Shape[] = []
  if (opts.title !== undefined) head.push({ kind: 'text', x: margin, y: titleY, text: opts.title, size: size * 1.2, anchor: 'start', fill: TEXT, weight: 'bold' })
  const hs = { size, fill: TEXT, weight: 'bold' as const }
  head.push({ kind: 'text', x: margin, y: headY, text: L.feature, anchor: 'start', ...hs })
  head.push({ kind: 'text', x: nX, y: headY, text: L.count, anchor: 'end', ...hs })
  head.push({ kind: 'text', x: cols.or, y: headY, text: L.effect, anchor: 'end', ...hs })
  head.push({ kind: 'text', x: cols.p, y: headY, text: 'p', anchor: 'end', ...hs })
  if (withQ) head.push({ kind: 'text', x: cols.q, y: headY, text: 'q', anchor: 'end', ...hs })
  const groups: Group[] = [{ id: 'forest-header', shapes: head }]

  const axis: Shape[] = [
    { kind: 'line', x1: plotL, y1: bottom, x2: plotR, y2: bottom, stroke: AXIS, strokeWidth: 1 },
    { kind: 'line', x1: x(1), y1: top, x2: x(1), y2: bottom, stroke: '#999999', strokeWidth: 1 },
  ]
  for (const t of logTicks(lo, hi)) {
    axis.push({ kind: 'line', x1: x(t), y1: bottom, x2: x(t), y2: bottom + 4, stroke: AXIS, strokeWidth: 1 })
    axis.push({ kind: 'text', x: x(t), y: bottom + 4 + size, text: sig(t), size: size * 0.9, anchor: 'middle', fill: TEXT })
  }
  axis.push({ kind: 'text', x: (plotL + plotR) / 2, y: bottom + 8 + size * 2.2, text: L.axis, size, anchor: 'middle', fill: TEXT })
  groups.push({ id: 'forest-axis', shapes: axis })

  rows.forEach((r, i) => {
    const cy = top + (i + 0.5) * ROW_H
    const ty = cy + size * 0.35
    const label = labels[i] ?? ''
    const shapes: Shape[] = [
      { kind: 'text', x: margin, y: ty, text: label, size, anchor: 'start', fill: TEXT, title: label === r.label ? undefined : r.label },
      { kind: 'text', x: nX, y: ty, text: `${r.n.altered}/${r.n.assayed}`, size, anchor: 'end', fill: TEXT },
      { kind: 'text', x: cols.or, y: ty, text: orWithCi(r.or, r.lower, r.upper), size, anchor: 'end', fill: TEXT },
      { kind: 'text', x: cols.p, y: ty, text: sig(r.p), size, anchor: 'end', fill: TEXT },
      ...(withQ ? [{ kind: 'text' as const, x: cols.q, y: ty, text: sig(r.q), size, anchor: 'end' as const, fill: TEXT }] : []),
    ]
    const ciKnown = !Number.isNaN(r.lower) && !Number.isNaN(r.upper)
    if (ciKnown) {
      const leftOpen = !(r.lower >= lo)
      const rightOpen = !(r.upper <= hi)
      const x0 = leftOpen ? plotL : x(r.lower)
      const x1 = rightOpen ? plotR : x(r.upper)
      shapes.push({ kind: 'line', x1: x0, y1: cy, x2: x1, y2: cy, stroke: POINT, strokeWidth: 1.5 })
      const heads: PathCommand[] = []
      if (leftOpen) heads.push(...arrow(plotL, cy, -1))
      if (rightOpen) heads.push(...arrow(plotR, cy, 1))
      if (heads.length > 0) shapes.push({ kind: 'path', d: heads, fill: POINT })
    }
    if (r.or > 0 && Number.isFinite(r.or) && r.or >= lo && r.or <= hi) shapes.push({ kind: 'rect', x: x(r.or) - 4, y: cy - 4, w: 8, h: 8, fill: POINT })
    groups.push({ id: 'forest-row', shapes, data: { label: r.label } })
  })

  return { width: right, height: bottom + 8 + size * 2.2 + margin, background: '#FFFFFF', fontFamily: opts.fontFamily ?? 'DejaVu Sans, Arial, Helvetica, sans-serif', title: opts.title, patterns: [], groups }
}

/** Forest plot as SVG text; deterministic bytes. */
export function forestSvg(rows: readonly ForestRow[], opts: ForestOptions = {}): string {
  return toSvg(layoutForest(rows, opts))
}
