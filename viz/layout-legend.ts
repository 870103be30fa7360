/**
 * Legends, listing only what is drawn, in fixed order: alteration glyphs by legend order, then the
 * cell states (wild type, not assayed, germline), then one block per clinical track. Blocks flow
 * left to right and wrap at the figure width.
 */
import { glyph, type GlyphSpec } from './glyphs.js'
import type { Frame } from './frame.js'
import { OTHER_GENES } from './layout-bars.js'
import { NA_PATTERN_ID } from './layout-matrix.js'
import { CENSOR_COLOR } from './layout-tracks.js'
import type { Group, Shape } from './scene.js'
import { textWidth, widest } from './text.js'
import { NUMERIC_COLOR, type Track } from './tracks.js'

interface Item {
  readonly label: string
  /** Draws the swatch with its top-left at (x, y), size s. */
  readonly swatch: (x: number, y: number, s: number) => Shape[]
}

interface Block {
  readonly title: string
  readonly items: readonly Item[]
}

function glyphItem(f: Frame, g: GlyphSpec): Item {
  return {
    label: g.label,
    swatch: (x, y, s) => {
      if (g.layer === 'germline') {
        return [
          { kind: 'rect', x, y, w: s, h: s, fill: f.theme.wildType },
          { kind: 'path', d: [{ op: 'M', x, y }, { op: 'H', x: x + s * 0.55 }, { op: 'L', x, y: y + s * 0.55 }, { op: 'Z' }], fill: '#FFFFFF', stroke: '#000000', strokeWidth: 0.6 },
        ]
      }
      return [
        { kind: 'rect', x, y, w: s, h: s, fill: f.theme.wildType },
        { kind: 'rect', x, y: y + s * g.insetY, w: s, h: s * (1 - 2 * g.insetY), fill: g.fill },
      ]
    },
  }
}

function solid(label: string, fill: string): Item {
  return { label, swatch: (x, y, s) => [{ kind: 'rect', x, y, w: s, h: s, fill, stroke: '#999999', strokeWidth: 0.5 }] }
}

export function legendBlocks(f: Frame, used: ReadonlySet<string>, states: { wildType: boolean; notAssayed: boolean }, tracks: readonly Track[]): Block[] {
  const glyphs = [...used]
    .filter((k) => k !== OTHER_GENES.key)
    .map((k) => glyph(f.palette, k))
    .sort((a, b) => a.legendOrder - b.legendOrder)
  const items: Item[] = glyphs.map((g) => glyphItem(f, g))
  if (used.has(OTHER_GENES.key)) items.push(solid(`${OTHER_GENES.label} (top bar)`, OTHER_GENES.fill))
  if (states.wildType) items.push(solid('Wild type', f.theme.wildType))
  if (states.notAssayed) items.push(solid('Not assayed / no data', `url(#${NA_PATTERN_ID})`))
  const blocks: Block[] = [{ title: 'Alterations', items }]
  for (const t of tracks) {
    const hasMissing = t.values.some((v) => v === undefined)
    if (t.type === 'numeric') {
      const ti: Item[] = [solid(`0 – ${Number.isInteger(t.max) ? t.max : t.max.toFixed(1)}`, NUMERIC_COLOR)]
      if (t.events.some((e) => e === false)) {
        ti.push({
          label: 'censored',
          swatch: (x, y, s) => [{ kind: 'path', d: [{ op: 'M', x, y: y + s / 2 }, { op: 'H', x: x + s }, { op: 'M', x: x + s / 2, y }, { op: 'V', y: y + s }], fill: 'none', stroke: CENSOR_COLOR, strokeWidth: 1 }],
        })
      }
      if (hasMissing) ti.push(solid('missing', `url(#${NA_PATTERN_ID})`))
      blocks.push({ title: t.column, items: ti })
    } else {
      const ti = t.levels.map((l) => solid(l.value, l.color))
      if (hasMissing) ti.push(solid('missing', `url(#${NA_PATTERN_ID})`))
      blocks.push({ title: t.column, items: ti })
    }
  }
  return blocks.filter((b) => b.items.length > 0)
}

const PER_COLUMN = 6

/** Lay out blocks from (x, y), wrapping at maxX. Returns the group and the bottom edge. */
export function legendGroup(f: Frame, blocks: readonly Block[], x: number, y: number, maxX: number): { group: Group; bottom: number; right: number } {
  const size = f.theme.fontSize
  const sw = size
  const lineH = size * 1.5
  const shapes: Shape[] = []
  let bx = x
  let by = y
  let rowBottom = y
  let right = x
  for (const b of blocks) {
    const cols = Math.ceil(b.items.length / PER_COLUMN)
    const colW = widest(b.items.map((i) => i.label), size, -Infinity) + sw + 14
    const width = Math.max(cols * colW, textWidth(b.title, size) + 8)
    const height = lineH * (1 + Math.min(PER_COLUMN, b.items.length))
    if (bx > x && bx + width > maxX) {
      bx = x
      by = rowBottom + lineH * 0.5
    }
    shapes.push({ kind: 'text', x: bx, y: by + size, text: b.title, size, anchor: 'start', fill: f.theme.text, weight: 'bold' })
    b.items.forEach((item, i) => {
      const ix = bx + Math.floor(i / PER_COLUMN) * colW
      const iy = by + lineH * (1 + (i % PER_COLUMN))
      shapes.push(...item.swatch(ix, iy, sw))
      shapes.push({ kind: 'text', x: ix + sw + 5, y: iy + sw * 0.85, text: item.label, size, anchor: 'start', fill: f.theme.text })
    })
    right = Math.max(right, bx + width)
    bx += width + size * 2
    rowBottom = Math.max(rowBottom, by + height)
  }
  return { group: { id: 'legend', shapes }, bottom: rowBottom, right }
}
