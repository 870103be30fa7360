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
import { rowBits, stateWords } from './row-bits.js'

const EMPTY_WORDS = new Uint32Array(0)

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
  // ALTERED = 1 and NOT_ASSAYED = 2 are the two bits of a state byte, counted four cells at a time
  // (selectFeatures counts every feature of the matrix). Word indices are 32-bit: past 2^32 bytes
  // the row is counted byte by byte.
  const from = feature * n
  const bits = [0, 0]
  rowBits(st, from + n < 2 ** 32 ? stateWords(st) : EMPTY_WORDS, from, from + n, bits)
  const altered = bits[0] as number
  const notAssayed = bits[1] as number
  return { altered, assayed: n - notAssayed, notAssayed }
}
