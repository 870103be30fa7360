/**
 * Worker thread of ./parallel.ts: reads bytes [from, to) of a MAF or VCF file whose header the
 * main thread read, into its own EventTable, and posts the columns back (moved, not copied) with
 * the part's counts. Line numbers start at 1 here; the main thread shifts them.
 */
import { parentPort, workerData } from 'node:worker_threads'
import { feedByteLines, UseTextPath } from '../../io/byte-lines.js'
import { EventTable } from '../../model/events.js'
import { MafParser } from '../../maf/parser.js'
import { VcfParser } from '../../vcf/reader.js'
import type { WorkerAnswer, WorkerInput } from './parallel.js'

/** The answer, and the column buffers to move with it (EventTable.toPart). */
async function read(d: WorkerInput, table: EventTable): Promise<{ answer: WorkerAnswer; transfer: ArrayBuffer[] }> {
  const range = { from: d.from, to: d.to, firstLine: 1 }
  if (d.format === 'maf') {
    const p = new MafParser(d.file, d.opts, table)
    p.adoptHeader(d.header)
    await feedByteLines(d.path, p, range, undefined, d.limits)
    const { part, transfer } = table.toPart()
    return { answer: { kind: 'maf', part, counts: p.partCounts() }, transfer }
  }
  const p = new VcfParser(d.file, d.opts, 'fast', table)
  for (const h of d.headerLines) p.push(h.text, h.line)
  if (p.dialectFromRecords) return { answer: { kind: 'failed' }, transfer: [] }
  const headerWarnings = p.report.warnings.length
  await feedByteLines(d.path, p, range, undefined, d.limits)
  const { part, transfer } = table.toPart()
  return { answer: { kind: 'vcf', part, counts: p.partCounts(headerWarnings) }, transfer }
}

const d = workerData as WorkerInput
const port = parentPort
if (port !== null) {
  let out: { answer: WorkerAnswer; transfer: ArrayBuffer[] }
  try {
    out = await read(d, new EventTable())
  } catch (e) {
    out = { answer: { kind: e instanceof UseTextPath ? 'text' : 'failed' }, transfer: [] }
  }
  port.postMessage(out.answer, out.transfer)
}
