/**
 * Tiny HTML building blocks. Every string that comes from data goes through `esc` (the SVG
 * serializer's escaper: the five specials, bidi controls as visible character references, XML-illegal
 * characters dropped), which is also correct for HTML text and double-quoted attributes.
 */
import { escapeXml } from '../svg.js'

export const esc = escapeXml

/** A numeric cell: shown text plus a sort key (omitted for NA, so NA sorts last). */
export function numCell(text: string, v: number | undefined, title?: string): string {
  const key = v === undefined || Number.isNaN(v) ? '' : ` data-v="${String(v)}"`
  const tip = title === undefined ? '' : ` title="${esc(title)}"`
  return `<td class="num"${key}${tip}>${esc(text)}</td>`
}

export function textCell(text: string, cls?: string, title?: string): string {
  const c = cls === undefined ? '' : ` class="${cls}"`
  const tip = title === undefined ? '' : ` title="${esc(title)}"`
  return `<td${c}${tip}>${esc(text)}</td>`
}

/** A two-column key/value table. */
export function kvTable(rows: readonly (readonly [string, string])[], cls = 'bmk-kv'): string {
  const body = rows.map(([k, v]) => `<tr><th scope="row">${esc(k)}</th><td class="bmk-name">${esc(v)}</td></tr>`).join('\n')
  return `<table class="${cls}"><tbody>\n${body}\n</tbody></table>`
}

export interface Column {
  readonly label: string
  readonly type: 'num' | 'str'
  readonly title?: string | undefined
}

export function headerRow(cols: readonly Column[]): string {
  const ths = cols.map((c) => `<th scope="col" data-type="${c.type}"${c.type === 'num' ? ' class="num"' : ''}${c.title === undefined ? '' : ` title="${esc(c.title)}"`}>${esc(c.label)}</th>`)
  return `<thead><tr>${ths.join('')}</tr></thead>`
}
