import { existsSync } from 'node:fs'
import { dirname, join, resolve } from 'node:path'
import { fileURLToPath } from 'node:url'
import { InputError } from '../../src/errors.js'

const ROOT = resolve(dirname(fileURLToPath(import.meta.url)), '..', '..')
export const FUSION_FIXTURES = join(ROOT, 'test', 'fixtures', 'fusion')
/** ../shared/data beside the clone: present in CI, maybe not in a user's clone. */
export const shared = (p: string): string => resolve(ROOT, '..', 'shared', 'data', p)
export const hasShared = (p: string): boolean => existsSync(shared(p))

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

export const tsv = (...rows: string[][]): string[] => rows.map((r) => r.join('\t'))
