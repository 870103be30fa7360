/**
 * Co-occurrence / mutual-exclusivity heatmap of `interactions` (maftools somaticInteractions):
 * the upper triangle of the genes × genes matrix, in the table's gene order (most altered first).
 * A cell's colour is −log10(p) of its Fisher test, green for co-occurrence (OR > 1), purple for
 * mutual exclusivity (OR < 1), white at p = 1, full colour at the scale's cap (the larger of 3 and
 * the largest value, rounded up); marks: "*" q < 0.05 (Benjamini–Hochberg over the k(k−1)/2
 * distinct pairs: maftools adjusts over k² ordered pairs), "•" p < 0.05 but q ≥ 0.05.
 * Every cell carries its numbers (data-* and a tooltip), so the figure can be checked against the table.
 */
import type { InteractionRow } from '../src/scan/interactions.js'
import type { Group, Scene, Shape } from './scene.js'
import { textWidth, truncate } from './text.js'

export interface CooccurrenceOptions {
  readonly cell?: number | undefined
  readonly fontSize?: number | undefined
  readonly fontFamily?: string | undefined
  readonly title?: string | undefined
}

const TEXT = '#222222'
const CO = [27, 120, 55] as const // #1B7837
const EX = [118, 42, 131] as const // #762A83
const LABEL_MAX = 24

const hex2 = (v: number): string => Math.round(v).toString(16).padStart(2, '0').toUpperCase()

/** White → `rgb` at t ∈ [0, 1], as #RRGGBB (fixed text, so the SVG is byte-stable). */
function shade(rgb: readonly [number, number, number], t: number): string {
  const u = Math.max(0, Math.min(1, t))
  return `#${hex2(255 + (rgb[0] - 255) * u)}${hex2(255 + (rgb[1] - 255) * u)}${hex2(255 + (rgb[2] - 255) * u)}`
}

/** −log10 p, signed: + co-occurrence, − mutual exclusivity, 0 when neither direction. */
export function signedLogP(r: Pick<InteractionRow, 'p' | 'relation' | 'oddsRatio'>): number {
  const v = -Math.log10(Math.max(r.p, Number.MIN_VALUE))
  if (!(v > 0)) return 0
  return r.oddsRatio > 1 ? v : r.oddsRatio < 1 ? -v : 0
}

export function cooccurrenceColor(value: number, cap: number): string {
  return value >= 0 ? shade(CO, value / cap) : shade(EX, -value / cap)
}

const fmtP = (p: number): string => (p < 1e-4 ? p.toExponential(2) : p.toPrecision(3))
const fmtOr = (v: number): string => (Number.isFinite(v) ? v.toPrecision(3) : v > 0 ? 'Inf' : 'NaN')

export function layoutCooccurrence(genes: readonly string[], rows: readonly InteractionRow[], opts: CooccurrenceOptions = {}): Scene {
  const size = opts.fontSize ?? 11
  const k = genes.length
  const cell = opts.cell ?? Math.max(8, Math.min(22, Math.floor(700 / Math.max(1, k))))
  const margin = 12
  const shown = genes.map((g) => truncate(g, LABEL_MAX))
  const labelW = Math.max(0, ...shown.map((g) => textWidth(g, size))) + 8
  const byPair = new Map<string, InteractionRow>()
  for (const r of rows) byPair.set(`${r.featureA}\u0000${r.featureB}`, r).set(`${r.featureB}\u0000${r.featureA}`, r)
  const cap = Math.max(3, Math.ceil(rows.reduce((a, r) => Math.max(a, Math.abs(signedLogP(r))), 0)))
  const title = opts.title ?? 'Co-occurrence and mutual exclusivity'
  const subtitle = `${k} genes, ${rows.length} pairs; Fisher's exact test, q = BH over the ${rows.length} pairs`
  const titleY = margin + size * 1.3
  const x0 = margin + labelW
  const y0 = titleY + size * 2.4 + labelW // column labels stand rotated above the grid
  const groups: Group[] = [
    {
      id: 'title',
      shapes: [
        { kind: 'text', x: margin, y: titleY, text: title, size: size * 1.15, anchor: 'start', fill: TEXT, weight: 'bold' },
        { kind: 'text', x: margin, y: titleY + size * 1.4, text: subtitle, size, anchor: 'start', fill: TEXT },
      ],
    },
  ]

  const cells: Shape[] = []
  const marks: Shape[] = []
  // Row i (genes 0..k-2) against column j > i (genes 1..k-1): the upper triangle.
  for (let i = 0; i < k - 1; i++) {
    for (let j = i + 1; j < k; j++) {
      const a = genes[i] as string
      const b = genes[j] as string
      const r = byPair.get(`${a}\u0000${b}`)
      const x = x0 + (j - 1) * cell
      const y = y0 + i * cell
      if (r === undefined) {
        cells.push({ kind: 'rect', x, y, w: cell - 1, h: cell - 1, fill: '#EEEEEE', title: `${a} – ${b}: not tested` })
        continue
      }
      const v = signedLogP(r)
      cells.push({
        kind: 'rect', x, y, w: cell - 1, h: cell - 1, fill: cooccurrenceColor(v, cap),
        title: `${a} – ${b}: ${r.relation}; both ${r.n11}, ${a} only ${r.n10}, ${b} only ${r.n01}, neither ${r.n00}; OR ${fmtOr(r.oddsRatio)}, p ${fmtP(r.p)}, q ${fmtP(r.q)}`,
        data: { a, b, p: String(r.p), q: String(r.q), or: String(r.oddsRatio), n11: String(r.n11) },
      })
      const mark = r.q < 0.05 ? '*' : r.p < 0.05 ? '•' : ''
      if (mark !== '') marks.push({ kind: 'text', x: x + cell / 2 - 0.5, y: y + cell / 2 + size * 0.35, text: mark, size, anchor: 'middle', fill: Math.abs(v) / cap > 0.6 ? '#FFFFFF' : TEXT, weight: 'bold' })
    }
  }
  groups.push({ id: 'cells', shapes: cells }, { id: 'marks', shapes: marks })

  const labels: Shape[] = []
  for (let i = 0; i < k - 1; i++) labels.push({ kind: 'text', x: x0 - 4, y: y0 + i * cell + cell / 2 + size * 0.35, text: shown[i] as string, size, anchor: 'end', fill: TEXT, italic: true, title: shown[i] === genes[i] ? undefined : genes[i] })
  for (let j = 1; j < k; j++) {
    const cx = x0 + (j - 1) * cell + cell / 2 + size * 0.35
    labels.push({ kind: 'text', x: cx, y: y0 - 4, text: shown[j] as string, size, anchor: 'start', fill: TEXT, rotate: -90, italic: true, title: shown[j] === genes[j] ? undefined : genes[j] })
  }
  groups.push({ id: 'gene-labels', shapes: labels })

  // Colour bar: mutual exclusivity (left) … co-occurrence (right), in −log10 p.
  const gridW = Math.max(1, k - 1) * cell
  const barY = y0 + Math.max(1, k - 1) * cell + size * 2
  const barW = Math.max(200, Math.min(360, gridW))
  const steps = 40
  const bar: Shape[] = []
  for (let s = 0; s < steps; s++) {
    const v = -cap + ((s + 0.5) * 2 * cap) / steps
    bar.push({ kind: 'rect', x: x0 + (s * barW) / steps, y: barY, w: barW / steps + 0.2, h: 10, fill: cooccurrenceColor(v, cap) })
  }
  const tick = (v: number, label: string): void => {
    const tx = x0 + ((v + cap) / (2 * cap)) * barW
    bar.push({ kind: 'line', x1: tx, y1: barY + 10, x2: tx, y2: barY + 13, stroke: TEXT, strokeWidth: 0.75 })
    bar.push({ kind: 'text', x: tx, y: barY + 14 + size, text: label, size: size * 0.9, anchor: 'middle', fill: TEXT })
  }
  tick(-cap, String(cap))
  tick(0, '0')
  tick(cap, String(cap))
  const ly = barY + 18 + size * 2
  bar.push(
    { kind: 'text', x: x0, y: ly, text: 'mutually exclusive', size: size * 0.9, anchor: 'start', fill: TEXT },
    { kind: 'text', x: x0 + barW, y: ly, text: 'co-occurring', size: size * 0.9, anchor: 'end', fill: TEXT },
    { kind: 'text', x: x0 + barW / 2, y: ly, text: '−log10 p', size: size * 0.9, anchor: 'middle', fill: TEXT },
    { kind: 'text', x: x0, y: ly + size * 1.6, text: '* q < 0.05 (BH over the distinct pairs)   • p < 0.05', size: size * 0.9, anchor: 'start', fill: TEXT },
  )
  groups.push({ id: 'legend', shapes: bar })
  const width = Math.max(x0 + gridW, x0 + barW, margin + textWidth(title, size * 1.15) * 1.1, margin + textWidth(subtitle, size)) + margin
  return { width, height: ly + size * 1.6 + margin, background: '#FFFFFF', fontFamily: opts.fontFamily ?? 'Helvetica, Arial, sans-serif', title, patterns: [], groups }
}
