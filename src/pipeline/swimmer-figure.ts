/**
 * The swimmer figure from a clinical table already read: `swimmer` writes it, `report` embeds it.
 * It returns what it read and decided (the command prints it on stderr, the report in its text).
 */
import { describeResponseColumn, isResponseColumn } from '../clinical/endpoints.js'
import { lookupResponse, singleCategory } from '../clinical/response.js'
import { survivalEndpoint } from '../clinical/survival.js'
import { describeUnit } from '../clinical/units.js'
import { InputError, quote } from '../errors.js'
import { isMissing, parseFloatField } from '../io/fields.js'
import { DEFAULT_READING, type ClinicalTable } from '../model/clinical.js'
import { parseEndpoint } from '../scan/endpoints.js'
import { toSvg } from '../../viz/svg.js'
import { layoutSwimmer, type SwimmerRow } from '../../viz/swimmer.js'

export interface SwimmerFigureOptions {
  readonly responseColumn?: string | undefined
  readonly responseTime?: string | undefined
  readonly title?: string | undefined
}

export interface SwimmerFigure {
  readonly svg: string
  /** The endpoint reading (time column, unit, event coding). */
  readonly reading: readonly string[]
  /** What was drawn and how the response column was read. */
  readonly stated: readonly string[]
}

export function swimmerFigure(table: ClinicalTable, endpoint: string, opts: SwimmerFigureOptions = {}): SwimmerFigure {
  const ep = parseEndpoint(endpoint)
  if (ep.kind !== 'survival') throw new InputError('USAGE', `--endpoint ${quote(endpoint)}: a swimmer plot needs a time and an event (pfs, os or TIME~EVENT)`)
  const surv = survivalEndpoint(table, ep.spec)
  const responseColumn = opts.responseColumn ?? table.responseColumn
  if (responseColumn !== undefined && !isResponseColumn(table, responseColumn)) {
    throw new InputError('BAD_VALUE', `${quote(responseColumn)} is not a best-response column`, { file: table.file, suggestion: 'name one with --response-column, or map its codes with --response-map' })
  }
  if (opts.responseTime !== undefined && !table.columns.includes(opts.responseTime)) throw new InputError('MISSING_COLUMN', `--response-time ${quote(opts.responseTime)}: no such clinical column`, { file: table.file, suggestion: `columns are: ${table.columns.join(', ')}` })
  const map = (table.reading ?? DEFAULT_READING).responseMap
  const rows: SwimmerRow[] = []
  let noResponse = 0
  for (const [id, p] of surv.values) {
    const row = table.rows.get(id)
    const raw = responseColumn === undefined ? undefined : row?.values.get(responseColumn)
    const look = raw === undefined || isMissing(raw) ? undefined : lookupResponse(raw, { map, columnName: responseColumn })
    const response = look?.kind === 'response' ? singleCategory(look.code) : undefined
    if (response === undefined) noResponse++
    const rt = opts.responseTime === undefined ? undefined : row?.values.get(opts.responseTime)
    const loc = { name: opts.responseTime ?? '', file: table.file, line: row?.line, column: table.columns.indexOf(opts.responseTime ?? '') + 1 }
    const responseTime = rt === undefined || isMissing(rt) ? undefined : parseFloatField(rt, loc)
    if (responseTime !== undefined && !(responseTime >= 0)) throw new InputError('BAD_NUMBER', `${loc.name}: expected a time ≥ 0, got ${quote(rt ?? '')}`, { file: loc.file, line: loc.line, column: loc.column })
    rows.push({ id, time: p.time, event: p.event === 1, response, responseTime: responseTime === undefined ? undefined : responseTime * surv.unit.factor })
  }
  if (rows.length === 0) throw new InputError('EMPTY_FILE', `no patient has both ${surv.timeColumn} and ${surv.eventColumn}`, { file: table.file })
  const excluded = Object.entries(surv.excluded).map(([why, ids]) => `${ids.length} ${why}`)
  const unit = surv.unit.shown
  const stated = [
    `${rows.length} patients; bar = ${surv.timeColumn} in ${describeUnit(surv.unit)}; end mark = ${surv.coding}${excluded.length > 0 ? `; not drawn: ${excluded.join(', ')}` : ''}`,
    responseColumn === undefined ? 'no best-response column: bars in grey' : `${describeResponseColumn(table, responseColumn)}${noResponse > 0 ? `; ${noResponse} without a single RECIST category drawn grey` : ''}`,
  ]
  // The figure says it briefly; stderr (or the report's text) says it all.
  const notes = [`${rows.length} patients: ${surv.events} ${surv.eventColumn} (cross), ${surv.censored} censored (arrow)${excluded.length > 0 ? `; not drawn: ${excluded.join(', ')}` : ''}`, stated[1] as string]
  const svg = toSvg(layoutSwimmer(rows, { title: opts.title, notes, timeLabel: unit === undefined ? `${surv.timeColumn} (time, unit not stated)` : `${surv.timeColumn} (${unit})`, eventLabel: surv.eventColumn }))
  return { svg, reading: surv.reading, stated }
}
