/**
 * Glyphs of every shown cell, computed once and interned: cells with the same glyph keys share one
 * CellGlyphs, and a typed array maps (row, sample) to it. Drawing then compares small integers per
 * cell instead of hashing (the per-cell Map lookups were the top self-time entries when the
 * 10,000 × 30 layout was profiled with --cpu-prof).
 */
import { ALTERED, type CohortMatrix } from '../src/matrix/types.js'
import { cellGlyphs, type CellGlyphs, type Palette } from './glyphs.js'

export interface CellTable {
  /** (row r, sample s) at r * samples + s → 1 + index into `sigs`, 0 when the cell is not altered. */
  readonly sig: Int32Array
  readonly sigs: readonly CellGlyphs[]
  /** Altered cells in the shown rows. */
  readonly altered: number
}

export function buildCellTable(m: CohortMatrix, rows: readonly number[], palette: Palette): CellTable {
  const n = m.samples.length
  const sig = new Int32Array(rows.length * n)
  const sigs: CellGlyphs[] = []
  const byKey = new Map<string, number>()
  const unknown: CellGlyphs = { keys: [palette.name === 'maftools' ? 'mut:Unknown' : 'mut:other'], label: 'Unknown', mutations: 1 }
  let altered = 0
  rows.forEach((f, r) => {
    for (let s = 0, i = f * n; s < n; s++, i++) {
      if (m.state[i] !== ALTERED) continue
      altered++
      const cell = m.cells.get(i)
      const g = cell === undefined || cell.events.length === 0 ? unknown : cellGlyphs(cell, palette)
      const key = `${g.keys.join('|')}\t${g.label}`
      let id = byKey.get(key)
      if (id === undefined) {
        id = sigs.length
        sigs.push(g)
        byKey.set(key, id)
      }
      sig[r * n + s] = id + 1
    }
  })
  return { sig, sigs, altered }
}

export function glyphsAt(t: CellTable, samples: number, r: number, s: number): CellGlyphs | undefined {
  const id = t.sig[r * samples + s] ?? 0
  return id === 0 ? undefined : t.sigs[id - 1]
}
