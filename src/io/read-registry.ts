/**
 * Every path a run reads, so no output of that run can replace one (after resolving links). The
 * readers note a path when they open it (the line source, the byte reader, the parallel reader's
 * head), and commands declare their option paths up front, so an output opened before the
 * inputs are read (a streamed one) is checked too; a rename re-checks at commit against
 * everything read by then (manifest entries, folder contents, shipped panels).
 *
 * One registry per CLI run (cli/main.ts), carried to the readers in ReadLimits.registry and to the
 * writers beside the outputs: concurrent runs in one process (tests) keep their own sets; a read
 * given no registry records nothing.
 */
import { existsSync, realpathSync } from 'node:fs'
import { resolve } from 'node:path'

export class ReadRegistry {
  private readonly paths = new Set<string>()

  /** Record that `path` is read by this run ('-' is stdin, not a path). */
  note(path: string): void {
    if (path !== '-') this.paths.add(path)
  }

  /** Declare the paths of a command's options that name existing files (a shipped panel id is not one). */
  declare(paths: readonly (string | undefined)[]): void {
    for (const p of paths) if (p !== undefined && p !== '-' && existsSync(p)) this.note(p)
  }

  /** The paths read (or declared) so far in this run. */
  list(): string[] {
    return [...this.paths]
  }
}

/** A path after resolving links (the path itself, made absolute, when it does not exist yet). */
export function realOrResolved(p: string): string {
  try {
    return realpathSync(p)
  } catch {
    return resolve(p)
  }
}
