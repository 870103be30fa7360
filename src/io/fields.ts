/**
 * Honest field parsing (STYLE habit 8): `.`, empty and NA are unknown (undefined); garbage is an
 * error with its location; never `Number('')` (which is 0).
 */
import { InputError, quote, type Location } from '../errors.js'

const MISSING = new Set(['', '.', 'NA', 'N/A', 'na', 'NaN', 'nan', 'null', 'NULL', 'None'])
/** The words isMissing reads as no value (compared after trim, case as written). */
export const MISSING_WORDS: ReadonlySet<string> = MISSING

export function isMissing(s: string | undefined): boolean {
  if (s === undefined) return true
  // Every missing word is at most 4 characters: longer values without surrounding space are not
  // missing, decided without hashing the string (this runs once per field on million-row files).
  const n = s.length
  if (n > 4 && s.charCodeAt(0) > 32 && s.charCodeAt(n - 1) > 32) return false
  return MISSING.has(s.trim())
}

const INT_RE = /^[+-]?\d+$/
const FLOAT_RE = /^[+-]?(\d+\.?\d*|\.\d+)([eE][+-]?\d+)?$/

export interface FieldLoc extends Location {
  readonly name: string
}

function where(loc: FieldLoc) {
  return { file: loc.file, line: loc.line, column: loc.column }
}

/** Integer or undefined for a missing value; InputError for anything else. */
export function parseIntField(s: string | undefined, loc: FieldLoc): number | undefined {
  if (isMissing(s)) return undefined
  const t = (s as string).trim()
  if (!INT_RE.test(t)) throw new InputError('BAD_NUMBER', `${loc.name}: expected an integer, got ${quote(t)}`, where(loc))
  const v = Number(t)
  if (!Number.isSafeInteger(v)) throw new InputError('BAD_NUMBER', `${loc.name}: integer out of range: ${quote(t)}`, where(loc))
  return v
}

/** Non-negative integer (counts, depths, positions ≥ 0). */
export function parseCountField(s: string | undefined, loc: FieldLoc): number | undefined {
  const v = parseIntField(s, loc)
  if (v !== undefined && v < 0) throw new InputError('BAD_NUMBER', `${loc.name}: expected a non-negative integer, got ${v}`, where(loc))
  return v
}

/** Positive integer (1-based positions). */
export function parsePositionField(s: string | undefined, loc: FieldLoc): number | undefined {
  const v = parseIntField(s, loc)
  if (v !== undefined && v < 1) throw new InputError('BAD_NUMBER', `${loc.name}: expected a positive 1-based position, got ${v}`, where(loc))
  return v
}

/** Finite float; accepts a trailing '%' (VarScan FREQ) only when allowPercent is set (value / 100). */
export function parseFloatField(s: string | undefined, loc: FieldLoc, allowPercent = false): number | undefined {
  if (isMissing(s)) return undefined
  let t = (s as string).trim()
  let scale = 1
  if (allowPercent && t.endsWith('%')) {
    t = t.slice(0, -1)
    scale = 0.01
  }
  if (!FLOAT_RE.test(t)) throw new InputError('BAD_NUMBER', `${loc.name}: expected a number, got ${quote(t)}`, where(loc))
  return Number(t) * scale
}
