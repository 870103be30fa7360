/**
 * Group endpoints for association tests: per-sample 0/1 (binary) or level (categorical), plus the
 * samples left out and why, so a report can say "52 samples, 3 excluded: not evaluable (NE)".
 *
 * Specs:
 * - 'orr': objective response, responders (CR, PR, or a combined CR/PR, or a binary responder
 *   coding) = 1 vs non-responders (SD, PD, SD/PD, binary non-responder) = 0;
 * - 'dcr': disease control, CR/PR/SD (and their combinations) = 1 vs PD = 0;
 *   a code that mixes both sides (PRCRSD under ORR) is an error naming the column and the code.
 *   NE: excluded, or counted as non-responder with `--ne non-responder` (table.reading.ne).
 * - a column name, or { column, positive }: two distinct values → binary; more → categorical
 *   (clinicalEnrichment-style tests). The literal 'orr'/'dcr' wins over a column of that name; use
 *   { column: 'orr' } for the column. Which of two values is 1: `positive` if given; else the
 *   level other than `--reference`; else the responder side of a response-coded column; else the
 *   event value when both decode in one event coding (1/0, yes/no, TRUE/FALSE, Dead/Alive); else
 *   the second in sorted order, as R's factor() + glm() would model it. The comparison is stated
 *   in every row ("CR/PR vs SD/PD").
 * - a numeric column with more than MAX_NUMERIC_LEVELS distinct values is refused: testing a count
 *   level by level is meaningless (continuous endpoints are a separate feature).
 * A response-coded column (the best-response column, or one whose every value is a response code)
 * is grouped by its reading (response.ts), so "PR" and "Partial Response" are one level and MR
 * reads as SD everywhere.
 * Levels sort by UTF-16 code unit (deterministic, locale-free).
 */
import { InputError, quote } from '../errors.js'
import { DEFAULT_READING, type ClinicalTable, type Response } from '../model/clinical.js'
import { headerHint, requireNamed } from './columns.js'
import { lookupEvent } from './events.js'
import { codeLabel, lookupResponse, unknownResponseError, type CellLocation, type ResponseCode } from './response.js'

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
  /** Human statements of every interpretation (column, coding, direction, NE rule, counts). */
  readonly reading: readonly string[]
}

export interface CategoricalEndpoint {
  readonly kind: 'categorical'
  readonly name: string
  readonly column: string
  readonly levels: readonly string[]
  readonly values: ReadonlyMap<string, string>
  readonly excluded: Readonly<Excluded>
  readonly reading: readonly string[]
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

/** More distinct numeric values than this and a column is not a categorical endpoint. */
export const MAX_NUMERIC_LEVELS = 6
const NUMERIC_RE = /^[+-]?(\d+\.?\d*|\.\d+)([eE][+-]?\d+)?$/

type Side = 0 | 1 | 'NE' | undefined
const RESPONSE_GROUPS: ReadonlyMap<'orr' | 'dcr', { positive: string; negative: string; ones: ReadonlySet<Response>; zeros: ReadonlySet<Response> }> = new Map([
  ['orr', { positive: 'responders (CR+PR)', negative: 'non-responders (SD+PD)', ones: new Set<Response>(['CR', 'PR']), zeros: new Set<Response>(['SD', 'PD']) }],
  ['dcr', { positive: 'disease control (CR+PR+SD)', negative: 'progression (PD)', ones: new Set<Response>(['CR', 'PR', 'SD']), zeros: new Set<Response>(['PD']) }],
] as const)

/** Which side of ORR/DCR a code is on; undefined when it mixes both (PRCRSD under ORR). */
function sideOf(code: ResponseCode, which: 'orr' | 'dcr'): Side {
  if (code.kind === 'binary') return which === 'orr' ? (code.responder ? 1 : 0) : undefined
  const g = RESPONSE_GROUPS.get(which) as { ones: ReadonlySet<Response>; zeros: ReadonlySet<Response> }
  if (code.categories.length === 1 && code.categories[0] === 'NE') return 'NE'
  if (code.categories.every((c) => g.ones.has(c))) return 1
  if (code.categories.every((c) => g.zeros.has(c))) return 0
  return undefined
}

function cellLoc(table: ClinicalTable, column: string, line: number): CellLocation {
  return { file: table.file, line, column: table.columns.indexOf(column) + 1, columnName: column }
}

interface ResponseRead {
  readonly codes: Map<string, ResponseCode>
  /** "raw → reading (coding)" with counts, for the statements. */
  readonly readings: Map<string, number>
}

/**
 * A response-coded column read cell by cell: codes per sample, missing / unknown recorded in `ex`.
 * Binary responder codings and RECIST-type codings in one column are refused (pasted from two sources).
 */
function readResponseColumn(table: ClinicalTable, column: string, ex: Excluded, opts: EndpointOptions): ResponseRead {
  const map = (table.reading ?? DEFAULT_READING).responseMap
  const codes = new Map<string, ResponseCode>()
  const readings = new Map<string, number>()
  let firstKind: { kind: string; raw: string; line: number } | undefined
  for (const row of table.rows.values()) {
    const raw = row.values.get(column)
    if (raw === undefined) {
      excludeSample(ex, 'missing response', row.sample)
      continue
    }
    const r = lookupResponse(raw, { map, columnName: column })
    if (r.kind === 'none') excludeSample(ex, 'missing response', row.sample)
    else if (r.kind === 'unknown') {
      if (opts.lenient) excludeSample(ex, 'unrecognized response', row.sample)
      else throw unknownResponseError(raw, cellLoc(table, column, row.line))
    } else {
      if (firstKind === undefined) firstKind = { kind: r.code.kind, raw, line: row.line }
      else if (firstKind.kind !== r.code.kind) {
        throw new InputError('BAD_VALUE', `${column}: mixes a responder coding and RECIST categories (${quote(firstKind.raw)} at line ${firstKind.line}, ${quote(raw)} at line ${row.line})`, {
          file: table.file,
          line: row.line,
          column: table.columns.indexOf(column) + 1,
          suggestion: 'recode the column to one convention, or map codes with --response-map',
        })
      }
      codes.set(row.sample, r.code)
      const label = codeLabel(r.code)
      const key = raw.trim() === label ? `${label} (${r.code.coding})` : `${quote(raw.trim())} → ${label} (${r.code.coding})`
      readings.set(key, (readings.get(key) ?? 0) + 1)
    }
  }
  return { codes, readings }
}

function readingsText(column: string, r: ResponseRead): string {
  return `${column} read as: ${[...r.readings].sort(([a], [b]) => byCodeUnit(a, b)).map(([k, n]) => `${k} ×${n}`).join('; ')}`
}

/** "BR read as: …" for a response-coded column (oncoplot tracks state their reading too). */
export function describeResponseColumn(table: ClinicalTable, column: string): string {
  return readingsText(column, readResponseColumn(table, column, {}, { lenient: true }))
}

/** Every non-missing value is a response code (and at least one is). */
export function isResponseColumn(table: ClinicalTable, column: string): boolean {
  if (column === table.responseColumn) return true
  const map = (table.reading ?? DEFAULT_READING).responseMap
  let any = false
  for (const row of table.rows.values()) {
    const v = row.values.get(column)
    if (v === undefined) continue
    const r = lookupResponse(v, { map, columnName: column })
    if (r.kind === 'unknown') return false
    if (r.kind === 'response') any = true
  }
  return any
}

function responseEndpoint(table: ClinicalTable, which: 'orr' | 'dcr', opts: EndpointOptions): BinaryEndpoint {
  const column = table.responseColumn
  if (column === undefined) {
    throw new InputError('MISSING_COLUMN', `${which.toUpperCase()} needs a best-response column and none was found`, {
      file: table.file,
      suggestion: `name it with --response-column; ${headerHint(table.columns)}`,
    })
  }
  const g = RESPONSE_GROUPS.get(which) as { positive: string; negative: string }
  const ne = (table.reading ?? DEFAULT_READING).ne
  const excluded: Excluded = {}
  const values = new Map<string, 0 | 1>()
  const read = readResponseColumn(table, column, excluded, opts)
  let neCount = 0
  for (const [sample, code] of read.codes) {
    const side = sideOf(code, which)
    if (side === undefined) {
      const row = table.rows.get(sample)
      throw new InputError('BAD_VALUE', `${column}: ${quote(codeLabel(code))} cannot be read for ${which.toUpperCase()}: ${code.kind === 'binary' ? 'a responder coding does not separate stable disease' : 'it groups responders and non-responders together'}`, {
        file: table.file,
        line: row?.line,
        column: table.columns.indexOf(column) + 1,
        suggestion: which === 'orr' ? 'use --endpoint dcr, or recode it with --response-map CODE=CR|PR|SD|PD|NE' : 'use --endpoint orr, or recode it with --response-map',
      })
    }
    if (side === 'NE') {
      neCount++
      if (ne === 'exclude') excludeSample(excluded, 'not evaluable (NE)', sample)
      else values.set(sample, 0)
    } else values.set(sample, side)
  }
  const reading = [
    `${which}: best-response column ${quote(column)}; ${g.positive} = 1 vs ${g.negative} = 0`,
    readingsText(column, read),
    `${which}: NE rule ${ne === 'exclude' ? 'exclude (--ne exclude): NE patients leave the denominator' : 'non-responder (--ne non-responder): NE patients count as 0'}; ${neCount} NE patient(s)`,
  ]
  return { kind: 'binary', name: which, column, positive: g.positive, negative: g.negative, values, excluded, reading }
}

/** Which of two levels is the 1 group when the caller did not say. */
function pickPositive(levels: readonly [string, string], codes: ReadonlyMap<string, ResponseCode> | undefined): { positive: string; why: string } {
  const [a, b] = levels
  if (codes !== undefined) {
    const ca = codes.get(a)
    const cb = codes.get(b)
    for (const which of ['orr', 'dcr'] as const) {
      const sa = ca && sideOf(ca, which)
      const sb = cb && sideOf(cb, which)
      if (sa === 1 && sb === 0) return { positive: a, why: `responders first (${which.toUpperCase()} sides)` }
      if (sb === 1 && sa === 0) return { positive: b, why: `responders first (${which.toUpperCase()} sides)` }
    }
  }
  const ea = lookupEvent(a)
  const eb = lookupEvent(b)
  if (ea && eb && ea.family === eb.family && ea.event !== eb.event) return { positive: ea.event === 1 ? a : b, why: `the ${ea.family} coding's positive value first` }
  return { positive: b, why: 'second level in sorted order first, as R factor(); set it with --reference' }
}

function numericCheck(table: ClinicalTable, column: string, levels: readonly string[]): void {
  if (levels.length > MAX_NUMERIC_LEVELS && levels.every((l) => NUMERIC_RE.test(l))) {
    throw new InputError('BAD_VALUE', `${column}: numeric column with ${levels.length} distinct values; it is not tested level by level (continuous endpoints are not supported yet)`, {
      file: table.file,
      column: table.columns.indexOf(column) + 1,
      suggestion: `a categorical endpoint needs at most ${MAX_NUMERIC_LEVELS} distinct numeric values; dichotomise the column (e.g. high/low) and pass that column`,
    })
  }
}

export function binaryEndpoint(table: ClinicalTable, spec: GroupSpec, opts: EndpointOptions = {}): GroupEndpoint {
  if (spec === 'orr' || spec === 'dcr') return responseEndpoint(table, spec, opts)
  const name = typeof spec === 'string' ? spec : spec.column
  const column = table.columns[requireNamed(table.columns, name, 'endpoint', table.file)] as string
  const excluded: Excluded = {}
  const reading: string[] = []
  let raw: Map<string, string>
  let codeOf: Map<string, ResponseCode> | undefined
  if (isResponseColumn(table, column)) {
    const read = readResponseColumn(table, column, excluded, opts)
    raw = new Map([...read.codes].map(([s, c]) => [s, codeLabel(c)]))
    codeOf = new Map([...read.codes.values()].map((c) => [codeLabel(c), c]))
    reading.push(readingsText(column, read))
  } else {
    raw = new Map()
    for (const row of table.rows.values()) {
      const v = row.values.get(column)
      if (v === undefined) excludeSample(excluded, 'missing value', row.sample)
      else raw.set(row.sample, v)
    }
  }
  const levels = [...new Set(raw.values())].sort(byCodeUnit)
  if (codeOf === undefined) numericCheck(table, column, levels)
  const reference = (table.reading ?? DEFAULT_READING).reference
  const wanted = typeof spec === 'string' ? undefined : spec.positive
  for (const [v, what] of [[wanted, 'positive value'], [reference, '--reference']] as const) {
    if (v !== undefined && !levels.includes(v)) {
      throw new InputError('BAD_VALUE', `${column}: ${what} ${quote(v)} does not occur in the column`, {
        file: table.file,
        suggestion: `values present: ${levels.map((l) => quote(l)).join(', ')}`,
      })
    }
  }
  if (levels.length !== 2) {
    if (wanted !== undefined || reference !== undefined) {
      throw new InputError('BAD_VALUE', `${column}: ${wanted !== undefined ? 'a positive value' : '--reference'} needs exactly two distinct values, found ${levels.length}`, { file: table.file })
    }
    reading.push(`${name}: ${levels.length} levels (${levels.join(', ')}); each level vs the rest and each pair`)
    return { kind: 'categorical', name, column, levels, values: raw, excluded, reading }
  }
  const picked =
    wanted !== undefined
      ? { positive: wanted, why: 'positive value given' }
      : reference !== undefined
        ? { positive: levels[0] === reference ? (levels[1] as string) : (levels[0] as string), why: `reference ${quote(reference)} (--reference)` }
        : pickPositive(levels as [string, string], codeOf)
  const positive = picked.positive
  const negative = levels[0] === positive ? (levels[1] as string) : (levels[0] as string)
  const values = new Map<string, 0 | 1>()
  for (const [s, v] of raw) values.set(s, v === positive ? 1 : 0)
  reading.push(`${name}: ${positive} = 1 vs ${negative} = 0 (${picked.why})`)
  return { kind: 'binary', name, column, positive, negative, values, excluded, reading }
}

/** Distinct non-missing values of a column, sorted (response-coded columns by their reading). */
export function categoricalLevels(table: ClinicalTable, column: string, opts: EndpointOptions = {}): string[] {
  const name = table.columns[requireNamed(table.columns, column, 'categorical', table.file)] as string
  const ep = binaryEndpoint({ ...table, reading: { ...(table.reading ?? DEFAULT_READING), reference: undefined } }, name, opts)
  return ep.kind === 'categorical' ? [...ep.levels] : [ep.negative, ep.positive].sort(byCodeUnit)
}
