/**
 * Clinical rows stored by column: the reader (./read.ts) keeps one array of cell values per column
 * and one small row object per row; a row's `values` map is built when first asked for.
 *
 * Why: a Map per row (and the parsed field arrays held until the whole file was read) made reading
 * a 200,000-row study file mostly garbage collection (GC ~0.9 s of ~1.4 s for the study's two
 * files). The columns an endpoint reads are read through `columnReader` (no map at all); any other
 * reader sees `values`, a real Map with the same entries as before (first of repeated names).
 */
import type { ClinicalRow } from '../model/clinical.js'

/** The table's cells: `cells[k][i]` is column k's value in stored row i (undefined when missing). */
export class ClinicalStore {
  /** Column name → its cell array (first of repeated names: an unnamed column can repeat). */
  readonly index = new Map<string, number>()
  readonly names: string[] = []
  readonly cells: (string | undefined)[][] = []
  /** For each header column, its cell array (the first one of its name). */
  readonly slot: Int32Array

  constructor(columns: readonly string[]) {
    this.slot = new Int32Array(columns.length)
    columns.forEach((c, i) => {
      let k = this.index.get(c)
      if (k === undefined) {
        k = this.names.length
        this.index.set(c, k)
        this.names.push(c)
        this.cells.push([])
      }
      this.slot[i] = k
    })
  }
}

export class StoredRow implements ClinicalRow {
  readonly #store: ClinicalStore
  readonly #i: number
  #values: Map<string, string | undefined> | undefined

  constructor(
    readonly sample: string,
    readonly line: number,
    store: ClinicalStore,
    i: number,
  ) {
    this.#store = store
    this.#i = i
  }

  /** Column name → value, in column order, as the reader used to build it for every row. */
  get values(): ReadonlyMap<string, string | undefined> {
    if (this.#values !== undefined) return this.#values
    const s = this.#store
    const m = new Map<string, string | undefined>()
    for (let k = 0; k < s.names.length; k++) m.set(s.names[k] as string, (s.cells[k] as (string | undefined)[])[this.#i])
    this.#values = m
    return m
  }

  /** Accessors, not own properties: `{ ...row, values }` (a row with other values) copies sample and line only. */
  get store(): ClinicalStore {
    return this.#store
  }

  get index(): number {
    return this.#i
  }
}

/**
 * Reads one column of any rows: what `row.values.get(column)` returns, without building the map
 * for stored rows (the column's cell array is looked up once per store, not once per row).
 */
export function columnReader(column: string): (row: ClinicalRow) => string | undefined {
  let store: ClinicalStore | undefined
  let cells: readonly (string | undefined)[] | undefined
  return (row) => {
    if (!(row instanceof StoredRow)) return row.values.get(column)
    const s = row.store
    if (s !== store) {
      store = s
      const k = s.index.get(column)
      cells = k === undefined ? undefined : s.cells[k]
    }
    return cells === undefined ? undefined : cells[row.index]
  }
}
