/**
 * The one formatter of zod validation failures (JSON side files, the theme, command-line options,
 * fisher's cell counts). Every one says, in the house style, where the value is (a JSON path at its
 * file:line:column, or the option's flag), what was expected and what was found, so the four
 * places that validate with zod cannot drift into four wordings.
 *
 * It sits in src/io, the lowest stage with both errors.ts below it and every user above it; the
 * JSON path → line:column locator belongs to the JSON reader (src/panels), which passes it in.
 */
import type { z } from 'zod'
import { InputError, quote, type ErrorCode } from '../errors.js'

/** The fields of a zod issue this formatter reads (zod 4's issue union, structurally). */
export interface IssueLike {
  readonly code: string
  readonly path: readonly PropertyKey[]
  readonly message: string
  readonly keys?: readonly string[] | undefined
  readonly values?: readonly unknown[] | undefined
  /** The value found; present when parsed with `reportInput: true` (validate() does). */
  readonly input?: unknown
}

/** `["genes", 3, "assay"]` → `genes[3].assay`; the root is `(root)`. */
export function jsonPath(path: readonly PropertyKey[]): string {
  let s = ''
  for (const p of path) {
    if (typeof p === 'number') s += `[${p}]`
    else s += s === '' ? String(p) : `.${String(p)}`
  }
  return s === '' ? '(root)' : s
}

/** A found value worth echoing: a scalar (a string quoted and shortened); objects and absent values say nothing. */
function found(input: unknown): string | undefined {
  if (typeof input === 'string') return quote(input)
  if (typeof input === 'number' || typeof input === 'boolean' || typeof input === 'bigint') return String(input)
  return undefined
}

/**
 * What one issue says, without where: an enum lists its values; a missing value says so; any other
 * message is zod's (or the schema's own) with the value found appended.
 */
export function issueText(issue: IssueLike): string {
  if (issue.code === 'invalid_value' && issue.values !== undefined && issue.values.length > 1) {
    const got = found(issue.input)
    return `expected one of ${issue.values.map(String).join(', ')}${got === undefined ? '' : `, got ${got}`}`
  }
  if (issue.code === 'invalid_type' && issue.input === undefined && issue.path.length > 0) return issue.message.startsWith('Invalid input') ? 'missing' : issue.message
  const got = found(issue.input)
  if (got === undefined) return issue.message
  // zod's "expected number, received NaN" names the type after coercion; the value found says more.
  const message = issue.code === 'invalid_type' ? issue.message.replace(/, received [^,]*$/, '') : issue.message
  return `${message}, got ${got}`
}

/** One line per issue, `where: what`; unknown keys are reported at their own path. */
export function formatIssue(issue: IssueLike, where: (path: readonly PropertyKey[]) => string = jsonPath): string {
  if (issue.code === 'unrecognized_keys' && issue.keys !== undefined && issue.keys.length > 0) {
    return issue.keys.map((k) => `${where([...issue.path, k])}: unknown key`).join('; ')
  }
  return `${where(issue.path)}: ${issueText(issue)}`
}

/** The path an issue points at in the source (an unknown key's own path, not its object's). */
export function issueTarget(issue: IssueLike): readonly PropertyKey[] {
  return issue.code === 'unrecognized_keys' && issue.keys?.[0] !== undefined ? [...issue.path, issue.keys[0]] : issue.path
}

export interface ZodErrorContext {
  readonly code?: ErrorCode
  /** The file the value came from, if any. */
  readonly file?: string | undefined
  /** Line and column of a path in the file, where the source text is at hand. */
  readonly locate?: ((path: readonly PropertyKey[]) => { line: number; column: number } | undefined) | undefined
  /** How a path is named: a JSON path by default; `--flag` for options. */
  readonly where?: ((path: readonly PropertyKey[]) => string) | undefined
  /** How many issues to list (the first is the one located); 1 for options, which are fixed one at a time. */
  readonly max?: number
  /** Text before the issues, e.g. `theme: `. */
  readonly prefix?: string
  readonly suggestion?: string | ((issue: IssueLike) => string | undefined) | undefined
}

/** A failed safeParse as one InputError in the house style. */
export function zodInputError(issues: readonly IssueLike[], ctx: ZodErrorContext = {}): InputError {
  const max = ctx.max ?? 10
  const lines = issues.slice(0, max).map((i) => formatIssue(i, ctx.where))
  const more = issues.length > max && max > 1 ? ` (and ${issues.length - max} more)` : ''
  const first = issues[0]
  const at = first !== undefined && ctx.locate !== undefined ? ctx.locate(issueTarget(first)) : undefined
  const suggestion = typeof ctx.suggestion === 'function' ? (first === undefined ? undefined : ctx.suggestion(first)) : ctx.suggestion
  return new InputError(ctx.code ?? 'SCHEMA', `${ctx.prefix ?? ''}${lines.length > 0 ? lines.join('; ') : 'invalid value'}${more}`, { ...(ctx.file === undefined ? {} : { file: ctx.file }), ...(at ?? {}), suggestion })
}

/** Parse with a schema; a failure is an InputError formatted by zodInputError (with the values found). */
export function validate<S extends z.ZodType>(schema: S, value: unknown, ctx: ZodErrorContext = {}): z.output<S> {
  const r = schema.safeParse(value, { reportInput: true })
  if (r.success) return r.data
  // The value as given (an option's text before coercion), where the path reaches it; else zod's.
  const issues = r.error.issues.map((i) => {
    const given = valueAt(value, i.path)
    return given === undefined ? i : { ...i, input: given }
  })
  throw zodInputError(issues, ctx)
}

function valueAt(value: unknown, path: readonly PropertyKey[]): unknown {
  let v = value
  for (const p of path) {
    if (v === null || typeof v !== 'object' || !Object.hasOwn(v, p)) return undefined
    v = (v as Record<PropertyKey, unknown>)[p]
  }
  return v
}
