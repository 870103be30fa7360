/**
 * `convert`'s two output formats over the spool (./convert-spool.ts): rows formatted as they are
 * read, the document's start and end written once every input is read. The bytes are those of the
 * whole-output formatters — mafLines, and JSON.stringify({ samples, alterations, readReports },
 * null, 1) — which test/cli/convert-stream.test.ts compares against.
 */
import type { Alteration } from '../model/alteration.js'
import type { EventTable } from '../model/events.js'
import { readReportJson, type ReadReport } from '../model/report.js'
import { isMafWritable, MAF_OUTPUT_COLUMNS, mafHeader, mafRow } from '../maf/write.js'
import type { ConvertSpool, RowFormat } from './convert-spool.js'

/** Where the document goes (a file's temporary copy, or stdout): whole lines per call. */
export interface ChunkWriter {
  write(chunk: string): Promise<void>
}

/**
 * GDC-style MAF rows. Carried columns (a MAF input's non-standard columns) are learnt as rows come,
 * in first-seen order, standard names in any case left out (as mafExtraColumns); a row is written
 * with the columns known then and padded with empty cells to the final header when copied.
 */
export class MafFormat implements RowFormat {
  readonly extra: string[] = []
  /** Copy-number and fusion records: not MAF rows, not written (the caller says how many). */
  notMaf = 0
  private readonly known = new Set<string>(MAF_OUTPUT_COLUMNS.map((c) => c.toLowerCase()))
  /** The key list last learnt (a file's rows share one): the usual row costs one comparison per key. */
  private lastKeys: readonly string[] = []
  private saved = { extra: 0, notMaf: 0 }

  format(table: EventTable, i: number): string | undefined {
    const a = table.get(i)
    // Every record's carried columns count, written or not (as mafLines over the whole cohort).
    if (a.extra !== undefined) this.learn(a.extra)
    if (!isMafWritable(a)) {
      this.notMaf++
      return undefined
    }
    return mafRow(a, this.extra)
  }

  width(): number {
    return this.extra.length
  }

  private learn(x: Readonly<Record<string, string>>): void {
    const keys = Object.keys(x)
    const last = this.lastKeys
    if (keys.length === last.length && keys.every((k, j) => k === last[j])) return
    this.lastKeys = keys
    for (const k of keys) {
      const lower = k.toLowerCase()
      if (!this.known.has(lower)) {
        this.known.add(lower)
        this.extra.push(k)
      }
    }
  }

  mark(): void {
    this.saved = { extra: this.extra.length, notMaf: this.notMaf }
  }

  rewind(): void {
    for (const k of this.extra.splice(this.saved.extra)) this.known.delete(k.toLowerCase())
    this.notMaf = this.saved.notMaf
    this.lastKeys = []
  }

  /** The header, then every kept row padded to the header's width. */
  async write(spool: ConvertSpool, out: ChunkWriter): Promise<void> {
    const width = this.extra.length
    await out.write(mafHeader(this.extra).join('\n') + '\n')
    const pad = (t: string, w: number) => (w === width ? t + '\n' : t + '\t'.repeat(width - w) + '\n')
    for (const batch of spool.batches(pad)) await out.write(batch.join(''))
  }
}

/** JSON.stringify(value, null, 1) of a value nested `depth` levels deep in an indent-1 document. */
const nested = (value: unknown, depth: number): string => JSON.stringify(value, null, 1).replaceAll('\n', '\n' + ' '.repeat(depth))

/** The JSON document { samples, alterations, readReports }, indent 1; the alterations streamed. */
export class JsonFormat implements RowFormat {
  format(table: EventTable, i: number): string {
    const a: Alteration = table.get(i)
    return '  ' + nested(a, 2)
  }

  width(): number {
    return 0
  }

  mark(): void {}
  rewind(): void {}

  async write(spool: ConvertSpool, samples: readonly string[], reports: readonly ReadReport[], out: ChunkWriter): Promise<void> {
    await out.write(`{\n "samples": ${nested(samples, 1)},\n "alterations": `)
    if (spool.rowCount === 0) await out.write('[]')
    else {
      let first = true
      for (const batch of spool.batches((t) => t)) {
        await out.write((first ? '[\n' : ',\n') + batch.join(',\n'))
        first = false
      }
      await out.write('\n ]')
    }
    await out.write(`,\n "readReports": ${nested(reports.map(readReportJson), 1)}\n}\n`)
  }
}
