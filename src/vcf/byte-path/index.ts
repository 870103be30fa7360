/**
 * The accelerated byte path for VCF records, behind one interface: the parser (../reader.ts) offers
 * each record line's bytes to `push`, which either writes the record's rows to the table (true) or
 * does nothing and answers false, and the line is then read by the text path. Both paths call the
 * same rules (../rules/, ../../model/consequence.ts), and must give the same records and read
 * report (test/vcf/table-path.test.ts).
 */
import { RowReader, type RowSettings } from './row-reader.js'

export interface BytePath {
  /** Read record line buf[s, e) (no line break) into the table; false (nothing done): the text path reads it. */
  push(buf: Buffer, s: number, e: number, line: number): boolean
}

export function bytePath(settings: RowSettings): BytePath {
  return new RowReader(settings)
}

export { CONTIG_NAME, type RowSettings } from './row-reader.js'
