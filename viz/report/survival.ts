/**
 * Survival results in the report: the table of per-feature KM medians, log-rank and Cox HR
 * (src/scan SurvivalRow), and the KM figure for one feature × endpoint with those statistics
 * written on it.
 */
import type { Median, SurvivalRow } from '../../src/scan/survival-row.js'
import type { SurvivalGroupCurves } from '../../src/scan/scan-survival.js'
import { kmCurve, type KmCurve } from '../km.js'
import { sig } from './format.js'
import { esc, headerRow, numCell, textCell } from './html.js'
import type { KmSection } from './types.js'

function median(m: Median | undefined): string {
  if (m === undefined) return 'NA'
  const est = Number.isNaN(m.median) ? 'not reached' : sig(m.median)
  return `${est} [${sig(m.lower)}, ${sig(m.upper)}]`
}

function hr(r: SurvivalRow): string {
  if (r.hr === undefined) return 'NA'
  return `${sig(r.hr)} [${sig(r.hrLower)}, ${sig(r.hrUpper)}]`
}

/** Statistics lines for a KM figure, e.g. "Log-rank p = 0.0123 (q = 0.04)", "HR 2.31 (95% CI 1.02–5.2), Cox p = 0.045". */
export function kmAnnotations(r: SurvivalRow): string[] {
  const out: string[] = []
  if (r.logrankP !== undefined) out.push(`Log-rank p = ${sig(r.logrankP)} (q = ${sig(r.q)}, family ${r.family})`)
  if (r.hr !== undefined) {
    const adj = r.covariates.length > 0 ? `, adjusted for ${r.covariates.join(', ')}` : ''
    out.push(`HR altered vs wild-type ${sig(r.hr)} (95% CI ${sig(r.hrLower)}–${sig(r.hrUpper)}), Cox p = ${sig(r.coxP)}${adj}`)
  }
  if (r.note !== undefined) out.push(r.note)
  return out
}

export interface KmSectionOptions {
  /** Axis title, e.g. "Months". */
  readonly timeLabel?: string | undefined
  /** Short unit after medians, e.g. "mo". */
  readonly unit?: string | undefined
}

/** The KM figure for one scanned feature: altered first (red), wild type second (blue). */
export function kmSectionFromScan(row: SurvivalRow, curves: SurvivalGroupCurves, opts: KmSectionOptions = {}): KmSection {
  const groups: KmCurve[] = []
  if (curves.altered !== undefined) groups.push(kmCurve(`${row.label} altered`, curves.altered))
  if (curves.wildType !== undefined) groups.push(kmCurve(`${row.label} wild-type`, curves.wildType))
  return {
    feature: row.label,
    endpoint: row.endpoint,
    title: `${row.label} — ${row.endpoint}`,
    curves: groups,
    annotations: kmAnnotations(row),
    timeLabel: opts.timeLabel,
    unit: opts.unit,
  }
}

/** Sortable table of survival rows (or a sentence when there are none). */
export function survivalTable(rows: readonly SurvivalRow[]): string {
  if (rows.length === 0) return ''
  const head = headerRow([
    { label: 'Feature', type: 'str' },
    { label: 'Endpoint', type: 'str' },
    { label: 'n altered / wild-type', type: 'num' },
    { label: 'Events altered / wild-type', type: 'num' },
    { label: 'Median altered [95% CI]', type: 'num', title: 'Kaplan–Meier median as R print.survfit' },
    { label: 'Median wild-type [95% CI]', type: 'num' },
    { label: 'Time unit', type: 'str', title: 'unit of the medians (from --time-unit, the column name or the file; none when nothing says it)' },
    { label: 'Log-rank p', type: 'num' },
    { label: 'HR [95% CI]', type: 'num', title: 'Cox proportional hazards, altered vs wild-type' },
    { label: 'Cox p', type: 'num' },
    { label: 'q', type: 'num' },
    { label: 'Family', type: 'str' },
    { label: 'Test', type: 'str' },
    { label: 'Note', type: 'str' },
  ])
  const body = rows.map((r, i) => {
    const cells = [
      textCell(r.label, 'bmk-name', r.feature === r.label ? undefined : r.feature),
      textCell(r.endpoint, 'bmk-name'),
      numCell(`${r.nAltered} / ${r.nWildType}`, r.nAltered, r.notAssayed > 0 ? `${r.notAssayed} not assayed` : undefined),
      numCell(`${r.eventsAltered} / ${r.eventsWildType}`, r.eventsAltered),
      numCell(median(r.medianAltered), r.medianAltered?.median),
      numCell(median(r.medianWildType), r.medianWildType?.median),
      textCell(r.timeUnit ?? 'not stated'),
      numCell(sig(r.logrankP), r.logrankP),
      numCell(hr(r), r.hr),
      numCell(sig(r.coxP), r.coxP),
      numCell(sig(r.q), r.q),
      textCell(r.family, 'bmk-name'),
      textCell(r.test, 'bmk-name'),
      textCell(r.note ?? '', 'bmk-name'),
    ]
    return `<tr data-i="${i}">${cells.join('')}</tr>`
  })
  return `<div class="bmk-wide"><table class="bmk-sortable" id="bmk-survival" aria-label="${esc('Survival results')}">${head}\n<tbody>\n${body.join('\n')}\n</tbody></table></div>`
}
