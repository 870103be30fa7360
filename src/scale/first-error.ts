/**
 * The first error in input order, (file, line), for the low-memory path: it reads the files in
 * two passes and in partitions, so errors are met out of order and the one a one-pass read would
 * stop at is kept. Build-stage errors (a classification file, a panel missing for samples) rank
 * after every row: `AFTER_ROWS` and `BUILD`.
 */
import { InputError } from '../errors.js'

export const AFTER_ROWS = Number.MAX_SAFE_INTEGER - 1
export const BUILD = Number.MAX_SAFE_INTEGER

interface Pending {
  readonly file: number
  readonly line: number
  readonly error: unknown
}

export class FirstError {
  private first: Pending | undefined

  get pending(): boolean {
    return this.first !== undefined
  }

  /** The file of the kept error (undefined: none). */
  get file(): number | undefined {
    return this.first?.file
  }

  /** Whether (file, line) comes before the kept error: a row there may still be the first to fail. */
  before(file: number, line: number): boolean {
    const p = this.first
    return p === undefined || file < p.file || (file === p.file && line < p.line)
  }

  /** An error at (file, line): kept when it is the earliest; not an input's fault (a temporary file that cannot be written): thrown at once. */
  consider(file: number, line: number, error: unknown): void {
    if (!(error instanceof InputError) || error.code === 'OUTPUT') throw error
    if (this.before(file, line)) this.first = { file, line, error }
  }

  /** An error reading file `file`: at its line when it names one. */
  considerFile(file: number, error: unknown): void {
    this.consider(file, error instanceof InputError ? (error.line ?? 0) : 0, error)
  }

  /** Throws the kept error, if any. */
  throwFirst(): void {
    if (this.first !== undefined) throw this.first.error
  }
}
