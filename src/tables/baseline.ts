/**
 * Table 1: baseline characteristics. For each named clinical column, over all patients of the
 * table and optionally by the levels of a grouping column:
 * - categorical (any column whose values are not all numbers, or one named as categorical):
 *   n (%) per level, % of the patients in the group (missing values get their own "missing" row,
 *   so the percentages of a column add up to 100);
 * - numeric: median (range) and IQR (R quantile type 7), with the number of patients with a value.
 * By group: Fisher's exact test for a categorical column (2 × c or r × 2 tables; other shapes NA
 * with a note) and the Wilcoxon rank-sum test for a numeric one (two groups).
 * Levels sort numerically when all are numbers, else by code unit. O(patients × columns).
 */
import { InputError, quote } from '../errors.js'
import { requireNamed } from '../clinical/columns.js'
import type { ClinicalTable } from '../model/clinical.js'
import { fisherExact2xC } from './fisher-2xc.js'
import { quantile7 } from '../stats/quantile.js'
import { wilcoxonP } from './tests.js'

const NUMERIC = /^[+-]?(\d+\.?\d*|\.\d+)([eE][+-]?\d+)?$/

export interface BaselineCell {
  /** Patients in the group (the denominator). */
  readonly patients: number
  /** Categorical: patients at the level. Numeric: patients with a value. */
  readonly count: number
  readonly percent: number | undefined
  readonly median?: number | undefined
  readonly min?: number | undefined
  readonly max?: number | undefined
  readonly q1?: number | undefined
  readonly q3?: number | undefined
}

export interface BaselineRow {
  readonly characteristic: string
  /** Level of a categorical column, "missing", or undefined for a numeric summary row. */
  readonly level: string | undefined
  readonly kind: 'categorical' | 'numeric'
  /** Overall first, then one per group level, in `groups` order. */
  readonly cells: readonly BaselineCell[]
  /** On the first row of a characteristic when grouped. */
  readonly p: number | undefined
  readonly test: string | undefined
}

export interface BaselineTable {
  readonly groupColumn: string | undefined
  /** 'All patients' then the group levels. */
  readonly groups: readonly string[]
  readonly rows: readonly BaselineRow[]
  /** Patients without a group value (not in any group column). */
  readonly ungrouped: number
  readonly notes: readonly string[]
}

export interface BaselineOptions {
  readonly by?: string | undefined
  /** Columns to summarise as levels even when numeric (e.g. line_of_therapy). */
  readonly categorical?: readonly string[] | undefined
}

function sortLevels(levels: string[]): string[] {
  const numeric = levels.every((l) => NUMERIC.test(l))
  return levels.sort(numeric ? (a, b) => Number(a) - Number(b) : (a, b) => (a < b ? -1 : a > b ? 1 : 0))
}


/** [v] when the cell has a value, else [] (for flatMap). */
function present1(v: string | undefined): string[] {
  return v === undefined ? [] : [v]
}

export function baselineTable(table: ClinicalTable, columns: readonly string[], opts: BaselineOptions = {}): BaselineTable {
  const col = (name: string) => table.columns[requireNamed(table.columns, name, 'characteristic', table.file)] as string
  const groupColumn = opts.by === undefined ? undefined : col(opts.by)
  const forced = new Set((opts.categorical ?? []).map((c) => col(c)))
  const patients = [...table.rows.values()]
  const groupLevels = groupColumn === undefined ? [] : sortLevels([...new Set(patients.flatMap((r) => present1(r.values.get(groupColumn))))])
  const members: (typeof patients)[] = [patients, ...groupLevels.map((g) => patients.filter((r) => r.values.get(groupColumn as string) === g))]
  const ungrouped = groupColumn === undefined ? 0 : patients.filter((r) => r.values.get(groupColumn) === undefined).length
  const notes: string[] = []
  if (ungrouped > 0) notes.push(`${ungrouped} patient(s) with no ${groupColumn} value: in "All patients" only`)
  const rows: BaselineRow[] = []
  for (const name of columns) {
    const c = col(name)
    if (c === groupColumn) throw new InputError('USAGE', `baseline: ${quote(c)} is the grouping column; it cannot also be a row`)
    const present = patients.flatMap((r) => present1(r.values.get(c)))
    if (present.length === 0) {
      notes.push(`${c}: no values`)
      continue
    }
    const distinct = new Set(present)
    const numeric = !forced.has(c) && present.every((v) => NUMERIC.test(v)) && distinct.size > 2
    if (numeric) {
      const cells = members.map((m): BaselineCell => {
        const xs = m.flatMap((r) => (r.values.get(c) === undefined ? [] : [Number(r.values.get(c))])).sort((a, b) => a - b)
        return { patients: m.length, count: xs.length, percent: m.length === 0 ? undefined : (100 * xs.length) / m.length, median: quantile7(xs, 0.5), min: xs[0], max: xs[xs.length - 1], q1: quantile7(xs, 0.25), q3: quantile7(xs, 0.75) }
      })
      let p: number | undefined
      let test: string | undefined
      if (groupLevels.length === 2) {
        const [a, b] = [1, 2].map((g) => (members[g] ?? []).flatMap((r) => (r.values.get(c) === undefined ? [] : [Number(r.values.get(c))])))
        if ((a ?? []).length > 0 && (b ?? []).length > 0) {
          p = wilcoxonP(a ?? [], b ?? [])
          test = 'Wilcoxon rank-sum'
        }
      } else if (groupLevels.length > 2) notes.push(`${c}: no p-value for more than two groups (Kruskal–Wallis is not offered)`)
      rows.push({ characteristic: c, level: undefined, kind: 'numeric', cells, p, test })
      continue
    }
    const levels = sortLevels([...distinct])
    const missing = patients.length - present.length
    const shown = missing > 0 ? [...levels, undefined] : levels
    let p: number | undefined
    let test: string | undefined
    if (groupLevels.length >= 2) {
      const counts = levels.map((l) => groupLevels.map((_, g) => (members[g + 1] ?? []).filter((r) => r.values.get(c) === l).length))
      if (levels.length === 2 || groupLevels.length === 2) {
        p = fisherExact2xC(counts)
        test = "Fisher's exact"
        if (p === undefined) notes.push(`${c}: too many tables to enumerate for Fisher's exact test`)
      } else notes.push(`${c}: no p-value for a ${levels.length} × ${groupLevels.length} table (Fisher's exact test here covers 2 × c and r × 2)`)
    }
    shown.forEach((l, i) => {
      const cells = members.map((m): BaselineCell => {
        const count = m.filter((r) => r.values.get(c) === l).length
        return { patients: m.length, count, percent: m.length === 0 ? undefined : (100 * count) / m.length }
      })
      rows.push({ characteristic: c, level: l ?? 'missing', kind: 'categorical', cells, p: i === 0 ? p : undefined, test: i === 0 ? test : undefined })
    })
  }
  return { groupColumn, groups: ['All patients', ...groupLevels.map((g) => `${groupColumn} = ${g}`)], rows, ungrouped, notes }
}
