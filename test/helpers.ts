import { existsSync, mkdtempSync, writeFileSync } from 'node:fs'
import { InputError } from '../src/errors.js'
import { tmpdir } from 'node:os'
import { join, dirname, resolve } from 'node:path'
import { fileURLToPath } from 'node:url'
import { gzipSync } from 'node:zlib'

export const ROOT = resolve(dirname(fileURLToPath(import.meta.url)), '..')
export const FIXTURES = join(ROOT, 'test', 'fixtures')
/** ../shared/data beside the clone (present in CI; maybe not on a user's clone). */
export const SHARED = resolve(ROOT, '..', 'shared', 'data')

export function tmpDir(prefix = 'biomarkit-test-'): string {
  return mkdtempSync(join(tmpdir(), prefix))
}

/** Write text (optionally gzipped) to a temp file and return its path. */
export function tmpFile(name: string, content: string | Uint8Array, opts: { gzip?: boolean } = {}): string {
  const p = join(tmpDir(), name)
  const data = typeof content === 'string' ? Buffer.from(content) : content
  writeFileSync(p, opts.gzip ? gzipSync(data) : data)
  return p
}

/** The CLI text of the error a function throws (`file:line:column: message`), or '' if none. */
export function thrownText(fn: () => unknown): string {
  try {
    fn()
  } catch (e) {
    const f = (e as { format?: () => string }).format
    return typeof f === 'function' ? f.call(e) : String(e)
  }
  return ''
}

/** A path under ../shared/data (present in CI, maybe not in a user's clone). */
export const shared = (p: string): string => join(SHARED, p)
export const hasShared = (p: string): boolean => existsSync(shared(p))

/** The InputError a function throws (fails the test when it throws nothing or something else). */
export function thrown(fn: () => unknown): InputError {
  try {
    fn()
  } catch (e) {
    if (e instanceof InputError) return e
    throw e
  }
  throw new Error('expected an InputError, nothing was thrown')
}

export async function thrownAsync(fn: () => Promise<unknown>): Promise<InputError> {
  try {
    await fn()
  } catch (e) {
    if (e instanceof InputError) return e
    throw e
  }
  throw new Error('expected an InputError, nothing was thrown')
}

/** Tab-join rows of cells into lines. */
export const tsv = (...rows: string[][]): string[] => rows.map((r) => r.join('\t'))
