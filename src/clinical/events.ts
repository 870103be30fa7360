/**
 * Survival event columns: each cell → 1 (event: death, progression, relapse) or 0 (censored).
 *
 * Accepted codings, grouped into families. A column must use ONE family: a column holding `1`,
 * `Dead` and `TRUE` was probably pasted together from sources with different conventions, and
 * guessing would silently flip events, so it is an error naming the families seen.
 * | family      | event (1)                                           | censored (0)                              |
 * |-------------|-----------------------------------------------------|-------------------------------------------|
 * | 0/1         | 1, 1.0                                              | 0, 0.0                                    |
 * | TRUE/FALSE  | TRUE, T                                             | FALSE, F                                  |
 * | yes/no      | yes, y                                              | no, n                                     |
 * | cBioPortal  | `1:<label>` (1:DECEASED, 1:PROGRESSED, 1:Recurred…) | `0:<label>` (0:LIVING, 0:CENSORED, …)     |
 * | words       | dead, deceased, died, death, progressed, progression, relapsed, recurred, recurrence, event | alive, living, censored, no progression, progression free, disease free, diseasefree, no event |
 * cBioPortal's validator requires the `0:`/`1:` prefix on *_STATUS columns and leaves the label free,
 * so any label is accepted after it. R's survival 1/2 coding (1 = censored, 2 = event) is NOT
 * accepted: a lone `1` would mean the opposite of the 0/1 family.
 */
import { InputError, quote } from '../errors.js'
import type { CellLocation } from './response.js'

export type EventFamily = '0/1' | 'TRUE/FALSE' | 'yes/no' | 'cBioPortal n:LABEL' | 'status words'

const EVENT_CODES: ReadonlyMap<string, readonly [EventFamily, 0 | 1]> = new Map<string, readonly [EventFamily, 0 | 1]>([
  ['1', ['0/1', 1]],
  ['1.0', ['0/1', 1]],
  ['0', ['0/1', 0]],
  ['0.0', ['0/1', 0]],
  ['true', ['TRUE/FALSE', 1]],
  ['t', ['TRUE/FALSE', 1]],
  ['false', ['TRUE/FALSE', 0]],
  ['f', ['TRUE/FALSE', 0]],
  ['yes', ['yes/no', 1]],
  ['y', ['yes/no', 1]],
  ['no', ['yes/no', 0]],
  ['n', ['yes/no', 0]],
  ...['dead', 'deceased', 'died', 'death', 'progressed', 'progression', 'relapsed', 'recurred', 'recurrence', 'recurred/progressed', 'event'].map(
    (w) => [w, ['status words', 1]] as const,
  ),
  ...['alive', 'living', 'censored', 'no progression', 'progression free', 'disease free', 'diseasefree', 'no event'].map(
    (w) => [w, ['status words', 0]] as const,
  ),
])

const CBIO_RE = /^([01])\s*:\s*\S/

export interface EventCode {
  readonly family: EventFamily
  readonly event: 0 | 1
}

/** Decode one non-missing cell, or undefined when no family accepts it. */
export function lookupEvent(raw: string): EventCode | undefined {
  const t = raw.trim()
  const m = CBIO_RE.exec(t)
  if (m) return { family: 'cBioPortal n:LABEL', event: m[1] === '1' ? 1 : 0 }
  const hit = EVENT_CODES.get(t.toLowerCase().replace(/[\s_]+/g, ' '))
  return hit === undefined ? undefined : { family: hit[0], event: hit[1] }
}

export function unknownEventError(raw: string, loc: CellLocation, found: readonly string[] = [raw]): InputError {
  const shown = found.slice(0, 8).map((v) => quote(v, 30))
  return new InputError('UNKNOWN_TERM', `${loc.columnName}: ${quote(raw)} is not an event code (values found: ${shown.join(', ')}${found.length > 8 ? ', …' : ''})`, {
    file: loc.file,
    line: loc.line,
    column: loc.column,
    suggestion: 'name the value(s) meaning the event with --event-value V (repeatable), or use one self-describing coding per column: 1/0, TRUE/FALSE, yes/no, cBioPortal 1:DECEASED/0:LIVING, Dead/Alive, Deceased/Living, Progressed/Censored',
  })
}

/**
 * Tracks the families seen in one column and throws at the first cell whose family differs from
 * an earlier one. Feed cells in file order.
 */
export class EventColumnChecker {
  private readonly first = new Map<EventFamily, { raw: string; line: number }>()

  constructor(private readonly columnName: string) {}

  check(code: EventCode, raw: string, loc: CellLocation): void {
    if (!this.first.has(code.family)) this.first.set(code.family, { raw, line: loc.line })
    if (this.first.size > 1) {
      const seen = [...this.first.entries()].map(([f, v]) => `${f} (${quote(v.raw)} at line ${v.line})`)
      throw new InputError('BAD_VALUE', `${this.columnName}: mixes event codings: ${seen.join(', ')}`, {
        file: loc.file,
        line: loc.line,
        column: loc.column,
        suggestion: 'recode the column to a single convention, e.g. 1 = event, 0 = censored',
      })
    }
  }
}
