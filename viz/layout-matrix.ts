/**
 * The matrix: one wild-type rect per row, one hatched path for all runs of not-assayed columns, one
 * path per glyph key holding every run of that glyph (adjacent columns with the same glyph merge),
 * one path for every germline marker and one for the column separators. Output size therefore grows
 * with the number of runs, not of cells, and the element count with the number of glyph kinds.
 * Optional tooltips add one invisible hover rect per altered cell, with `<title>` and data-*.
 *
 * Complexity: O(rows × shown columns) over the cell table's typed arrays, O(runs) output; glyph
 * lookups happen once per key, not per run.
 */
import { ALTERED, NOT_ASSAYED } from '../src/matrix/types.js'
import { glyph } from './glyphs.js'
import { colX, matrixHeight, matrixWidth, rowY, type Frame } from './frame.js'
import type { Group, PathCommand, RectShape, Shape } from './scene.js'

export const NA_PATTERN_ID = 'bmk-not-assayed'

/**
 * The glyph keys drawn as runs (germline is a marker, not a run), numbered once for the whole
 * matrix: per key its rect list and vertical placement, per signature its key numbers.
 */
interface RunKeys {
  readonly keys: readonly string[]
  /** Per key number: flat x, y, w, h quadruples, in row-major order of the runs. */
  readonly rects: readonly number[][]
  readonly insetY: Float64Array
  readonly height: Float64Array
  /** Per signature (index into cells.sigs): its run keys, and whether it draws a germline mark. */
  readonly sigKeys: readonly (readonly number[])[]
  readonly sigGerm: readonly boolean[]
}

function runKeys(f: Frame): RunKeys {
  const keys: string[] = []
  const keyId = new Map<string, number>()
  const sigKeys = f.cells.sigs.map((g) =>
    g.keys
      .filter((k) => k !== 'germline')
      .map((k) => {
        let id = keyId.get(k)
        if (id === undefined) {
          id = keys.length
          keys.push(k)
          keyId.set(k, id)
        }
        return id
      }),
  )
  const insetY = new Float64Array(keys.length)
  const height = new Float64Array(keys.length)
  keys.forEach((k, i) => {
    const g = glyph(f.palette, k)
    insetY[i] = g.insetY * f.cellH
    height[i] = f.cellH * (1 - 2 * g.insetY)
  })
  return { keys, rects: keys.map(() => []), insetY, height, sigKeys, sigGerm: f.cells.sigs.map((g) => g.keys.includes('germline')) }
}

function rowShapes(f: Frame, r: number, shapes: Shape[], runs: RunKeys, na: number[], germ: PathCommand[]): void {
  const { matrix: m, order, cellW, cellH } = f
  const n = m.samples.length
  const feature = order.rows[r] as number
  const y = rowY(f, r)
  const cols = order.columns
  const sig = f.cells.sig
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
  // indexed by key number (a handful of keys, thousands of columns).
  const nk = runs.keys.length
  const start = new Int32Array(nk).fill(-1)
  const end = new Int32Array(nk)
  const flush = (k: number): void => {
    const s = start[k] as number
    ;(runs.rects[k] as number[]).push(colX(f, s), y + (runs.insetY[k] as number), ((end[k] as number) - s) * cellW, runs.height[k] as number)
  }
  const mark = Math.min(cellW, cellH) * 0.55
  const base = r * n
  for (let j = 0; j < cols.length; j++) {
    const id = sig[base + (cols[j] as number)] as number
    if (id === 0) continue
    for (const k of runs.sigKeys[id - 1] as readonly number[]) {
      if (start[k] !== -1 && end[k] === j) end[k] = j + 1
      else {
        if (start[k] !== -1) flush(k)
        start[k] = j
        end[k] = j + 1
      }
    }
    if (runs.sigGerm[id - 1]) {
      const x = colX(f, j)
      germ.push({ op: 'M', x, y }, { op: 'H', x: x + mark }, { op: 'L', x, y: y + mark }, { op: 'Z' })
    }
  }
  for (let k = 0; k < nk; k++) if (start[k] !== -1) flush(k)
}

export interface TooltipOptions {
  /** Build the hover text and data-* for the altered cell at shown row `row`, sample index `sample`. */
  readonly text: (row: number, sample: number) => { readonly title: string; readonly data: Readonly<Record<string, string>> }
}

export function matrixGroup(f: Frame, tooltips?: TooltipOptions): Group {
  const shapes: Shape[] = []
  const runs = runKeys(f)
  const na: number[] = []
  const germ: PathCommand[] = []
  for (let r = 0; r < f.order.rows.length; r++) rowShapes(f, r, shapes, runs, na, germ)
  if (na.length > 0) shapes.push({ kind: 'rects', rects: na, fill: `url(#${NA_PATTERN_ID})` })
  // Keys of signatures only in columns not shown (an explicit sample order) have no runs.
  const drawn = runs.keys.map((key, k) => ({ key, rects: runs.rects[k] as number[], g: glyph(f.palette, key) })).filter((d) => d.rects.length > 0)
  drawn.sort((a, b) => a.g.z - b.g.z || a.g.legendOrder - b.g.legendOrder)
  for (const d of drawn) shapes.push({ kind: 'rects', rects: d.rects, fill: d.g.fill })
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
