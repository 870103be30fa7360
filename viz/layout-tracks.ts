/**
 * Clinical tracks under the matrix: categorical values as coloured cells, numeric values as bars
 * (0 to the track maximum), censored times marked with a "+" above the bar (the survival-plot
 * convention), missing values hatched like not-assayed cells (both mean "no data").
 */
import { colX, type Frame } from './frame.js'
import { barFraction } from './layout-bars.js'
import { NA_PATTERN_ID } from './layout-matrix.js'
import type { Group, PathCommand, Shape } from './scene.js'
import { NUMERIC_COLOR, type Track } from './tracks.js'

export const CENSOR_COLOR = '#000000'

export function trackGroup(f: Frame, t: Track, y: number, h: number, labelX: number, log = false): Group {
  const shapes: Shape[] = []
  const w = f.cellW - f.colGap
  const size = f.theme.fontSize
  shapes.push({ kind: 'text', x: labelX, y: y + h / 2 + size * 0.35, text: t.column, size, anchor: 'end', fill: f.theme.text })
  const missing: number[] = []
  if (t.type === 'numeric') {
    shapes.push({ kind: 'rect', x: f.x0, y, w: f.order.columns.length * f.cellW, h, fill: '#F2F2F2' })
    const plus: PathCommand[] = []
    const bars: number[] = []
    const arm = Math.max(1.5, Math.min(w * 0.4, h * 0.15))
    t.values.forEach((v, j) => {
      if (v === undefined) return void missing.push(j)
      const bh = t.max > 0 ? h * barFraction(Math.max(0, v), t.max, log) : 0
      if (bh > 0) bars.push(colX(f, j), y + h - bh, w, bh)
      if (t.events[j] === false) {
        const cx = colX(f, j) + w / 2
        const cy = Math.max(y + arm, y + h - bh - arm - 0.5)
        plus.push({ op: 'M', x: cx - arm, y: cy }, { op: 'H', x: cx + arm }, { op: 'M', x: cx, y: cy - arm }, { op: 'V', y: cy + arm })
      }
    })
    shapes.push({ kind: 'rects', rects: bars, fill: NUMERIC_COLOR })
    if (plus.length > 0) shapes.push({ kind: 'path', d: plus, fill: 'none', stroke: CENSOR_COLOR, strokeWidth: Math.max(0.8, Math.min(1.2, w / 5)) })
  } else {
    const byLevel = new Map<string, number[]>(t.levels.map((l) => [l.value, []]))
    // Merge runs of equal values into one rect, as in the matrix; one path per level.
    let start = 0
    for (let j = 1; j <= t.values.length; j++) {
      if (j < t.values.length && t.values[j] === t.values[start]) continue
      const v = t.values[start]
      if (v === undefined) for (let k = start; k < j; k++) missing.push(k)
      else byLevel.get(v)?.push(colX(f, start), y, (j - start) * f.cellW, h)
      start = j
    }
    for (const l of t.levels) shapes.push({ kind: 'rects', rects: byLevel.get(l.value) ?? [], fill: l.color })
  }
  if (missing.length > 0) shapes.push({ kind: 'rects', rects: missing.flatMap((j) => [colX(f, j), y, f.cellW, h]), fill: `url(#${NA_PATTERN_ID})` })
  if (f.colGap > 0 && f.order.columns.length > 1) {
    const d: PathCommand[] = []
    for (let j = 1; j < f.order.columns.length; j++) d.push({ op: 'M', x: colX(f, j), y }, { op: 'V', y: y + h })
    shapes.push({ kind: 'path', d, fill: 'none', stroke: f.theme.background, strokeWidth: f.colGap })
  }
  return { id: 'track', shapes, data: { column: t.column, type: t.type, ...(log && t.type === 'numeric' ? { scale: 'log10(1+x)' } : {}) } }
}
