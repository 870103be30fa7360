/**
 * JSON files validated by a zod schema, with errors that say where: file, line and column of a
 * syntax error, or the JSON path of a schema error (`panels/x.json: genes[3].assay.copyNumbr:
 * unknown key`). Shared by panels, pathway sets, alias tables and biomarker rule files, which are
 * read by the line source (so gzip, invalid UTF-8 and the line cap are handled as for any input).
 *
 * Complexity: O(length of the file).
 */
import type { z } from 'zod'
import { InputError } from '../errors.js'
import { checkJsonDepth, readSideText } from '../io/side-file.js'
import { jsonErrorOffset } from './json-locate.js'
import { jsonPathOffset } from './json-path-locate.js'
import type { ReadLimits } from '../io/read-limits.js'

/** `["genes", 3, "assay"]` → `genes[3].assay`; the root is `(root)`. */
export function jsonPath(path: readonly PropertyKey[]): string {
  let s = ''
  for (const p of path) {
    if (typeof p === 'number') s += `[${p}]`
    else s += s === '' ? String(p) : `.${String(p)}`
  }
  return s === '' ? '(root)' : s
}

interface IssueLike {
  readonly code: string
  readonly path: readonly PropertyKey[]
  readonly message: string
  readonly keys?: readonly string[] | undefined
}

/** One readable line per issue; unknown keys are reported at their own path. */
export function formatIssue(issue: IssueLike): string {
  if (issue.code === 'unrecognized_keys' && issue.keys !== undefined && issue.keys.length > 0) {
    return issue.keys.map((k) => `${jsonPath([...issue.path, k])}: unknown key`).join('; ')
  }
  return `${jsonPath(issue.path)}: ${issue.message}`
}

/** Line and column (1-based) of a character offset, for JSON syntax errors. */
function lineColumn(text: string, offset: number): { line: number; column: number } {
  let line = 1
  let last = -1
  for (let i = text.indexOf('\n'); i !== -1 && i < offset; i = text.indexOf('\n', i + 1)) {
    line++
    last = i
  }
  return { line, column: offset - last }
}

/** JSON.parse with a located error (line and column from jsonErrorOffset). */
export function parseJsonText(text: string, file: string): unknown {
  const body = text.charCodeAt(0) === 0xfeff ? text.slice(1) : text
  // Before parsing: the located-error and path finders recurse once per level (20,000 levels
  // overflowed the stack, exit 2), and no format here nests more than a few levels.
  checkJsonDepth(body, file)
  try {
    return JSON.parse(body) as unknown
  } catch (e) {
    const msg = e instanceof Error ? e.message : String(e)
    const at = jsonErrorOffset(body)
    const loc = at !== undefined ? lineColumn(body, at) : {}
    throw new InputError('FORMAT', `not valid JSON: ${msg}`, { file, ...loc })
  }
}

/** Line and column of the first issue in the source text, when the text is at hand and the path exists in it. */
function issueLocation(text: string | undefined, issue: IssueLike | undefined): { line?: number; column?: number } {
  if (text === undefined || issue === undefined) return {}
  const path = issue.code === 'unrecognized_keys' && issue.keys?.[0] !== undefined ? [...issue.path, issue.keys[0]] : issue.path
  const at = jsonPathOffset(text, path)
  return at === undefined ? {} : lineColumn(text, at)
}

/**
 * Validate already-parsed JSON; every schema issue is listed (first 10), each with its JSON path.
 * With the source `text` (BOM already stripped), the error also carries the first issue's line and column.
 */
export function validateJson<S extends z.ZodType>(schema: S, value: unknown, file: string, what: string, text?: string): z.output<S> {
  const r = schema.safeParse(value)
  if (r.success) return r.data
  const lines = r.error.issues.slice(0, 10).map((i) => formatIssue(i as IssueLike))
  const more = r.error.issues.length > 10 ? ` (and ${r.error.issues.length - 10} more)` : ''
  throw new InputError('SCHEMA', `${lines.join('; ')}${more}`, {
    file,
    ...issueLocation(text, r.error.issues[0]),
    suggestion: `see panels/README.md for the ${what} format`,
  })
}

/**
 * Read, parse and validate a JSON file. Read through the side-file reader (capped on its
 * decompressed bytes; the line source's encoding checks), not readFile's 'utf8', which turned
 * invalid bytes into U+FFFD silently: a Latin-1 é in a gene symbol or a rule label is now an error
 * at its line and column. `limits`: default readLimits().
 */
export async function readJsonFile<S extends z.ZodType>(schema: S, path: string, what: string, limits?: ReadLimits): Promise<z.output<S>> {
  const body = await readSideText(path, `${what} file`, limits)
  return validateJson(schema, parseJsonText(body, path), path, what, body)
}
