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
import { validate } from '../io/zod-issues.js'
import type { ReadLimits } from '../io/read-limits.js'

export { formatIssue, jsonPath } from '../io/zod-issues.js'

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

/** Where a JSON path lies in the source text (undefined when it is not there, e.g. a missing key). */
export function jsonLocator(text: string | undefined): ((path: readonly PropertyKey[]) => { line: number; column: number } | undefined) | undefined {
  if (text === undefined) return undefined
  return (path) => {
    const at = jsonPathOffset(text, path)
    return at === undefined ? undefined : lineColumn(text, at)
  }
}

/**
 * Validate already-parsed JSON; every schema issue is listed (first 10), each with its JSON path.
 * With the source `text` (BOM already stripped), the error also carries the first issue's line and column.
 */
export function validateJson<S extends z.ZodType>(schema: S, value: unknown, file: string, what: string, text?: string, suggestion = `see panels/README.md for the ${what} format`): z.output<S> {
  return validate(schema, value, { file, locate: jsonLocator(text), suggestion })
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
