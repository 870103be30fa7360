/**
 * Best overall response: spellings → RECIST category (CR / PR / SD / PD / NE).
 *
 * Matching key: trimmed, lower-cased, runs of space / '_' / '-' collapsed to one space, so
 * "Partial Response", "partial_response", "PARTIAL-RESPONSE" and "PD " are all recognised.
 * Choices that are not obvious, and why:
 * - iRECIST (Seymour 2017): iCR/iPR/iSD as their RECIST letters; iUPD (unconfirmed) and iCPD both PD,
 *   because as a *best* response an unconfirmed progression has no better category.
 * - "non-CR/non-PD" (RECIST 1.1 §4.4, non-measurable disease only) counts as SD, as RECIST 1.1 says.
 * - MR (mixed response; Liu 2019 melanoma cohort, comut example data) → SD: RECIST has no mixed
 *   category and that cohort's own response index groups MR with SD (resp_idx 0 for both).
 * - "death prior to disease assessment" (Riaz 2017 IBOR) and "not evaluable"/"unevaluable" → NE.
 * - "unknown"/"not assessed" are missing (undefined), not NE: nobody judged the patient unevaluable.
 * Combined labels such as "PRCR" (Riaz myBOR) are rejected: they are not one category.
 */
import { z } from 'zod'
import { RESPONSES, type Response } from '../model/clinical.js'
import { InputError, quote } from '../errors.js'

export const ResponseSchema = z.enum(RESPONSES)

/** Normalised spelling → category; `null` = a recognised word meaning "no response recorded". */
const RESPONSE_WORDS: Readonly<Record<string, Response | null>> = {
  cr: 'CR',
  'complete response': 'CR',
  'complete remission': 'CR',
  icr: 'CR',
  pr: 'PR',
  'partial response': 'PR',
  'partial remission': 'PR',
  ipr: 'PR',
  sd: 'SD',
  'stable disease': 'SD',
  stable: 'SD',
  isd: 'SD',
  'non cr/non pd': 'SD',
  'non cr non pd': 'SD',
  nn: 'SD',
  mr: 'SD',
  'mixed response': 'SD',
  pd: 'PD',
  'progressive disease': 'PD',
  progression: 'PD',
  progressed: 'PD',
  iupd: 'PD',
  icpd: 'PD',
  ne: 'NE',
  'not evaluable': 'NE',
  'non evaluable': 'NE',
  unevaluable: 'NE',
  inevaluable: 'NE',
  'death prior to disease assessment': 'NE',
  'early death': 'NE',
  unknown: null,
  unk: null,
  'not assessed': null,
}

export function responseKey(raw: string): string {
  return raw.trim().toLowerCase().replace(/[\s_-]+/g, ' ')
}

/** Spellings accepted, for error messages. */
export const ACCEPTED_RESPONSE_WORDS: readonly string[] = Object.keys(RESPONSE_WORDS)

export type ResponseLookup = { readonly kind: 'response'; readonly value: Response } | { readonly kind: 'none' } | { readonly kind: 'unknown' }

/** Classify one non-missing cell. */
export function lookupResponse(raw: string): ResponseLookup {
  const hit = RESPONSE_WORDS[responseKey(raw)]
  if (hit === undefined) return { kind: 'unknown' }
  if (hit === null) return { kind: 'none' }
  return { kind: 'response', value: ResponseSchema.parse(hit) }
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
    suggestion: `accepted (case-insensitive; '_' and '-' read as spaces): CR, PR, SD, PD, NE, ${ACCEPTED_RESPONSE_WORDS.filter((w) => w.length > 3).join(', ')}; use lenient mode to count and skip unknown words`,
  })
}

/** Strict parse: a category, undefined (missing), or a located error for an unknown word. */
export function parseResponse(raw: string | undefined, loc: CellLocation): Response | undefined {
  if (raw === undefined) return undefined
  const r = lookupResponse(raw)
  if (r.kind === 'unknown') throw unknownResponseError(raw, loc)
  return r.kind === 'response' ? r.value : undefined
}
