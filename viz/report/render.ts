/**
 * ReportInput → one self-contained HTML file: inline CSS, inline SVG, one constant inline script
 * allowed by hash in a strict Content-Security-Policy. No network resource of any kind (no fonts,
 * images, scripts or stylesheets from elsewhere), no clock: equal inputs give equal bytes.
 */
import { InputError } from '../../src/errors.js'
import type { AssociationRow } from '../../src/scan/row.js'
import { forestRows, forestSvg, type ForestRow } from '../forest.js'
import { kmSvg } from '../km.js'
import { associationTable } from './association-table.js'
import { CLIENT_SCRIPT, CLIENT_SCRIPT_HASH } from './client-script.js'
import { studySectionHtml } from './study.js'
import { figuresSection } from './figures.js'
import { esc } from './html.js'
import { cohortSummary, provenanceSection, readReportTable } from './sections.js'
import { REPORT_CSS } from './style.js'
import { survivalTable } from './survival.js'
import type { ReportInput } from './types.js'

/** The policy: nothing loads, inline styles are allowed, and only our own script runs. */
export const REPORT_CSP = `default-src 'none'; style-src 'unsafe-inline'; script-src '${CLIENT_SCRIPT_HASH}'; img-src data:; base-uri 'none'; form-action 'none'`

const DEFAULT_FOREST_MAX = 30

const byCodePoint = (a: string, b: string): number => (a < b ? -1 : a > b ? 1 : 0)

/** The rows with the smallest p (ties by feature, endpoint, comparison), at most `max`. */
export function defaultForest(rows: readonly AssociationRow[], max = DEFAULT_FOREST_MAX): ForestRow[] {
  const tested = rows.filter((r) => Number.isFinite(r.p))
  tested.sort((a, b) => a.p - b.p || byCodePoint(a.label, b.label) || byCodePoint(a.endpoint, b.endpoint) || byCodePoint(a.comparison, b.comparison))
  return forestRows(tested.slice(0, max))
}

/**
 * The oncoplot arrives as SVG text from our serializer, where every data string is escaped, so a
 * literal `<script` or `<foreignObject` can only be markup someone added: refuse it (the CSP would
 * block the script anyway; this keeps the file honest).
 */
function checkOncoplot(svg: string): string {
  const s = svg.trim()
  if (!s.startsWith('<svg')) throw new InputError('USAGE', 'the oncoplot must be SVG text starting with <svg', { suggestion: 'pass toSvg(layoutOncoplot(...)) from viz/' })
  if (/<(script|foreignObject|iframe)\b/i.test(s)) throw new InputError('USAGE', 'the oncoplot SVG contains active content (<script>, <foreignObject> or <iframe>)', { suggestion: 'pass the SVG produced by viz/svg.ts toSvg' })
  return s
}

function section(id: string, title: string, body: string): string {
  return `<section id="${id}">\n<h2>${esc(title)}</h2>\n${body}\n</section>`
}

function forestSection(input: ReportInput): string {
  const rows = input.forest ?? defaultForest(input.associations, input.forestMax)
  if (rows.length === 0) return '<p class="note">No odds ratios to draw.</p>'
  const shown = input.forest === undefined && rows.length < input.associations.length ? `The ${rows.length} rows with the smallest p of ${input.associations.length}. ` : ''
  return `<figure>\n${forestSvg(rows)}<figcaption>${esc(`${shown}Conditional MLE odds ratio with its exact 95% CI (R fisher.test); arrows mark an interval end at 0 or Inf or past the axis.`)}</figcaption>\n</figure>`
}

function kmSection(input: ReportInput): string {
  const table = survivalTable(input.survival ?? [])
  if (input.km.length === 0) return table === '' ? '<p class="note">No survival endpoint was given.</p>' : table
  const notDrawn = input.kmNotDrawn ?? 0
  const rule = input.kmRule === undefined ? '' : `${input.kmRule}. `
  const said = notDrawn > 0 ? `<p class="note" id="bmk-km-not-drawn">${esc(`${rule}${notDrawn} further Kaplan–Meier plot${notDrawn === 1 ? ' was' : 's were'} not drawn: ${notDrawn === 1 ? 'its statistics are' : 'their statistics are'} in the table above (raise --top-plots to draw more).`)}</p>\n` : ''
  const figs = input.km.map((k) => `<figure aria-label="${esc(`${k.feature} — ${k.endpoint}`)}">\n${kmSvg(k)}</figure>`)
  return `${table}${table === '' ? '' : '\n'}${said}<div class="bmk-km">\n${figs.join('\n')}\n</div>`
}

const TOC: readonly (readonly [string, string])[] = [
  ['summary', 'Cohort'],
  ['oncoplot', 'Oncoplot'],
  ['figures', 'Figures'],
  ['associations', 'Associations'],
  ['forest', 'Forest plot'],
  ['survival', 'Survival'],
  ['read-report', 'Read report'],
  ['interpretation', 'Interpretation'],
  ['provenance', 'Provenance'],
]

/** Every reading of the inputs, one per line, as the scan JSON lists them. */
function interpretationList(lines: readonly string[]): string {
  if (lines.length === 0) return '<p class="note">No clinical table was read.</p>'
  return `<ul class="bmk-interpretation">\n${lines.map((l) => `<li>${esc(l)}</li>`).join('\n')}\n</ul>`
}

/** Render the report. Pure: no I/O, no clock. */
export function renderReport(input: ReportInput): string {
  const parts: string[] = [
    '<!DOCTYPE html>',
    '<html lang="en">',
    '<head>',
    '<meta charset="utf-8">',
    `<meta http-equiv="Content-Security-Policy" content="${esc(REPORT_CSP)}">`,
    '<meta name="referrer" content="no-referrer">',
    '<meta name="viewport" content="width=device-width, initial-scale=1">',
    `<meta name="generator" content="${esc(`${input.provenance.tool} ${input.provenance.version}`)}">`,
    `<title>${esc(input.title)}</title>`,
    `<style>${REPORT_CSS}</style>`,
    '</head>',
    '<body>',
    `<h1>${esc(input.title)}</h1>`,
  ]
  if (input.synthetic) {
    const note = input.syntheticNote === undefined ? '' : ` ${input.syntheticNote}`
    parts.push(`<div class="bmk-synthetic" role="note" id="bmk-synthetic">${esc(`SYNTHETIC DATA — simulated cohort, not real patients; results illustrate the tool only.${note}`)}</div>`)
  }
  const toc = [TOC[0] as readonly [string, string], ...(input.study ?? []).map((s) => [s.id, s.title] as const), ...TOC.slice(1).filter(([id]) => id !== 'figures' || input.figures !== undefined)]
  parts.push(`<nav class="bmk-toc">${toc.map(([id, t]) => `<a href="#${id}">${esc(t)}</a>`).join('')}</nav>`)
  for (const w of input.warnings ?? []) parts.push(`<div class="bmk-synthetic" role="alert">${esc(`Warning: ${w}`)}</div>`)
  parts.push(section('summary', 'Cohort', cohortSummary(input.cohort)))
  for (const s of input.study ?? []) parts.push(studySectionHtml(s))
  const onco = input.oncoplotSvg === undefined ? '<p class="note">No oncoplot was drawn.</p>' : `<figure class="bmk-oncoplot">\n${checkOncoplot(input.oncoplotSvg)}\n<figcaption>Hover a cell for sample, gene, protein change, VAF and origin.</figcaption>\n</figure>`
  parts.push(section('oncoplot', 'Oncoplot', onco))
  if (input.figures !== undefined) parts.push(section('figures', 'Figures', figuresSection(input.figures)))
  parts.push(section('associations', 'Associations', `<p class="note">Click a column header to sort.</p>\n${associationTable(input.associations)}`))
  parts.push(section('forest', 'Forest plot', forestSection(input)))
  parts.push(section('survival', 'Survival', kmSection(input)))
  parts.push(section('read-report', 'Read report', readReportTable(input.readReports)))
  parts.push(section('interpretation', 'Interpretation', interpretationList(input.interpretation ?? [])))
  parts.push(section('provenance', 'Provenance', provenanceSection(input.provenance)))
  parts.push('<div id="bmk-tip" role="tooltip" hidden></div>')
  parts.push(`<script>${CLIENT_SCRIPT}</script>`)
  parts.push('</body>', '</html>', '')
  return parts.join('\n')
}
