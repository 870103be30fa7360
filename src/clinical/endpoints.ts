/**
 * Group endpoints for association tests: per-sample 0/1 (binary) or level (categorical), plus the
 * samples left out and why, so a report can say "52 samples, 3 excluded: not evaluable (NE)".
 *
 * Specs:
 * - 'orr': objective response, CR+PR = 1 vs SD+PD = 0;
 * - 'dcr': disease control, CR+PR+SD = 1 vs PD = 0;
 *   for both, NE, missing and (lenient) unrecognised responses are excluded by reason.
 * - a column name, or { column, positive }: two distinct values → binary; more → categorical
 *   (clinicalEnrichment-style tests). The literal 'orr'/'dcr' wins over a column of that name; use
 *   { column: 'orr' } for the column. Which of two values is 1: `positive` if given; else the event
 *   value when both decode in one event coding (1/0, yes/no, TRUE/FALSE, Dead/Alive, 1:X/0:Y); else
 *   the second in sorted order, as R's factor() + glm() would model it.
 * Values of the best-response column are normalised to CR/PR/SD/PD/NE before grouping, so
 * "PR" and "Partial Response" are one level.
 * Levels sort by UTF-16 code unit (deterministic, locale-free).
 */
import { InputError, quote } from '../errors.js'
import type { ClinicalTable, Response } from '../model/clinical.js'
import { headerHint, requireNamed } from './columns.js'
import { lookupEvent } from './events.js'
import { lookupResponse, unknownResponseError, type CellLocation } from './response.js'

export type Excluded = Record<string, string[]>

export interface BinaryEndpoint {
  readonly kind: 'binary'
  /** 'orr', 'dcr' or the column name. */
  readonly name: string
  readonly column: string
  /** Label of the 1 group ('CR+PR') and of the 0 group. */
  readonly positive: string
  readonly negative: string
  readonly values: ReadonlyMap<string, 0 | 1>
  readonly excluded: Readonly<Excluded>
}

export interface CategoricalEndpoint {
  readonly kind: 'categorical'
  readonly name: string
  readonly column: string
  readonly levels: readonly string[]
  readonly values: ReadonlyMap<string, string>
  readonly excluded: Readonly<Excluded>
}

export type GroupEndpoint = BinaryEndpoint | CategoricalEndpoint
/** 'orr', 'dcr', a column name, or a column with its positive value. */
export type GroupSpec = string | { readonly column: string; readonly positive?: string | undefined }

export interface EndpointOptions {
  /** Exclude unrecognised values (counted by reason) instead of throwing. */
  readonly lenient?: boolean | undefined
}

export function excludeSample(ex: Excluded, reason: string, sample: string): void {
  ;(ex[reason] ??= []).push(sample)
}

export function byCodeUnit(a: string, b: string): number {
  return a < b ? -1 : a > b ? 1 : 0
}

const RESPONSE_GROUPS: Readonly<Record<'orr' | 'dcr', { positive: string; negative: string; value: Readonly<Record<Exclude<Response, 'NE'>, 0 | 1>> }>> = {
  orr: { positive: 'CR+PR', negative: 'SD+PD', value: { CR: 1, PR: 1, SD: 0, PD: 0 } },
  dcr: { positive: 'CR+PR+SD', negative: 'PD', value: { CR: 1, PR: 1, SD: 1, PD: 0 } },
}

function cellLoc(table: ClinicalTable, column: string, line: number): CellLocation {
  return { file: table.file, line, column: table.columns.indexOf(column) + 1, columnName: column }
}

/**
 * Column values, normalised when it is the best-response column; missing / unrecognised samples
 * are recorded in `excluded`.
 */
function columnValues(table: ClinicalTable, column: string, ex: Excluded, opts: EndpointOptions): Map<string, string> {
  const out = new Map<string, string>()
  const isResponse = column === table.responseColumn
  for (const row of table.rows.values()) {
    const raw = row.values[column]
    if (raw === undefined) {
      excludeSample(ex, isResponse ? 'missing response' : 'missing value', row.sample)
      continue
    }
    if (!isResponse) {
      out.set(row.sample, raw)
      continue
    }
    const r = lookupResponse(raw)
    if (r.kind === 'response') out.set(row.sample, r.value)
    else if (r.kind === 'none') excludeSample(ex, 'missing response', row.sample)
    else if (opts.lenient) excludeSample(ex, 'unrecognized response', row.sample)
    else throw unknownResponseError(raw, cellLoc(table, column, row.line))
  }
  return out
}

function responseEndpoint(table: ClinicalTable, which: 'orr' | 'dcr', opts: EndpointOptions): BinaryEndpoint {
  const column = table.responseColumn
  if (column === undefined) {
    throw new InputError('MISSING_COLUMN', `${which.toUpperCase()} needs a best-response column and none was found`, {
      file: table.file,
      suggestion: `name it with the response-column option; ${headerHint(table.columns)}`,
    })
  }
  const g = RESPONSE_GROUPS[which]
  const excluded: Excluded = {}
  const values = new Map<string, 0 | 1>()
  for (const [sample, r] of columnValues(table, column, excluded, opts)) {
    if (r === 'NE') excludeSample(excluded, 'not evaluable (NE)', sample)
    else values.set(sample, g.value[r as Exclude<Response, 'NE'>])
  }
  return { kind: 'binary', name: which, column, positive: g.positive, negative: g.negative, values, excluded }
}

/** Which of two levels is the 1 group when the caller did not say. */
function pickPositive(levels: readonly [string, string]): string {
  const [a, b] = levels
  const ca = lookupEvent(a)
  const cb = lookupEvent(b)
  if (ca && cb && ca.family === cb.family && ca.event !== cb.event) return ca.event === 1 ? a : b
  return b
}

export function binaryEndpoint(table: ClinicalTable, spec: GroupSpec, opts: EndpointOptions = {}): GroupEndpoint {
  if (spec === 'orr' || spec === 'dcr') return responseEndpoint(table, spec, opts)
  const name = typeof spec === 'string' ? spec : spec.column
  const column = table.columns[requireNamed(table.columns, name, 'endpoint', table.file)] as string
  const excluded: Excluded = {}
  const raw = columnValues(table, column, excluded, opts)
  const levels = [...new Set(raw.values())].sort(byCodeUnit)
  const wanted = typeof spec === 'string' ? undefined : spec.positive
  if (wanted !== undefined && !levels.includes(wanted)) {
    throw new InputError('BAD_VALUE', `${column}: positive value ${quote(wanted)} does not occur in the column`, {
      file: table.file,
      suggestion: `values present: ${levels.map((l) => quote(l)).join(', ')}`,
    })
  }
  if (levels.length !== 2) {
    if (wanted !== undefined) {
      throw new InputError('BAD_VALUE', `${column}: a positive value needs exactly two distinct values, found ${levels.length}`, { file: table.file })
    }
    return { kind: 'categorical', name, column, levels, values: raw, excluded }
  }
  const positive = wanted ?? pickPositive(levels as [string, string])
  const negative = levels[0] === positive ? (levels[1] as string) : (levels[0] as string)
  const values = new Map<string, 0 | 1>()
  for (const [s, v] of raw) values.set(s, v === positive ? 1 : 0)
  return { kind: 'binary', name, column, positive, negative, values, excluded }
}

/** Distinct non-missing values of a column, sorted (responses normalised to CR/PR/SD/PD/NE). */
export function categoricalLevels(table: ClinicalTable, column: string, opts: EndpointOptions = {}): string[] {
  const name = table.columns[requireNamed(table.columns, column, 'categorical', table.file)] as string
  return [...new Set(columnValues(table, name, {}, opts).values())].sort(byCodeUnit)
}
