/**
 * Worker thread of ./parallel.ts: reads bytes [from, to) of a MAF or VCF file whose header the
 * main thread read, into its own EventTable, and posts the columns back (moved, not copied) with
 * the part's counts. Line numbers start at 1 here; the main thread shifts them.
 */
import { parentPort, workerData } from 'node:worker_threads'
import { feedByteLines, UseTextPath } from '../io/byte-lines.js'
import { withMaxLineLength } from '../io/lines.js'
import { EventTable } from '../model/events.js'
import { MafParser } from '../maf/parser.js'
import { VcfParser } from '../vcf/reader.js'
import type { WorkerAnswer, WorkerInput } from './parallel.js'

async function read(d: WorkerInput, table: EventTable): Promise<WorkerAnswer> {
  const range = { from: d.from, to: d.to, firstLine: 1 }
  if (d.format === 'maf') {
    const p = new MafParser(d.file, d.opts, table)
    p.adoptHeader(d.header)
    await withMaxLineLength(d.maxLineLength, () => feedByteLines(d.path, p, range))
    return { kind: 'maf', part: table.toPart().part, counts: p.partCounts() }
  }
  const p = new VcfParser(d.file, d.opts, 'fast', table)
  for (const h of d.headerLines) p.push(h.text, h.line)
  if (p.dialectFromRecords) return { kind: 'failed' }
  const headerWarnings = p.report.warnings.length
  await withMaxLineLength(d.maxLineLength, () => feedByteLines(d.path, p, range))
  return { kind: 'vcf', part: table.toPart().part, counts: p.partCounts(headerWarnings) }
}

const d = workerData as WorkerInput
const port = parentPort
if (port !== null) {
  let answer: WorkerAnswer
  try {
    answer = await read(d, new EventTable())
  } catch (e) {
    answer = { kind: e instanceof UseTextPath ? 'text' : 'failed' }
  }
  const transfer: ArrayBuffer[] = []
  if (answer.kind === 'maf' || answer.kind === 'vcf') for (const v of Object.values(answer.part)) if (ArrayBuffer.isView(v)) transfer.push(v.buffer as ArrayBuffer)
  port.postMessage(answer, transfer)
}
