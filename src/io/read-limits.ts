/**
 * What every read is limited by, as one plain value passed down explicitly (issue #20, "I/O limits
 * at the edge"). The CLI builds one per command from its options and the memory budget
 * (cli/read-limits.ts) and hands it to every reader inside the options object the reader already
 * takes (`{ limits }`); worker threads get its numbers in their message. Nothing is ambient: two
 * reads running at once in one process, each with its own value, each honour their own limits.
 *
 * A library caller who passes nothing gets `readLimits()`: a 64 MiB line cap, inputs capped at the
 * machine's memory (os.totalmem(); the CLI's budget also reads BIOMARKIT_MEMORY and the cgroup
 * limit, at the edge), side files at 32 MiB, not strict, nothing held or registered.
 */
import { totalmem } from 'node:os'
import { DEFAULT_MAX_SIDE_FILE_BYTES, type HoldMeter } from './limits.js'
import type { ReadRegistry } from './read-registry.js'

export const DEFAULT_MAX_LINE_LENGTH = 64 * 1024 * 1024

export interface ReadLimits {
  /** Longest accepted line in characters (--max-line-length). */
  readonly maxLineLength: number
  /** Most bytes any one input may decompress to (--max-input-bytes). */
  readonly maxInputBytes: number
  /** Most bytes a side file (panel, rules, theme, sample list, …) may decompress to (--max-side-file-bytes). */
  readonly maxSideFileBytes: number
  /** Container warnings (a BGZF file without its end-of-file block) are errors (--strict). */
  readonly strict: boolean
  /** Counts the decompressed gzip and stdin bytes of the default path's read (./limits.ts HoldMeter). */
  readonly hold?: HoldMeter | undefined
  /** Records every path read, for the never-overwrite-an-input guard (./read-registry.ts). */
  readonly registry?: ReadRegistry | undefined
}

/** Limits with every field not given at its default (see the file comment). */
export function readLimits(given: { readonly [K in keyof ReadLimits]?: ReadLimits[K] | undefined } = {}): ReadLimits {
  return {
    maxLineLength: given.maxLineLength ?? DEFAULT_MAX_LINE_LENGTH,
    maxInputBytes: given.maxInputBytes ?? totalmem(),
    maxSideFileBytes: given.maxSideFileBytes ?? DEFAULT_MAX_SIDE_FILE_BYTES,
    strict: given.strict ?? false,
    hold: given.hold,
    registry: given.registry,
  }
}

/** The numbers alone, for a worker thread's message (a meter or a registry cannot cross threads). */
export function plainLimits(l: ReadLimits): ReadLimits {
  return { maxLineLength: l.maxLineLength, maxInputBytes: l.maxInputBytes, maxSideFileBytes: l.maxSideFileBytes, strict: l.strict }
}

/** Options objects that carry limits (every reader's). */
export interface WithLimits {
  /** Default: readLimits(). */
  readonly limits?: ReadLimits | undefined
}
