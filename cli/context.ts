/**
 * What a command needs from the outside world, injected so commands run in-process in tests.
 */
export interface CliIO {
  stdout(text: string): void
  stderr(text: string): void
  /** True when stderr is a terminal (progress bars only then). */
  readonly isTTY: boolean
  readonly cwd: string
}

export function processIO(): CliIO {
  return {
    stdout: (t) => void process.stdout.write(t),
    stderr: (t) => void process.stderr.write(t),
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
    stderr(t: string) {
      io.err += t
    },
  }
  return io
}
