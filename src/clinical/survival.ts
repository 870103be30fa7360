/**
 * Survival endpoints: per-sample { time, event } for Kaplan–Meier / log-rank / Cox.
 *
 * 'pfs' and 'os' find their columns by name (case-insensitive; exactly one time and one event
 * column must match, else the error lists what matched and the header):
 * | spec | time columns | event columns |
 * |------|--------------|---------------|
 * | pfs  | pfs_months, pfs_days, pfs_time, pfs, rwpfs_months, rwpfs_days, rwpfs, progression_free_survival | pfs_event, pfs_status, rwpfs_event, rwpfs_status, progressed, progression |
 * | os   | os_months, os_days, os_time, os, overall_survival_months, overall_survival, days_to_last_followup, days_to_last_follow_up | os_event, os_status, overall_survival_status, vital_status, dead, deceased |
 * PFS_MONTHS/PFS_STATUS and OS_MONTHS/OS_STATUS are cBioPortal's; PFS/OS + progressed/dead are
 * Liu 2019's (comut example); days_to_last_followup + Overall_Survival_Status is maftools'
 * tcga_laml_annot.tsv (the columns maftools' mafSurvival defaults to).
 * Deliberately NOT auto-detected: Riaz 2017's PFS_SOR / OS_SOR, whose 1 means *censored* (all 31 PD
 * patients have PFS_SOR = 0); name them with `--event-value 0` (reading.eventValues) or pass
 * { time: 'PFS', event: 'PFS_SOR', eventMeansCensored: true }.
 * Times are kept in the column's own unit (units.ts resolves and states it), or converted to the
 * display unit when one is asked for.
 * Event coding: `--event-value V…` (table.reading.eventValues) names the values meaning the event;
 * every other non-missing value is then censoring. Without it a self-describing coding is required
 * (events.ts), and the coding used and the counts are returned for the outputs to state.
 *
 * Times must be finite and ≥ 0: a negative or non-numeric time is a located error (lenient:
 * excluded as 'invalid time'). Missing time or event excludes the sample by reason.
 */
import { z } from 'zod'
import { InputError, quote } from '../errors.js'
import { parseFloatField } from '../io/fields.js'
import type { ClinicalTable } from '../model/clinical.js'
import { findAll, headerHint, requireNamed } from './columns.js'
import { excludeSample, type EndpointOptions, type Excluded } from './endpoints.js'
import { EventColumnChecker, lookupEvent, unknownEventError } from './events.js'
import { describeUnit, resolveUnit, type ResolvedUnit } from './units.js'
import { columnReader } from './stored-rows.js'

export const SURVIVAL_COLUMNS = {
  pfs: {
    time: ['pfs_months', 'pfs_days', 'pfs_time', 'pfs', 'rwpfs_months', 'rwpfs_days', 'rwpfs', 'progression_free_survival'],
    event: ['pfs_event', 'pfs_status', 'rwpfs_event', 'rwpfs_status', 'progressed', 'progression'],
  },
  os: {
    time: ['os_months', 'os_days', 'os_time', 'os', 'overall_survival_months', 'overall_survival', 'days_to_last_followup', 'days_to_last_follow_up'],
    event: ['os_event', 'os_status', 'overall_survival_status', 'vital_status', 'dead', 'deceased'],
  },
} as const satisfies Record<string, { time: readonly string[]; event: readonly string[] }>

export const SurvivalSpecSchema = z.union([
  z.enum(['pfs', 'os']),
  z.object({ time: z.string().min(1), event: z.string().min(1), eventMeansCensored: z.boolean().optional() }),
])
export type SurvivalSpec = z.input<typeof SurvivalSpecSchema>

const TimeSchema = z.number().finite().nonnegative()

export interface SurvivalPoint {
  readonly time: number
  readonly event: 0 | 1
}

export interface SurvivalEndpoint {
  /** 'pfs', 'os' or 'time~event'. */
  readonly name: string
  readonly timeColumn: string
  readonly eventColumn: string
  readonly eventMeansCensored: boolean
  /** Sample → observation, in file order. */
  readonly values: ReadonlyMap<string, SurvivalPoint>
  readonly excluded: Readonly<Excluded>
  readonly unit: ResolvedUnit
  /** How the event column was read, e.g. `OS_SOR: event = "0" (--event-value); censored = "1"`. */
  readonly coding: string
  readonly events: number
  readonly censored: number
  /** Human statements of every interpretation (unit, coding, counts). */
  readonly reading: readonly string[]
}

function pickOne(table: ClinicalTable, names: readonly string[], what: string, spec: string): string {
  const hits = findAll(table.columns, names)
  if (hits.length === 1) return table.columns[hits[0] as number] as string
  const found = hits.map((i) => quote(table.columns[i] as string))
  throw new InputError('MISSING_COLUMN', hits.length === 0
    ? `${spec.toUpperCase()}: no ${what} column (looked for ${names.join(', ')})`
    : `${spec.toUpperCase()}: ambiguous ${what} column: ${found.join(' and ')} all match`, {
    file: table.file,
    suggestion: `name the columns explicitly ({ time, event }); ${headerHint(table.columns)}`,
  })
}

export function survivalEndpoint(table: ClinicalTable, specIn: SurvivalSpec, opts: EndpointOptions = {}): SurvivalEndpoint {
  const spec = SurvivalSpecSchema.parse(specIn)
  let timeColumn: string
  let eventColumn: string
  let inverted = false
  let name: string
  if (typeof spec === 'string') {
    const names = SURVIVAL_COLUMNS[spec]
    timeColumn = pickOne(table, names.time, 'time', spec)
    eventColumn = pickOne(table, names.event, 'event', spec)
    name = spec
  } else {
    timeColumn = table.columns[requireNamed(table.columns, spec.time, 'survival time', table.file)] as string
    eventColumn = table.columns[requireNamed(table.columns, spec.event, 'survival event', table.file)] as string
    inverted = spec.eventMeansCensored ?? false
    name = `${timeColumn}~${eventColumn}`
  }
  const timeIdx = table.columns.indexOf(timeColumn) + 1
  const eventIdx = table.columns.indexOf(eventColumn) + 1
  const checker = new EventColumnChecker(eventColumn)
  const values = new Map<string, SurvivalPoint>()
  const excluded: Excluded = {}
  const reading = table.reading
  const unit = resolveUnit(timeColumn, { option: reading?.timeUnit, display: reading?.displayUnit, declared: table.declaredUnits, file: table.file })
  const eventSet = reading?.eventValues && reading.eventValues.length > 0 && !inverted ? new Set(reading.eventValues.map((v) => v.trim())) : undefined
  /** Raw value → [event, count], for the coding statement. */
  const seen = new Map<string, [0 | 1, number]>()
  const families = new Set<string>()

  const eventOf = columnReader(eventColumn)
  const timeOf = columnReader(timeColumn)
  for (const row of table.rows.values()) {
    const evLoc = { file: table.file, line: row.line, column: eventIdx, columnName: eventColumn }
    const rawEvent = eventOf(row)
    let event: 0 | 1 | undefined
    if (rawEvent !== undefined) {
      if (eventSet) event = eventSet.has(rawEvent.trim()) ? 1 : 0
      else {
        const code = lookupEvent(rawEvent)
        if (code === undefined) {
          if (!opts.lenient) throw unknownEventError(rawEvent, evLoc, distinctValues(table, eventColumn))
          excludeSample(excluded, 'unrecognized event', row.sample)
          continue
        }
        checker.check(code, rawEvent, evLoc)
        families.add(code.family)
        event = inverted ? ((1 - code.event) as 0 | 1) : code.event
      }
    }
    const loc = { file: table.file, line: row.line, column: timeIdx, name: timeColumn }
    let time: number | undefined
    try {
      time = parseFloatField(timeOf(row), loc)
      if (time !== undefined && !TimeSchema.safeParse(time).success) {
        throw new InputError('BAD_NUMBER', `${timeColumn}: expected a non-negative time, got ${time}`, loc)
      }
    } catch (e) {
      if (!(opts.lenient && e instanceof InputError)) throw e
      excludeSample(excluded, 'invalid time', row.sample)
      continue
    }
    if (time === undefined) excludeSample(excluded, 'missing time', row.sample)
    else if (event === undefined) excludeSample(excluded, 'missing event', row.sample)
    else {
      values.set(row.sample, { time: time * unit.factor, event })
      const k = (rawEvent as string).trim()
      const prev = seen.get(k)
      seen.set(k, [event, (prev?.[1] ?? 0) + 1])
    }
  }
  if (eventSet) {
    const missingValues = [...eventSet].filter((v) => !seen.has(v))
    if (missingValues.length === eventSet.size) {
      throw new InputError('BAD_VALUE', `${eventColumn}: --event-value ${[...eventSet].map((v) => quote(v)).join(', ')} does not occur in the column`, {
        file: table.file,
        suggestion: `values present: ${[...seen.keys()].map((v) => quote(v)).join(', ') || '(none)'}`,
      })
    }
  }
  const list = (want: 0 | 1) => [...seen].filter(([, [e]]) => e === want).map(([v, [, n]]) => `${quote(v)} (${n})`).join(', ') || 'none'
  const events = [...values.values()].filter((v) => v.event === 1).length
  const censored = values.size - events
  const how = eventSet ? '--event-value' : inverted ? `${[...families].join(', ')} coding, inverted (the column marks censoring)` : `${[...families].join(', ') || 'no'} coding`
  const coding = `${eventColumn}: event = ${list(1)}; censored = ${list(0)} [${how}]`
  const statements = [
    `${name}: time column ${quote(timeColumn)} in ${describeUnit(unit)}`,
    `${name}: ${coding}: ${events} events, ${censored} censored among ${values.size} patients with follow-up`,
  ]
  return { name, timeColumn, eventColumn, eventMeansCensored: inverted, values, excluded, unit, coding, events, censored, reading: statements }
}

/** Distinct non-missing values of a column, for error messages. */
function distinctValues(table: ClinicalTable, column: string): string[] {
  const out = new Set<string>()
  for (const row of table.rows.values()) {
    const v = row.values.get(column)
    if (v !== undefined) out.add(v)
  }
  return [...out]
}
