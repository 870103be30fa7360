/**
 * When to read in sample partitions (./low-memory.ts): the default path's peak estimated from the
 * inputs' sizes against the memory budget, the number of partitions, and which inputs the
 * low-memory path can read at all (MAF and VCF).
 */
import { statSync } from 'node:fs'
import { InputError } from '../errors.js'
import { expandInputs } from '../input/cohort.js'
import { looksLikeMaf, sniffFile, type InputFormat } from '../input/sniff.js'
import type { ReadLimits } from '../io/read-limits.js'
import { displayName, peekText } from '../io/lines.js'

const PART_BYTES = 32 * 1024 * 1024
const MAX_PARTS = 256

/** The inputs' bytes as read (a gzip file counted at 5× its size; stdin, unknown, at 1 GB). */
function inputBytes(paths: readonly string[]): number {
  let bytes = 0
  for (const p of paths) {
    if (p === '-') {
      bytes += 1024 * 1024 * 1024
      continue
    }
    try {
      bytes += /\.b?gz$/i.test(p) ? 5 * statSync(p).size : statSync(p).size
    } catch {
      /* reported when it is read */
    }
  }
  return bytes
}

/** One partition per 32 MB of input (1–256). */
export function defaultPartitions(paths: readonly string[]): number {
  return Math.max(1, Math.min(MAX_PARTS, Math.ceil(inputBytes(paths) / PART_BYTES)))
}

/** Peak of the default path, from the bench: ~60 MB + ~1.8 bytes per byte of (uncompressed) input. */
export function defaultPathPeak(paths: readonly string[]): number {
  return 60 * 2 ** 20 + 1.8 * inputBytes(paths)
}

/**
 * The decompressed bytes of gzip inputs and stdin the default path may read before its peak would
 * pass 60% of the budget (the plain files' share counted from their sizes): the limit of the
 * HoldMeter that measures them as they are read. Undefined when the inputs cannot be listed.
 * `budget`: the memory budget, read at the edge (cli/memory-budget.ts).
 */
export function holdLimit(inputs: readonly string[], budget: number): number | undefined {
  let paths: string[]
  try {
    paths = expandInputs(inputs)
  } catch {
    return undefined
  }
  const plain = inputBytes(paths.filter((p) => p !== '-' && !/\.b?gz$/i.test(p)))
  return Math.max(0, (0.6 * budget - 60 * 2 ** 20) / 1.8 - plain)
}

/**
 * Why the inputs should be read in sample partitions though --low-memory was not given: the
 * default path would need over 60% of the memory budget, and every input is a MAF or VCF file the
 * low-memory path reads. Undefined otherwise (stdin, other formats: the default path).
 * `budget`: the memory budget, read at the edge (cli/memory-budget.ts).
 */
export async function lowMemoryWanted(inputs: readonly string[], budget: number, limits?: ReadLimits): Promise<string | undefined> {
  let paths: string[]
  try {
    paths = expandInputs(inputs)
  } catch {
    return undefined
  }
  if (paths.length === 0 || paths.includes('-')) return undefined
  const need = defaultPathPeak(paths)
  if (need <= 0.6 * budget) return undefined
  for (const p of paths) {
    try {
      await checkFormat(p, limits)
    } catch {
      return undefined
    }
  }
  const gb = (x: number): string => `${(x / 2 ** 30).toFixed(1)} GB`
  return `these inputs would need about ${gb(need)} of memory read whole (budget ${gb(budget)}): reading them in sample partitions instead (--low-memory; same output; --no-low-memory to read them whole)`
}

/** MAF or VCF, as sniffed; anything else is refused. */
export async function checkFormat(path: string, limits?: ReadLimits): Promise<'maf' | 'vcf'> {
  return lowMemoryFormat(path, await sniffFile(path, limits), limits)
}

/** The sniffed `format` of `path` as the low-memory path reads it: MAF (a MAF-like table too) or VCF; anything else is refused. */
export async function lowMemoryFormat(path: string, format: InputFormat, limits?: ReadLimits): Promise<'maf' | 'vcf'> {
  if (format === 'vcf' || format === 'maf') return format
  if (format === 'table' && looksLikeMaf(await peekText(path, 16 * 1024, { limits }))) return 'maf'
  throw new InputError('USAGE', `--low-memory reads MAF and VCF files; this is ${format === 'table' ? 'a table that is neither' : `an ${format.toUpperCase()} table`}`, {
    file: displayName(path),
    suggestion: 'drop --low-memory for ANNOVAR and column-mapped inputs, or convert them first: biomarkit convert FILE --to maf',
  })
}

