/**
 * The association table: one row per feature × comparison, every number a user needs to redo the
 * test in R (2×2 counts, rates with Clopper–Pearson CIs, CMLE odds ratio with its exact CI, sample
 * odds ratio, p, q, family, test, power). Sortable in the browser by clicking a header.
 */
import type { AssociationRow, Rate } from '../../src/scan/row.js'
import { orWithCi, sig } from '../number-format.js'
import { esc, headerRow, numCell, textCell, type Column } from './html.js'

const COLUMNS: readonly Column[] = [
  { label: 'Feature', type: 'str' },
  { label: 'Endpoint', type: 'str' },
  { label: 'Comparison', type: 'str', title: 'group 1 vs group 0' },
  { label: 'Altered/assayed', type: 'num' },
  { label: '2×2 (a b / c d)', type: 'str', title: 'rows: altered / wild-type; columns: group 1 / group 0 (R: fisher.test(matrix(c(a, c, b, d), 2)))' },
  { label: 'Rate altered [95% CI]', type: 'num', title: 'share of group 1 among altered samples, Clopper–Pearson interval' },
  { label: 'Rate wild-type [95% CI]', type: 'num', title: 'share of group 1 among wild-type samples, Clopper–Pearson interval' },
  { label: 'OR (CMLE) [95% CI]', type: 'num', title: 'conditional maximum-likelihood odds ratio and exact interval, as R fisher.test' },
  { label: 'Sample OR', type: 'num', title: 'ad/bc' },
  { label: 'p', type: 'num' },
  { label: 'q', type: 'num', title: 'Benjamini–Hochberg within the family' },
  { label: 'Family', type: 'str' },
  { label: 'Test', type: 'str' },
  { label: 'Power', type: 'num', title: 'exact power of the two-sided Fisher test at α = 0.05' },
]

function rate(r: Rate | undefined): string {
  if (r === undefined) return 'NA'
  return `${r.x}/${r.n} = ${(100 * r.rate).toFixed(1)}% [${(100 * r.lower).toFixed(1)}, ${(100 * r.upper).toFixed(1)}]`
}

function row(r: AssociationRow, i: number): string {
  const cells = [
    textCell(r.label, 'bmk-name', r.feature === r.label ? undefined : r.feature),
    textCell(r.endpoint, 'bmk-name'),
    textCell(r.comparison, 'bmk-name'),
    numCell(`${r.altered}/${r.assayed}`, r.altered, r.notAssayed > 0 ? `${r.notAssayed} not assayed` : undefined),
    textCell(`${r.a} ${r.b} / ${r.c} ${r.d}`, 'num'),
    numCell(rate(r.rateAltered), r.rateAltered?.rate),
    numCell(rate(r.rateWildType), r.rateWildType?.rate),
    numCell(orWithCi(r.oddsRatio, r.oddsRatioLower, r.oddsRatioUpper), r.oddsRatio),
    numCell(sig(r.sampleOddsRatio), r.sampleOddsRatio),
    numCell(sig(r.p), r.p),
    numCell(sig(r.q), r.q),
    textCell(r.family, 'bmk-name'),
    textCell(r.test),
    numCell(r.power === undefined ? '' : sig(r.power, 2), r.power, r.powerEffect),
  ]
  return `<tr data-i="${i}">${cells.join('')}</tr>`
}

/** The association table as HTML (or a sentence when there are no rows). */
export function associationTable(rows: readonly AssociationRow[]): string {
  if (rows.length === 0) return '<p class="note">No associations were tested.</p>'
  const body = rows.map(row).join('\n')
  return `<div class="bmk-wide"><table class="bmk-sortable" id="bmk-assoc" aria-label="${esc('Association results')}">${headerRow(COLUMNS)}\n<tbody>\n${body}\n</tbody></table></div>`
}
