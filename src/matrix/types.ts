/**
 * The cohort matrix: samples × features, each cell ALTERED, WILD_TYPE or NOT_ASSAYED.
 * Produced by the classification stage (src/classify), consumed by stats/scan and viz.
 *
 * Storage: `state` is row-major, one byte per cell: state[f * samples.length + s].
 * Details exist only for altered cells (sparse), keyed by that same index.
 * Memory: O(samples × features) bytes + O(altered events).
 */
import type { Alteration, Origin, VariantClass } from '../model/alteration.js'
import type { CountCells, RecordCells } from './cells.js'

export const WILD_TYPE = 0
export const ALTERED = 1
export const NOT_ASSAYED = 2
export type CellState = typeof WILD_TYPE | typeof ALTERED | typeof NOT_ASSAYED

export type FeatureType = 'gene' | 'rule' | 'pathway'

export interface Feature {
  /** Stable identifier: gene symbol, rule id or pathway id. */
  readonly id: string
  /** Human label ("MYC amplification", "PI3K/AKT/mTOR pathway"). */
  readonly label: string
  readonly type: FeatureType
  /** Genes the feature looks at (one for a gene feature). */
  readonly genes: readonly string[]
}

export interface AlteredCell {
  /** Every qualifying event (the data keep all; multi-hit is a display rule). */
  readonly events: readonly Alteration[]
  /** Distinct classes of those events, in MAF_CLASSES order. */
  readonly classes: readonly VariantClass[]
  /** Distinct origins of those events. */
  readonly origins: readonly Origin[]
  /** For pathway features: the member genes that contributed. */
  readonly contributors?: readonly string[] | undefined
}

/**
 * A matrix's states without its cells' events: what the association scans read, and all a matrix
 * collapsed to patients keeps (../study/patients.ts).
 */
export interface StateMatrix {
  /** Sample universe (sequenced samples), sorted by ID. */
  readonly samples: readonly string[]
  readonly features: readonly Feature[]
  readonly state: Uint8Array
  /** Per sample: panel id it was assayed on (undefined when no panel info: everything assayed). */
  readonly samplePanel: readonly (string | undefined)[]
  /** Per sample: panel size in Mb when known (for TMB). */
  readonly panelMb: readonly (number | undefined)[]
  /** Per sample: number of qualifying (counted-class) mutation events, all genes. */
  readonly burden: Uint32Array
}

/**
 * The altered cells' events, in one of two kinds (./cells.ts): `records` (the default path: every
 * event's record on request) or `counts` (the low-memory path: per cell, its distinct event codes
 * and how many events each stands for). Summaries read either; what draws or lists events
 * (oncoplot, tooltips, --matrix-out, lollipops, the summary figure) takes a RecordMatrix.
 */
export type MatrixCells = RecordCells | CountCells

export interface CohortMatrix<C extends MatrixCells = MatrixCells> extends StateMatrix {
  readonly cells: C
}

/** A matrix whose cells keep every event's record. */
export type RecordMatrix = CohortMatrix<RecordCells>

export function cellIndex(m: Pick<CohortMatrix, 'samples'>, feature: number, sample: number): number {
  return feature * m.samples.length + sample
}

export function cellState(m: StateMatrix, feature: number, sample: number): CellState {
  return m.state[feature * m.samples.length + sample] as CellState
}

export interface FeatureCounts {
  readonly altered: number
  readonly assayed: number
  readonly notAssayed: number
}

/** n/N for a feature: altered over assayed (never over 100%). O(samples). */
export function featureCounts(m: StateMatrix, feature: number): FeatureCounts {
  const n = m.samples.length
  const st = m.state
  // Counts without branches: ALTERED = 1 and NOT_ASSAYED = 2 are the two bits of a state byte.
  // Four cells at a time through a 32-bit view where the state is 4-byte aligned (each byte lane
  // counts up to 127 before the lanes are summed): selectFeatures counts every feature of the matrix.
  let altered = 0
  let notAssayed = 0
  let i = feature * n
  const end = i + n
  if ((st.byteOffset & 3) === 0 && n >= 64 && end < 2 ** 32) {
    const words = new Uint32Array(st.buffer, st.byteOffset, st.length >>> 2)
    for (; (i & 3) !== 0; i++) {
      const v = st[i] as number
      altered += v & ALTERED
      notAssayed += v >> 1
    }
    let w = i >>> 2
    const lastWord = end >>> 2
    while (w < lastWord) {
      const stop = Math.min(lastWord, w + 127)
      let x = 0
      let y = 0
      for (; w < stop; w++) {
        const v = words[w] as number
        x += v & 0x01010101
        y += (v >>> 1) & 0x01010101
      }
      altered += (x & 0xff) + ((x >>> 8) & 0xff) + ((x >>> 16) & 0xff) + (x >>> 24)
      notAssayed += (y & 0xff) + ((y >>> 8) & 0xff) + ((y >>> 16) & 0xff) + (y >>> 24)
    }
    i = lastWord * 4
  }
  for (; i < end; i++) {
    const v = st[i] as number
    altered += v & ALTERED
    notAssayed += v >> 1
  }
  return { altered, assayed: n - notAssayed, notAssayed }
}
