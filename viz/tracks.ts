/**
 * Clinical tracks: which columns, what type (categorical / numeric / best response), their colours,
 * and the event column paired with a time (e.g. `pfs_months` + `pfs_event`) for censoring marks.
 * Types are detected from the values (every present value numeric → numeric) unless overridden.
 */
import { InputError, quote } from '../src/errors.js'
import { isMissing } from '../src/io/fields.js'
import { isResponseColumn } from '../src/clinical/endpoints.js'
import { lookupEvent, unknownEventError } from '../src/clinical/events.js'
import { codeLabel, parseResponse } from '../src/clinical/response.js'
import { DEFAULT_READING, type ClinicalTable, type Response } from '../src/model/clinical.js'

export type TrackType = 'categorical' | 'numeric' | 'response'

export interface TrackSpec {
  readonly column: string
  readonly type?: TrackType | undefined
  /** Event column for a numeric time track (1 = event, 0 = censored). */
  readonly eventColumn?: string | undefined
}

export interface CategoricalTrack {
  readonly type: 'categorical' | 'response'
  readonly column: string
  /** Per shown column: the value or undefined (missing). */
  readonly values: readonly (string | undefined)[]
  /** Levels present, in legend order, with colours. */
  readonly levels: readonly { readonly value: string; readonly color: string }[]
}

export interface NumericTrack {
  readonly type: 'numeric'
  readonly column: string
  readonly values: readonly (number | undefined)[]
  readonly eventColumn?: string | undefined
  /** Per shown column: true = event, false = censored, undefined = unknown / no event column. */
  readonly events: readonly (boolean | undefined)[]
  readonly max: number
}

export type Track = CategoricalTrack | NumericTrack

/** Fixed, meaningful RECIST colours: CR dark green, PR green, SD amber, PD red, NE grey. */
export const RESPONSE_COLORS: Readonly<Partial<Record<string, string>>> = {
  CR: '#1B7837',
  PR: '#7FBC41',
  SD: '#F1B633',
  PD: '#D73027',
  NE: '#9E9E9E',
}

/** Qualitative palette for other categories (ColorBrewer Set2 + Dark2), assigned in level order. */
const CATEGORY_COLORS = ['#66C2A5', '#FC8D62', '#8DA0CB', '#E78AC3', '#A6D854', '#FFD92F', '#E5C494', '#B3B3B3', '#1B9E77', '#D95F02', '#7570B3', '#E7298A', '#66A61E', '#E6AB02', '#A6761D', '#666666']

export const NUMERIC_COLOR = '#535C68'

/** Colours of combined and binary response codes (single categories use RESPONSE_COLORS). */
const CODE_COLORS: ReadonlyMap<string, string> = new Map([
  ['CR/PR', '#4DAC26'],
  ['CR/PR/SD', '#B8E186'],
  ['SD/PD', '#E66101'],
  ['Responder', '#1B7837'],
  ['Non-responder', '#D73027'],
])
const RESPONSE_ORDER = ['CR', 'PR', 'CR/PR', 'CR/PR/SD', 'SD', 'SD/PD', 'PD', 'NE', 'Responder', 'Non-responder']

/** A theme colour for a data value: own keys only (a value `constructor` is not Object's). */
const own = (rec: Readonly<Record<string, string>>, key: string): string | undefined => (Object.hasOwn(rec, key) ? rec[key] : undefined)

const NUMERIC_RE = /^[+-]?(\d+\.?\d*|\.\d+)([eE][+-]?\d+)?$/

function present(v: string | undefined): string | undefined {
  return v === undefined || isMissing(v) ? undefined : v.trim()
}

/** The event column that goes with a time column: `os_months` → `os_event` / `os_status`. */
export function pairedEventColumn(table: ClinicalTable, column: string): string | undefined {
  const stem = column.replace(/[_.]?(months?|days?|weeks?|years?|time)$/i, '')
  if (stem === column) return undefined
  const candidates = ['_event', '_status', '.event', '.status'].map((s) => `${stem}${s}`.toLowerCase())
  return table.columns.find((c) => candidates.includes(c.toLowerCase()))
}

export function detectType(table: ClinicalTable, column: string): TrackType {
  const vals = [...table.rows.values()].map((r) => present(r.values.get(column))).filter((v): v is string => v !== undefined)
  // The same reading as scan's endpoints (src/clinical/endpoints.ts): MR is SD here too.
  if (isResponseColumn(table, column)) return 'response'
  if (vals.length > 0 && vals.every((v) => NUMERIC_RE.test(v))) return 'numeric'
  return 'categorical'
}

/** Build the tracks for the shown samples (in column order). */
export function buildTracks(table: ClinicalTable, samples: readonly string[], specs: readonly TrackSpec[], colors: Readonly<Record<string, Readonly<Record<string, string>>>> = {}): Track[] {
  // Categorical tracks draw from one palette in turn, so two columns never share a colour for
  // different values (until more than CATEGORY_COLORS.length levels are shown in all).
  let nextColor = 0
  return specs.map((spec) => {
    if (!table.columns.includes(spec.column)) {
      throw new InputError('MISSING_COLUMN', `clinical track ${quote(spec.column)}: no such column`, { file: table.file, suggestion: `columns are: ${table.columns.join(', ')}` })
    }
    const type = spec.type ?? detectType(table, spec.column)
    const raw = samples.map((s) => present(table.rows.get(s)?.values.get(spec.column)))
    const custom = (Object.hasOwn(colors, spec.column) ? colors[spec.column] : undefined) ?? {}
    if (type === 'numeric') return numericTrack(table, spec, samples, raw)
    if (type === 'response') {
      const map = (table.reading ?? DEFAULT_READING).responseMap
      const values = samples.map((s, i) => {
        const v = raw[i]
        if (v === undefined) return undefined
        const loc = { file: table.file, line: table.rows.get(s)?.line ?? 0, column: table.columns.indexOf(spec.column) + 1, columnName: spec.column }
        const code = parseResponse(v, loc, map)
        return code === undefined ? undefined : codeLabel(code)
      })
      const present = new Set(values.filter((v): v is string => v !== undefined))
      const order = [...RESPONSE_ORDER.filter((r) => present.has(r)), ...[...present].filter((r) => !RESPONSE_ORDER.includes(r)).sort()]
      const levels = order.map((r) => ({ value: r, color: own(custom, r) ?? RESPONSE_COLORS[r as Response] ?? CODE_COLORS.get(r) ?? NUMERIC_COLOR }))
      return { type, column: spec.column, values, levels }
    }
    const distinct = [...new Set(raw.filter((v): v is string => v !== undefined))].sort((a, b) => (a < b ? -1 : a > b ? 1 : 0))
    const levels = distinct.map((value) => ({ value, color: own(custom, value) ?? (CATEGORY_COLORS[nextColor++ % CATEGORY_COLORS.length] as string) }))
    return { type: 'categorical', column: spec.column, values: raw, levels }
  })
}

function numericTrack(table: ClinicalTable, spec: TrackSpec, samples: readonly string[], raw: readonly (string | undefined)[]): NumericTrack {
  const values = raw.map((v, i) => {
    if (v === undefined) return undefined
    if (!NUMERIC_RE.test(v)) {
      const row = table.rows.get(samples[i] ?? '')
      throw new InputError('BAD_NUMBER', `${spec.column}: expected a number, got ${quote(v)}`, { file: table.file, line: row?.line, column: table.columns.indexOf(spec.column) + 1 })
    }
    return Number(v)
  })
  const eventColumn = spec.eventColumn ?? pairedEventColumn(table, spec.column)
  if (eventColumn !== undefined && !table.columns.includes(eventColumn)) {
    throw new InputError('MISSING_COLUMN', `event column ${quote(eventColumn)} for track ${quote(spec.column)} not found`, { file: table.file })
  }
  const events = samples.map((s) => {
    if (eventColumn === undefined) return undefined
    const row = table.rows.get(s)
    const v = present(row?.values.get(eventColumn))
    if (v === undefined) return undefined
    // The same event reading as scan's survival endpoints: --event-value, else a self-describing coding.
    const eventValues = table.reading?.eventValues
    if (eventValues !== undefined && eventValues.length > 0) return eventValues.includes(v)
    const e = lookupEvent(v)
    if (e === undefined) throw unknownEventError(v, { file: table.file, line: row?.line ?? 0, column: table.columns.indexOf(eventColumn) + 1, columnName: eventColumn })
    return e.event === 1
  })
  const max = values.reduce<number>((a, v) => (v !== undefined && v > a ? v : a), 0)
  return { type: 'numeric', column: spec.column, values, eventColumn, events, max }
}
