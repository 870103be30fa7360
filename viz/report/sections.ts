/** Report sections that are plain tables: cohort summary, read report, provenance. */
import { droppedText, totalDropped, warningsText, type ReadReport } from '../../src/model/report.js'
import { esc, headerRow, kvTable, numCell, textCell } from './html.js'
import type { CohortSummary, Provenance } from './types.js'

export function cohortSummary(c: CohortSummary): string {
  const rows: [string, string][] = [
    ['Samples sequenced', String(c.samplesSequenced)],
    ['Patients in clinical table', String(c.patientsClinical)],
    ['Features', String(c.features)],
    ['Panels', c.panels.length === 0 ? 'not given (every gene counted as assayed)' : c.panels.join(', ')],
  ]
  for (const [k, v] of c.extra ?? []) rows.push([k, v])
  return kvTable(rows)
}

function dropped(r: ReadReport): string {
  // Largest reason first; ties by name so the order never depends on the reader's insertion order.
  const reasons = Object.entries(droppedText(r)).filter(([, n]) => n > 0)
  reasons.sort((a, b) => b[1] - a[1] || (a[0] < b[0] ? -1 : a[0] > b[0] ? 1 : 0))
  return reasons.length === 0 ? '—' : reasons.map(([k, n]) => `${k}: ${n}`).join('; ')
}

function warnings(r: ReadReport): string {
  const text = warningsText(r)
  if (text.length === 0) return '<td>—</td>'
  const items = text.map((w) => `<li>${esc(w)}</li>`).join('')
  const n = text.length
  return `<td><details><summary>${n} warning${n === 1 ? '' : 's'}</summary><ul class="bmk-warn">${items}</ul></details></td>`
}

/** Per input file: rows read = kept + dropped, dropped by reason, warnings. */
export function readReportTable(reports: readonly ReadReport[]): string {
  if (reports.length === 0) return '<p class="note">No read report was recorded.</p>'
  const head = headerRow([
    { label: 'File', type: 'str' },
    { label: 'Format', type: 'str' },
    { label: 'Rows read', type: 'num' },
    { label: 'Kept', type: 'num' },
    { label: 'Dropped', type: 'num' },
    { label: 'Dropped by reason', type: 'str' },
    { label: 'Warnings', type: 'str' },
  ])
  const body = reports.map((r, i) => {
    const d = totalDropped(r)
    return `<tr data-i="${i}">${[textCell(r.file, 'bmk-name'), textCell(r.format), numCell(String(r.rowsRead), r.rowsRead), numCell(String(r.kept), r.kept), numCell(String(d), d), textCell(dropped(r), 'bmk-name'), warnings(r)].join('')}</tr>`
  })
  return `<div class="bmk-wide"><table class="bmk-sortable" id="bmk-read">${head}\n<tbody>\n${body.join('\n')}\n</tbody></table></div>`
}

export function provenanceSection(p: Provenance): string {
  const meta: [string, string][] = [['Tool', `${p.tool} ${p.version}`]]
  if (p.command !== undefined) meta.push(['Command', p.command])
  if (p.date !== undefined) meta.push(['Date', p.date])
  const out = [kvTable(meta)]
  if (p.inputs.length > 0) {
    const head = headerRow([
      { label: 'Role', type: 'str' },
      { label: 'File', type: 'str' },
      { label: 'Bytes', type: 'num' },
      { label: 'SHA-256', type: 'str' },
    ])
    const body = p.inputs.map((f, i) => `<tr data-i="${i}">${[textCell(f.role ?? ''), textCell(f.name, 'bmk-name'), numCell(f.bytes === undefined ? '' : String(f.bytes), f.bytes), textCell(f.sha256, 'hash')].join('')}</tr>`)
    out.push(`<h3>Input files</h3>\n<div class="bmk-wide"><table id="bmk-inputs">${head}\n<tbody>\n${body.join('\n')}\n</tbody></table></div>`)
  }
  out.push('<h3>Parameters</h3>')
  out.push(p.parameters.length === 0 ? '<p class="note">Defaults only.</p>' : kvTable(p.parameters))
  return out.join('\n')
}
