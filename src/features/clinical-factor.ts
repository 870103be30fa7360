/**
 * A clinical column as a feature: binary, categorical or numeric, decided by its values and said
 * in the output.
 * - every non-missing value a number and more than two distinct values → numeric;
 * - two distinct values → binary; the reference is the censoring-like word of an event coding
 *   (no / 0 / FALSE …, as in `--covariates`), else the first in sorted order (R's factor());
 * - more → categorical against the first sorted level (R's treatment contrasts).
 * `reference` overrides the reference level (it must occur in the column). Missing cells (NA, '',
 * '[Not Available]' …) leave the sample out, counted. O(rows).
 */
import { InputError, quote } from '../errors.js'
import { requireNamed } from '../clinical/columns.js'
import { lookupEvent } from '../clinical/events.js'
import { parseFloatField } from '../io/fields.js'
import type { ClinicalTable } from '../model/clinical.js'
import type { FeatureVector } from './vector.js'

const NUMERIC = /^[+-]?(\d+\.?\d*|\.\d+)([eE][+-]?\d+)?$/

const byCodeUnit = (a: string, b: string) => (a < b ? -1 : a > b ? 1 : 0)

export interface FactorOptions {
  /** Reference level for a binary or categorical column. */
  readonly reference?: string | undefined
  /** Read a numeric-looking column as categorical levels (e.g. line of therapy 1/2/3). */
  readonly categorical?: boolean | undefined
}

export function clinicalFactor(table: ClinicalTable, name: string, opts: FactorOptions = {}): FeatureVector {
  const column = table.columns[requireNamed(table.columns, name, 'feature', table.file)] as string
  const colIdx = table.columns.indexOf(column) + 1
  const raw = new Map<string, { value: string; line: number }>()
  let missing = 0
  for (const row of table.rows.values()) {
    const v = row.values.get(column)
    if (v === undefined) missing++
    else raw.set(row.sample, { value: v, line: row.line })
  }
  const levels = [...new Set([...raw.values()].map((r) => r.value))].sort(byCodeUnit)
  const missingRec = missing > 0 ? { [`missing ${column}`]: missing } : {}
  const id = `clinical:${column}`
  if (levels.length < 2) {
    throw new InputError('BAD_VALUE', `feature ${quote(column)}: fewer than two distinct values (${levels.map((l) => quote(l)).join(', ') || 'none'}); nothing to compare`, { file: table.file, column: colIdx })
  }
  const allNumeric = [...raw.values()].every((r) => NUMERIC.test(r.value))
  if (allNumeric && levels.length > 2 && !opts.categorical) {
    if (opts.reference !== undefined) {
      throw new InputError('USAGE', `feature ${quote(column)} is numeric; a reference level applies to binary or categorical columns`, { suggestion: 'drop the reference, or read the column as categorical' })
    }
    const values = new Map<string, number>()
    for (const [s, r] of raw) {
      const x = parseFloatField(r.value, { file: table.file, line: r.line, column: colIdx, name: column }) as number
      if (!Number.isFinite(x)) throw new InputError('BAD_NUMBER', `${column}: ${quote(r.value)} is not a finite number`, { file: table.file, line: r.line, column: colIdx })
      values.set(s, x)
    }
    return { id, label: column, source: 'clinical', kind: 'numeric', unit: undefined, values, missing: missingRec, interpretation: `numeric (${levels.length} distinct values)` }
  }
  let reference: string
  let why: string
  if (opts.reference !== undefined) {
    if (!levels.includes(opts.reference)) {
      throw new InputError('BAD_VALUE', `feature ${quote(column)}: reference level ${quote(opts.reference)} does not occur in the column`, { file: table.file, column: colIdx, suggestion: `values present: ${levels.map((l) => quote(l)).join(', ')}` })
    }
    reference = opts.reference
    why = 'as asked'
  } else if (levels.length === 2) {
    const [a, b] = levels as [string, string]
    const ca = lookupEvent(a)
    const cb = lookupEvent(b)
    if (ca && cb && ca.family === cb.family && ca.event !== cb.event) {
      reference = ca.event === 0 ? a : b
      why = `the ${ca.family} "absent" value`
    } else {
      reference = a
      why = 'first in sorted order'
    }
  } else {
    reference = levels[0] as string
    why = 'first in sorted order'
  }
  const ordered = [reference, ...levels.filter((l) => l !== reference)]
  const values = new Map<string, string>()
  for (const [s, r] of raw) values.set(s, r.value)
  const kind = levels.length === 2 ? 'binary' : 'categorical'
  return {
    id,
    label: column,
    source: 'clinical',
    kind,
    levels: ordered,
    values,
    missing: missingRec,
    interpretation: `${kind}: ${ordered.slice(1).map((l) => quote(l)).join(', ')} vs ${quote(reference)} (reference: ${why})`,
  }
}
