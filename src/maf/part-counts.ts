/**
 * What a MafParser that read one part of a file hands back beside its rows: a worker thread's part
 * (../scale/read/parallel.ts) or a sample partition (../scale/read/partition.ts). Plain data, so it
 * crosses a thread boundary as it is; the file's own parser adds it (`MafParser.absorbCounts`).
 */
import type { SkipReason } from '../io/table.js'
import type { ReadNotesData } from '../model/read-notes.js'
import type { DropTally } from '../model/report.js'

export interface MafPartCounts {
  readonly rowsRead: number
  readonly kept: number
  readonly dropped: readonly DropTally[]
  readonly skipped: Readonly<Partial<Record<SkipReason, number>>>
  readonly noPosition: number
  readonly inferredType: number
  /** Terms not counted and date-like genes of the part's kept rows (./row-notes.ts; empty until they are final). */
  readonly notes: ReadNotesData
}

/**
 * Whether a part's outcome is what reading its lines after the first part would give: not when
 * it dropped rows (lenient mode's bad rows), whose reasons would be counted out of order.
 */
export function mergeablePart(c: MafPartCounts): boolean {
  return c.dropped.length === 0 && Object.keys(c.skipped).every((r) => r === 'blank-line')
}
