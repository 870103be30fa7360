/**
 * The geometry every part of the layout shares: where the matrix sits, how wide a column is, and
 * the glyphs of each altered cell (computed once).
 */
import type { RecordMatrix } from '../src/matrix/types.js'
import type { Palette } from './glyphs.js'
import type { CellTable } from './cell-table.js'
import type { Ordering } from './order.js'
import type { Theme } from './theme.js'

export interface Frame {
  readonly matrix: RecordMatrix
  readonly order: Ordering
  readonly palette: Palette
  readonly theme: Theme
  /** Left edge of the first column and top edge of the first row. */
  readonly x0: number
  readonly y0: number
  readonly cellW: number
  readonly cellH: number
  readonly rowGap: number
  /** White gap between columns (0 when columns are too narrow to separate). */
  readonly colGap: number
  /** Glyphs of the shown rows' cells. */
  readonly cells: CellTable
}

export function colX(f: Frame, j: number): number {
  return f.x0 + j * f.cellW
}

export function rowY(f: Frame, r: number): number {
  return f.y0 + r * (f.cellH + f.rowGap)
}

export function matrixWidth(f: Frame): number {
  return f.order.columns.length * f.cellW
}

export function matrixHeight(f: Frame): number {
  const n = f.order.rows.length
  return n === 0 ? 0 : n * f.cellH + (n - 1) * f.rowGap
}
