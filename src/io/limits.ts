/**
 * Size limits on what is read, measured on the decompressed bytes as they are read (a gzip file's
 * compressed size says nothing about what it inflates to: 291 KB of gzip made 300 MB of newlines).
 *
 * - `maxInputBytes` (--max-input-bytes): the most bytes any one input may decompress to (calls,
 *   clinical tables, stdin). Default in the CLI: the memory budget (cli/memory-budget.ts); for a
 *   library caller, the machine's memory. A gzip bomb stops there with exit 1, in bounded memory.
 * - `maxSideFileBytes` (--max-side-file-bytes): the most bytes a side file (JSON panel, rules,
 *   pathways, theme, sample list, sample order, sample-panel matrix, gene panel) may decompress to.
 *   Default 32 MiB: these files are read whole, and the biggest real ones are a few MB.
 * - `strict` (--strict): warnings about the container (a BGZF file without its end-of-file block)
 *   become errors.
 *
 * They travel in a ReadLimits value (./read-limits.ts), built once by the CLI and passed down.
 */
import { InputError } from '../errors.js'

export const DEFAULT_MAX_SIDE_FILE_BYTES = 32 * 1024 * 1024
/** Deepest JSON nesting accepted in a side file (the formats need 5 levels at most). */
export const MAX_JSON_DEPTH = 64

/** `64M` → 67108864: a byte count, or with a K, M or G suffix (binary: 1K = 1024), for the CLI options. */
export function parseByteSize(text: string, option: string): number {
  const m = /^\s*(\d+(?:\.\d+)?)\s*([KMGT]?)(?:i?B)?\s*$/i.exec(text)
  const n = m ? Math.floor(Number(m[1]) * 1024 ** ' KMGT'.indexOf((m[2] || ' ').toUpperCase())) : NaN
  if (!Number.isSafeInteger(n) || n < 1) {
    throw new InputError('USAGE', `${option}: expected a size in bytes (e.g. 500000000, 64M or 8G), got "${text}"`)
  }
  return n
}

/** Human form of a byte count for messages: 33554432 → "32 MiB (33554432 bytes)". */
export function formatBytes(n: number): string {
  const units = ['KiB', 'MiB', 'GiB', 'TiB']
  let v = n
  let u = -1
  while (v >= 1024 && u < units.length - 1) {
    v /= 1024
    u++
  }
  return u < 0 ? `${n} bytes` : `${Number(v.toFixed(1))} ${units[u]} (${n} bytes)`
}

/**
 * The default path holds every row, so its memory follows the decompressed size of the inputs,
 * which a gzip file's compressed size or a pipe does not tell in advance (a 7.7 MB .maf.gz of 50M
 * rows ran to 4 GB). While it reads, the decompressed bytes of gzip inputs and stdin are counted
 * by a HoldMeter (plain files are counted up front from their size); past its limit the read stops with
 * HoldLimitReached, and the command reads the inputs again in sample partitions (--low-memory).
 */
export class HoldLimitReached extends Error {
  constructor(readonly limit: number) {
    super(`inputs decompress to more than ${limit} bytes`)
  }
}

/**
 * The bytes the default path has held so far, against its limit: one meter per read of a cohort
 * (cli/inputs.ts makes it; every reader of that read counts into it through ReadLimits.hold).
 */
export class HoldMeter {
  private remaining: number
  constructor(readonly limit: number) {
    this.remaining = limit
  }

  /** Count bytes a gzip input or stdin gave; throws HoldLimitReached past the limit. */
  count(bytes: number): void {
    this.remaining -= bytes
    if (this.remaining < 0) throw new HoldLimitReached(this.limit)
  }
}
