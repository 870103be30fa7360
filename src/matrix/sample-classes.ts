/**
 * Per sample, events per Variant_Classification over its altered gene cells (maftools
 * getSampleSummary's columns), with each sample's classes in first-seen order (gene row, then
 * event order) so a record built from them keeps the key order the summaries always had.
 *
 * Flat typed arrays, C = MAF_CLASSES.length slots per sample: the summary's JSON writer reads
 * them directly, with no record per sample (../pipeline/summary-json.ts). O(gene rows' altered
 * cells' events) plus O(samples × C) bytes.
 */
import { MAF_CLASSES, type VariantClass } from '../model/alteration.js'
import { codeClass } from '../model/events-codes.js'
import { ALTERED, type CohortMatrix } from './types.js'

export interface SampleClasses {
  /** counts[s * C + cls]: events of class cls over sample s's altered gene cells. */
  readonly counts: Uint32Array
  /** order[s * C + k]: the k-th class sample s met (k < seen[s]). */
  readonly order: Uint8Array
  /** Classes sample s has. */
  readonly seen: Uint8Array
}

export const CLASS_SLOTS = MAF_CLASSES.length

/** One walk down each gene row's stored cells (rows in feature order, cells in sample order). */
export function sampleClasses(m: CohortMatrix): SampleClasses {
  const n = m.samples.length
  const C = CLASS_SLOTS
  const counts = new Uint32Array(n * C)
  const order = new Uint8Array(n * C)
  const seen = new Uint8Array(n)
  const state = m.state
  const store = m.cells
  const codes = store.eventCodes()
  const weights = store.eventCounts()
  const visit = (idx: number, a: number, b: number, row: number): void => {
    if (state[idx] !== ALTERED) return
    const base = (idx - row) * C
    const s = idx - row
    for (let j = a; j < b; j++) {
      const cls = codeClass(codes[j] as number)
      const k = base + cls
      if (counts[k] === 0) {
        order[base + (seen[s] as number)] = cls
        seen[s] = (seen[s] as number) + 1
      }
      counts[k] = (counts[k] as number) + (weights === undefined ? 1 : (weights[j] as number))
    }
  }
  m.features.forEach((f, fi) => {
    if (f.type !== 'gene') return
    const row = fi * n
    store.forEachCell(row, row + n, (idx, a, b) => visit(idx, a, b, row))
  })
  return { counts, order, seen }
}

/** Sample s's class counts as a record, keys in first-seen order. */
export function classCountsOf(sc: SampleClasses, s: number): Partial<Record<VariantClass, number>> {
  const r: Partial<Record<VariantClass, number>> = {}
  const base = s * CLASS_SLOTS
  for (let k = 0; k < (sc.seen[s] as number); k++) {
    const cls = sc.order[base + k] as number
    r[MAF_CLASSES[cls] as VariantClass] = sc.counts[base + cls] as number
  }
  return r
}
