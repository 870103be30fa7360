/**
 * A clinical table as read: one row per sample (or patient), raw values by column name, and the
 * reading options every command applies to it (so scan, oncoplot and report read a column alike).
 * Typed interpretation (best response, times, events) lives in src/clinical/.
 */

/** RECIST best overall response, normalized. NE = not evaluable. */
export const RESPONSES = ['CR', 'PR', 'SD', 'PD', 'NE'] as const
export type Response = (typeof RESPONSES)[number]

export const TIME_UNITS = ['days', 'weeks', 'months', 'years'] as const
export type TimeUnit = (typeof TIME_UNITS)[number]

/** How not-evaluable patients enter ORR/DCR: left out of the denominator, or counted as non-responders. */
export type NeRule = 'exclude' | 'non-responder'

/** What the user said about the table (options); every choice made without them is stated in the output. */
export interface ClinicalReading {
  /** Normalised code → target spelling (`--response-map`). */
  readonly responseMap: ReadonlyMap<string, string>
  readonly ne: NeRule
  /** Values of a survival event column that mean the event happened (`--event-value`). */
  readonly eventValues?: readonly string[] | undefined
  readonly timeUnit?: TimeUnit | undefined
  readonly displayUnit?: TimeUnit | undefined
  /** Reference (0) level of a two-level column endpoint (`--reference`). */
  readonly reference?: string | undefined
}

export const DEFAULT_READING: ClinicalReading = { responseMap: new Map(), ne: 'exclude' }

export interface ClinicalRow {
  readonly sample: string
  readonly line: number
  /** Column name → raw value; undefined where the cell is empty / NA. A Map: column names are data (`__proto__` is a name). */
  readonly values: ReadonlyMap<string, string | undefined>
}

/** How the sample-ID column was chosen and how its IDs met the calls'. */
export interface SampleMatch {
  readonly column: string
  readonly chosenBy: 'option' | 'overlap' | 'name'
  /** Candidate columns with their overlap (when chosen by overlap). */
  readonly tried: readonly { readonly column: string; readonly overlap: number }[]
  readonly matched: number
  /** Sequenced samples with no clinical row, and clinical rows not sequenced. */
  readonly callsOnly: number
  readonly clinicalOnly: number
  /** Clinical IDs equal to a calls ID only after case / white-space / look-alike folding (never merged). */
  readonly nearMisses: readonly { readonly clinical: string; readonly calls: string }[]
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
  /** Time units the file itself declares for columns (cBioPortal header rows: "Overall Survival (Months)"). */
  readonly declaredUnits?: ReadonlyMap<string, TimeUnit> | undefined
  readonly reading?: ClinicalReading | undefined
  readonly sampleMatch?: SampleMatch | undefined
}
