/**
 * Which side of the lollipop's axis a sample's mutations go, from a clinical table already read
 * (`lollipop --split-by`): a best-response column splits responders from non-responders; any other
 * column must have exactly two values.
 */
import type { Side } from '../classify/lollipop.js'
import { describeResponseColumn, isResponseColumn } from '../clinical/endpoints.js'
import { lookupResponse, type ResponseCode } from '../clinical/response.js'
import { InputError, quote } from '../errors.js'
import { isMissing } from '../io/fields.js'
import { DEFAULT_READING, type ClinicalTable } from '../model/clinical.js'

/** Responder (CR/PR, or a responder coding), non-responder (SD/PD, or a non-responder coding), or neither (NE, CR/PR/SD…). */
function responderSide(code: ResponseCode): Side | undefined {
  if (code.kind === 'binary') return code.responder ? 'above' : 'below'
  if (code.categories.every((c) => c === 'CR' || c === 'PR')) return 'above'
  if (code.categories.every((c) => c === 'SD' || c === 'PD')) return 'below'
  return undefined
}

/**
 * Which side of the axis a sample's mutations go: a best-response column (read as scan reads it,
 * with --response-map) splits responders from non-responders, NE and missing left out; any other
 * column must have exactly two values (or name them with --split-levels: the first above).
 */
export function sidesFromColumn(table: ClinicalTable, column: string, levels?: readonly string[]): { sideOf: (s: string) => Side | undefined; names: { above: string; below: string }; rule: string } {
  if (!table.columns.includes(column)) throw new InputError('MISSING_COLUMN', `--split-by ${quote(column)}: no such clinical column`, { file: table.file, suggestion: `columns are: ${table.columns.join(', ')}` })
  const value = (s: string): string | undefined => {
    const v = table.rows.get(s)?.values.get(column)
    return v === undefined || isMissing(v) ? undefined : v.trim()
  }
  if (levels === undefined && isResponseColumn(table, column)) {
    const map = (table.reading ?? DEFAULT_READING).responseMap
    return {
      sideOf: (s) => {
        const v = value(s)
        if (v === undefined) return undefined
        const r = lookupResponse(v, { map, columnName: column })
        return r.kind === 'response' ? responderSide(r.code) : undefined
      },
      names: { above: 'Responders (CR/PR)', below: 'Non-responders (SD/PD)' },
      rule: `${describeResponseColumn(table, column)}; CR/PR above, SD/PD below, NE and missing left out`,
    }
  }
  const present = new Set<string>()
  for (const r of table.rows.values()) {
    const v = r.values.get(column)
    if (v !== undefined && !isMissing(v)) present.add(v.trim())
  }
  const two = levels ?? [...present].sort()
  if (two.length !== 2 || !two.every((l) => present.has(l))) {
    throw new InputError('BAD_VALUE', `--split-by ${quote(column)}: need exactly two values, found ${present.size} (${[...present].sort().slice(0, 8).map((v) => quote(v)).join(', ')})`, { file: table.file, suggestion: 'name the two with --split-levels ABOVE,BELOW, or split by a best-response column' })
  }
  const [above, below] = two as [string, string]
  return {
    sideOf: (s) => {
      const v = value(s)
      return v === above ? 'above' : v === below ? 'below' : undefined
    },
    names: { above: `${column} = ${above}`, below: `${column} = ${below}` },
    rule: `${column}: ${above} above, ${below} below, other values and missing left out`,
  }
}

