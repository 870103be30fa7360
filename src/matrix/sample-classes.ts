/**
 * Per sample, events per Variant_Classification over its altered gene cells (maftools
 * getSampleSummary's columns), with each sample's classes in first-seen order (gene row, then
 * event order) so a record built from them keeps the key order the summaries always had.
 *
 * The events' classes are regrouped by sample (a counting sort: one walk down the gene rows to
 * count, one to place), so a sample's classes are read together and tallied in a few slots. A
 * table of samples × 30 class counters (30 MB at 200,000 samples, hit once per altered cell in
 * row order: a cache miss each) took ~0.25 s of `summary`; these are ~1 byte per event. The
 * summary's JSON writer reads them without a record per sample (../pipeline/summary-json.ts).
 * O(gene rows' altered cells' events) + O(samples).
 */
import { MAF_CLASSES, type VariantClass } from '../model/alteration.js'
import { codeClass } from '../model/events-codes.js'
import { ALTERED, type CohortMatrix } from './types.js'

export interface SampleClasses {
  /** Sample s's entries are [start[s], start[s + 1]), in gene-row then event order. */
  readonly start: Uint32Array
  /** Each entry's class (MAF_CLASSES index). */
  readonly cls: Uint8Array
  /** Events each entry stands for; undefined: one each. */
  readonly weight: Uint32Array | undefined
}

export const CLASS_SLOTS = MAF_CLASSES.length

/** Two walks down each gene row's stored cells (rows in feature order, cells in sample order). */
export function sampleClasses(m: CohortMatrix): SampleClasses {
  const n = m.samples.length
  const state = m.state
  const store = m.cells
  const codes = store.eventCodes()
  const weights = store.eventCounts()
  const rows: number[] = []
  m.features.forEach((f, fi) => {
    if (f.type === 'gene') rows.push(fi * n)
  })
  const start = new Uint32Array(n + 1)
  for (const row of rows) {
    store.forEachCell(row, row + n, (idx, a, b) => {
      if (state[idx] === ALTERED) start[idx - row + 1] = (start[idx - row + 1] as number) + (b - a)
    })
  }
  for (let s = 0; s < n; s++) start[s + 1] = (start[s + 1] as number) + (start[s] as number)
  const total = start[n] as number
  const cls = new Uint8Array(total)
  const weight = weights === undefined ? undefined : new Uint32Array(total)
  const at = start.slice(0, n)
  for (const row of rows) {
    store.forEachCell(row, row + n, (idx, a, b) => {
      if (state[idx] !== ALTERED) return
      const s = idx - row
      let p = at[s] as number
      for (let j = a; j < b; j++, p++) {
        cls[p] = codeClass(codes[j] as number)
        if (weight !== undefined) weight[p] = (weights as Uint32Array)[j] as number
      }
      at[s] = p
    })
  }
  return { start, cls, weight }
}

/** One sample's class counts at a time: `order[0, size)` the classes first-seen, `counts` by class. */
export class SampleTally {
  readonly counts = new Uint32Array(CLASS_SLOTS)
  readonly order = new Uint8Array(CLASS_SLOTS)
  size = 0

  load(sc: SampleClasses, s: number): this {
    const { counts, order } = this
    for (let k = 0; k < this.size; k++) counts[order[k] as number] = 0
    let size = 0
    const w = sc.weight
    for (let p = sc.start[s] as number, end = sc.start[s + 1] as number; p < end; p++) {
      const c = sc.cls[p] as number
      if (counts[c] === 0) order[size++] = c
      counts[c] = (counts[c] as number) + (w === undefined ? 1 : (w[p] as number))
    }
    this.size = size
    return this
  }
}

/** Sample s's class counts as a record, keys in first-seen order. */
export function classCountsOf(sc: SampleClasses, s: number, tally = new SampleTally()): Partial<Record<VariantClass, number>> {
  const t = tally.load(sc, s)
  const r: Partial<Record<VariantClass, number>> = {}
  for (let k = 0; k < t.size; k++) {
    const cls = t.order[k] as number
    r[MAF_CLASSES[cls] as VariantClass] = t.counts[cls] as number
  }
  return r
}
