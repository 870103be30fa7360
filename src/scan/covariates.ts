/**
 * Clinical covariates → numeric model columns for Cox regression.
 * - numeric column → itself;
 * - two-level column → 0/1 (the event-like or second sorted level is 1, e.g. yes = 1, no = 0);
 * - k-level column → k−1 indicator columns against the first sorted level (R's treatment contrasts).
 * Samples with a missing covariate are left out of the model and counted; a numeric value that
 * overflows (1e999) is a located error. O(samples × columns).
 */
import { InputError, quote } from '../errors.js'
import { lookupEvent } from '../clinical/events.js'
import { isClinicalMissing } from '../clinical/missing.js'
import type { ClinicalTable } from '../model/clinical.js'

export interface CovariateColumns {
  /** Model column names, e.g. "brain_mets=yes", "age". */
  readonly names: readonly string[]
  /** Sample → row of values (absent when any covariate is missing). */
  readonly rows: ReadonlyMap<string, readonly number[]>
  readonly missing: number
}

const NUMERIC = /^[+-]?(\d+\.?\d*|\.\d+)([eE][+-]?\d+)?$/

export function encodeCovariates(table: ClinicalTable, columns: readonly string[]): CovariateColumns {
  const names: string[] = []
  const encoders: ((v: string) => number[])[] = []
  const actuals: string[] = []
  for (const col of columns) {
    const actual = table.columns.find((c) => c.toLowerCase() === col.toLowerCase())
    if (actual === undefined) {
      throw new InputError('MISSING_COLUMN', `--covariates: no column ${quote(col)} in the clinical table`, { file: table.file, suggestion: `columns: ${table.columns.join(', ')}` })
    }
    actuals.push(actual)
    const values = [...table.rows.values()].map((r) => r.values.get(actual)).filter((v): v is string => v !== undefined && !isClinicalMissing(v))
    const levels = [...new Set(values)].sort()
    if (levels.length < 2) throw new InputError('BAD_VALUE', `--covariates: column ${quote(actual)} has fewer than two distinct values`, { file: table.file })
    if (values.every((v) => NUMERIC.test(v.trim())) && levels.length > 2) {
      names.push(actual)
      encoders.push((v) => [Number(v)])
    } else if (levels.length === 2) {
      const ev = levels.map((l) => lookupEvent(l)?.event)
      const one = ev[0] === 1 && ev[1] === 0 ? (levels[0] as string) : (levels[1] as string)
      names.push(`${actual}=${one}`)
      encoders.push((v) => [v === one ? 1 : 0])
    } else {
      const rest = levels.slice(1)
      for (const l of rest) names.push(`${actual}=${l}`)
      encoders.push((v) => rest.map((l) => (v === l ? 1 : 0)))
    }
  }
  const rows = new Map<string, number[]>()
  let missing = 0
  for (const [sample, row] of table.rows) {
    const out: number[] = []
    let ok = true
    actuals.forEach((actual, i) => {
      const v = row.values.get(actual)
      if (v === undefined || isClinicalMissing(v)) ok = false
      else {
        const encoded = (encoders[i] as (v: string) => number[])(v.trim())
        // e.g. 1e999: numeric-looking but not a number the Cox fit can use.
        if (encoded.some((x) => !Number.isFinite(x))) {
          throw new InputError('BAD_NUMBER', `--covariates: column ${quote(actual)}: ${quote(v)} is not a finite number`, { file: table.file, line: row.line, column: table.columns.indexOf(actual) + 1 })
        }
        out.push(...encoded)
      }
    })
    if (ok) rows.set(sample, out)
    else missing++
  }
  return { names, rows, missing }
}
