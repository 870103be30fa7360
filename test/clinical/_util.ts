import { existsSync } from 'node:fs'
import { dirname, resolve, join } from 'node:path'
import { fileURLToPath } from 'node:url'
import { InputError } from '../../src/errors.js'

const ROOT = resolve(dirname(fileURLToPath(import.meta.url)), '..', '..')
export const CLINICAL_FIXTURES = join(ROOT, 'test', 'fixtures', 'clinical')
/** ../shared/data beside the clone: present in CI, maybe not in a user's clone. */
export const SHARED = resolve(ROOT, '..', 'shared', 'data')
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
