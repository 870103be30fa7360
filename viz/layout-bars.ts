/**
 * Side panels. Top: per shown sample, the events in the shown features stacked by class (maftools
 * top bar counts per Variant_Classification, so a Multi_Hit cell adds each of its events), plus an
 * "Other genes" segment = burden − mutation events shown; or TMB = burden / panel Mb when every
 * shown sample has a panel size. Right: per row, altered samples stacked by the cell's drawn class
 * (maftools `table(x[x != 0])` of the cell codes), over all samples of the matrix, with n/N.
 *
 * Complexity: top bar O(rows × shown columns) over the cell table's signatures, or O(rows × samples
 * + events) with a Set of event identities when rule/pathway rows may share events; right bar
 * O(rows × samples).
 */
import { forEachAlteredCell } from './cell-events.js'
import { eventKey, glyph, type CellGlyphs } from './glyphs.js'
import { colX, rowY, type Frame } from './frame.js'
import type { Group, Shape } from './scene.js'
import { NUMERIC_COLOR } from './tracks.js'

export const OTHER_GENES = { key: 'other-genes', fill: '#BDBDBD', label: 'Other genes' } as const

export type TopBarMode = 'events' | 'tmb' | 'none'

function order(f: Frame, key: string): number {
  return key === OTHER_GENES.key ? Number.MAX_SAFE_INTEGER : glyph(f.palette, key).legendOrder
}

function fill(f: Frame, key: string): string {
  return key === OTHER_GENES.key ? OTHER_GENES.fill : glyph(f.palette, key).fill
}

function axis(x: number, yTop: number, yBottom: number, max: string, size: number, color: string, label: string): Shape[] {
  return [
    { kind: 'line', x1: x, y1: yTop, x2: x, y2: yBottom, stroke: color, strokeWidth: 0.75 },
    { kind: 'line', x1: x - 3, y1: yTop, x2: x, y2: yTop, stroke: color, strokeWidth: 0.75 },
    { kind: 'line', x1: x - 3, y1: yBottom, x2: x, y2: yBottom, stroke: color, strokeWidth: 0.75 },
    { kind: 'text', x: x - 5, y: yTop + size * 0.35, text: max, size, anchor: 'end', fill: color },
    { kind: 'text', x: x - 5, y: yBottom + size * 0.35, text: '0', size, anchor: 'end', fill: color },
    { kind: 'text', x: x - 8 - size * 2.2, y: (yTop + yBottom) / 2, text: label, size, anchor: 'middle', fill: color, rotate: -90 },
  ]
}

/**
 * A bar's height as a fraction of the full height: v / max, or log10(1 + v) / log10(1 + max) on a log
 * scale (the +1 keeps 0 at 0 and a count of 1 visible, as maftools' logColBar does for burdens).
 */
export function barFraction(v: number, max: number, log: boolean): number {
  if (max <= 0) return 0
  return log ? Math.log10(1 + v) / Math.log10(1 + max) : v / max
}

/** Format an axis maximum: integers as is, others at 1 decimal. */
function tick(v: number): string {
  return Number.isInteger(v) ? String(v) : v.toFixed(1)
}

/** Per shown column: events by key id (holes = 0), and the events on a mutation key. */
interface EventCounts {
  readonly counts: number[][]
  readonly mutations: readonly number[]
}

/** Counts from the cell table: per column, the sum of its cells' signature counts. O(rows × columns). */
function signatureCounts(f: Frame, id: (key: string) => number): EventCounts {
  const n = f.matrix.samples.length
  const nr = f.order.rows.length
  const { sig, sigEvents } = f.cells
  // Per signature: flat (key id, count) pairs and its mutation-event count.
  const pairs = sigEvents.map((list) => list.flatMap(([key, c]) => [id(key), c]))
  const mutations = sigEvents.map((list) => list.reduce((a, [key, c]) => (key.startsWith('mut:') ? a + c : a), 0))
  const perColumn: number[] = []
  const counts = f.order.columns.map((s) => {
    const c: number[] = []
    let muts = 0
    for (let r = 0, i = s; r < nr; r++, i += n) {
      const g = sig[i] as number
      if (g === 0) continue
      const p = pairs[g - 1] as number[]
      for (let q = 0; q < p.length; q += 2) {
        const k = p[q] as number
        c[k] = (c[k] ?? 0) + (p[q + 1] as number)
      }
      muts += mutations[g - 1] as number
    }
    perColumn.push(muts)
    return c
  })
  return { counts, mutations: perColumn }
}

/**
 * Counts over the events themselves, each event once (rule and pathway rows share events with gene
 * rows and with each other): an event is known by its identity (`AlteredCellView.identity`), not by
 * its record, which a columnar store builds afresh on every read.
 */
function sharedEventCounts(f: Frame, id: (key: string) => number): EventCounts {
  const { matrix: m, order: ord } = f
  const column = new Int32Array(m.samples.length).fill(-1)
  ord.columns.forEach((s, j) => {
    column[s] = j
  })
  const counts: number[][] = ord.columns.map(() => [])
  const mutations: number[] = ord.columns.map(() => 0)
  // Key id per event code, so the loop neither builds strings nor reads records after the first.
  const keyOfCode = new Map<number, number>()
  const mutationKeys = new Set<number>()
  const seen = new Set<unknown>()
  for (const feature of ord.rows) {
    forEachAlteredCell(m, feature, (cell) => {
      const j = column[cell.s] as number
      if (j < 0) return
      const c = counts[j] as number[]
      for (let k = 0; k < cell.n; k++) {
        const who = cell.identity(k)
        if (seen.has(who)) continue
        seen.add(who)
        const code = cell.code(k)
        let key = keyOfCode.get(code)
        if (key === undefined) {
          const name = eventKey(f.palette, cell.record(k))
          key = id(name)
          keyOfCode.set(code, key)
          if (name.startsWith('mut:')) mutationKeys.add(key)
        }
        if (mutationKeys.has(key)) mutations[j] = (mutations[j] as number) + 1
        c[key] = (c[key] ?? 0) + 1
      }
    })
  }
  return { counts, mutations }
}

export function topBarGroup(f: Frame, mode: TopBarMode, height: number, used: Set<string>, log = false): Group {
  const { matrix: m, order: ord } = f
  const size = f.theme.fontSize * 0.8
  const yBottom = f.y0 - 4
  const w = f.cellW - f.colGap
  const shapes: Shape[] = []
  if (mode === 'tmb') {
    const vals = ord.columns.map((s) => {
      const mb = m.panelMb[s]
      return mb === undefined || mb <= 0 ? undefined : (m.burden[s] ?? 0) / mb
    })
    const max = vals.reduce<number>((a, v) => Math.max(a, v ?? 0), 0)
    const rects: number[] = []
    vals.forEach((v, j) => {
      if (v === undefined || max === 0 || v === 0) return
      const h = height * barFraction(v, max, log)
      rects.push(colX(f, j), yBottom - h, w, h)
    })
    shapes.push({ kind: 'rects', rects, fill: NUMERIC_COLOR })
    shapes.push(...axis(f.x0 - 4, yBottom - height, yBottom, tick(Math.round(max * 10) / 10), size, f.theme.text, log ? 'TMB/Mb (log)' : 'TMB/Mb'))
    return { id: 'top-bar', shapes, data: { mode, ...(log ? { scale: 'log10(1+x)' } : {}) } }
  }
  // Keys get small integer ids so a column's counts live in one array.
  const keyIds = new Map<string, number>()
  const keys: string[] = []
  const id = (key: string): number => {
    let k = keyIds.get(key)
    if (k === undefined) {
      k = keys.length
      keyIds.set(key, k)
      keys.push(key)
    }
    return k
  }
  const other = id(OTHER_GENES.key)
  // Pathway/rule features can share an event with a gene row: count each event once per sample,
  // which needs the events themselves. Gene rows never share one, so their cells' counts come
  // from the cell table's signatures without touching the events again.
  const shared = ord.rows.some((r) => m.features[r]?.type !== 'gene')
  const { counts, mutations } = shared ? sharedEventCounts(f, id) : signatureCounts(f, id)
  // A loop, not Math.max(...spread): one argument per sample overflows the stack near 10^5 samples.
  let max = 0
  counts.forEach((c, j) => {
    const rest = (m.burden[ord.columns[j] as number] ?? 0) - (mutations[j] ?? 0)
    if (rest > 0) c[other] = rest
    max = Math.max(max, c.reduce((a, b) => a + (b ?? 0), 0))
  })
  const stackOrder = keys.map((_, k) => k).sort((a, b) => order(f, keys[a] as string) - order(f, keys[b] as string))
  const rects: number[][] = keys.map(() => [])
  if (max > 0) {
    counts.forEach((c, j) => {
      let y = yBottom
      // On a log scale the bar's total height is log-scaled and its segments share it in proportion.
      const total = c.reduce((a, b) => a + (b ?? 0), 0)
      const barH = total === 0 ? 0 : height * barFraction(total, max, log)
      for (const k of stackOrder) {
        const v = c[k]
        if (v === undefined || v === 0) continue
        const h = (barH * v) / total
        y -= h
        rects[k]?.push(colX(f, j), y, w, h)
      }
    })
  }
  for (const k of stackOrder) {
    const list = rects[k] ?? []
    if (list.length === 0) continue
    used.add(keys[k] as string)
    shapes.push({ kind: 'rects', rects: list, fill: fill(f, keys[k] as string) })
  }
  shapes.push(...axis(f.x0 - 4, yBottom - height, yBottom, tick(max), size, f.theme.text, log ? 'Events (log)' : 'Events'))
  return { id: 'top-bar', shapes, data: { mode, ...(log ? { scale: 'log10(1+x)' } : {}) } }
}

/** The class a cell is counted under in the right bar: its mutation glyph, else fusion, else CN. */
export function mainKey(g: CellGlyphs): string | undefined {
  const keys = g.keys.filter((k) => k !== 'germline')
  return keys.find((k) => k.startsWith('mut:')) ?? keys.find((k) => k === 'fusion') ?? keys[0]
}

export function rightBarGroup(f: Frame, x: number, width: number, textX: number): Group {
  const { matrix: m, order: ord } = f
  const n = m.samples.length
  const size = f.theme.fontSize * 0.9
  const shapes: Shape[] = []
  let maxAltered = 0 // a loop: a spread passes one argument per row (stack overflow past ~125k rows)
  for (const a of ord.altered) if (a > maxAltered) maxAltered = a
  const mains = f.cells.sigs.map(mainKey)
  ord.rows.forEach((_, r) => {
    const counts = new Map<string, number>()
    const perSig = new Int32Array(mains.length)
    for (let s = 0, i = r * n; s < n; s++, i++) {
      const id = f.cells.sig[i] as number
      if (id !== 0) perSig[id - 1] = (perSig[id - 1] ?? 0) + 1
    }
    perSig.forEach((c, id) => {
      const key = mains[id]
      if (c > 0 && key !== undefined) counts.set(key, (counts.get(key) ?? 0) + c)
    })
    const y = rowY(f, r)
    let cx = x
    if (width === 0) counts.clear()
    for (const key of [...counts.keys()].sort((a, b) => order(f, a) - order(f, b))) {
      const w = (width * (counts.get(key) ?? 0)) / maxAltered
      shapes.push({ kind: 'rect', x: cx, y: y + f.cellH * 0.15, w, h: f.cellH * 0.7, fill: fill(f, key) })
      cx += w
    }
    shapes.push({ kind: 'text', x: textX, y: y + f.cellH / 2 + size * 0.35, text: `${ord.altered[r] ?? 0}/${ord.assayed[r] ?? 0}`, size, anchor: 'start', fill: f.theme.text })
  })
  if (ord.rows.length > 0 && width > 0) {
    const yAxis = f.y0 - 4
    shapes.push(
      { kind: 'line', x1: x, y1: yAxis, x2: x + width, y2: yAxis, stroke: f.theme.text, strokeWidth: 0.75 },
      { kind: 'text', x, y: yAxis - 3, text: '0', size: size * 0.9, anchor: 'start', fill: f.theme.text },
      { kind: 'text', x: x + width, y: yAxis - 3, text: String(maxAltered), size: size * 0.9, anchor: 'end', fill: f.theme.text },
      { kind: 'text', x: textX, y: yAxis - 3, text: 'n/N', size: size * 0.9, anchor: 'start', fill: f.theme.text, weight: 'bold' },
    )
  }
  return { id: 'right-bar', shapes }
}
