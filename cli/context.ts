/**
 * What a command needs from the outside world, injected so commands run in-process in tests.
 */
import { InputError } from '../src/errors.js'
import type { ReadRegistry } from '../src/io/read-registry.js'
import { escapeTerminal } from '../src/io/terminal.js'

export interface CliIO {
  stdout(text: string): void
  /** Messages: control characters from data are escaped; `raw` is for the progress line's own controls. */
  stderr(text: string, raw?: boolean): void
  /**
   * Resolves when everything given to stdout() has been written; rejects (exit 1 naming standard
   * output) when a write failed (ENOSPC, /dev/full, EIO). Streamed outputs await it between pieces,
   * so a slow reader holds the producer back instead of the text piling up in memory.
   */
  drain?(): Promise<void>
  /** True when stderr is a terminal (progress bars only then). */
  readonly isTTY: boolean
  readonly cwd: string
  /** Every path this run reads (cli/main.ts makes one per run): no output may replace one. */
  readonly registry?: ReadRegistry | undefined
}

/** Exit-1 error for a failed write to standard output. */
export function stdoutError(code: string | undefined): InputError {
  return new InputError('OUTPUT', `cannot write output (${code ?? 'error'})`, { file: '<stdout>', suggestion: 'check the disk or pipe standard output is written to' })
}

/**
 * The process's streams. A write error other than EPIPE (handled in main: a closed pipe, as in
 * `| head`, is not an error) is kept and reported by drain(): Node reports it asynchronously,
 * and an 'error' listener that ignored it made `convert > /dev/full` exit 0 with a cut file.
 */
export function processIO(): CliIO {
  let failure: NodeJS.ErrnoException | undefined
  const out = process.stdout
  out.on('error', (e: NodeJS.ErrnoException) => {
    if (e.code !== 'EPIPE') failure ??= e
  })
  const failed = (e: Error | null | undefined) => {
    if (e && (e as NodeJS.ErrnoException).code !== 'EPIPE') failure ??= e as NodeJS.ErrnoException
  }
  return {
    stdout: (t) => {
      if (failure === undefined && !out.destroyed) out.write(t, failed)
    },
    stderr: (t, raw) => void process.stderr.write(raw ? t : escapeTerminal(t)),
    async drain() {
      if (failure === undefined && !out.destroyed) {
        // The callback of an empty write runs after every earlier write has completed or failed.
        await new Promise<void>((res) => {
          out.write('', (e) => {
            failed(e)
            res()
          })
        })
      }
      if (failure !== undefined) throw stdoutError(failure.code)
    },
    isTTY: Boolean(process.stderr.isTTY),
    cwd: process.cwd(),
  }
}

/** Collects output in memory (tests). */
export function memoryIO(): CliIO & { out: string; err: string } {
  const io = {
    out: '',
    err: '',
    isTTY: false,
    cwd: process.cwd(),
    stdout(t: string) {
      io.out += t
    },
    stderr(t: string, raw?: boolean) {
      io.err += raw ? t : escapeTerminal(t)
    },
  }
  return io
}
