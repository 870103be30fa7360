/**
 * The study's tables and figures in the report, in the order the caller gives (the study's):
 * each section a caption, an optional table (every cell escaped) and optional figures (SVG text
 * from this package's serializer, which escapes its own strings).
 */
import { esc } from './html.js'

export interface StudySection {
  /** HTML id, [a-z0-9-] only (checked). */
  readonly id: string
  readonly title: string
  readonly note?: string | undefined
  readonly table?: { readonly head: readonly string[]; readonly rows: readonly (readonly string[])[] } | undefined
  readonly svgs?: readonly string[] | undefined
}

export function studySectionHtml(s: StudySection): string {
  if (!/^[a-z0-9-]+$/.test(s.id)) throw new RangeError(`study section id ${JSON.stringify(s.id)}: use [a-z0-9-]`)
  const parts: string[] = [`<section id="${s.id}">`, `<h2>${esc(s.title)}</h2>`]
  if (s.note) parts.push(`<p class="note">${esc(s.note)}</p>`)
  if (s.table) {
    parts.push('<div class="bmk-scroll"><table class="bmk-table">')
    parts.push(`<thead><tr>${s.table.head.map((h) => `<th>${esc(h)}</th>`).join('')}</tr></thead>`)
    parts.push(`<tbody>${s.table.rows.map((r) => `<tr>${r.map((c) => `<td>${esc(c)}</td>`).join('')}</tr>`).join('\n')}</tbody>`)
    parts.push('</table></div>')
  }
  for (const svg of s.svgs ?? []) parts.push(`<figure class="bmk-figure">\n${svg}\n</figure>`)
  parts.push('</section>')
  return parts.join('\n')
}
