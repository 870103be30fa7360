/**
 * Size limits on what is read, measured on the decompressed bytes as they are read (a gzip file's
 * compressed size says nothing about what it inflates to: 291 KB of gzip made 300 MB of newlines).
 *
 * - `maxInputBytes` (--max-input-bytes): the most bytes any one input may decompress to (calls,
 *   clinical tables, stdin). Default: the memory budget (BIOMARKIT_MEMORY, else the machine's or
 *   the container's memory). A gzip bomb stops there with exit 1, in bounded memory.
 * - `maxSideFileBytes` (--max-side-file-bytes): the most bytes a side file (JSON panel, rules,
 *   pathways, theme, sample list, sample order, sample-panel matrix, gene panel) may decompress to.
 *   Default 32 MiB: these files are read whole, and the biggest real ones are a few MB.
 * - `strict` (--strict): warnings about the container (a BGZF file without its end-of-file block)
 *   become errors.
 *
 * Scoped with AsyncLocalStorage like the line-length cap (./lines.ts), so every reader honours
 * them without an option each, and concurrent runs in one process do not share them.
 */
import { AsyncLocalStorage } from 'node:async_hooks'
import { readFileSync } from 'node:fs'
import { totalmem } from 'node:os'
import { InputError } from '../errors.js'

export interface InputLimits {
  readonly maxInputBytes?: number | undefined
  readonly maxSideFileBytes?: number | undefined
  readonly strict?: boolean | undefined
}

export const DEFAULT_MAX_SIDE_FILE_BYTES = 32 * 1024 * 1024
/** Deepest JSON nesting accepted in a side file (the formats need 5 levels at most). */
export const MAX_JSON_DEPTH = 64

const scope = new AsyncLocalStorage<InputLimits>()

/** Run `fn` with these limits in force for every read it starts (unset fields keep the outer scope's). */
export function withInputLimits<T>(limits: InputLimits, fn: () => Promise<T>): Promise<T> {
  const outer = scope.getStore() ?? {}
  const merged: InputLimits = {
    maxInputBytes: limits.maxInputBytes ?? outer.maxInputBytes,
    maxSideFileBytes: limits.maxSideFileBytes ?? outer.maxSideFileBytes,
    strict: limits.strict ?? outer.strict,
  }
  return scope.run(merged, fn)
}

/**
 * The memory the default path may use: BIOMARKIT_MEMORY when set (bytes, or with K/M/G), else the
 * smaller of the machine's memory and the cgroup's limit (containers).
 */
export function memoryBudget(): number {
  const env = process.env['BIOMARKIT_MEMORY']?.trim()
  const m = env === undefined ? null : /^(\d+(?:\.\d+)?)\s*([KMG]?)B?$/i.exec(env)
  if (m) return Number(m[1]) * 1024 ** ' KMG'.indexOf((m[2] || ' ').toUpperCase())
  let budget = totalmem()
  for (const f of ['/sys/fs/cgroup/memory.max', '/sys/fs/cgroup/memory/memory.limit_in_bytes']) {
    try {
      const v = Number(readFileSync(f, 'utf8').trim())
      if (Number.isFinite(v) && v > 0) budget = Math.min(budget, v)
    } catch {
      /* no such limit */
    }
  }
  return budget
}

export function maxInputBytes(): number {
  return scope.getStore()?.maxInputBytes ?? memoryBudget()
}

export function maxSideFileBytes(): number {
  return scope.getStore()?.maxSideFileBytes ?? DEFAULT_MAX_SIDE_FILE_BYTES
}

export function strictInput(): boolean {
  return scope.getStore()?.strict === true
}

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
 * here (plain files are counted up front from their size); past `limit` the read stops with
 * HoldLimitReached, and the command reads the inputs again in sample partitions (--low-memory).
 */
export class HoldLimitReached extends Error {
  constructor(readonly limit: number) {
    super(`inputs decompress to more than ${limit} bytes`)
  }
}

interface HoldMeter {
  remaining: number
  readonly limit: number
}
const holdScope = new AsyncLocalStorage<HoldMeter>()

/** Run `fn` (the default path's read) counting decompressed gzip and stdin bytes against `limit`. */
export function withHoldLimit<T>(limit: number, fn: () => Promise<T>): Promise<T> {
  return holdScope.run({ remaining: limit, limit }, fn)
}

/** Count bytes a gzip input or stdin gave; throws HoldLimitReached past the limit in force. */
export function countHeld(bytes: number): void {
  const m = holdScope.getStore()
  if (m === undefined) return
  m.remaining -= bytes
  if (m.remaining < 0) throw new HoldLimitReached(m.limit)
}
