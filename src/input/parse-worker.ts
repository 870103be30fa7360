/**
 * Worker thread of ./parallel.ts: reads bytes [from, to) of a MAF file whose header the main
 * thread read, into its own EventTable, and posts the columns back (moved, not copied) with the
 * part's counts. Line numbers start at 1 here; the main thread shifts them.
 */
import { parentPort, workerData } from 'node:worker_threads'
import { withMaxLineLength } from '../io/lines.js'
import { EventTable } from '../model/events.js'
import { feedBytes, UseTextPath } from '../maf/bytes.js'
import { MafParser } from '../maf/parser.js'
import type { WorkerAnswer, WorkerInput } from './parallel.js'

const d = workerData as WorkerInput
const port = parentPort
if (port !== null) {
  const table = new EventTable()
  const p = new MafParser(d.file, d.opts, table)
  p.adoptHeader(d.header)
  let answer: WorkerAnswer
  let transfer: ArrayBuffer[] = []
  try {
    await withMaxLineLength(d.maxLineLength, () => feedBytes(d.path, p, { from: d.from, to: d.to, firstLine: 1 }))
    const out = table.toPart()
    transfer = out.transfer
    answer = { kind: 'rows', part: out.part, counts: p.partCounts() }
  } catch (e) {
    answer = { kind: e instanceof UseTextPath ? 'text' : 'failed' }
  }
  port.postMessage(answer, transfer)
}
