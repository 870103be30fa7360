/**
 * The drawn matrix as TSV (maftools `oncoplot(writeMatrix = TRUE)` style): rows and columns in drawn
 * order; a cell is its class labels joined by ';' (CN first, then Fusion, then the mutation class
 * or Multi_Hit, e.g. "Amp;Multi_Hit"), empty for wild type, NA for not assayed. The header's first
 * field is "feature". Tabs and newlines inside IDs would break the format: they are an error.
 */
import { InputError, quote } from '../src/errors.js'
import { ALTERED, NOT_ASSAYED, type RecordMatrix } from '../src/matrix/types.js'
import { cellGlyphs, makePalette } from './glyphs.js'
import type { Ordering } from './order.js'

function field(s: string, what: string): string {
  if (/[\t\r\n]/.test(s)) throw new InputError('BAD_VALUE', `${what} ${quote(s)} contains a tab or newline and cannot be written as TSV`)
  return s
}

export function matrixTsv(m: RecordMatrix, order: Ordering): string {
  const n = m.samples.length
  const palette = makePalette('maftools')
  const lines = [['feature', ...order.columns.map((s) => field(m.samples[s] ?? '', 'sample'))].join('\t')]
  for (const f of order.rows) {
    const row = [field(m.features[f]?.id ?? '', 'feature')]
    for (const s of order.columns) {
      const i = f * n + s
      const v = m.state[i]
      if (v === NOT_ASSAYED) row.push('NA')
      else if (v !== ALTERED) row.push('')
      else {
        const cell = m.cells.get(i)
        row.push(cell === undefined ? 'Unknown' : cellGlyphs(cell, palette).label)
      }
    }
    lines.push(row.join('\t'))
  }
  return `${lines.join('\n')}\n`
}
