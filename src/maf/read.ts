/**
 * The streaming edge for MAF files: bytes → lines → MafParser → records.
 * With `onRecord`, records are handed over one by one and not kept (flat memory for huge files).
 */
import { readLineBatches, displayName } from '../io/lines.js'
import type { Alteration } from '../model/alteration.js'
import type { ReadReport } from '../model/report.js'
import { MafParser, type MafOptions } from './parser.js'

export interface MafReadResult {
  readonly alterations: Alteration[]
  readonly report: ReadReport
  /** Distinct Tumor_Sample_Barcode values of kept rows, sorted. */
  readonly samples: string[]
}

export async function readMaf(
  path: string,
  opts: MafOptions & { readonly onRecord?: ((a: Alteration) => void) | undefined } = {},
): Promise<MafReadResult> {
  const p = new MafParser(displayName(path), opts)
  const out: Alteration[] = []
  const sink = opts.onRecord
  for await (const b of readLineBatches(path)) {
    const lines = b.lines
    for (let i = 0; i < lines.length; i++) {
      const a = p.push(lines[i] as string, b.firstLine + i)
      if (a !== undefined) {
        if (sink) sink(a)
        else out.push(a)
      }
    }
  }
  const report = p.finish()
  return { alterations: out, report, samples: [...p.samples].sort() }
}

/** Parse MAF text held in memory (tests). */
export function parseMafLines(file: string, lines: readonly string[], opts: MafOptions = {}): MafReadResult {
  const p = new MafParser(file, opts)
  const out: Alteration[] = []
  lines.forEach((t, i) => {
    const a = p.push(t, i + 1)
    if (a !== undefined) out.push(a)
  })
  const report = p.finish()
  return { alterations: out, report, samples: [...p.samples].sort() }
}
