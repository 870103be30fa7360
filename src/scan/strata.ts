/**
 * `scan --strata COL` for the alteration rows of a group endpoint: beside each row's Fisher test,
 * the exact conditional test of a common odds ratio across the strata of a clinical factor (panel,
 * centre, cohort), as R's mantelhaen.test(x, exact = TRUE) on the 2 × 2 × K table
 * altered/wild-type × in group/not × stratum. It answers "is the alteration associated with
 * response within strata?" when the strata differ in both alteration rate and response rate.
 *
 * Read once per endpoint: each tested sample's stratum (a sample with no value leaves the
 * stratified test, counted). Per row: a stratum with fewer than 2 samples is left out and said —
 * R refuses such a stratum, and its count is fixed by its margins, so leaving it out changes
 * nothing in the conditional test. Fewer than 2 strata left: no stratified test (R refuses one
 * stratum; Fisher's test is that test), said in the note. O(samples) per row, then the test.
 */
import { requireNamed } from '../clinical/columns.js'
import { InputError, quote } from '../errors.js'
import { ALTERED, NOT_ASSAYED, type StateMatrix } from '../matrix/types.js'
import type { ClinicalTable } from '../model/clinical.js'
import type { Alternative } from '../stats/fisher.js'
import { mantelHaenszelExact, type Table2x2 } from '../stats/mantel-haenszel-exact.js'
import { pAdjust } from '../stats/padjust.js'
import type { AdjustMethod } from './families.js'

export interface Strata {
  /** The clinical column, as named in the table. */
  readonly column: string
  /** Stratum names in code-point order; `code` indexes them. */
  readonly levels: readonly string[]
  /** Per matrix sample: stratum index, or −1 (no value, or not tested). */
  readonly code: Int32Array
  /** Tested samples per stratum, in `levels` order. */
  readonly tested: readonly number[]
  /** Tested samples with no value of the column (left out of the stratified test). */
  readonly noValue: number
}

/** One row's stratified result. p/or are undefined when there is no stratified test (see note). */
export interface StratifiedResult {
  readonly column: string
  /** Strata entering the test (each with at least 2 samples). */
  readonly strata: number
  readonly or: number | undefined
  readonly orLower: number | undefined
  readonly orUpper: number | undefined
  readonly p: number | undefined
  q: number
  readonly note: string
}

const byCodePoint = (a: string, b: string) => (a < b ? -1 : a > b ? 1 : 0)

/** Each tested sample's stratum (`group` ≥ 0 marks a tested sample, as scan's alignment does). */
export function readStrata(m: StateMatrix, clinical: ClinicalTable, name: string, group: Int32Array): Strata {
  const column = clinical.columns[requireNamed(clinical.columns, name, '--strata', clinical.file)] as string
  const value = m.samples.map((s, i) => ((group[i] as number) < 0 ? undefined : clinical.rows.get(s)?.values.get(column)))
  const levels = [...new Set(value.filter((v): v is string => v !== undefined))].sort(byCodePoint)
  if (levels.length < 2) {
    throw new InputError('BAD_VALUE', `--strata ${quote(column)}: ${levels.length === 0 ? 'no tested sample has a value' : `every tested sample has the value ${quote(levels[0] as string)}`}; nothing to stratify by`, {
      file: clinical.file,
      suggestion: 'name a column with at least two values among the tested samples, or drop --strata',
    })
  }
  const index = new Map(levels.map((l, i) => [l, i]))
  const code = new Int32Array(m.samples.length).fill(-1)
  const tested = levels.map(() => 0)
  let noValue = 0
  value.forEach((v, i) => {
    if ((group[i] as number) < 0) return
    if (v === undefined) {
      noValue++
      return
    }
    const k = index.get(v) as number
    code[i] = k
    tested[k] = (tested[k] as number) + 1
  })
  return { column, levels, code, tested, noValue }
}

/** What `--strata` did, one statement for the endpoint (stderr, JSON). */
export function strataStatement(endpoint: string, s: Strata): string {
  const counts = s.levels.map((l, i) => `${quote(l)} ${s.tested[i]}`).join(', ')
  return `${endpoint}: stratified exact test (R mantelhaen.test(exact = TRUE)) by ${quote(s.column)}: ${s.levels.length} strata of tested samples (${counts})${s.noValue > 0 ? `; ${s.noValue} tested sample(s) with no ${quote(s.column)} left out of it` : ''}`
}

/** The 2×2 of each stratum for one feature, as countTable: rows altered / wild-type, columns in group / the other. */
function stratumTables(m: StateMatrix, f: number, group: Int32Array, s: Strata, level: number, other: number | undefined): Table2x2[] {
  const n = m.samples.length
  const t = s.levels.map(() => ({ a: 0, b: 0, c: 0, d: 0 }))
  for (let i = 0, j = f * n; i < n; i++, j++) {
    const g = group[i] as number
    const k = s.code[i] as number
    if (g < 0 || k < 0) continue
    const inGroup = g === level
    if (!inGroup && other !== undefined && g !== other) continue
    const st = m.state[j]
    if (st === NOT_ASSAYED) continue
    const cell = t[k] as { a: number; b: number; c: number; d: number }
    if (st === ALTERED) {
      if (inGroup) cell.a++
      else cell.b++
    } else if (inGroup) cell.c++
    else cell.d++
  }
  return t
}

export function stratifiedTest(m: StateMatrix, f: number, group: Int32Array, s: Strata, level: number, other: number | undefined, alternative: Alternative): StratifiedResult {
  const tables = stratumTables(m, f, group, s, level, other)
  const small = s.levels.filter((_, k) => { const t = tables[k] as Table2x2; return t.a + t.b + t.c + t.d < 2 })
  const used = tables.filter((t) => t.a + t.b + t.c + t.d >= 2)
  const notes: string[] = []
  if (small.length > 0) notes.push(`${small.length} stratum(s) with fewer than 2 samples left out (${small.map((l) => quote(l)).join(', ')}): uninformative`)
  const none = { column: s.column, strata: used.length, or: undefined, orLower: undefined, orUpper: undefined, p: undefined, q: Number.NaN }
  if (used.length < 2) return { ...none, note: [...notes, `${used.length} stratum with 2 or more samples: no stratified test (Fisher's test is that test)`].join('; ') }
  const r = mantelHaenszelExact(used, { alternative })
  return { column: s.column, strata: used.length, or: r.or, orLower: r.orLower, orUpper: r.orUpper, p: r.p, q: Number.NaN, note: notes.join('; ') }
}

/** q of the stratified p within each family, as the rows' own q (R p.adjust; rows without a test skipped). */
export function adjustStratified(rows: readonly { family: string; stratified?: StratifiedResult | undefined }[], method: AdjustMethod): void {
  const families = new Map<string, StratifiedResult[]>()
  for (const r of rows) {
    if (!r.stratified) continue
    const list = families.get(r.family) ?? []
    list.push(r.stratified)
    families.set(r.family, list)
  }
  for (const list of families.values()) {
    const q = pAdjust(list.map((x) => x.p), method)
    list.forEach((x, i) => (x.q = q[i] as number))
  }
}
