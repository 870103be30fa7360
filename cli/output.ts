/**
 * Where a command's text goes: -o FILE (src/io/write.ts: temporary file, fsync, rename; never over
 * an input) or stdout (streamed; a write error is exit 1 naming standard output). Tabular outputs
 * pass through the formula guard (--excel-safe, src/io/excel.ts).
 */
import type { Command } from 'commander'
import { FormulaGuard } from '../src/io/excel.js'
import { OutputSet, writtenAlone } from '../src/io/write.js'
import type { CliIO } from './context.js'
import { z } from 'zod'
import { addOptions, opt } from './option-table.js'

export interface OutputOptions {
  /** TSV or MAF: count formula-like cells, and prefix them when `excelSafe`. */
  readonly tabular?: boolean | undefined
  readonly excelSafe?: boolean | undefined
}

/** A streamed output: write whole lines; close() commits (file) or drains (stdout). */
export interface TextOutput {
  write(chunk: string): Promise<void>
  close(): Promise<void>
  abort(): Promise<void>
}

const PIECE = 1 << 20

export async function openOutput(io: CliIO, out: string | undefined, inputs: readonly string[], opts: OutputOptions = {}): Promise<TextOutput> {
  const guard = opts.tabular ? new FormulaGuard(opts.excelSafe === true) : undefined
  const name = out === undefined || out === '-' ? '<stdout>' : out
  const note = () => {
    const n = guard?.note(name)
    if (n !== undefined) io.stderr(`biomarkit: ${n}\n`)
  }
  if (out === undefined || out === '-') {
    const parts: string[] = []
    let size = 0
    const flush = async () => {
      if (size === 0) return
      io.stdout(parts.join(''))
      parts.length = 0
      size = 0
      await io.drain?.()
    }
    return {
      async write(chunk) {
        const c = guard ? guard.lines(chunk) : chunk
        if (writtenAlone(c)) {
          // Big pieces are not joined again (src/io/write.ts writtenAlone).
          await flush()
          io.stdout(c)
          await io.drain?.()
          return
        }
        parts.push(c)
        size += c.length
        if (size >= PIECE) await flush()
      },
      async close() {
        await flush()
        note()
      },
      abort() {
        parts.length = 0
        return Promise.resolve()
      },
    }
  }
  const set = new OutputSet(inputs, io.registry)
  const w = await set.stream(out)
  return {
    write: (chunk) => w.write(guard ? guard.lines(chunk) : chunk),
    async close() {
      await set.commit()
      note()
    },
    abort: () => set.abort(),
  }
}

/** `text`: the whole output, or its pieces in order (written one by one, never joined; with `tabular`, each piece whole lines). */
export async function emit(io: CliIO, text: string | Iterable<string>, out: string | undefined, inputs: readonly string[], opts: OutputOptions = {}): Promise<void> {
  const o = await openOutput(io, out, inputs, opts)
  try {
    if (typeof text === 'string') await o.write(text)
    else for (const piece of text) await o.write(piece)
    await o.close()
  } catch (e) {
    await o.abort()
    throw e
  }
}

/** --excel-safe, on every command that writes TSV or MAF. */
export const EXCEL_SAFE_OPTIONS = {
  excelSafe: opt('--excel-safe', "TSV/MAF output: write text cells that begin with =, +, - or @ with a leading ' so a spreadsheet shows them as text, not formulas", z.boolean()),
}

export function addExcelSafeOption(cmd: Command): Command {
  return addOptions(cmd, EXCEL_SAFE_OPTIONS)
}

/** A whole TSV through the formula guard (outputs written with an OutputSet); the note on stderr. */
export function guardTable(io: CliIO, text: string, destination: string, excelSafe: boolean | undefined): string {
  const guard = new FormulaGuard(excelSafe === true)
  const t = guard.lines(text)
  const n = guard.note(destination)
  if (n !== undefined) io.stderr(`biomarkit: ${n}\n`)
  return t
}
