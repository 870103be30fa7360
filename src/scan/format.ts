/**
 * Association rows → TSV (tidy, one row per feature × comparison, 7 significant digits like R's
 * print). JSON keeps full precision.
 *
 * `scanTsv` writes ONE table per file: one header, no `#` lines (R's read.delim and pandas would
 * read them as data), an `endpoint` column, and — when group and survival endpoints share a file —
 * the union of both column sets with NA where a column does not apply, so data.table::fread,
 * read.delim and pandas read every row. What was tested and excluded goes to stderr and the JSON.
 */
import { formatSignificant } from '../stats/format.js'
import type { AssociationRow } from './row.js'
import type { SurvivalRow } from './survival-row.js'

const num = (x: number | undefined) => (x === undefined ? 'NA' : formatSignificant(x, 7))
const int = (x: number | undefined) => (x === undefined ? 'NA' : String(x))
/** Tabs or newlines inside names would break the table. */
const cell = (s: string) => s.replace(/[\t\r\n]+/g, ' ')

export const GROUP_COLUMNS = [
  'feature', 'label', 'feature_type', 'endpoint', 'comparison', 'n_altered', 'n_assayed', 'n_not_assayed',
  'a_altered_group1', 'b_altered_group0', 'c_wildtype_group1', 'd_wildtype_group0',
  'rate_altered', 'rate_altered_lower', 'rate_altered_upper', 'rate_wildtype', 'rate_wildtype_lower', 'rate_wildtype_upper',
  'odds_ratio_cmle', 'odds_ratio_lower', 'odds_ratio_upper', 'odds_ratio_sample', 'p', 'q', 'family', 'test', 'alternative',
  'power', 'power_effect', 'mdor_low_80', 'mdor_high_80',
] as const

/** Appended to the group columns when the rows carry a stratified test (`--strata`); absent otherwise. */
export const STRATA_COLUMNS = ['strata', 'mh_strata', 'mh_or', 'mh_or_lower', 'mh_or_upper', 'mh_p', 'mh_q', 'mh_note'] as const

export function groupRowsTsv(rows: readonly AssociationRow[]): string[] {
  const stratified = rows.some((r) => r.stratified !== undefined)
  const out = [[...GROUP_COLUMNS, ...(stratified ? STRATA_COLUMNS : [])].join('\t')]
  for (const r of rows) {
    const s = r.stratified
    const strata = stratified ? [cell(s?.column ?? 'NA'), int(s?.strata), num(s?.or), num(s?.orLower), num(s?.orUpper), num(s?.p), num(s?.q), cell(s?.note ?? '')] : []
    out.push(
      [
        cell(r.feature), cell(r.label), r.featureType, cell(r.endpoint), cell(r.comparison), int(r.altered), int(r.assayed), int(r.notAssayed),
        int(r.a), int(r.b), int(r.c), int(r.d),
        num(r.rateAltered?.rate), num(r.rateAltered?.lower), num(r.rateAltered?.upper),
        num(r.rateWildType?.rate), num(r.rateWildType?.lower), num(r.rateWildType?.upper),
        num(r.oddsRatio), num(r.oddsRatioLower), num(r.oddsRatioUpper), num(r.sampleOddsRatio), num(r.p), num(r.q),
        cell(r.family), r.test, r.alternative, num(r.power), r.powerEffect ?? 'NA', num(r.mdorLow), num(r.mdorHigh),
        ...strata,
      ].join('\t'),
    )
  }
  return out
}

export const SURVIVAL_COLUMNS = [
  'feature', 'label', 'feature_type', 'endpoint', 'n_altered', 'n_wildtype', 'n_not_assayed', 'events_altered', 'events_wildtype',
  'median_altered', 'median_altered_lower', 'median_altered_upper', 'median_wildtype', 'median_wildtype_lower', 'median_wildtype_upper',
  'logrank_chisq', 'logrank_p', 'hr', 'hr_lower', 'hr_upper', 'cox_p', 'q', 'family', 'test', 'covariates', 'note', 'time_unit',
] as const

export function survivalRowsTsv(rows: readonly SurvivalRow[]): string[] {
  const out = [SURVIVAL_COLUMNS.join('\t')]
  for (const r of rows) {
    out.push(
      [
        cell(r.feature), cell(r.label), r.featureType, cell(r.endpoint), int(r.nAltered), int(r.nWildType), int(r.notAssayed),
        int(r.eventsAltered), int(r.eventsWildType),
        num(r.medianAltered?.median), num(r.medianAltered?.lower), num(r.medianAltered?.upper),
        num(r.medianWildType?.median), num(r.medianWildType?.lower), num(r.medianWildType?.upper),
        num(r.logrankChisq), num(r.logrankP), num(r.hr), num(r.hrLower), num(r.hrUpper), num(r.coxP), num(r.q),
        cell(r.family), r.test, cell(r.covariates.join(',')) || 'none', cell(r.note ?? ''), r.timeUnit ?? 'NA',
      ].join('\t'),
    )
  }
  return out
}

/** Columns of a table holding both kinds of rows: group columns, then the survival-only ones. */
export const UNION_COLUMNS: readonly string[] = [...GROUP_COLUMNS, ...SURVIVAL_COLUMNS.filter((c) => !(GROUP_COLUMNS as readonly string[]).includes(c))]

/** Re-key one rendered row to `columns` (NA where absent); survival rows read "altered vs wild-type". */
function reshape(header: readonly string[], line: string, columns: readonly string[], extra: ReadonlyMap<string, string>): string {
  const cells = line.split('\t')
  const byName = new Map(header.map((h, i) => [h, cells[i] as string]))
  return columns.map((c) => byName.get(c) ?? extra.get(c) ?? 'NA').join('\t')
}

/** One tidy table: group rows and survival rows under one header (see the file comment). */
export function scanTsv(groupRows: readonly AssociationRow[], survivalRows: readonly SurvivalRow[]): string[] {
  if (survivalRows.length === 0) return groupRowsTsv(groupRows)
  if (groupRows.length === 0) return survivalRowsTsv(survivalRows)
  const g = groupRowsTsv(groupRows)
  const sv = survivalRowsTsv(survivalRows)
  const surv = new Map([['comparison', 'altered vs wild-type']])
  // The group header: GROUP_COLUMNS, and the stratified columns when the rows have them.
  const groupHeader = (g[0] as string).split('\t')
  const union = [...groupHeader, ...SURVIVAL_COLUMNS.filter((c) => !groupHeader.includes(c))]
  return [
    union.join('\t'),
    ...g.slice(1).map((l) => reshape(groupHeader, l, union, new Map())),
    ...sv.slice(1).map((l) => reshape(SURVIVAL_COLUMNS, l, union, surv)),
  ]
}
