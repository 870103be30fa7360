/**
 * Best overall response: spellings → a response code.
 *
 * A code is either a set of RECIST categories (CR / PR / SD / PD / NE) or a binary responder flag.
 * Matching key: trimmed, lower-cased, runs of space / '_' / '-' collapsed to one space, so
 * "Partial Response", "partial_response", "PARTIAL-RESPONSE" and "PD " are all recognised.
 * | coding        | spellings                                                                                  |
 * |---------------|--------------------------------------------------------------------------------------------|
 * | RECIST 1.1    | CR, PR, SD, PD, NE and the long words (Complete Response, PROGRESSION, Stable Disease…)   |
 * | irRC          | irCR, irPR, irSD, irPD (and "immune-related …" long forms)                                 |
 * | iRECIST       | iCR, iPR, iSD, iUPD, iCPD (Seymour 2017)                                                   |
 * | combined      | PRCR, CRPR, SDPD, PDSD, PRCRSD, "CR/PR", "CR+PR", "SD/PD"… (Riaz 2017's myBOR2/myBOR3)     |
 * | mixed         | MR, Mixed Response → SD (see below)                                                        |
 * | binary        | Responder/Non-responder, R/NR, DCB/NDB (durable clinical benefit), CB/NCB, and yes/no     |
 * |               | only under a column whose name says response or benefit                                    |
 * Choices that are not obvious, and why:
 * - iUPD (unconfirmed) and iCPD are both PD: as a *best* response an unconfirmed progression has no
 *   better category.
 * - "non-CR/non-PD" (RECIST 1.1 §4.4, non-measurable disease only) counts as SD, as RECIST 1.1 says.
 * - MR (mixed response; Liu 2019) → SD: RECIST has no mixed category and that cohort's own response
 *   index groups MR with SD (resp_idx 0 for both). `--response-map MR=PD` changes it everywhere.
 * - "death prior to disease assessment" (Riaz 2017 IBOR) and "not evaluable" → NE.
 * - "unknown"/"not assessed" are missing, not NE: nobody judged the patient unevaluable.
 * A combined code is one response *group*: PRCR is a responder, SDPD a non-responder, PRCRSD
 * controlled disease (usable for DCR, refused for ORR, where it mixes both sides).
 * Keys are looked up in Maps, never plain objects: a cell `constructor` must be "unknown", not
 * Object.prototype.constructor.
 */
import { InputError, quote } from '../errors.js'
import { RESPONSES, type Response } from '../model/clinical.js'

export type ResponseCoding = 'RECIST' | 'irRC' | 'iRECIST' | 'combined' | 'mixed response' | 'Responder/Non-responder' | 'R/NR' | 'DCB/NDB' | 'yes/no' | 'response map'

export type ResponseCode =
  | { readonly kind: 'recist'; readonly categories: readonly Response[]; readonly coding: ResponseCoding }
  | { readonly kind: 'binary'; readonly responder: boolean; readonly coding: ResponseCoding }

export type ResponseLookup = { readonly kind: 'response'; readonly code: ResponseCode } | { readonly kind: 'none' } | { readonly kind: 'unknown' }

const rc = (coding: ResponseCoding, ...categories: Response[]): ResponseCode => ({ kind: 'recist', categories, coding })
const bin = (coding: ResponseCoding, responder: boolean): ResponseCode => ({ kind: 'binary', responder, coding })

const WORDS: ReadonlyMap<string, ResponseCode | null> = new Map<string, ResponseCode | null>([
  ['cr', rc('RECIST', 'CR')],
  ['complete response', rc('RECIST', 'CR')],
  ['complete remission', rc('RECIST', 'CR')],
  ['pr', rc('RECIST', 'PR')],
  ['partial response', rc('RECIST', 'PR')],
  ['partial remission', rc('RECIST', 'PR')],
  ['sd', rc('RECIST', 'SD')],
  ['stable disease', rc('RECIST', 'SD')],
  ['stable', rc('RECIST', 'SD')],
  ['non cr/non pd', rc('RECIST', 'SD')],
  ['non cr non pd', rc('RECIST', 'SD')],
  ['nn', rc('RECIST', 'SD')],
  ['pd', rc('RECIST', 'PD')],
  ['progressive disease', rc('RECIST', 'PD')],
  ['progression', rc('RECIST', 'PD')],
  ['progressed', rc('RECIST', 'PD')],
  ['ne', rc('RECIST', 'NE')],
  ['not evaluable', rc('RECIST', 'NE')],
  ['non evaluable', rc('RECIST', 'NE')],
  ['unevaluable', rc('RECIST', 'NE')],
  ['inevaluable', rc('RECIST', 'NE')],
  ['death prior to disease assessment', rc('RECIST', 'NE')],
  ['early death', rc('RECIST', 'NE')],
  ['ircr', rc('irRC', 'CR')],
  ['irpr', rc('irRC', 'PR')],
  ['irsd', rc('irRC', 'SD')],
  ['irpd', rc('irRC', 'PD')],
  ['immune related complete response', rc('irRC', 'CR')],
  ['immune related partial response', rc('irRC', 'PR')],
  ['immune related stable disease', rc('irRC', 'SD')],
  ['immune related progressive disease', rc('irRC', 'PD')],
  ['icr', rc('iRECIST', 'CR')],
  ['ipr', rc('iRECIST', 'PR')],
  ['isd', rc('iRECIST', 'SD')],
  ['iupd', rc('iRECIST', 'PD')],
  ['icpd', rc('iRECIST', 'PD')],
  ['mr', rc('mixed response', 'SD')],
  ['mixed response', rc('mixed response', 'SD')],
  ['responder', bin('Responder/Non-responder', true)],
  ['responders', bin('Responder/Non-responder', true)],
  ['response', bin('Responder/Non-responder', true)],
  ['non responder', bin('Responder/Non-responder', false)],
  ['nonresponder', bin('Responder/Non-responder', false)],
  ['non responders', bin('Responder/Non-responder', false)],
  ['no response', bin('Responder/Non-responder', false)],
  ['r', bin('R/NR', true)],
  ['nr', bin('R/NR', false)],
  ['dcb', bin('DCB/NDB', true)],
  ['ndb', bin('DCB/NDB', false)],
  ['ncb', bin('DCB/NDB', false)],
  ['durable clinical benefit', bin('DCB/NDB', true)],
  ['no durable benefit', bin('DCB/NDB', false)],
  ['clinical benefit', bin('DCB/NDB', true)],
  ['no clinical benefit', bin('DCB/NDB', false)],
  ['unknown', null],
  ['unk', null],
  ['not assessed', null],
])

/** yes/no is a responder coding only under a column named for response or benefit. */
const YES_NO: ReadonlyMap<string, ResponseCode> = new Map([
  ['yes', bin('yes/no', true)],
  ['y', bin('yes/no', true)],
  ['no', bin('yes/no', false)],
  ['n', bin('yes/no', false)],
])
export const RESPONSE_NAMED = /respon|benefit|dcb|\bbor\b|^br$/i

/** Two or more of CR/PR/SD/PD run together or joined by / + , or space: PRCR, SDPD, PRCRSD, "CR/PR". */
const COMBINED = /^(cr|pr|sd|pd)(?:[/+, ]?(?:cr|pr|sd|pd))+$/

export function responseKey(raw: string): string {
  return raw.trim().toLowerCase().replace(/[\s_-]+/g, ' ')
}

/** Spellings accepted, for error messages and property tests. */
export const ACCEPTED_RESPONSE_WORDS: readonly string[] = [...WORDS.keys()]

const ORDER: ReadonlyMap<Response, number> = new Map(RESPONSES.map((r, i) => [r, i]))

function combined(key: string): ResponseCode | undefined {
  if (!COMBINED.test(key)) return undefined
  const cats = new Set((key.match(/cr|pr|sd|pd/g) ?? []).map((c) => c.toUpperCase() as Response))
  return rc('combined', ...[...cats].sort((a, b) => (ORDER.get(a) ?? 0) - (ORDER.get(b) ?? 0)))
}

/** A user mapping (`--response-map MR=PD,X=NE`): normalised key → target spelling. */
export type ResponseMap = ReadonlyMap<string, string>

/**
 * Classify one non-missing cell. `columnName` enables yes/no under a response-named column;
 * `map` is applied first (its targets are themselves looked up, without the map).
 */
export function lookupResponse(raw: string, opts: { map?: ResponseMap | undefined; columnName?: string | undefined } = {}): ResponseLookup {
  const key = responseKey(raw)
  const mapped = opts.map?.get(key)
  if (mapped !== undefined) {
    if (responseKey(mapped) === 'na' || responseKey(mapped) === 'missing') return { kind: 'none' }
    const r = lookupResponse(mapped)
    return r.kind === 'response' ? { kind: 'response', code: { ...r.code, coding: 'response map' } } : r
  }
  if (WORDS.get(key) === null) return { kind: 'none' }
  const hit = WORDS.get(key) ?? combined(key) ?? (opts.columnName !== undefined && RESPONSE_NAMED.test(opts.columnName) ? YES_NO.get(key) : undefined)
  if (hit === undefined || hit === null) return { kind: 'unknown' }
  return { kind: 'response', code: hit }
}

/** Display label: "PR", "CR/PR", "Responder", "Non-responder". */
export function codeLabel(code: ResponseCode): string {
  if (code.kind === 'binary') return code.responder ? 'Responder' : 'Non-responder'
  return code.categories.join('/')
}

/** The one RECIST category of a single-category code, else undefined. */
export function singleCategory(code: ResponseCode): Response | undefined {
  return code.kind === 'recist' && code.categories.length === 1 ? code.categories[0] : undefined
}

export interface CellLocation {
  readonly file: string
  readonly line: number
  /** 1-based field index. */
  readonly column: number
  readonly columnName: string
}

export function unknownResponseError(raw: string, loc: CellLocation): InputError {
  return new InputError('UNKNOWN_TERM', `${loc.columnName}: unknown best-response value ${quote(raw)}`, {
    file: loc.file,
    line: loc.line,
    column: loc.column,
    suggestion: `accepted (case-insensitive; '_' and '-' read as spaces): RECIST CR, PR, SD, PD, NE and their long words; irRC irCR…; iRECIST iCR, iPR, iSD, iUPD, iCPD; combined PRCR, SDPD, PRCRSD, CR/PR; MR (read as SD); Responder/Non-responder, R/NR, DCB/NDB; map any other code with --response-map CODE=CR|PR|SD|PD|NE|NA`,
  })
}

/** Strict parse: a code, undefined (missing), or a located error for an unknown word. */
export function parseResponse(raw: string | undefined, loc: CellLocation, map?: ResponseMap): ResponseCode | undefined {
  if (raw === undefined) return undefined
  const r = lookupResponse(raw, { map, columnName: loc.columnName })
  if (r.kind === 'unknown') throw unknownResponseError(raw, loc)
  return r.kind === 'response' ? r.code : undefined
}

/** `MR=SD,X=PD` → map; every target must itself be a recognised code (or NA). */
export function parseResponseMap(text: string): Map<string, string> {
  const out = new Map<string, string>()
  for (const part of text.split(',').map((s) => s.trim()).filter((s) => s !== '')) {
    const eq = part.indexOf('=')
    const from = eq > 0 ? part.slice(0, eq).trim() : ''
    const to = eq > 0 ? part.slice(eq + 1).trim() : ''
    const target = responseKey(to)
    if (from === '' || to === '' || (target !== 'na' && target !== 'missing' && lookupResponse(to).kind !== 'response')) {
      throw new InputError('USAGE', `--response-map: ${quote(part)} is not CODE=TARGET with a known target`, {
        suggestion: 'e.g. --response-map MR=SD,PRCRSD=NE; targets: CR, PR, SD, PD, NE, a combined code such as CR/PR, Responder, Non-responder, or NA (missing)',
      })
    }
    out.set(responseKey(from), to)
  }
  return out
}
