/**
 * The matrix: one wild-type rect per row, one hatched rect per run of not-assayed columns, one rect
 * per run of equal glyphs (adjacent columns merge), one path for every germline marker and one path
 * for the column separators. Size therefore grows with the number of runs, not of cells: the memo
 * sort puts altered cells next to each other, so runs are long.
 * Optional tooltips add one invisible hover rect per altered cell, with `<title>` and data-*.
 */
import { ALTERED, NOT_ASSAYED } from '../src/matrix/types.js'
import { glyph } from './glyphs.js'
import { colX, matrixHeight, matrixWidth, rowY, type Frame } from './frame.js'
import type { Group, PathCommand, RectShape, Shape } from './scene.js'

export const NA_PATTERN_ID = 'bmk-not-assayed'

interface Run {
  readonly key: string
  readonly start: number
  end: number
}

function rowShapes(f: Frame, r: number, shapes: Shape[], germ: PathCommand[]): void {
  const { matrix: m, order, cellW, cellH } = f
  const n = m.samples.length
  const feature = order.rows[r] as number
  const y = rowY(f, r)
  const cols = order.columns
  shapes.push({ kind: 'rect', x: f.x0, y, w: cols.length * cellW, h: cellH, fill: f.theme.wildType })
  // Not-assayed runs.
  let naStart = -1
  for (let j = 0; j <= cols.length; j++) {
    const na = j < cols.length && m.state[feature * n + (cols[j] as number)] === NOT_ASSAYED
    if (na && naStart < 0) naStart = j
    if (!na && naStart >= 0) {
      shapes.push({ kind: 'rect', x: colX(f, naStart), y, w: (j - naStart) * cellW, h: cellH, fill: `url(#${NA_PATTERN_ID})` })
      naStart = -1
    }
  }
  // Glyph runs: a key continues a run when the previous column drew the same key.
  const open = new Map<string, Run>()
  const runs: Run[] = []
  const mark = Math.min(cellW, cellH) * 0.55
  for (let j = 0; j < cols.length; j++) {
    const idx = feature * n + (cols[j] as number)
    if (m.state[idx] !== ALTERED) continue
    const g = f.glyphs.get(idx)
    if (g === undefined) continue
    for (const key of g.keys) {
      if (key === 'germline') {
        const x = colX(f, j)
        germ.push({ op: 'M', x, y }, { op: 'H', x: x + mark }, { op: 'L', x, y: y + mark }, { op: 'Z' })
        continue
      }
      const run = open.get(key)
      if (run !== undefined && run.end === j) run.end = j + 1
      else {
        const nr: Run = { key, start: j, end: j + 1 }
        open.set(key, nr)
        runs.push(nr)
      }
    }
  }
  runs.sort((a, b) => glyph(f.palette, a.key).z - glyph(f.palette, b.key).z || a.start - b.start)
  for (const run of runs) {
    const g = glyph(f.palette, run.key)
    shapes.push({ kind: 'rect', x: colX(f, run.start), y: y + g.insetY * cellH, w: (run.end - run.start) * cellW, h: cellH * (1 - 2 * g.insetY), fill: g.fill })
  }
}

export interface TooltipOptions {
  /** Build the hover text and data-* for an altered cell. */
  readonly text: (feature: number, sample: number) => { readonly title: string; readonly data: Readonly<Record<string, string>> }
}

export function matrixGroup(f: Frame, tooltips?: TooltipOptions): Group {
  const shapes: Shape[] = []
  const germ: PathCommand[] = []
  for (let r = 0; r < f.order.rows.length; r++) rowShapes(f, r, shapes, germ)
  if (germ.length > 0) shapes.push({ kind: 'path', d: germ, fill: '#FFFFFF', stroke: '#000000', strokeWidth: Math.min(0.6, f.cellW / 6) })
  if (f.colGap > 0 && f.order.columns.length > 1) {
    const d: PathCommand[] = []
    const top = f.y0
    const bottom = f.y0 + matrixHeight(f)
    for (let j = 1; j < f.order.columns.length; j++) d.push({ op: 'M', x: colX(f, j), y: top }, { op: 'V', y: bottom })
    shapes.push({ kind: 'path', d, fill: 'none', stroke: f.theme.background, strokeWidth: f.colGap })
  }
  if (tooltips !== undefined) {
    const n = f.matrix.samples.length
    f.order.rows.forEach((feature, r) => {
      f.order.columns.forEach((s, j) => {
        if (f.matrix.state[feature * n + s] !== ALTERED) return
        const t = tooltips.text(feature, s)
        const hit: RectShape = { kind: 'rect', x: colX(f, j), y: rowY(f, r), w: f.cellW, h: f.cellH, fill: '#000000', opacity: 0, title: t.title, data: t.data }
        shapes.push(hit)
      })
    })
  }
  return { id: 'matrix', shapes, data: { columns: String(f.order.columns.length), rows: String(f.order.rows.length), width: String(Math.round(matrixWidth(f))) } }
}
