/**
 * The report's extra figures (cohort summary, co-occurrence heatmap, lollipops, swimmer plot): SVG
 * text from our own serializer, embedded as is, each with its caption escaped.
 */
import { InputError } from '../../src/errors.js'
import { esc } from './html.js'
import type { ReportFigure } from './types.js'

/** Our serializer escapes every data string, so active markup can only be something added: refuse it. */
export function checkSvg(svg: string, what: string): string {
  const s = svg.trim()
  if (!s.startsWith('<svg')) throw new InputError('USAGE', `the ${what} must be SVG text starting with <svg`, { suggestion: 'pass the SVG produced by viz/svg.ts toSvg' })
  if (/<(script|foreignObject|iframe)\b/i.test(s)) throw new InputError('USAGE', `the ${what} SVG contains active content (<script>, <foreignObject> or <iframe>)`, { suggestion: 'pass the SVG produced by viz/svg.ts toSvg' })
  return s
}

export function figuresSection(figures: readonly ReportFigure[]): string {
  if (figures.length === 0) return '<p class="note">No further figure applies to these inputs.</p>'
  return figures
    .map((f) => {
      const caption = f.caption.length === 0 ? '' : `\n<figcaption>${f.caption.map((c) => esc(c)).join('<br>')}</figcaption>`
      return `<h3>${esc(f.title)}</h3>\n<figure class="bmk-figure" data-figure="${esc(f.kind)}">\n${checkSvg(f.svg, f.title)}${caption}\n</figure>`
    })
    .join('\n')
}
