/**
 * The oncoplot layout: (matrix, order, clinical, options) → Scene. Pure: no I/O, no DOM, no clock;
 * equal inputs give equal scenes. Layout, top to bottom: title, top bar, matrix (percent and labels
 * on the left, right bar and n/N on the right), clinical tracks, sample names, legend.
 */
import { InputError } from '../src/errors.js'
import { ALTERED, NOT_ASSAYED, WILD_TYPE, type CohortMatrix, type RecordMatrix } from '../src/matrix/types.js'
import type { ClinicalTable } from '../src/model/clinical.js'
import { makePalette, type PaletteName } from './glyphs.js'
import { buildCellTable, glyphsAt } from './cell-table.js'
import { colX, matrixHeight, matrixWidth, rowY, type Frame } from './frame.js'
import { rightBarGroup, topBarGroup, type TopBarMode } from './layout-bars.js'
import { legendBlocks, legendGroup } from './layout-legend.js'
import { matrixGroup, NA_PATTERN_ID, type TooltipOptions } from './layout-matrix.js'
import { trackGroup } from './layout-tracks.js'
import { orderMatrix, type OrderOptions, type Ordering } from './order.js'
import type { Group, Scene, Shape } from './scene.js'
import { textWidth, truncate, widest } from './text.js'
import { DEFAULT_THEME, type Theme } from './theme.js'
import { buildTracks, type TrackSpec } from './tracks.js'
import { cellTooltip } from './tooltip.js'

export interface LayoutOptions {
  readonly theme?: Theme | undefined
  /** Overrides the theme's palette. */
  readonly palette?: PaletteName | undefined
  /** Column width in px; default: fit `maxMatrixWidth`, at most 14. */
  readonly cellWidth?: number | undefined
  readonly cellHeight?: number | undefined
  readonly maxMatrixWidth?: number | undefined
  /** Default: 'tmb' when every shown sample has a panel size, else 'events'. */
  readonly topBar?: TopBarMode | undefined
  readonly rightBar?: boolean | undefined
  readonly tracks?: readonly TrackSpec[] | undefined
  /** Per altered cell `<title>` + data-* (for the HTML report). */
  readonly tooltips?: boolean | undefined
  readonly maxTooltipCells?: number | undefined
  readonly sampleNames?: 'auto' | 'show' | 'hide' | undefined
  readonly title?: string | undefined
  /** Gene symbols in italic (HGNC convention). Default true; rule and pathway labels stay upright. */
  readonly italicGenes?: boolean | undefined
  /** log10(1 + value) scale for the top bar and numeric tracks (one hypermutated sample flattens a linear one). */
  readonly log?: boolean | undefined
}

export type OncoplotOptions = OrderOptions & LayoutOptions

const MARGIN = 12
const LABEL_MAX = 30

export interface AlteredSummary {
  readonly altered: number
  readonly assayed: number
}

/** Samples altered in at least one shown feature, over samples assayed for at least one. */
export function alteredSummary(m: CohortMatrix, rows: readonly number[]): AlteredSummary {
  const n = m.samples.length
  let altered = 0
  let assayed = 0
  for (let s = 0; s < n; s++) {
    let a = false
    let any = false
    for (const f of rows) {
      const v = m.state[f * n + s]
      if (v === ALTERED) a = true
      if (v !== NOT_ASSAYED) any = true
    }
    if (a) altered++
    if (any) assayed++
  }
  return { altered, assayed }
}

/** R's round() at 0 digits (IEC 60559 half to even), so "12.5%" prints as maftools prints it. */
export function roundHalfEven(x: number): number {
  const r = Math.round(x)
  return Math.abs(x - Math.trunc(x)) === 0.5 ? 2 * Math.round(x / 2) : r
}

export function defaultTitle(s: AlteredSummary): string {
  const pct = s.assayed === 0 ? 0 : (100 * s.altered) / s.assayed
  return `Altered in ${s.altered} of ${s.assayed} samples (${pct.toFixed(1)}%)`
}

/** Lay out an already ordered matrix. */
export function layoutOrdered(m: RecordMatrix, order: Ordering, opts: LayoutOptions = {}, clinical?: ClinicalTable): Scene {
  const theme = opts.theme ?? DEFAULT_THEME
  const palette = makePalette(opts.palette ?? theme.palette, theme.colors)
  const size = theme.fontSize
  const ncol = order.columns.length
  const cellH = opts.cellHeight ?? 14
  const cellW = opts.cellWidth ?? Math.min(14, (opts.maxMatrixWidth ?? 900) / Math.max(1, ncol))
  const colGap = cellW >= 4 ? 1 : 0
  const tracks = opts.tracks !== undefined && opts.tracks.length > 0 ? (clinical === undefined ? missingClinical() : buildTracks(clinical, order.columns.map((s) => m.samples[s] ?? ''), opts.tracks, theme.clinical)) : []

  const labels = order.rows.map((f) => m.features[f]?.label ?? '')
  const rowLabelW = widest(labels.map((l) => truncate(l, LABEL_MAX)), size) + 8
  const trackLabelW = widest(tracks.map((t) => truncate(t.column, LABEL_MAX)), size) + 8
  const pctW = textWidth('100%', size) + 4
  // The percent column sits just left of the row labels (maftools prints it on the left too);
  // track labels may reach further left, and the top-bar axis needs ~7 em.
  const x0 = MARGIN + Math.max(pctW + rowLabelW, trackLabelW, size * 7)
  const summary = alteredSummary(m, order.rows)
  const title = opts.title ?? defaultTitle(summary)
  const titleY = MARGIN + size * 1.3
  const topMode: TopBarMode = opts.topBar ?? (ncol > 0 && order.columns.every((s) => (m.panelMb[s] ?? 0) > 0) ? 'tmb' : 'events')
  const topH = topMode === 'none' ? 0 : 60
  const y0 = titleY + size * 1.2 + (topMode === 'none' ? 0 : topH + 8) + size
  const frame: Frame = { matrix: m, order, palette, theme, x0, y0, cellW, cellH, rowGap: 2, colGap, cells: buildCellTable(m, order.rows, palette) }
  const mw = matrixWidth(frame)

  const groups: Group[] = []
  const used = new Set<string>()
  for (const g of frame.cells.sigs) for (const k of g.keys) used.add(k)
  if (topMode !== 'none') groups.push(topBarGroup(frame, topMode, topH, used, opts.log === true))

  let tooltip: TooltipOptions | undefined
  if (opts.tooltips) {
    const limit = opts.maxTooltipCells ?? 20_000
    if (frame.cells.altered > limit) throw new InputError('LIMIT', `${frame.cells.altered} altered cells is too many for per-cell tooltips (limit ${limit})`, { suggestion: 'draw fewer genes or samples, or turn tooltips off' })
    tooltip = { text: (r, s) => cellTooltip(m, order.rows[r] as number, s, glyphsAt(frame.cells, m.samples.length, r, s)) }
  }
  groups.push(matrixGroup(frame, tooltip))

  const rowLabels: Shape[] = []
  order.rows.forEach((f, r) => {
    const y = rowY(frame, r) + cellH / 2 + size * 0.35
    const n = order.altered[r] ?? 0
    const N = order.assayed[r] ?? 0
    rowLabels.push({ kind: 'text', x: x0 - rowLabelW - 2, y, text: `${N === 0 ? 0 : roundHalfEven((100 * n) / N)}%`, size, anchor: 'end', fill: theme.text })
    const label = labels[r] ?? ''
    const shown = truncate(label, LABEL_MAX)
    const italic = (opts.italicGenes ?? true) && m.features[f]?.type === 'gene'
    rowLabels.push({ kind: 'text', x: x0 - 6, y, text: shown, size, anchor: 'end', fill: theme.text, title: shown === label ? undefined : label, ...(italic ? { italic } : {}) })
  })
  groups.push({ id: 'row-labels', shapes: rowLabels })

  const rightX = x0 + mw + 8
  const rightW = opts.rightBar === false ? 0 : 80
  const textX = rightX + rightW + 6
  const nnW = widest(order.rows.map((_, r) => `${order.altered[r] ?? 0}/${order.assayed[r] ?? 0}`), size * 0.9, textWidth('n/N', size))
  groups.push(rightBarGroup(frame, rightX, rightW, textX))

  let y = y0 + matrixHeight(frame) + 8
  for (const t of tracks) {
    // A bar chart needs more height than a colour strip to be read.
    const h = t.type === 'numeric' ? cellH * 2 : cellH
    groups.push(trackGroup(frame, t, y, h, x0 - 6, opts.log === true))
    y += h + 4
  }

  // Column groups (sortBy): a rule at each boundary through matrix and tracks.
  const groupsOf = order.groups ?? []
  if (groupsOf.length > 1) {
    const rules: Shape[] = groupsOf.slice(1).map((g) => ({ kind: 'line', x1: colX(frame, g.start), y1: y0 - 2, x2: colX(frame, g.start), y2: y - 2, stroke: theme.text, strokeWidth: 1 }))
    groups.push({ id: 'group-rules', shapes: rules, data: { groups: groupsOf.map((g) => g.value ?? 'NA').join(';') } })
  }

  const showNames = opts.sampleNames === 'show' || ((opts.sampleNames ?? 'auto') === 'auto' && cellW >= size * 0.9)
  if (showNames && ncol > 0) {
    const ns = Math.min(size, cellW * 0.9)
    const names: Shape[] = []
    let longest = 0
    order.columns.forEach((s, j) => {
      const full = m.samples[s] ?? ''
      const text = truncate(full, LABEL_MAX)
      longest = Math.max(longest, textWidth(text, ns))
      names.push({ kind: 'text', x: colX(frame, j) + cellW / 2 + ns * 0.35, y: y + 2, text, size: ns, anchor: 'end', fill: theme.text, rotate: -90, title: text === full ? undefined : full })
    })
    groups.push({ id: 'sample-names', shapes: names })
    y += longest + 8
  }

  const states = { wildType: false, notAssayed: false }
  const n = m.samples.length
  for (const f of order.rows) {
    for (const s of order.columns) {
      const v = m.state[f * n + s]
      if (v === WILD_TYPE) states.wildType = true
      else if (v === NOT_ASSAYED) states.notAssayed = true
    }
  }
  const legendUsed = new Set([...used].filter((k) => k === 'other-genes' || palette.glyphs.has(k)))
  const blocks = legendBlocks(frame, legendUsed, states, tracks)
  const width = Math.max(textX + nnW + MARGIN, x0 + 300)
  const legend = legendGroup(frame, blocks, MARGIN, y + 6, width - MARGIN)
  groups.push(legend.group)

  groups.unshift({ id: 'title', shapes: [{ kind: 'text', x: x0, y: titleY, text: title, size: size * 1.3, anchor: 'start', fill: theme.text, weight: 'bold' }] })
  return {
    width: Math.max(width, legend.right + MARGIN),
    height: legend.bottom + MARGIN,
    background: theme.background,
    fontFamily: theme.fontFamily,
    title,
    patterns: [{ id: NA_PATTERN_ID, size: 4, background: theme.notAssayed, stroke: '#9E9E9E', strokeWidth: 0.8 }],
    groups,
  }
}

function missingClinical(): never {
  throw new InputError('USAGE', 'clinical tracks were requested but no clinical table was given', { suggestion: 'pass --clinical FILE' })
}

/** Order and lay out in one call. */
export function layoutOncoplot(m: RecordMatrix, opts: OncoplotOptions = {}, clinical?: ClinicalTable): Scene {
  return layoutOrdered(m, orderMatrix(m, opts, clinical), opts, clinical)
}
