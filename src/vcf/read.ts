/**
 * The streaming edge of the VCF reader: path or '-' → numbered lines (gzip/BGZF, CR/CRLF/LF, BOM
 * handled by readLineBatches) → VcfParser. Options are validated by VcfParser (zod).
 */
import { displayName, readLineBatches } from '../io/lines.js'
import type { Alteration } from '../model/alteration.js'
import type { VcfReadOptions } from './options.js'
import { VcfParser, type VcfResult } from './reader.js'

/** With `onRecord`, alterations are streamed to it and `alterations` in the result stays empty. */
export async function readVcf(path: string, opts: VcfReadOptions = {}, onRecord?: (a: Alteration) => void): Promise<VcfResult> {
  const file = opts.displayName ?? displayName(path)
  const p = new VcfParser(file, opts)
  p.onRecord = onRecord
  for await (const b of readLineBatches(path, { displayName: file })) {
    const lines = b.lines
    for (let i = 0; i < lines.length; i++) p.push(lines[i] as string, b.firstLine + i)
  }
  return p.finish()
}
