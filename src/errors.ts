/**
 * Errors are data: a code, a location, a suggestion. Library code throws these (or collects them in
 * lenient mode); only cli/main.ts turns them into text and an exit code.
 *
 * Locations are 1-based: `line` is the physical line in the (decompressed) input, `column` the
 * 1-based tab-separated field index (or character offset for single-field formats, encoding
 * errors and JSON files: characters as JavaScript counts them, UTF-16 code units).
 */

export type ErrorCode =
  | 'INPUT' // generic malformed input
  | 'EMPTY_FILE'
  | 'MISSING_COLUMN'
  | 'DUPLICATE_COLUMN'
  | 'COLUMN_COUNT'
  | 'BAD_NUMBER'
  | 'BAD_VALUE'
  | 'UNKNOWN_TERM'
  | 'DUPLICATE_SAMPLE'
  | 'TRUNCATED'
  | 'ENCODING'
  | 'LINE_TOO_LONG'
  | 'NOT_FOUND'
  | 'UNANNOTATED'
  | 'FORMAT'
  | 'SCHEMA'
  | 'USAGE'
  | 'OUTPUT'
  | 'LIMIT'

export interface Location {
  readonly file: string
  readonly line?: number | undefined
  readonly column?: number | undefined
}

export interface ErrorInit extends Partial<Location> {
  readonly suggestion?: string | undefined
  readonly cause?: unknown
}

/** Bad input or usage: the user can fix it. CLI exit code 1. */
export class InputError extends Error {
  override readonly name = 'InputError'
  readonly code: ErrorCode
  readonly file: string | undefined
  readonly line: number | undefined
  readonly column: number | undefined
  readonly suggestion: string | undefined

  constructor(code: ErrorCode, message: string, init: ErrorInit = {}) {
    super(message, init.cause === undefined ? undefined : { cause: init.cause })
    this.code = code
    this.file = init.file
    this.line = init.line
    this.column = init.column
    this.suggestion = init.suggestion
  }

  /** `file:line:column: message` with the parts that are known. */
  format(): string {
    const where = formatLocation(this)
    const text = where ? `${where}: ${this.message}` : this.message
    return this.suggestion ? `${text}\n  hint: ${this.suggestion}` : text
  }
}

export function formatLocation(loc: { readonly file?: string | undefined; readonly line?: number | undefined; readonly column?: number | undefined }): string {
  if (loc.file === undefined) return ''
  let s = loc.file
  if (loc.line !== undefined) {
    s += `:${loc.line}`
    if (loc.column !== undefined) s += `:${loc.column}`
  }
  return s
}

export function inputError(code: ErrorCode, message: string, init: ErrorInit = {}): InputError {
  return new InputError(code, message, init)
}

export function isInputError(e: unknown): e is InputError {
  return e instanceof InputError
}

/** Quote a user value for an error message, shortened so a 10 MB field cannot flood the terminal. */
export function quote(value: string, max = 60): string {
  const v = value.length > max ? `${value.slice(0, max)}…` : value
  return JSON.stringify(v)
}
