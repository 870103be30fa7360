/**
 * Survival time units: where a time column's unit comes from, and the conversion for display.
 *
 * Sources, in order: the user's `--time-unit`; the column name (`*_days`, `days_to_*`, `OS_MONTHS`,
 * `PFSWK`, `*_weeks`, `*_years`); the file's own declaration (cBioPortal's first header rows:
 * "#Overall Survival (Months)"). When none says it the unit is unknown and outputs call the axis
 * "time" with no unit: a guess would label days as months.
 * Conversion uses 30.4375 days a month (365.25 / 12), 7 days a week, 365.25 days a year.
 */
import { InputError, quote } from '../errors.js'
import type { TimeUnit } from '../model/clinical.js'

export const DAYS_PER: ReadonlyMap<TimeUnit, number> = new Map<TimeUnit, number>([
  ['days', 1],
  ['weeks', 7],
  ['months', 30.4375],
  ['years', 365.25],
])

/** Name patterns → unit (tested on the lower-cased column name). */
const NAME_UNITS: readonly (readonly [RegExp, TimeUnit])[] = [
  [/(^|[_.\s])days?($|[_.\s])|^days_to_|_days?$|days$/, 'days'],
  [/(^|[_.\s])(weeks?|wks?)($|[_.\s])|wks?$|weeks?$/, 'weeks'],
  [/(^|[_.\s])(months?|mos?)($|[_.\s])|months?$/, 'months'],
  [/(^|[_.\s])(years?|yrs?)($|[_.\s])|years?$/, 'years'],
]

export function unitFromName(column: string): TimeUnit | undefined {
  const c = column.trim().toLowerCase()
  const hits = NAME_UNITS.filter(([re]) => re.test(c)).map(([, u]) => u)
  return hits.length === 1 ? hits[0] : undefined
}

const DECLARED = /\((days?|weeks?|months?|years?)\)/i

/** cBioPortal header rows (`#Display name…` then `#Description…`, tab-separated): units said in parentheses. */
export function declaredUnits(preamble: readonly string[], columns: readonly string[]): Map<string, TimeUnit> {
  const out = new Map<string, TimeUnit>()
  for (const line of preamble.slice(0, 2)) {
    if (!line.startsWith('#')) continue
    const cells = line.slice(1).split('\t')
    if (cells.length !== columns.length) continue
    cells.forEach((cell, i) => {
      const m = DECLARED.exec(cell)
      const col = columns[i] as string
      if (m && !out.has(col)) out.set(col, (m[1] as string).toLowerCase().replace(/s?$/, 's') as TimeUnit)
    })
  }
  return out
}

export interface ResolvedUnit {
  /** Unit of the column's values, or undefined when nothing says it. */
  readonly unit: TimeUnit | undefined
  readonly source: 'option' | 'column name' | 'file declaration' | 'unknown'
  /** Unit the outputs show (display unit, else the column's). */
  readonly shown: TimeUnit | undefined
  /** Multiply values by this to get the shown unit. */
  readonly factor: number
}

export function resolveUnit(column: string, opts: { option?: TimeUnit | undefined; display?: TimeUnit | undefined; declared?: ReadonlyMap<string, TimeUnit> | undefined; file: string }): ResolvedUnit {
  const fromName = unitFromName(column)
  const declared = opts.declared?.get(column)
  const unit = opts.option ?? fromName ?? declared
  const source = opts.option !== undefined ? 'option' : fromName !== undefined ? 'column name' : declared !== undefined ? 'file declaration' : 'unknown'
  if (opts.display === undefined || opts.display === unit) return { unit, source, shown: unit, factor: 1 }
  if (unit === undefined) {
    throw new InputError('USAGE', `--display-unit ${opts.display}: the unit of ${quote(column)} is not known`, {
      file: opts.file,
      suggestion: 'say it with --time-unit days|weeks|months|years',
    })
  }
  return { unit, source, shown: opts.display, factor: (DAYS_PER.get(unit) as number) / (DAYS_PER.get(opts.display) as number) }
}

/** "days (from the column name)", "time (unit not stated)". */
export function describeUnit(r: ResolvedUnit): string {
  if (r.unit === undefined) return 'time with no stated unit (give --time-unit)'
  const base = `${r.unit} (${r.source === 'option' ? '--time-unit' : `from the ${r.source}`})`
  return r.shown === r.unit ? base : `${base}, shown in ${r.shown} (30.4375 days a month, 7 a week, 365.25 a year)`
}
