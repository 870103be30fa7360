/**
 * Cohort summary figure (maftools plotmafSummary): six panels in a 3 × 2 grid —
 * variant classification, variant type, SNV class (counts, horizontal bars); variants per sample
 * (stacked by class, samples by total, dashed line at the median); variant classification per
 * sample (box plots with R's fivenum hinges and 1.5 IQR whiskers, as boxplot()); top genes (stacked
 * by class, labelled with the percent of samples mutated). Data → Scene → the shared serializer.
 */
import type { MafSummaryData } from '../src/matrix/maf-summary.js'
import type { VariantClass } from '../src/model/alteration.js'
import { classColor } from './lollipop.js'
import type { Group, PathCommand, Scene, Shape } from './scene.js'
import { textWidth, truncate } from './text.js'

export interface MafSummaryOptions {
  readonly fontSize?: number | undefined
  readonly fontFamily?: string | undefined
  readonly title?: string | undefined
}

const TEXT = '#222222'
const AXIS = '#555555'
const GREY = '#7F7F7F'
const PANEL_W = 320
const PANEL_H = 240
const GAP = 28

/** R's fivenum (Tukey's hinges): min, lower hinge, median, upper hinge, max of sorted `x`. */
export function fivenum(sorted: readonly number[]): [number, number, number, number, number] {
  const n = sorted.length
  if (n === 0) return [NaN, NaN, NaN, NaN, NaN]
  const n4 = Math.floor((n + 3) / 2) / 2
  const at = (d: number): number => 0.5 * ((sorted[Math.floor(d) - 1] as number) + (sorted[Math.ceil(d) - 1] as number))
  return [at(1), at(n4), at((n + 1) / 2), at(n + 1 - n4), at(n)]
}

const pretty = (v: number): string => (Number.isInteger(v) ? String(v) : v.toFixed(1))

interface Panel {
  readonly x: number
  readonly y: number
  readonly size: number
}

function panelTitle(p: Panel, text: string): Shape {
  return { kind: 'text', x: p.x, y: p.y + p.size, text, size: p.size * 1.05, anchor: 'start', fill: TEXT, weight: 'bold' }
}

/** Horizontal bars with the count at the end of each bar. */
function hbars(p: Panel, title: string, items: readonly { label: string; count: number; color: string }[]): Shape[] {
  const shapes: Shape[] = [panelTitle(p, title)]
  const size = p.size * 0.9
  const labelW = Math.min(130, items.reduce((a, i) => Math.max(a, textWidth(i.label, size)), 0) + 6)
  const top = p.y + p.size * 2
  const rowH = Math.min(22, (PANEL_H - p.size * 2.5) / Math.max(1, items.length))
  const max = Math.max(1, items.reduce((a, i) => Math.max(a, i.count), 0))
  const barMax = PANEL_W - labelW - textWidth(String(max), size) - 10
  items.forEach((it, k) => {
    const y = top + k * rowH
    const w = (barMax * it.count) / max
    shapes.push({ kind: 'text', x: p.x + labelW - 4, y: y + rowH / 2 + size * 0.35, text: truncate(it.label, 22), size, anchor: 'end', fill: TEXT, title: it.label })
    shapes.push({ kind: 'rect', x: p.x + labelW, y: y + rowH * 0.15, w, h: rowH * 0.7, fill: it.color })
    shapes.push({ kind: 'text', x: p.x + labelW + w + 3, y: y + rowH / 2 + size * 0.35, text: String(it.count), size, anchor: 'start', fill: TEXT })
  })
  return shapes
}

function yAxis(x: number, yTop: number, yBottom: number, max: number, size: number, label: string): Shape[] {
  return [
    { kind: 'line', x1: x, y1: yTop, x2: x, y2: yBottom, stroke: AXIS, strokeWidth: 0.75 },
    { kind: 'text', x: x - 3, y: yTop + size * 0.35, text: pretty(max), size, anchor: 'end', fill: TEXT },
    { kind: 'text', x: x - 3, y: yBottom + size * 0.35, text: '0', size, anchor: 'end', fill: TEXT },
    { kind: 'text', x: x - 6 - size * 2, y: (yTop + yBottom) / 2, text: label, size, anchor: 'middle', fill: TEXT, rotate: -90 },
  ]
}

export function layoutMafSummary(d: MafSummaryData, opts: MafSummaryOptions = {}): Scene {
  const size = opts.fontSize ?? 11
  const margin = 14
  const title = opts.title ?? `Cohort summary: ${d.events} mutations in ${d.samples.length} samples (median ${pretty(d.medianPerSample)} per sample)`
  const groups: Group[] = [{ id: 'title', shapes: [{ kind: 'text', x: margin, y: margin + size * 1.3, text: title, size: size * 1.25, anchor: 'start', fill: TEXT, weight: 'bold' }] }]
  const top = margin + size * 3
  const at = (col: number, row: number): Panel => ({ x: margin + size * 3 + col * (PANEL_W + GAP + size * 3), y: top + row * (PANEL_H + GAP), size })
  const classOrder = d.classes.map((c) => c.variantClass)

  groups.push({ id: 'variant-classification', shapes: hbars(at(0, 0), 'Variant Classification', d.classes.map((c) => ({ label: c.variantClass, count: c.count, color: classColor(c.variantClass) }))) })
  groups.push({ id: 'variant-type', shapes: hbars(at(1, 0), 'Variant Type', d.types.map((t) => ({ label: t.type, count: t.count, color: GREY }))) })
  const snvTitle = d.snvUnclassed > 0 ? `SNV Class (${d.snvUnclassed} not classed)` : 'SNV Class'
  groups.push({ id: 'snv-class', shapes: hbars(at(2, 0), snvTitle, d.snv.map((s) => ({ label: s.change, count: s.count, color: '#4292C6' }))) })

  // Variants per sample, stacked by class; dashed median.
  {
    const p = at(0, 1)
    const shapes: Shape[] = [panelTitle(p, 'Variants per sample')]
    const yTop = p.y + size * 2
    const yBottom = p.y + PANEL_H - size
    const max = Math.max(1, d.samples[0]?.total ?? 0)
    const w = PANEL_W / Math.max(1, d.samples.length)
    const byClass = new Map<VariantClass, number[]>()
    d.samples.forEach((s, j) => {
      let y = yBottom
      for (const c of classOrder) {
        const v = s.byClass.get(c) ?? 0
        if (v === 0) continue
        const h = ((yBottom - yTop) * v) / max
        y -= h
        let list = byClass.get(c)
        if (list === undefined) byClass.set(c, (list = []))
        list.push(p.x + j * w, y, Math.max(0.3, w * (w >= 3 ? 0.85 : 1)), h)
      }
    })
    for (const c of classOrder) shapes.push({ kind: 'rects', rects: byClass.get(c) ?? [], fill: classColor(c) })
    const my = yBottom - ((yBottom - yTop) * d.medianPerSample) / max
    shapes.push({ kind: 'path', d: [{ op: 'M', x: p.x, y: my }, { op: 'H', x: p.x + PANEL_W }], fill: 'none', stroke: '#D62728', strokeWidth: 1 })
    shapes.push({ kind: 'text', x: p.x + PANEL_W, y: my - 3, text: `median ${pretty(d.medianPerSample)}`, size: size * 0.85, anchor: 'end', fill: '#D62728' })
    shapes.push(...yAxis(p.x - 3, yTop, yBottom, max, size * 0.85, 'variants'))
    groups.push({ id: 'variants-per-sample', shapes })
  }

  // Per-sample counts of each class: box plots (zeros included, as maftools' sample summary has them).
  {
    const p = at(1, 1)
    const shapes: Shape[] = [panelTitle(p, 'Variant Classification summary')]
    const yTop = p.y + size * 2
    const yBottom = p.y + PANEL_H - size * 4
    const stats = classOrder.map((c) => {
      const xs = d.samples.map((s) => s.byClass.get(c) ?? 0).sort((a, b) => a - b)
      const [, lo, med, hi] = fivenum(xs)
      const iqr = hi - lo
      const inside = xs.filter((v) => v >= lo - 1.5 * iqr && v <= hi + 1.5 * iqr)
      return { c, lo, med, hi, wLo: inside[0] ?? lo, wHi: inside[inside.length - 1] ?? hi, out: [...new Set(xs.filter((v) => v < lo - 1.5 * iqr || v > hi + 1.5 * iqr))] }
    })
    const max = Math.max(1, stats.reduce((a, s) => Math.max(a, s.wHi, s.out.reduce((m, v) => Math.max(m, v), 0)), 0))
    const ys = (v: number): number => yBottom - ((yBottom - yTop) * v) / max
    const bw = PANEL_W / Math.max(1, stats.length)
    stats.forEach((s, k) => {
      const cx = p.x + (k + 0.5) * bw
      const half = Math.min(12, bw * 0.35)
      const whisk: PathCommand[] = [{ op: 'M', x: cx, y: ys(s.wLo) }, { op: 'V', y: ys(s.lo) }, { op: 'M', x: cx, y: ys(s.hi) }, { op: 'V', y: ys(s.wHi) }, { op: 'M', x: cx - half / 2, y: ys(s.wLo) }, { op: 'H', x: cx + half / 2 }, { op: 'M', x: cx - half / 2, y: ys(s.wHi) }, { op: 'H', x: cx + half / 2 }]
      shapes.push({ kind: 'path', d: whisk, fill: 'none', stroke: AXIS, strokeWidth: 0.75 })
      shapes.push({ kind: 'rect', x: cx - half, y: ys(s.hi), w: 2 * half, h: Math.max(0.5, ys(s.lo) - ys(s.hi)), fill: classColor(s.c), stroke: AXIS, strokeWidth: 0.75, title: `${s.c}: median ${pretty(s.med)}, hinges ${pretty(s.lo)}–${pretty(s.hi)}` })
      shapes.push({ kind: 'line', x1: cx - half, y1: ys(s.med), x2: cx + half, y2: ys(s.med), stroke: TEXT, strokeWidth: 1.2 })
      for (const v of s.out) shapes.push({ kind: 'circle', cx, cy: ys(v), r: 1.6, fill: 'none', stroke: AXIS, strokeWidth: 0.6 })
      shapes.push({ kind: 'text', x: cx, y: yBottom + 4, text: truncate(s.c.replace(/_/g, ' '), 18), size: size * 0.75, anchor: 'end', fill: TEXT, rotate: -45, title: s.c })
    })
    shapes.push(...yAxis(p.x - 3, yTop, yBottom, max, size * 0.85, 'per sample'))
    groups.push({ id: 'variant-classification-summary', shapes })
  }

  // Top genes, stacked by class, percent of samples mutated.
  {
    const p = at(2, 1)
    const shapes: Shape[] = [panelTitle(p, `Top ${d.genes.length} mutated genes`)]
    const labelW = d.genes.reduce((a, g) => Math.max(a, textWidth(g.gene, size * 0.9)), 0) + 6
    const top = p.y + size * 2
    const rowH = Math.min(20, (PANEL_H - size * 2.5) / Math.max(1, d.genes.length))
    const totals = d.genes.map((g) => [...g.byClass.values()].reduce((a, b) => a + b, 0))
    const max = Math.max(1, totals.reduce((a, b) => Math.max(a, b), 0))
    const barMax = PANEL_W - labelW - textWidth('100%', size * 0.9) - 8
    d.genes.forEach((g, k) => {
      const y = top + k * rowH
      shapes.push({ kind: 'text', x: p.x + labelW - 4, y: y + rowH / 2 + size * 0.3, text: truncate(g.gene, 20), size: size * 0.9, anchor: 'end', fill: TEXT, italic: true, title: g.gene })
      let x = p.x + labelW
      for (const c of classOrder) {
        const v = g.byClass.get(c) ?? 0
        if (v === 0) continue
        const w = (barMax * v) / max
        shapes.push({ kind: 'rect', x, y: y + rowH * 0.15, w, h: rowH * 0.7, fill: classColor(c), title: `${g.gene} ${c}: ${v}` })
        x += w
      }
      const pct = d.samples.length === 0 ? 0 : (100 * g.mutatedSamples) / d.samples.length
      shapes.push({ kind: 'text', x: x + 3, y: y + rowH / 2 + size * 0.3, text: `${Math.round(pct)}%`, size: size * 0.9, anchor: 'start', fill: TEXT })
    })
    groups.push({ id: 'top-genes', shapes })
  }

  // Class legend.
  const legend: Shape[] = []
  let lx = margin
  const ly = top + 2 * (PANEL_H + GAP) + size
  for (const c of classOrder) {
    const label = c.replace(/_/g, ' ')
    legend.push({ kind: 'rect', x: lx, y: ly - size * 0.8, w: 10, h: 10, fill: classColor(c) }, { kind: 'text', x: lx + 14, y: ly, text: label, size, anchor: 'start', fill: TEXT })
    lx += 14 + textWidth(label, size) + 14
  }
  groups.push({ id: 'legend', shapes: legend })
  const width = Math.max(at(2, 0).x + PANEL_W + margin, lx + margin)
  return { width, height: ly + size + margin, background: '#FFFFFF', fontFamily: opts.fontFamily ?? 'Helvetica, Arial, sans-serif', title, patterns: [], groups }
}
