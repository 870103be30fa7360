/**
 * Lollipop plot: a gene's mutations along its protein, with domains (maftools lollipopPlot,
 * cBioPortal's mutation mapper). Data → Scene (pure layout) → the shared SVG serializer.
 *
 * Geometry: the protein is a grey backbone from residue 1 to its length (x scale linear in amino
 * acids); domains are coloured boxes on it. A site's stick rises (or, for the second group of a
 * split, falls) to a height proportional to its mutation count; the head's area grows with the
 * count and its colour is the site's most frequent class. The `labelTop` most recurrent sites with
 * at least two mutations are labelled ("R882C/H"); labels on one side that would overlap are
 * lifted a line. Hotspot residues from biomarker rules are marked with a triangle under the axis.
 */
import { scaleLinear } from 'd3'
import type { LollipopData, LollipopSite, Side } from '../src/classify/lollipop.js'
import { siteLabel } from '../src/classify/lollipop.js'
import type { ProteinTranscript } from '../src/panels/protein-table.js'
import { MAFTOOLS_COLORS } from './glyphs.js'
import type { Group, PathCommand, Scene, Shape } from './scene.js'
import { textWidth, truncate } from './text.js'

export interface LollipopOptions {
  readonly width?: number | undefined
  readonly fontSize?: number | undefined
  readonly fontFamily?: string | undefined
  /** Label at most this many sites (count ≥ 2), most recurrent first. Default 8. */
  readonly labelTop?: number | undefined
  /** Residue positions to mark (e.g. rule hotspots), with a legend label. */
  readonly hotspots?: readonly { readonly position: number; readonly label: string }[] | undefined
  /** Names of the two sides when split by a clinical group. */
  readonly sides?: { readonly above: string; readonly below: string } | undefined
  readonly title?: string | undefined
  /** Extra lines under the title (what was counted, what was left out). */
  readonly notes?: readonly string[] | undefined
}

const TEXT = '#222222'
const AXIS = '#555555'
const BACKBONE = '#D9D9D9'
/** Domain fills: ColorBrewer Set3 then Pastel1, assigned in order of first appearance along the protein. */
const DOMAIN_COLORS = ['#8DD3C7', '#FFFFB3', '#BEBADA', '#FB8072', '#80B1D3', '#FDB462', '#B3DE69', '#FCCDE5', '#BC80BD', '#CCEBC5', '#FFED6F', '#FBB4AE', '#B3CDE3', '#DECBE4', '#FED9A6', '#E5D8BD']
const CLASS_COLOR: ReadonlyMap<string, string> = new Map(MAFTOOLS_COLORS)
const OTHER_CLASS = '#7F7F7F'

export function classColor(c: string): string {
  return CLASS_COLOR.get(c) ?? OTHER_CLASS
}

/** Integer axis ticks from 0 to max (at most ~5). */
function countTicks(max: number): number[] {
  const step = Math.max(1, Math.ceil(max / 5))
  const out: number[] = []
  for (let v = 0; v <= max; v += step) out.push(v)
  if (out[out.length - 1] !== max) out.push(max)
  return out
}

export function layoutLollipop(t: ProteinTranscript, data: LollipopData, opts: LollipopOptions = {}): Scene {
  const size = opts.fontSize ?? 11
  const width = opts.width ?? 900
  const margin = 12
  const split = opts.sides !== undefined
  const left = margin + size * 6
  const right = width - margin - size * 2
  const x = scaleLinear().domain([1, Math.max(2, t.length)]).range([left, right])
  const title = opts.title ?? `${t.gene} — ${t.protein} (${t.refseq}), ${t.length} aa`
  const groups: Group[] = []
  let y = margin + size * 1.3
  const head: Shape[] = [{ kind: 'text', x: margin, y, text: title, size: size * 1.3, anchor: 'start', fill: TEXT, weight: 'bold' }]
  for (const line of opts.notes ?? []) {
    y += size * 1.4
    head.push({ kind: 'text', x: margin, y, text: truncate(line, Math.floor((width - 2 * margin) / (size * 0.6))), size, anchor: 'start', fill: TEXT, title: line })
  }
  groups.push({ id: 'lollipop-title', shapes: head })

  const maxCount = Math.max(1, data.sites.reduce((a, s) => Math.max(a, s.count), 0))
  const stickH = 150
  const labelRoom = size * 4
  const aboveTop = y + size + labelRoom
  const axisY = aboveTop + stickH + 10
  const backboneH = 10
  const domainH = 20
  const belowBottom = axisY + domainH / 2 + 10 + stickH
  const hY = (s: LollipopSite): number => (s.count / maxCount) * stickH
  const radius = (s: LollipopSite): number => 3 + 4 * Math.sqrt(s.count / maxCount)
  const tipY = (s: LollipopSite): number => (s.side === 'above' ? axisY - domainH / 2 - hY(s) : axisY + domainH / 2 + hY(s))

  // Sticks then heads, smaller counts first so big heads stay on top.
  const sticks: PathCommand[] = []
  const heads: Shape[] = []
  for (const s of [...data.sites].sort((a, b) => a.count - b.count || a.position - b.position)) {
    const cx = x(s.position)
    const base = s.side === 'above' ? axisY - domainH / 2 : axisY + domainH / 2
    sticks.push({ op: 'M', x: cx, y: base }, { op: 'V', y: tipY(s) })
    const classes = s.classes.map((c) => `${c.variantClass} ${c.count}`).join(', ')
    const changes = s.changes.map((c) => `${c.change} ×${c.count}`).join(', ')
    heads.push({ kind: 'circle', cx, cy: tipY(s), r: radius(s), fill: classColor(s.mainClass), stroke: '#333333', strokeWidth: 0.6, title: `${t.gene} ${s.position}: ${s.count} mutation${s.count === 1 ? '' : 's'} in ${s.samples} sample${s.samples === 1 ? '' : 's'} (${changes}; ${classes})`, data: { position: String(s.position), count: String(s.count), side: s.side } })
  }
  groups.push({ id: 'sticks', shapes: [{ kind: 'path', d: sticks, fill: 'none', stroke: '#8C8C8C', strokeWidth: 1 }] })

  // Backbone and domains.
  const protein: Shape[] = [{ kind: 'rect', x: x(1), y: axisY - backboneH / 2, w: x(t.length) - x(1), h: backboneH, fill: BACKBONE, title: `${t.protein}: 1–${t.length}` }]
  const domainColor = new Map<string, string>()
  for (const d of [...t.domains].sort((a, b) => a.start - b.start || a.end - b.end)) {
    if (!domainColor.has(d.label)) domainColor.set(d.label, DOMAIN_COLORS[domainColor.size % DOMAIN_COLORS.length] as string)
  }
  // Longest first, so a short domain inside a long one stays visible; a domain is labelled in place
  // only when it fits and no domain drawn after it overlaps it (the legend names every domain).
  const drawOrder = [...t.domains].sort((a, b) => b.end - b.start - (a.end - a.start) || a.start - b.start)
  const inPlace: Shape[] = []
  drawOrder.forEach((d, k) => {
    const x0 = x(Math.max(1, d.start))
    const x1 = x(Math.min(t.length, d.end))
    protein.push({ kind: 'rect', x: x0, y: axisY - domainH / 2, w: Math.max(1, x1 - x0), h: domainH, fill: domainColor.get(d.label) ?? BACKBONE, stroke: '#666666', strokeWidth: 0.5, title: `${d.label}: ${d.start}–${d.end}` })
    const covered = drawOrder.slice(k + 1).some((o) => o.start <= d.end && o.end >= d.start)
    if (!covered && textWidth(d.label, size * 0.85) + 4 <= x1 - x0) inPlace.push({ kind: 'text', x: (x0 + x1) / 2, y: axisY + size * 0.3, text: d.label, size: size * 0.85, anchor: 'middle', fill: TEXT })
  })
  protein.push(...inPlace)
  groups.push({ id: 'protein', shapes: protein })
  groups.push({ id: 'heads', shapes: heads })

  // Labels of the most recurrent sites, lifted a line when they would overlap on their side.
  const labelled = [...data.sites].filter((s) => s.count >= 2).sort((a, b) => b.count - a.count || a.position - b.position).slice(0, opts.labelTop ?? 8)
  const labels: Shape[] = []
  for (const side of ['above', 'below'] as Side[]) {
    const placed: { x0: number; x1: number; row: number }[] = []
    for (const s of labelled.filter((l) => l.side === side).sort((a, b) => a.position - b.position)) {
      const text = siteLabel(s)
      const w = textWidth(text, size)
      const cx = x(s.position)
      let row = 0
      while (placed.some((p) => p.row === row && !(cx + w / 2 < p.x0 || cx - w / 2 > p.x1))) row++
      placed.push({ x0: cx - w / 2 - 2, x1: cx + w / 2 + 2, row })
      const ly = side === 'above' ? tipY(s) - radius(s) - 4 - row * size * 1.15 : tipY(s) + radius(s) + size + row * size * 1.15
      labels.push({ kind: 'text', x: cx, y: ly, text, size, anchor: 'middle', fill: TEXT })
    }
  }
  groups.push({ id: 'site-labels', shapes: labels })

  // Hotspots: triangles just under the backbone.
  if (opts.hotspots !== undefined && opts.hotspots.length > 0) {
    const d: PathCommand[] = []
    const ty = axisY + domainH / 2 + 2
    for (const h of opts.hotspots) {
      if (h.position < 1 || h.position > t.length) continue
      const cx = x(h.position)
      d.push({ op: 'M', x: cx, y: ty }, { op: 'L', x: cx - 4, y: ty + 7 }, { op: 'L', x: cx + 4, y: ty + 7 }, { op: 'Z' })
    }
    groups.push({ id: 'hotspots', shapes: [{ kind: 'path', d, fill: '#000000' }], data: { positions: opts.hotspots.map((h) => String(h.position)).join(',') } })
  }

  // Axes: amino acids along the bottom, mutation counts at the left (both sides when split).
  const axes: Shape[] = []
  const axisBottom = split ? belowBottom + 8 : axisY + domainH / 2 + 16
  const ticks = [...x.ticks(8).filter((v) => v >= 1 && v < t.length * 0.97), t.length]
  axes.push({ kind: 'line', x1: x(1), y1: axisBottom, x2: x(t.length), y2: axisBottom, stroke: AXIS, strokeWidth: 0.75 })
  for (const v of ticks) {
    axes.push({ kind: 'line', x1: x(v), y1: axisBottom, x2: x(v), y2: axisBottom + 4, stroke: AXIS, strokeWidth: 0.75 })
    axes.push({ kind: 'text', x: x(v), y: axisBottom + 6 + size, text: String(v), size: size * 0.9, anchor: 'middle', fill: TEXT })
  }
  axes.push({ kind: 'text', x: (left + right) / 2, y: axisBottom + 10 + size * 2.1, text: 'Amino acid position', size, anchor: 'middle', fill: TEXT })
  const yAxis = (side: Side): void => {
    const y0 = side === 'above' ? axisY - domainH / 2 : axisY + domainH / 2
    const dir = side === 'above' ? -1 : 1
    const ax = left - 10
    axes.push({ kind: 'line', x1: ax, y1: y0, x2: ax, y2: y0 + dir * stickH, stroke: AXIS, strokeWidth: 0.75 })
    for (const v of countTicks(maxCount)) {
      const ty = y0 + dir * (v / maxCount) * stickH
      axes.push({ kind: 'line', x1: ax - 3, y1: ty, x2: ax, y2: ty, stroke: AXIS, strokeWidth: 0.75 })
      axes.push({ kind: 'text', x: ax - 5, y: ty + size * 0.35, text: String(v), size: size * 0.9, anchor: 'end', fill: TEXT })
    }
    const name = opts.sides?.[side]
    const label = name === undefined ? '# mutations' : `${truncate(name, 28)} (# mutations)`
    axes.push({ kind: 'text', x: margin + size * 0.8, y: y0 + (dir * stickH) / 2, text: label, size: size * 0.9, anchor: 'middle', fill: TEXT, rotate: -90, title: name })
  }
  yAxis('above')
  if (split) yAxis('below')
  groups.push({ id: 'axes', shapes: axes })

  // Legend: classes present, domains, hotspot mark.
  const legend: Shape[] = []
  let lx = margin
  let ly = axisBottom + size * 4.5
  const item = (draw: (x: number, y: number) => Shape, text: string): void => {
    const w = 16 + textWidth(text, size) + 14
    if (lx + w > width - margin) {
      lx = margin
      ly += size * 1.6
    }
    legend.push(draw(lx + 6, ly - size * 0.35), { kind: 'text', x: lx + 16, y: ly, text, size, anchor: 'start', fill: TEXT })
    lx += w
  }
  const classes = new Map<string, number>()
  for (const s of data.sites) classes.set(s.mainClass, (classes.get(s.mainClass) ?? 0) + 1)
  for (const [c] of MAFTOOLS_COLORS) if (classes.has(c)) item((cx, cy) => ({ kind: 'circle', cx, cy, r: 5, fill: classColor(c), stroke: '#333333', strokeWidth: 0.6 }), c.replace(/_/g, ' '))
  for (const c of [...classes.keys()].filter((k) => !CLASS_COLOR.has(k)).sort()) item((cx, cy) => ({ kind: 'circle', cx, cy, r: 5, fill: OTHER_CLASS }), c.replace(/_/g, ' '))
  for (const [label, fill] of domainColor) item((cx, cy) => ({ kind: 'rect', x: cx - 6, y: cy - 5, w: 12, h: 10, fill, stroke: '#666666', strokeWidth: 0.5 }), truncate(label, 40))
  if (opts.hotspots !== undefined && opts.hotspots.length > 0) {
    const names = [...new Set(opts.hotspots.map((h) => h.label))].join(', ')
    item((cx, cy) => ({ kind: 'path', d: [{ op: 'M', x: cx, y: cy - 4 }, { op: 'L', x: cx - 4, y: cy + 3 }, { op: 'L', x: cx + 4, y: cy + 3 }, { op: 'Z' }], fill: '#000000' }), truncate(`hotspot (${names})`, 60))
  }
  groups.push({ id: 'legend', shapes: legend })

  return { width, height: ly + size + margin, background: '#FFFFFF', fontFamily: opts.fontFamily ?? 'Helvetica, Arial, sans-serif', title, patterns: [], groups }
}
