/**
 * A clinical table as read: one row per sample (or patient), raw values by column name.
 * Typed interpretation (best response, times, events) lives in src/clinical/.
 */

/** RECIST best overall response, normalized. NE = not evaluable. */
export const RESPONSES = ['CR', 'PR', 'SD', 'PD', 'NE'] as const
export type Response = (typeof RESPONSES)[number]

export interface ClinicalRow {
  readonly sample: string
  readonly line: number
  /** Column name → raw value; undefined where the cell is empty / NA. */
  readonly values: Readonly<Record<string, string | undefined>>
}

export interface ClinicalTable {
  readonly file: string
  /** Name of the sample-ID column used. */
  readonly sampleColumn: string
  /** Name of the best-response column, when one was found or named. */
  readonly responseColumn?: string | undefined
  /** All column names in file order (including the sample column). */
  readonly columns: readonly string[]
  /** Sample ID → row, in file order. */
  readonly rows: ReadonlyMap<string, ClinicalRow>
}
