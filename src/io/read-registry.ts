/**
 * Every path a run reads, so no output of that run can replace one (after resolving links). The
 * readers note a path when they open it (the line source, the byte reader, the parallel reader's
 * head), and commands declare their option paths up front, so an output opened before the
 * inputs are read (a streamed one) is checked too; a rename re-checks at commit against
 * everything read by then (manifest entries, folder contents, shipped panels).
 *
 * Scoped with AsyncLocalStorage like --max-line-length: concurrent runs in one process (tests) keep
 * their own sets; outside a scope nothing is recorded.
 */
import { AsyncLocalStorage } from 'node:async_hooks'
import { existsSync, realpathSync } from 'node:fs'
import { resolve } from 'node:path'

const registry = new AsyncLocalStorage<Set<string>>()

export function withReadRegistry<T>(fn: () => Promise<T>): Promise<T> {
  return registry.run(new Set<string>(), fn)
}

/** Record that `path` is read by this run ('-' is stdin, not a path). */
export function noteRead(path: string): void {
  if (path === '-') return
  registry.getStore()?.add(path)
}

/** Declare the paths of a command's options that name existing files (a shipped panel id is not one). */
export function declareInputs(paths: readonly (string | undefined)[]): void {
  for (const p of paths) if (p !== undefined && p !== '-' && existsSync(p)) noteRead(p)
}

/** The paths read (or declared) so far in this run. */
export function readPaths(): string[] {
  return [...(registry.getStore() ?? [])]
}

/** A path after resolving links (the path itself, made absolute, when it does not exist yet). */
export function realOrResolved(p: string): string {
  try {
    return realpathSync(p)
  } catch {
    return resolve(p)
  }
}
