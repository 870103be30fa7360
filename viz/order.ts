/**
 * Which features and samples the oncoplot shows, and in what order ("memo sort").
 *
 * Rule implemented (reproduces maftools `createOncoMatrix()` + `oncoplot()`, R/oncomatrix.R):
 * 1. Rows: altered-sample count, descending; ties by feature id in code-point order. maftools orders
 *    rows with R's stable `order(decreasing = TRUE)` starting from data.table::dcast's rows, which
 *    are gene symbols in C-locale (byte, = code-point) order.
 * 2. Columns: maftools replaces every non-zero class code with 1 *before* sorting ("improves
 *    sorting"), so the class inside a cell never matters: columns are ordered by their 0/1 altered
 *    vector down the rows (in row order), lexicographically with altered first, with the stable
 *    R order breaking remaining ties by dcast's column order = sample ID in C-locale order.
 *    NOT_ASSAYED counts as not altered here (maftools has no such state; this keeps both unaltered
 *    kinds together and leaves a cohort without panels sorted exactly as maftools sorts it).
 * 3. removeUnaltered (maftools `removeNonMutated = TRUE`, its default): drop samples with no altered
 *    cell in the shown features. When kept, they sort last (all-zero vector), by sample ID.
 * 4. sortBy a clinical column (maftools `sortByAnnotation`): columns are grouped by value, and keep
 *    the memo order inside each group. Group order: `levels` when given, then any remaining values;
 *    without levels, RECIST order for a response column, else largest group first, ties by value
 *    (maftools `groupAnnotationBySize`). Missing values form the last group. Unlike maftools,
 *    values missing from `levels` are appended, not dropped.
 * 5. sampleOrder: explicit column order (after removeUnaltered); ids not in the matrix are an error.
 * 6. keepFeatureOrder: rows in the given `features` order instead of by count.
 *
 * Complexity (F features, R shown rows, S samples): O(R·S) to count with explicit `features`, O(F·S)
 * with `top`; the memo sort O(S log S · R) byte comparisons on packed keys.
 */
import { InputError, quote } from '../src/errors.js'
import { ALTERED, featureCounts, type CohortMatrix, type FeatureCounts } from '../src/matrix/types.js'
import type { ClinicalTable } from '../src/model/clinical.js'
import { DEFAULT_READING } from '../src/model/clinical.js'
import { codeLabel, lookupResponse } from '../src/clinical/response.js'
import { isMissing } from '../src/io/fields.js'
import { detectType } from './tracks.js'

export interface OrderOptions {
  /** Keep the features with the highest altered fraction n/N (N = assayed). Default 20. */
  readonly top?: number | undefined
  /** Explicit feature ids (overrides `top`). */
  readonly features?: readonly string[] | undefined
  readonly keepFeatureOrder?: boolean | undefined
  /** Drop samples with no altered cell in the shown features (maftools default). Default true. */
  readonly removeUnaltered?: boolean | undefined
  readonly sortBy?: { readonly column: string; readonly levels?: readonly string[] | undefined } | undefined
  readonly sampleOrder?: readonly string[] | undefined
}

export interface Ordering {
  /** Feature indices into matrix.features, top to bottom. */
  readonly rows: readonly number[]
  /** Sample indices into matrix.samples, left to right. */
  readonly columns: readonly number[]
  /** Per row: altered and assayed sample counts over ALL matrix samples (not only shown columns). */
  readonly altered: readonly number[]
  readonly assayed: readonly number[]
  /** Column group boundaries when sorted by a clinical value. */
  readonly groups?: readonly { readonly value: string | undefined; readonly start: number; readonly end: number }[] | undefined
}

/** Code-point order (= UTF-8 byte order, R's C locale), unlike `<` on UTF-16 units. */
export function compareCodePoints(a: string, b: string): number {
  const n = Math.min(a.length, b.length)
  for (let i = 0; i < n; i++) {
    const x = a.charCodeAt(i)
    const y = b.charCodeAt(i)
    if (x === y) continue
    // A surrogate (astral code point) sorts after every BMP char, also after U+E000..U+FFFF.
    const sx = x >= 0xd800 && x <= 0xdfff
    const sy = y >= 0xd800 && y <= 0xdfff
    if (sx !== sy) return sx ? 1 : -1
    return x - y
  }
  return a.length - b.length
}

function selectFeatures(m: CohortMatrix, opts: OrderOptions, countsOf: (feature: number) => FeatureCounts): number[] {
  if (opts.features !== undefined) {
    const byId = new Map(m.features.map((f, i) => [f.id, i]))
    const out: number[] = []
    for (const id of opts.features) {
      const i = byId.get(id)
      if (i === undefined) throw new InputError('NOT_FOUND', `feature ${quote(id)} is not in the matrix`, { suggestion: 'check the gene list against the input calls' })
      if (!out.includes(i)) out.push(i)
    }
    return out
  }
  const top = opts.top ?? 20
  const frac = (i: number): number => {
    const c = countsOf(i)
    return c.assayed === 0 ? 0 : c.altered / c.assayed
  }
  return m.features
    .map((_, i) => i)
    .filter((i) => countsOf(i).altered > 0)
    .sort((a, b) => frac(b) - frac(a) || countsOf(b).altered - countsOf(a).altered || compareCodePoints(m.features[a]?.id ?? '', m.features[b]?.id ?? ''))
    .slice(0, Math.max(0, top))
}

/** Memo sort of `columns` on the 0/1 altered vectors of `rows`; ties by sample ID. */
export function memoSort(m: CohortMatrix, rows: readonly number[], columns: readonly number[]): number[] {
  const n = m.samples.length
  const nr = rows.length
  // Pack each column's altered vector into bytes once, and sort column positions, so the
  // comparator scans bytes at j * nr without a Map lookup per comparison.
  const keys = new Uint8Array(columns.length * nr)
  columns.forEach((s, j) => {
    for (let r = 0; r < nr; r++) keys[j * nr + r] = m.state[(rows[r] as number) * n + s] === ALTERED ? 1 : 0
  })
  const positions = columns.map((_, j) => j)
  positions.sort((ja, jb) => {
    const a = ja * nr
    const b = jb * nr
    for (let r = 0; r < nr; r++) {
      const d = (keys[b + r] as number) - (keys[a + r] as number)
      if (d !== 0) return d
    }
    return compareCodePoints(m.samples[columns[ja] as number] ?? '', m.samples[columns[jb] as number] ?? '')
  })
  return positions.map((j) => columns[j] as number)
}

function groupOrder(sizes: ReadonlyMap<string, number>, opts: { levels?: readonly string[] | undefined; response: boolean }): string[] {
  const present = [...sizes.keys()]
  const base: readonly string[] = opts.levels ?? (opts.response ? ['CR', 'PR', 'CR/PR', 'CR/PR/SD', 'SD', 'SD/PD', 'PD', 'NE', 'Responder', 'Non-responder'] : [])
  const head = base.filter((v) => sizes.has(v))
  const rest = present
    .filter((v) => !head.includes(v))
    .sort((a, b) => (sizes.get(b) ?? 0) - (sizes.get(a) ?? 0) || compareCodePoints(a, b))
  return [...head, ...rest]
}

/** Order a matrix for drawing. Pure; see the file header for the cost. */
export function orderMatrix(m: CohortMatrix, opts: OrderOptions = {}, clinical?: ClinicalTable): Ordering {
  // Counts on demand: with explicit features only those rows are scanned, not every feature.
  const counts: (FeatureCounts | undefined)[] = []
  const countsOf = (i: number): FeatureCounts => (counts[i] ??= featureCounts(m, i))
  let rows = selectFeatures(m, opts, countsOf)
  if (!opts.keepFeatureOrder) {
    rows = [...rows].sort((a, b) => countsOf(b).altered - countsOf(a).altered || compareCodePoints(m.features[a]?.id ?? '', m.features[b]?.id ?? ''))
  }
  const n = m.samples.length
  let columns = m.samples.map((_, s) => s)
  if (opts.removeUnaltered ?? true) columns = columns.filter((s) => rows.some((f) => m.state[f * n + s] === ALTERED))
  columns = memoSort(m, rows, columns)

  let groups: Ordering['groups']
  if (opts.sampleOrder !== undefined) {
    const byId = new Map(m.samples.map((id, i) => [id, i]))
    const shown = new Set(columns)
    const out: number[] = []
    for (const id of opts.sampleOrder) {
      const i = byId.get(id)
      if (i === undefined) throw new InputError('NOT_FOUND', `sample ${quote(id)} in the sample order is not in the matrix`, { suggestion: 'use sample IDs exactly as in the calls' })
      if (shown.has(i) && !out.includes(i)) out.push(i)
    }
    columns = out
  } else if (opts.sortBy !== undefined) {
    const col = opts.sortBy.column
    if (clinical === undefined || !clinical.columns.includes(col)) {
      throw new InputError('MISSING_COLUMN', `cannot sort by ${quote(col)}: no such clinical column`, { ...(clinical ? { file: clinical.file } : {}), suggestion: clinical ? `columns are: ${clinical.columns.join(', ')}` : 'pass a clinical table' })
    }
    // A response column groups on the normalized code ("pd" is PD), as its track draws it.
    const response = detectType(clinical, col) === 'response'
    const map = (clinical.reading ?? DEFAULT_READING).responseMap
    const value = (s: number): string | undefined => {
      const v = clinical.rows.get(m.samples[s] ?? '')?.values.get(col)?.trim()
      if (v === undefined || isMissing(v)) return undefined
      if (!response) return v
      const r = lookupResponse(v, { map, columnName: col })
      return r.kind === 'response' ? codeLabel(r.code) : undefined
    }
    const sizes = new Map<string, number>()
    for (const s of columns) {
      const v = value(s)
      if (v !== undefined) sizes.set(v, (sizes.get(v) ?? 0) + 1)
    }
    const order = groupOrder(sizes, { levels: opts.sortBy.levels, response })
    const keyed: (string | undefined)[] = [...order, undefined]
    const out: number[] = []
    const g: { value: string | undefined; start: number; end: number }[] = []
    for (const v of keyed) {
      const start = out.length
      for (const s of columns) if (value(s) === v) out.push(s)
      if (out.length > start) g.push({ value: v, start, end: out.length })
    }
    columns = out
    groups = g
  }
  return {
    rows,
    columns,
    altered: rows.map((f) => countsOf(f).altered),
    assayed: rows.map((f) => countsOf(f).assayed),
    groups,
  }
}
