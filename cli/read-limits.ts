/**
 * The one ReadLimits value of a command (src/io/read-limits.ts), built here at the edge from its
 * options (--max-line-length, --max-input-bytes, --max-side-file-bytes, --strict), the memory
 * budget (./memory-budget.ts) and the run's read registry (cli/main.ts puts it on the CliIO), then
 * handed down explicitly: analysis commands keep it beside their parsed options (`limitsOf(raw)`,
 * as a study folder is kept), and every reader they call takes it in its options.
 */
import { parseByteSize } from '../src/io/limits.js'
import { readLimits, type ReadLimits } from '../src/io/read-limits.js'
import type { CliIO } from './context.js'
import { memoryBudget } from './memory-budget.js'

/** The limit options as parsed by the input schema (./inputs.ts). */
export interface LimitOptions {
  readonly maxLineLength?: number | undefined
  readonly maxInputBytes?: string | undefined
  readonly maxSideFileBytes?: string | undefined
  readonly strict?: boolean | undefined
}

/** A command's limits: its options, else the defaults (inputs capped at the memory budget). */
export function cliReadLimits(io: CliIO | undefined, o: LimitOptions = {}): ReadLimits {
  return readLimits({
    maxLineLength: o.maxLineLength,
    maxInputBytes: o.maxInputBytes === undefined ? memoryBudget() : parseByteSize(o.maxInputBytes, '--max-input-bytes'),
    maxSideFileBytes: o.maxSideFileBytes === undefined ? undefined : parseByteSize(o.maxSideFileBytes, '--max-side-file-bytes'),
    strict: o.strict,
    registry: io?.registry,
  })
}

const KEY = '__biomarkitReadLimits'

/** The options with the command's limits kept beside them (read back with limitsOf). */
export function withLimits(raw: Record<string, unknown>, limits: ReadLimits): Record<string, unknown> {
  return { ...raw, [KEY]: limits }
}

/** The limits inputAction kept with the options; a command run without it gets the defaults (and `io`'s registry). */
export function limitsOf(raw: unknown, io?: CliIO): ReadLimits {
  return ((raw as Record<string, unknown> | undefined)?.[KEY] as ReadLimits | undefined) ?? cliReadLimits(io)
}
