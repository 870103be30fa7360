/**
 * The streaming edge of the VCF reader: path or '-' → numbered lines (gzip/BGZF, CR/CRLF/LF, BOM
 * handled by readLineBatches) → VcfParser. Options are validated by VcfParser (zod).
 */
import { displayName, readLineBatches } from '../io/lines.js'
import type { VcfReadOptions } from './options.js'
import { VcfParser, type VcfResult } from './reader.js'

export async function readVcf(path: string, opts: VcfReadOptions = {}): Promise<VcfResult> {
  const file = opts.displayName ?? displayName(path)
  const p = new VcfParser(file, opts)
  for await (const b of readLineBatches(path, { displayName: file })) {
    const lines = b.lines
    for (let i = 0; i < lines.length; i++) p.push(lines[i] as string, b.firstLine + i)
  }
  return p.finish()
}
