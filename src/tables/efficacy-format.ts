/**
 * The efficacy table (src/pipeline/efficacy.ts) as text for the console, TSV and JSON.
 * TSV numbers are full precision (R-checkable); the text rounds as the study prints.
 */
import { alignColumns } from '../pipeline/summary-report.js'
import type { MedianCell } from '../features/rows.js'
import type { EfficacyRow, HazardCell } from '../pipeline/efficacy.js'
import { formatP } from '../stats/format.js'

const pct = (x: number, n: number) => `${x}/${n} (${((100 * x) / n).toFixed(1)}%)`
const med = (m: MedianCell | undefined) => (m === undefined ? 'NA' : Number.isNaN(m.median) ? 'NR' : m.median.toFixed(1))
const hrText = (h: HazardCell | undefined) => (h === undefined ? '' : `${h.hr.toFixed(2)} (${h.lower.toFixed(2)}–${h.upper.toFixed(2)}), p ${formatP(h.p)}`)

export function efficacyText(rows: readonly EfficacyRow[]): string[] {
  const withHr = rows.some((r) => r.pfsHr || r.osHr)
  const t: string[][] = [['group', 'patients', 'ORR', 'DCR', 'median rwPFS (mo)', 'median OS (mo)', 'deaths', ...(withHr ? ['rwPFS HR vs reference (95% CI)', 'OS HR vs reference (95% CI)'] : [])]]
  for (const r of rows) {
    t.push([
      r.group, String(r.patients), r.orr ? pct(r.orr.x, r.orr.n) : 'NA', r.dcr ? pct(r.dcr.x, r.dcr.n) : 'NA', med(r.pfs), med(r.os), r.os ? String(r.os.events) : 'NA',
      ...(withHr ? [r.pfsHr ? hrText(r.pfsHr) : r.reference === r.level && r.level !== undefined ? 'reference' : '', r.osHr ? hrText(r.osHr) : r.reference === r.level && r.level !== undefined ? 'reference' : ''] : []),
    ])
  }
  return alignColumns(t)
}

export const EFFICACY_COLUMNS = [
  'group', 'column', 'level', 'reference', 'patients',
  'orr_x', 'orr_n', 'orr', 'orr_lower', 'orr_upper', 'dcr_x', 'dcr_n', 'dcr', 'dcr_lower', 'dcr_upper',
  'pfs_n', 'pfs_events', 'pfs_median', 'pfs_lower', 'pfs_upper', 'os_n', 'os_events', 'os_median', 'os_lower', 'os_upper', 'os_deaths',
  'pfs_hr', 'pfs_hr_lower', 'pfs_hr_upper', 'pfs_hr_p', 'os_hr', 'os_hr_lower', 'os_hr_upper', 'os_hr_p',
] as const

const n = (x: number | undefined) => (x === undefined || Number.isNaN(x) ? 'NA' : String(x))
const cell = (s: string | undefined) => (s === undefined ? 'NA' : s.replace(/[\t\r\n]+/g, ' '))

export function efficacyTsv(rows: readonly EfficacyRow[]): string[] {
  const out: string[] = [EFFICACY_COLUMNS.join('\t')]
  for (const r of rows) {
    out.push(
      [
        cell(r.group), cell(r.column), cell(r.level), cell(r.reference), String(r.patients),
        n(r.orr?.x), n(r.orr?.n), n(r.orr?.rate), n(r.orr?.lower), n(r.orr?.upper), n(r.dcr?.x), n(r.dcr?.n), n(r.dcr?.rate), n(r.dcr?.lower), n(r.dcr?.upper),
        n(r.pfs?.n), n(r.pfs?.events), n(r.pfs?.median), n(r.pfs?.lower), n(r.pfs?.upper), n(r.os?.n), n(r.os?.events), n(r.os?.median), n(r.os?.lower), n(r.os?.upper), n(r.os?.events),
        n(r.pfsHr?.hr), n(r.pfsHr?.lower), n(r.pfsHr?.upper), n(r.pfsHr?.p), n(r.osHr?.hr), n(r.osHr?.lower), n(r.osHr?.upper), n(r.osHr?.p),
      ].join('\t'),
    )
  }
  return out
}
