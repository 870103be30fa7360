/**
 * Table 1 as TSV (one column per group, cells as the study prints them: "23 (35.9)",
 * "57 (32–81)" with IQR beside) and as tidy JSON-able rows.
 */
import { formatP } from '../stats/format.js'
import type { BaselineCell, BaselineTable } from './baseline.js'

const one = (x: number | undefined) => (x === undefined || Number.isNaN(x) ? 'NA' : String(Number(x.toFixed(1))))
const cell = (s: string) => s.replace(/[\t\r\n]+/g, ' ')

export function baselineCellText(c: BaselineCell, kind: 'categorical' | 'numeric'): string {
  if (kind === 'categorical') return `${c.count} (${c.percent === undefined ? 'NA' : c.percent.toFixed(1)})`
  if (c.count === 0) return 'NA'
  return `${one(c.median)} (${one(c.min)}–${one(c.max)}); IQR ${one(c.q1)}–${one(c.q3)}; n = ${c.count}`
}

export function baselineTsv(t: BaselineTable): string[] {
  const head = ['characteristic', 'level', ...t.groups.map((g, i) => `${cell(g)} (n = ${t.rows[0]?.cells[i]?.patients ?? 0})`), ...(t.groupColumn ? ['p', 'test'] : [])]
  const out = [head.join('\t')]
  for (const r of t.rows) {
    const label = r.kind === 'numeric' ? 'median (range); IQR' : (r.level as string)
    out.push([cell(r.characteristic), cell(label), ...r.cells.map((c) => baselineCellText(c, r.kind)), ...(t.groupColumn ? [r.p === undefined ? '' : formatP(r.p), r.test ?? ''] : [])].join('\t'))
  }
  return out
}
