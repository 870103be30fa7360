/**
 * The low-memory path's VCF holder (./low-memory.ts step 2b): a file read chunk by chunk into a
 * small table, each chunk classified and folded into the file's running part (./merge.ts). Files
 * are read when the classifier is known (`merge`), in input order, with no temporary files.
 */
import { feedByteLines, UseTextPath } from '../io/byte-lines.js'
import { displayName, readLineBatches } from '../io/lines.js'
import { isInputError } from '../errors.js'
import type { FileRead } from '../input/read-cohort.js'
import type { Classifier } from '../matrix/classifier.js'
import { EventTable, type StringPool } from '../model/events.js'
import type { VcfReadOptions } from '../vcf/options.js'
import { VcfParser } from '../vcf/reader.js'
import { buildPart, foldParts, type PartBuild } from './merge.js'
import type { PartitionSink, SinkContext } from './partition-sink.js'

/** How far the current file's fold had gone: nothing, since a file is read again from its start. */
export interface FoldMark {
  readonly part: PartBuild | undefined
}

/**
 * When calls of other files are compared (the cross-file duplicate rule, ./cross-file-parts.ts):
 * the chunk's strings go to `pool` (keys are compared by pool id), `begin` is called at each
 * (re)start of the file, and `onChunk` sees each chunk before it is classified (it may drop rows).
 */
export interface ChunkCalls {
  readonly pool: StringPool
  readonly begin: () => void
  readonly onChunk: (chunk: EventTable) => void
}

export class VcfFold implements PartitionSink<FoldMark> {
  private readonly files: { readonly path: string; readonly file: number }[] = []
  private readonly read = new Map<number, FileRead>()
  /** The running part of the file being read. */
  private acc: PartBuild | undefined

  /**
   * `chunkRows`: rows classified and folded at a time; `onFile`: progress, a file about to be read;
   * `callsOf`: a file's hook when its calls are compared with other files' (else undefined).
   */
  constructor(
    private readonly opts: VcfReadOptions,
    private readonly chunkRows: number,
    private readonly onFile?: (path: string) => void,
    private readonly callsOf?: (file: number) => ChunkCalls | undefined,
  ) {}

  write(path: string, file: number): Promise<void> {
    this.files.push({ path, file })
    return Promise.resolve()
  }

  snapshot(): FoldMark {
    return { part: this.acc }
  }

  rewind(mark: FoldMark): void {
    this.acc = mark.part
  }

  reads(): ReadonlyMap<number, FileRead> {
    return this.read
  }

  close(): void {
    this.acc = undefined
  }

  /**
   * Each file in turn (only those before a pending error), its rows folded into one part; a
   * sample's rows may span chunks and files: the merge puts a cell's events back in input order.
   */
  async merge(ctx: SinkContext): Promise<PartBuild[]> {
    const parts: PartBuild[] = []
    const { errors } = ctx
    for (const { path, file } of this.files) {
      if (!errors.before(file, 0)) continue
      this.onFile?.(path)
      try {
        const r = await this.foldFile(path, file, () => (errors.pending ? undefined : ctx.classifier), this.callsOf?.(file))
        this.read.set(file, { report: r.report, samples: r.samples })
        for (const s of r.samples) ctx.universe.add(s)
        if (r.part !== undefined) parts.push(r.part)
      } catch (e) {
        errors.considerFile(file, e)
      }
    }
    return parts
  }

  /**
   * A VCF file read as readVcfInto reads it (bytes, and on a text-only byte or an error, again as
   * text from the start), into a table emptied every `chunkRows` rows after classifying them; the
   * parts are folded as they come, so memory holds one chunk and the file's cells. `classifier()`
   * undefined (an earlier error is pending): rows are read and checked, not classified. `calls`:
   * see ChunkCalls (also how ./vcf-repeats.ts indexes a file's calls, with no classifier).
   */
  async foldFile(path: string, file: number, classifier: () => Classifier | undefined, calls?: ChunkCalls): Promise<FileRead & { part: PartBuild | undefined }> {
    const name = displayName(path)
    this.acc = undefined
    const start = this.snapshot()
    const attempt = async (text: boolean): Promise<FileRead & { part: PartBuild | undefined }> => {
      this.rewind(start)
      calls?.begin() // read again from the start (text path): what the first attempt saw is forgotten
      const chunk = new EventTable(calls?.pool)
      const p = new VcfParser(name, this.opts, 'fast', chunk)
      let others: number | undefined
      const fold = (samples: readonly string[]): void => {
        calls?.onChunk(chunk)
        const c = classifier()
        if (c !== undefined) {
          const part = buildPart(c, chunk, samples, () => file)
          others ??= c.build(new EventTable(), []).features.filter((x) => x.type !== 'gene').length
          this.acc = this.acc === undefined ? part : foldParts([this.acc, part], others, c.genesGiven)
        }
        chunk.truncate(0)
      }
      const flush = (): void => {
        if (chunk.length >= this.chunkRows) fold(p.samples)
      }
      if (!text) {
        // Not the parser's `block`: it would size the small table for the whole file.
        const sink = {
          pushBytes(buf: Buffer, s: number, e: number, line: number): void {
            p.pushBytes(buf, s, e, line)
            flush()
          },
        }
        await feedByteLines(path, sink, undefined, undefined, this.opts.limits)
      } else {
        for await (const b of readLineBatches(path, { displayName: name, limits: this.opts.limits })) {
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
      return { report: r.report, samples: r.samples, part: this.acc }
    }
    try {
      if (path !== '-') {
        try {
          return await attempt(false)
        } catch (e) {
          if (!(e instanceof UseTextPath) && !isInputError(e)) throw e
        }
      }
      return await attempt(true)
    } finally {
      this.acc = undefined
    }
  }
}
