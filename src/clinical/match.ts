/**
 * Matching clinical rows to the calls' sample IDs.
 *
 * IDs are compared exactly. Folding (below) is used only to *report* near-misses, never to merge:
 * "pt1" and "Pt1" may be two patients, and a silent merge would change every denominator.
 * Fold: Unicode NFKC (full-width letters, ligatures), zero-width characters removed, look-alike
 * letters and dashes mapped to ASCII (Cyrillic/Greek letters that render as Latin ones, the
 * Unicode hyphens and minus), white space trimmed and collapsed, lower case.
 *
 * When the user does not name the sample column, the column whose distinct values meet the calls'
 * IDs most often is used; ties go to the documented name order (columns.ts), then header order.
 * The choice, the overlap of every column tried and the counts on both sides are returned for the
 * outputs to state. No overlap is an error showing examples from both sides.
 */
import { InputError, quote } from '../errors.js'
import type { SampleMatch } from '../model/clinical.js'
import { SAMPLE_COLUMN_NAMES } from './columns.js'

/** Look-alikes of ASCII letters and the hyphen (Unicode confusables for the characters IDs use). */
const LOOK_ALIKES: ReadonlyMap<string, string> = new Map([
  ...[...'АВЕЗІЈКМНОРСТУХаеіјорсухѕԁԛԝ'].map((c, i) => [c, 'ABE3IJKMHOPCTYXaeijopcyxsdqw'[i] as string] as const),
  ...[...'ΑΒΕΖΗΙΚΜΝΟΡΤΥΧοιν'].map((c, i) => [c, 'ABEZHIKMNOPTYXoiv'[i] as string] as const),
  ...[...'\u2010\u2011\u2012\u2013\u2014\u2015\u2212\uFE63\uFF0D'].map((c) => [c, '-'] as const),
])
const ZERO_WIDTH = /[\u200B-\u200D\u2060\uFEFF\u00AD]/g

export function foldId(id: string): string {
  let s = id.normalize('NFKC').replace(ZERO_WIDTH, '')
  s = [...s].map((c) => LOOK_ALIKES.get(c) ?? c).join('')
  return s.trim().replace(/\s+/g, ' ').toLowerCase()
}

/** Clinical IDs that are not in the calls but fold onto a calls ID that has no exact clinical match. */
export function nearMisses(clinical: Iterable<string>, calls: readonly string[]): { clinical: string; calls: string }[] {
  const callSet = new Set(calls)
  const clinicalSet = new Set(clinical)
  const folded = new Map<string, string>()
  for (const c of calls) if (!clinicalSet.has(c) && !folded.has(foldId(c))) folded.set(foldId(c), c)
  const out: { clinical: string; calls: string }[] = []
  for (const id of clinicalSet) {
    if (callSet.has(id)) continue
    const hit = folded.get(foldId(id))
    if (hit !== undefined) out.push({ clinical: id, calls: hit })
  }
  return out
}

const rank = (name: string): number => {
  const i = SAMPLE_COLUMN_NAMES.findIndex((n) => n.toLowerCase() === name.trim().toLowerCase())
  return i === -1 ? SAMPLE_COLUMN_NAMES.length : i
}

/** Candidate column → its distinct non-missing values. */
export type ColumnValues = ReadonlyMap<string, ReadonlySet<string>>

export interface ChosenColumn {
  readonly column: string
  readonly tried: { column: string; overlap: number }[]
}

/** The column whose values meet the calls' IDs most (ties: name order, then header order); undefined when none meets any. */
export function chooseByOverlap(columns: readonly string[], values: ColumnValues, calls: readonly string[]): ChosenColumn | undefined {
  const callSet = new Set(calls)
  const tried = columns.map((column, i) => {
    let overlap = 0
    for (const v of values.get(column) ?? []) if (callSet.has(v)) overlap++
    return { column, overlap, rank: rank(column), i }
  })
  const best = [...tried].sort((a, b) => b.overlap - a.overlap || a.rank - b.rank || a.i - b.i)[0]
  const shown = tried.filter((t) => t.overlap > 0 || t.rank < SAMPLE_COLUMN_NAMES.length).map(({ column, overlap }) => ({ column, overlap }))
  if (best === undefined || best.overlap === 0) return undefined
  return { column: best.column, tried: shown }
}

const examples = (ids: Iterable<string>, n = 3): string => {
  const out: string[] = []
  for (const id of ids) {
    if (out.length === n) {
      out.push('…')
      break
    }
    out.push(quote(id, 30))
  }
  return out.length === 0 ? '(none)' : out.join(', ')
}

export function describeNearMisses(near: SampleMatch['nearMisses']): string {
  const shown = near.slice(0, 3).map((n) => `${quote(n.clinical, 30)} vs ${quote(n.calls, 30)}`)
  return `${near.length} clinical sample ID(s) differ from the calls' only in case, white space or look-alike characters (${shown.join(', ')}${near.length > 3 ? ', …' : ''}); they are not merged`
}

export interface MatchInput {
  readonly file: string
  readonly column: string
  readonly chosenBy: SampleMatch['chosenBy']
  readonly tried: SampleMatch['tried']
  /** Clinical IDs of the chosen column, in file order. */
  readonly clinicalIds: readonly string[]
  /** Distinct values per candidate column (for the zero-overlap message). */
  readonly candidates?: ColumnValues | undefined
}

/** Count both sides; zero overlap is an error (exit 1) that names what was tried and any near-misses. */
export function matchSamples(input: MatchInput, calls: readonly string[]): SampleMatch {
  const clinicalSet = new Set(input.clinicalIds)
  const callSet = new Set(calls)
  let matched = 0
  for (const c of callSet) if (clinicalSet.has(c)) matched++
  const near = nearMisses(input.clinicalIds, calls)
  if (matched === 0) {
    const tried = input.tried.length > 0 ? input.tried : [{ column: input.column, overlap: 0 }]
    const cols = tried.map((t) => {
      const v = input.candidates?.get(t.column) ?? (t.column === input.column ? clinicalSet : undefined)
      return `${quote(t.column)} (${v === undefined ? 'no IDs' : examples(v)})`
    })
    throw new InputError('NOT_FOUND', `no sample in common between the calls and the clinical table`, {
      file: input.file,
      suggestion: [
        ...(near.length > 0 ? [describeNearMisses(near)] : []),
        `calls: ${examples(callSet)}; clinical column(s) tried: ${cols.join('; ')}`,
        'name the clinical column holding the calls\' sample IDs with --sample-column, or fix the IDs',
      ].join('\n  hint: '),
    })
  }
  return {
    column: input.column,
    chosenBy: input.chosenBy,
    tried: input.tried,
    matched,
    callsOnly: callSet.size - matched,
    clinicalOnly: clinicalSet.size - matched,
    nearMisses: near,
  }
}
