/**
 * The low-memory path's part of the cross-file duplicate rule (../input/cross-file.ts) for VCF
 * files, which it folds chunk by chunk after the MAF partitions: when a VCF's calls may repeat
 * another input's (a sample in common), their keys are indexed before the partitions are built, so
 * a MAF row that repeats a call of an earlier VCF is dropped in its partition and a VCF call that
 * repeats an earlier file's is dropped in the fold — the default path's records and reports.
 *
 * Whether samples are shared is learnt cheaply: each VCF's header (its tumour sample names), and
 * while the MAF files are split into partitions, which of those names their rows use (one hash of
 * the sample field a row, ./read/partition.ts SampleWatch). Only VCFs that share a sample are read
 * twice (the index, then the fold); their calls cost ~56 bytes each while the index is held.
 * A VCF read from standard input cannot be read twice: with --low-memory its calls are not compared
 * with other inputs' (the default path compares them; README, "The same call in several files").
 */
import { isInputError } from '../errors.js'
import { displayName, readLineBatches } from '../io/lines.js'
import type { EventTable, StringPool } from '../model/events.js'
import { CallIndex, isCall } from '../input/cross-file.js'
import type { VcfReadOptions } from '../vcf/options.js'
import { VcfParser } from '../vcf/reader.js'
import { SampleWatch } from './read/partition.js'
import { VcfFold } from './vcf-fold.js'
import { checkFormat } from './wanted.js'

export interface VcfSampleScan {
  /** Each input's format when it could be told here (pass 1 tells the rest, and reports errors). */
  readonly formats: ('maf' | 'vcf' | undefined)[]
  /** Each VCF's header sample names (undefined: unknown). */
  readonly names: (readonly string[] | undefined)[]
  /** Which VCF sample names the MAF rows use: given to the partitioning pass. */
  readonly watch: SampleWatch
}

/** Before pass 1 (only with more than one input): the VCFs' header samples. */
export async function scanVcfSamples(paths: readonly string[], opts: VcfReadOptions): Promise<VcfSampleScan | undefined> {
  if (paths.length < 2) return undefined
  const formats: ('maf' | 'vcf' | undefined)[] = []
  const names: (readonly string[] | undefined)[] = []
  for (const [f, path] of paths.entries()) {
    if (path === '-') continue
    try {
      formats[f] = await checkFormat(path, opts.limits)
    } catch {
      continue // reported by pass 1, in input order
    }
    if (formats[f] === 'vcf') names[f] = await vcfSamples(path, opts)
  }
  if (!formats.includes('vcf')) return undefined
  return { formats, names, watch: new SampleWatch(names.flatMap((n) => n ?? [])) }
}

/** After pass 1: the VCFs whose calls may repeat another input's (a header that could not be read: yes). */
export function vcfsSharingSamples(paths: readonly string[], scan: VcfSampleScan): boolean[] {
  return paths.map((path, f) => {
    if (scan.formats[f] !== 'vcf' || path === '-') return false
    const mine = scan.names[f]
    if (mine === undefined) return true
    const others = new Set(scan.watch.found)
    scan.names.forEach((n, g) => {
      if (g !== f) for (const s of n ?? []) others.add(s)
    })
    // A VCF from standard input (samples unknown) may share any.
    if (paths.some((p, g) => g !== f && p === '-')) return true
    return mine.some((s) => others.has(s))
  })
}

/** Index the calls of the VCFs marked (their strings in `pool`, the partitions' table's). */
export async function indexVcfCalls(paths: readonly string[], marked: readonly boolean[], opts: VcfReadOptions, chunkRows: number, pool: StringPool): Promise<CallIndex | undefined> {
  if (!marked.includes(true)) return undefined
  const index = new CallIndex()
  const fold = new VcfFold(opts, chunkRows)
  for (const [f, path] of paths.entries()) {
    if (marked[f] !== true) continue
    try {
      await fold.foldFile(path, f, () => undefined, {
        pool,
        begin: () => undefined, // noting a call again is a no-op
        onChunk: (chunk: EventTable) => {
          for (let r = 0; r < chunk.length; r++) if (isCall(chunk, r)) index.note(chunk, r, f)
        },
      })
    } catch {
      // Its error is reported by its fold, in input order with the others'.
    }
  }
  return index
}

/**
 * The samples a VCF's rows will be named by (its header's tumour sample(s), as VcfParser resolves
 * them), read from the header only; undefined when the header cannot be read (its fold reports why).
 */
async function vcfSamples(path: string, opts: VcfReadOptions): Promise<readonly string[] | undefined> {
  try {
    const p = new VcfParser(displayName(path), opts, 'fast')
    for await (const b of readLineBatches(path, { displayName: displayName(path), limits: opts.limits })) {
      for (let i = 0; i < b.lines.length; i++) {
        const line = b.lines[i] as string
        if (!line.startsWith('#')) return p.samples
        p.push(line, b.firstLine + i)
        if (line.startsWith('#CHROM')) return p.samples
      }
    }
    return p.samples
  } catch (e) {
    if (isInputError(e)) return undefined
    throw e
  }
}
