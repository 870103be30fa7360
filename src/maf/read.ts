/**
 * The streaming edge for MAF files: bytes → lines (../io/byte-lines.ts; the text line source
 * when the bytes hold anything it treats specially) → MafParser → rows of an EventTable.
 * - `readMafInto` appends kept rows to the caller's table (loadCohort: one table for the cohort,
 *   no record object per row).
 * - `readMaf` returns records; with `onRecord` they are handed over batch by batch and not kept
 *   (flat memory for huge files: the parser's table is cleared after each batch).
 */
import { readLineBatches, displayName } from '../io/lines.js'
import type { Alteration } from '../model/alteration.js'
import { EventTable } from '../model/events.js'
import type { ReadReport } from '../model/report.js'
import { MafParser, type MafOptions } from './parser.js'
import { feedByteLines, UseTextPath } from '../io/byte-lines.js'

export interface MafReadResult {
  readonly alterations: Alteration[]
  readonly report: ReadReport
  /** Distinct Tumor_Sample_Barcode values of kept rows, sorted. */
  readonly samples: string[]
}

const sorted = (p: MafParser): string[] => p.sampleNames().sort()

/** Append the file's kept rows to `table`; returns the read report and the file's samples. */
export async function readMafInto(path: string, table: EventTable, opts: MafOptions = {}): Promise<Omit<MafReadResult, 'alterations'>> {
  if (path !== '-' && !opts.keepExtra) {
    const n0 = table.length
    const fast = new MafParser(displayName(path), opts, table)
    try {
      await feedByteLines(path, fast, undefined, undefined, opts.limits)
      const report = fast.finish()
      return { report, samples: sorted(fast) }
    } catch (e) {
      if (!(e instanceof UseTextPath)) throw e
      table.truncate(n0)
    }
  }
  return readMafText(path, table, opts)
}

/** The text path alone: lines decoded by the line source, every row through `pushRow`. */
export async function readMafText(path: string, table: EventTable, opts: MafOptions = {}): Promise<Omit<MafReadResult, 'alterations'>> {
  const p = new MafParser(displayName(path), opts, table)
  for await (const b of readLineBatches(path, { limits: opts.limits })) {
    const lines = b.lines
    for (let i = 0; i < lines.length; i++) p.pushRow(lines[i] as string, b.firstLine + i)
  }
  const report = p.finish()
  return { report, samples: sorted(p) }
}

export async function readMaf(
  path: string,
  opts: MafOptions & { readonly onRecord?: ((a: Alteration) => void) | undefined } = {},
): Promise<MafReadResult> {
  const sink = opts.onRecord
  if (sink === undefined) {
    const table = new EventTable()
    const r = await readMafInto(path, table, opts)
    return { alterations: table.toArray(), ...r }
  }
  // Rows are handed on and cleared batch by batch: duplicates must be caught as they come.
  const p = new MafParser(displayName(path), opts, undefined, 'per-row')
  for await (const b of readLineBatches(path, { limits: opts.limits })) {
    const lines = b.lines
    for (let i = 0; i < lines.length; i++) p.pushRow(lines[i] as string, b.firstLine + i)
    for (const a of p.table) sink(a)
    p.clearTable()
  }
  const report = p.finish()
  return { alterations: [], report, samples: sorted(p) }
}

/** Parse MAF text held in memory (tests). */
export function parseMafLines(file: string, lines: readonly string[], opts: MafOptions = {}): MafReadResult {
  const p = new MafParser(file, opts)
  lines.forEach((t, i) => p.pushRow(t, i + 1))
  const report = p.finish()
  return { alterations: p.table.toArray(), report, samples: sorted(p) }
}
