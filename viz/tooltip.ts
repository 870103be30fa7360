/** Hover text and data-* attributes for one altered cell (HTML report). */
import type { RecordMatrix } from '../src/matrix/types.js'
import type { CellGlyphs } from './glyphs.js'

export function cellTooltip(m: RecordMatrix, feature: number, sample: number, g: CellGlyphs | undefined): { title: string; data: Record<string, string> } {
  const cell = m.cells.get(feature * m.samples.length + sample)
  const sampleId = m.samples[sample] ?? ''
  const f = m.features[feature]
  const lines = [`${sampleId} · ${f?.label ?? ''}`]
  const proteins: string[] = []
  const vafs: string[] = []
  for (const e of cell?.events ?? []) {
    const what = e.protein ?? (e.partner !== undefined ? `${e.gene}::${e.partner}` : e.cnState ?? e.variantClass)
    proteins.push(what)
    if (e.vaf !== undefined) vafs.push(e.vaf.toFixed(2))
    const vaf = e.vaf === undefined ? '' : ` VAF ${e.vaf.toFixed(2)}`
    lines.push(`${e.gene} ${what} (${e.variantClass})${vaf}, ${e.origin}`)
  }
  const data: Record<string, string> = { sample: sampleId, feature: f?.id ?? '', classes: g?.label ?? '' }
  if (proteins.length > 0) data.protein = proteins.join(';')
  if (vafs.length > 0) data.vaf = vafs.join(';')
  if (cell !== undefined) data.origin = cell.origins.join(';')
  return { title: lines.join('\n'), data }
}
