/**
 * The low-memory path's VCF reading (./low-memory.ts step 2b): a file read chunk by chunk into a
 * small table, each chunk classified and folded into the file's running part (./merge.ts).
 */
import { feedByteLines, UseTextPath } from '../io/byte-lines.js'
import { displayName, readLineBatches } from '../io/lines.js'
import { isInputError } from '../errors.js'
import type { Classifier } from '../matrix/classifier.js'
import { EventTable } from '../model/events.js'
import type { ReadReport } from '../model/report.js'
import type { VcfReadOptions } from '../vcf/options.js'
import { VcfParser } from '../vcf/reader.js'
import { buildPart, foldParts, type PartBuild } from './merge.js'

/**
 * A VCF file read as readVcfInto reads it (bytes, and on a text-only byte or an error, again as
 * text from the start), into a table emptied every `chunkRows` rows after classifying them; the
 * parts are folded as they come, so memory holds one chunk and the file's cells. `classifier()`
 * undefined (an earlier error is pending): rows are read and checked, not classified.
 */
export async function foldVcf(
  path: string,
  file: number,
  opts: VcfReadOptions,
  chunkRows: number,
  classifier: () => Classifier | undefined,
): Promise<{ report: ReadReport; samples: readonly string[]; part: PartBuild | undefined }> {
  const name = displayName(path)
  const attempt = async (text: boolean): Promise<{ report: ReadReport; samples: readonly string[]; part: PartBuild | undefined }> => {
    const chunk = new EventTable()
    const p = new VcfParser(name, opts, 'fast', chunk)
    let acc: PartBuild | undefined
    let others: number | undefined
    const fold = (samples: readonly string[]): void => {
      const c = classifier()
      if (c !== undefined) {
        const part = buildPart(c, chunk, samples, () => file)
        others ??= c.build(new EventTable(), []).features.filter((x) => x.type !== 'gene').length
        acc = acc === undefined ? part : foldParts([acc, part], others, c.genesGiven)
      }
      chunk.truncate(0)
    }
    const flush = (): void => {
      if (chunk.length >= chunkRows) fold(p.samples)
    }
    if (!text) {
      // Not the parser's `block`: it would size the small table for the whole file.
      const sink = {
        pushBytes(buf: Buffer, s: number, e: number, line: number): void {
          p.pushBytes(buf, s, e, line)
          flush()
        },
      }
      await feedByteLines(path, sink, undefined, undefined, opts.limits)
    } else {
      for await (const b of readLineBatches(path, { displayName: name, limits: opts.limits })) {
        const lines = b.lines
        for (let i = 0; i < lines.length; i++) {
          p.push(lines[i] as string, b.firstLine + i)
          flush()
        }
      }
    }
    const r = p.finish()
    // The last rows, and every sample of the file (wild type where nothing was called).
    fold(r.samples)
    return { report: r.report, samples: r.samples, part: acc }
  }
  if (path !== '-') {
    try {
      return await attempt(false)
    } catch (e) {
      if (!(e instanceof UseTextPath) && !isInputError(e)) throw e
    }
  }
  return attempt(true)
}
