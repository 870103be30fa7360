/**
 * Swimmer plot (the founding study's Supplementary Fig. 2): one horizontal bar per patient, its
 * length the time on treatment or to progression; the bar coloured by best response (RECIST
 * colours); a diamond at the time the best response was seen; a mark at the bar's end when the
 * event happened (progression or death) and an arrow when the patient was still on treatment or
 * censored; patients sorted by time, longest on top. Data → Scene → the shared serializer.
 */
import { scaleLinear } from 'd3'
import type { Group, PathCommand, Scene, Shape } from './scene.js'
import { textWidth, truncate } from './text.js'
import { RESPONSE_COLORS } from './tracks.js'

export interface SwimmerRow {
  readonly id: string
  readonly time: number
  /** RECIST code (CR/PR/SD/PD/NE) or undefined when unknown. */
  readonly response?: string | undefined
  /** When the best response was seen, on the same time scale. */
  readonly responseTime?: number | undefined
  /** true: the bar ends with the event; false: censored / ongoing (arrow); undefined: not known. */
  readonly event?: boolean | undefined
  /** A second event inside the bar (e.g. death after progression), on the same time scale. */
  readonly death?: number | undefined
}

export interface SwimmerOptions {
  readonly title?: string | undefined
  /** Axis title, e.g. "Time on treatment (months)". */
  readonly timeLabel?: string | undefined
  readonly eventLabel?: string | undefined
  readonly fontSize?: number | undefined
  readonly fontFamily?: string | undefined
  readonly width?: number | undefined
  readonly notes?: readonly string[] | undefined
}

const TEXT = '#222222'
const AXIS = '#555555'
const UNKNOWN = '#BDBDBD'
const LABEL_MAX = 24

const RECIST = ['CR', 'PR', 'SD', 'PD', 'NE'] as const

function color(code: string | undefined): string {
  return (code === undefined ? undefined : RESPONSE_COLORS[code]) ?? UNKNOWN
}

/** Longest first; ties by id (code-unit order), so the order is fixed. */
export function swimmerOrder(rows: readonly SwimmerRow[]): SwimmerRow[] {
  return [...rows].sort((a, b) => b.time - a.time || (a.id < b.id ? -1 : a.id > b.id ? 1 : 0))
}

export function layoutSwimmer(input: readonly SwimmerRow[], opts: SwimmerOptions = {}): Scene {
  const rows = swimmerOrder(input)
  const size = opts.fontSize ?? 11
  const width = opts.width ?? 860
  const margin = 12
  const rowH = Math.max(6, Math.min(16, Math.floor(900 / Math.max(1, rows.length))))
  const showIds = rowH >= size * 0.8
  const labelW = showIds ? rows.reduce((a, r) => Math.max(a, textWidth(truncate(r.id, LABEL_MAX), size * 0.85)), 0) + 8 : 0
  const left = margin + labelW + 4
  const right = width - margin - 14
  const max = Math.max(1e-9, rows.reduce((a, r) => Math.max(a, r.time, r.death ?? 0), 0))
  const x = scaleLinear().domain([0, max]).range([left, right]).nice()
  const title = opts.title ?? `Swimmer plot: ${rows.length} patients`
  let y = margin + size * 1.3
  const head: Shape[] = [{ kind: 'text', x: margin, y, text: title, size: size * 1.25, anchor: 'start', fill: TEXT, weight: 'bold' }]
  for (const n of opts.notes ?? []) {
    y += size * 1.4
    const shown = truncate(n, Math.floor((width - 2 * margin) / (size * 0.9 * 0.6)))
    head.push({ kind: 'text', x: margin, y, text: shown, size: size * 0.9, anchor: 'start', fill: TEXT, title: shown === n ? undefined : n })
  }
  const groups: Group[] = [{ id: 'swimmer-title', shapes: head }]
  const top = y + size
  const byColor = new Map<string, number[]>()
  const labels: Shape[] = []
  const marks: Shape[] = []
  const ends: PathCommand[] = []
  const arrows: PathCommand[] = []
  rows.forEach((r, i) => {
    const yy = top + i * rowH
    const h = rowH * 0.7
    const c = color(r.response)
    let list = byColor.get(c)
    if (list === undefined) byColor.set(c, (list = []))
    list.push(x(0), yy + (rowH - h) / 2, Math.max(0.5, x(r.time) - x(0)), h)
    if (showIds) labels.push({ kind: 'text', x: left - 6, y: yy + rowH / 2 + size * 0.3, text: truncate(r.id, LABEL_MAX), size: size * 0.85, anchor: 'end', fill: TEXT, title: r.id.length > LABEL_MAX ? r.id : undefined })
    const cy = yy + rowH / 2
    if (r.responseTime !== undefined && r.response !== undefined) {
      const cx = x(r.responseTime)
      const d = h * 0.45
      marks.push({ kind: 'path', d: [{ op: 'M', x: cx, y: cy - d }, { op: 'L', x: cx + d, y: cy }, { op: 'L', x: cx, y: cy + d }, { op: 'L', x: cx - d, y: cy }, { op: 'Z' }], fill: '#FFFFFF', stroke: TEXT, strokeWidth: 0.8 })
    }
    const ex = x(r.time)
    if (r.event === true) ends.push({ op: 'M', x: ex - h * 0.35, y: cy - h * 0.35 }, { op: 'L', x: ex + h * 0.35, y: cy + h * 0.35 }, { op: 'M', x: ex - h * 0.35, y: cy + h * 0.35 }, { op: 'L', x: ex + h * 0.35, y: cy - h * 0.35 })
    else if (r.event === false) arrows.push({ op: 'M', x: ex + 2, y: cy - h * 0.45 }, { op: 'L', x: ex + 2 + h * 0.7, y: cy }, { op: 'L', x: ex + 2, y: cy + h * 0.45 }, { op: 'Z' })
    if (r.death !== undefined) marks.push({ kind: 'circle', cx: x(r.death), cy, r: h * 0.3, fill: TEXT })
  })
  const colors = [...new Set([...RECIST.map((c) => color(c)), UNKNOWN])]
  groups.push({ id: 'bars', shapes: colors.filter((c) => byColor.has(c)).map((c) => ({ kind: 'rects', rects: byColor.get(c) ?? [], fill: c })) })
  groups.push({ id: 'ids', shapes: labels })
  groups.push({ id: 'marks', shapes: [...marks, ...(ends.length > 0 ? [{ kind: 'path' as const, d: ends, fill: 'none', stroke: TEXT, strokeWidth: 1.4 }] : []), ...(arrows.length > 0 ? [{ kind: 'path' as const, d: arrows, fill: TEXT }] : [])] })

  const bottom = top + rows.length * rowH + 4
  const axis: Shape[] = [{ kind: 'line', x1: x(0), y1: bottom, x2: right, y2: bottom, stroke: AXIS, strokeWidth: 0.75 }]
  for (const t of x.ticks(8)) {
    axis.push({ kind: 'line', x1: x(t), y1: bottom, x2: x(t), y2: bottom + 4, stroke: AXIS, strokeWidth: 0.75 })
    axis.push({ kind: 'text', x: x(t), y: bottom + 6 + size, text: String(t), size: size * 0.9, anchor: 'middle', fill: TEXT })
  }
  axis.push({ kind: 'text', x: (left + right) / 2, y: bottom + 10 + size * 2.1, text: opts.timeLabel ?? 'Time', size, anchor: 'middle', fill: TEXT })
  groups.push({ id: 'axis', shapes: axis })

  // Legend: the responses present, then the marks used.
  const legend: Shape[] = []
  let lx = margin
  const ly = bottom + size * 4.6
  const item = (draw: Shape, text: string): void => {
    legend.push(draw, { kind: 'text', x: lx + 16, y: ly, text, size, anchor: 'start', fill: TEXT })
    lx += 16 + textWidth(text, size) + 14
  }
  const present = new Set(rows.map((r) => r.response ?? ''))
  for (const code of RECIST) if (present.has(code)) item({ kind: 'rect', x: lx, y: ly - size * 0.8, w: 12, h: 10, fill: color(code) }, code)
  if (rows.some((r) => color(r.response) === UNKNOWN)) item({ kind: 'rect', x: lx, y: ly - size * 0.8, w: 12, h: 10, fill: UNKNOWN }, 'response unknown')
  if (marks.some((m) => m.kind === 'path')) item({ kind: 'path', d: [{ op: 'M', x: lx + 6, y: ly - 9 }, { op: 'L', x: lx + 11, y: ly - 4 }, { op: 'L', x: lx + 6, y: ly + 1 }, { op: 'L', x: lx + 1, y: ly - 4 }, { op: 'Z' }], fill: '#FFFFFF', stroke: TEXT, strokeWidth: 0.8 }, 'best response seen')
  if (ends.length > 0) item({ kind: 'path', d: [{ op: 'M', x: lx + 2, y: ly - 8 }, { op: 'L', x: lx + 10, y: ly }, { op: 'M', x: lx + 2, y: ly }, { op: 'L', x: lx + 10, y: ly - 8 }], fill: 'none', stroke: TEXT, strokeWidth: 1.4 }, opts.eventLabel ?? 'event')
  if (arrows.length > 0) item({ kind: 'path', d: [{ op: 'M', x: lx + 2, y: ly - 9 }, { op: 'L', x: lx + 10, y: ly - 4 }, { op: 'L', x: lx + 2, y: ly + 1 }, { op: 'Z' }], fill: TEXT }, 'ongoing / censored')
  if (marks.some((m) => m.kind === 'circle')) item({ kind: 'circle', cx: lx + 6, cy: ly - 4, r: 3.5, fill: TEXT }, 'death')
  groups.push({ id: 'legend', shapes: legend })
  return { width: Math.max(width, lx + margin), height: ly + size + margin, background: '#FFFFFF', fontFamily: opts.fontFamily ?? 'Helvetica, Arial, sans-serif', title, patterns: [], groups }
}
