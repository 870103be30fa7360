/**
 * The matrix: one wild-type rect per row, one hatched path for all runs of not-assayed columns, one
 * path per glyph key holding every run of that glyph (adjacent columns with the same glyph merge),
 * one path for every germline marker and one for the column separators. Output size therefore grows
 * with the number of runs, not of cells, and the element count with the number of glyph kinds.
 * Optional tooltips add one invisible hover rect per altered cell, with `<title>` and data-*.
 */
import { ALTERED, NOT_ASSAYED } from '../src/matrix/types.js'
import { glyph } from './glyphs.js'
import { colX, matrixHeight, matrixWidth, rowY, type Frame } from './frame.js'
import type { Group, PathCommand, RectShape, Shape } from './scene.js'

export const NA_PATTERN_ID = 'bmk-not-assayed'

/** Per glyph key, flat x,y,w,h quadruples. */
type Sink = Map<string, number[]>

function rowShapes(f: Frame, r: number, shapes: Shape[], sink: Sink, na: number[], germ: PathCommand[]): void {
  const { matrix: m, order, cellW, cellH } = f
  const n = m.samples.length
  const feature = order.rows[r] as number
  const y = rowY(f, r)
  const cols = order.columns
  const sig = f.cells.sig
  const sigs = f.cells.sigs
  shapes.push({ kind: 'rect', x: f.x0, y, w: cols.length * cellW, h: cellH, fill: f.theme.wildType })
  let naStart = -1
  for (let j = 0; j <= cols.length; j++) {
    const isNa = j < cols.length && m.state[feature * n + (cols[j] as number)] === NOT_ASSAYED
    if (isNa && naStart < 0) naStart = j
    if (!isNa && naStart >= 0) {
      na.push(colX(f, naStart), y, (j - naStart) * cellW, cellH)
      naStart = -1
    }
  }
  // A key's run continues while consecutive columns draw that key; open runs live in typed arrays
  // indexed by the key's position in `keys` (a handful of keys, thousands of columns).
  const keys: string[] = []
  const keyId = new Map<string, number>()
  const sigKeys: number[][] = sigs.map((g) =>
    g.keys.filter((k) => k !== 'germline').map((k) => {
      let id = keyId.get(k)
      if (id === undefined) {
        id = keys.length
        keys.push(k)
        keyId.set(k, id)
      }
      return id
    }),
  )
  const sigGerm = sigs.map((g) => g.keys.includes('germline'))
  const start = new Int32Array(keys.length).fill(-1)
  const end = new Int32Array(keys.length)
  const flush = (k: number): void => {
    const key = keys[k] as string
    const g = glyph(f.palette, key)
    let list = sink.get(key)
    if (list === undefined) sink.set(key, (list = []))
    list.push(colX(f, start[k] as number), y + g.insetY * cellH, ((end[k] as number) - (start[k] as number)) * cellW, cellH * (1 - 2 * g.insetY))
  }
  const mark = Math.min(cellW, cellH) * 0.55
  const base = r * n
  for (let j = 0; j < cols.length; j++) {
    const id = sig[base + (cols[j] as number)] as number
    if (id === 0) continue
    for (const k of sigKeys[id - 1] as number[]) {
      if (start[k] !== -1 && end[k] === j) end[k] = j + 1
      else {
        if (start[k] !== -1) flush(k)
        start[k] = j
        end[k] = j + 1
      }
    }
    if (sigGerm[id - 1]) {
      const x = colX(f, j)
      germ.push({ op: 'M', x, y }, { op: 'H', x: x + mark }, { op: 'L', x, y: y + mark }, { op: 'Z' })
    }
  }
  for (let k = 0; k < keys.length; k++) if (start[k] !== -1) flush(k)
}

export interface TooltipOptions {
  /** Build the hover text and data-* for the altered cell at shown row `row`, sample index `sample`. */
  readonly text: (row: number, sample: number) => { readonly title: string; readonly data: Readonly<Record<string, string>> }
}

export function matrixGroup(f: Frame, tooltips?: TooltipOptions): Group {
  const shapes: Shape[] = []
  const sink: Sink = new Map()
  const na: number[] = []
  const germ: PathCommand[] = []
  for (let r = 0; r < f.order.rows.length; r++) rowShapes(f, r, shapes, sink, na, germ)
  if (na.length > 0) shapes.push({ kind: 'rects', rects: na, fill: `url(#${NA_PATTERN_ID})` })
  const keys = [...sink.keys()].sort((a, b) => glyph(f.palette, a).z - glyph(f.palette, b).z || glyph(f.palette, a).legendOrder - glyph(f.palette, b).legendOrder)
  for (const key of keys) shapes.push({ kind: 'rects', rects: sink.get(key) ?? [], fill: glyph(f.palette, key).fill })
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
        const t = tooltips.text(r, s)
        const hit: RectShape = { kind: 'rect', x: colX(f, j), y: rowY(f, r), w: f.cellW, h: f.cellH, fill: '#000000', opacity: 0, title: t.title, data: t.data }
        shapes.push(hit)
      })
    })
  }
  return { id: 'matrix', shapes, data: { columns: String(f.order.columns.length), rows: String(f.order.rows.length), width: String(Math.round(matrixWidth(f))) } }
}
