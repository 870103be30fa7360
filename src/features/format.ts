/**
 * Term rows → TSV (7 significant digits like R's print; JSON keeps full precision). Column names
 * are the JSON keys, so a script reads either the same way.
 */
import { formatSignificant } from '../stats/format.js'
import type { MedianCell, ResponseTermRow, SurvivalTermRow } from './rows.js'

const num = (x: number | undefined) => (x === undefined ? 'NA' : formatSignificant(x, 7))
const int = (x: number | undefined) => (x === undefined ? 'NA' : String(x))
const cell = (s: string | undefined) => (s === undefined || s === '' ? 'NA' : s.replace(/[\t\r\n]+/g, ' '))
const med = (m: MedianCell | undefined) => [int(m?.n), int(m?.events), num(m?.median), num(m?.lower), num(m?.upper)]

export const SURVIVAL_TERM_COLUMNS = [
  'feature', 'feature_type', 'kind', 'endpoint', 'model', 'term', 'level', 'reference', 'unit', 'n', 'events', 'n_dropped',
  'hr', 'hr_lower', 'hr_upper', 'wald_p', 'logrank_p',
  'n_level', 'events_level', 'median_level', 'median_level_lower', 'median_level_upper',
  'n_reference', 'events_reference', 'median_reference', 'median_reference_lower', 'median_reference_upper',
  'p', 'q', 'covariates', 'note',
] as const

export function survivalTermsTsv(rows: readonly SurvivalTermRow[]): string[] {
  return [
    SURVIVAL_TERM_COLUMNS.join('\t'),
    ...rows.map((r) =>
      [
        cell(r.feature), r.feature_type, r.kind, cell(r.endpoint), r.model, cell(r.term), cell(r.level), cell(r.reference), cell(r.unit), int(r.n), int(r.events), int(r.n_dropped),
        num(r.hr), num(r.hr_lower), num(r.hr_upper), num(r.wald_p), num(r.logrank_p), ...med(r.median_level), ...med(r.median_reference),
        num(r.p), num(r.q), cell(r.covariates.join(',')), cell(r.note),
      ].join('\t'),
    ),
  ]
}

export const RESPONSE_TERM_COLUMNS = [
  'feature', 'feature_type', 'kind', 'endpoint', 'comparison', 'model', 'term', 'level', 'reference', 'unit', 'n', 'responders', 'n_dropped',
  'responders_level', 'n_level', 'responders_reference', 'n_reference', 'fisher_p', 'or_cmle', 'or_cmle_lower', 'or_cmle_upper',
  'or', 'or_lower', 'or_upper', 'or_p', 'or_method', 'wilcoxon_p', 'auc', 'auc_lower', 'auc_upper', 'median_responders', 'median_nonresponders',
  'mh_or', 'mh_or_lower', 'mh_or_upper', 'mh_p', 'mh_strata', 'p', 'q', 'covariates', 'note',
] as const

export function responseTermsTsv(rows: readonly ResponseTermRow[]): string[] {
  return [
    RESPONSE_TERM_COLUMNS.join('\t'),
    ...rows.map((r) =>
      [
        cell(r.feature), r.feature_type, r.kind, cell(r.endpoint), cell(r.comparison), r.model, cell(r.term), cell(r.level), cell(r.reference), cell(r.unit), int(r.n), int(r.responders), int(r.n_dropped),
        int(r.responders_level), int(r.n_level), int(r.responders_reference), int(r.n_reference), num(r.fisher_p), num(r.or_cmle), num(r.or_cmle_lower), num(r.or_cmle_upper),
        num(r.or), num(r.or_lower), num(r.or_upper), num(r.or_p), cell(r.or_method), num(r.wilcoxon_p), num(r.auc), num(r.auc_lower), num(r.auc_upper), num(r.median_responders), num(r.median_nonresponders),
        num(r.mh_or), num(r.mh_or_lower), num(r.mh_or_upper), num(r.mh_p), int(r.mh_strata), num(r.p), num(r.q), cell(r.covariates.join(',')), cell(r.note),
      ].join('\t'),
    ),
  ]
}
