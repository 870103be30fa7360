/**
 * The one reader of side files: JSON panels, rules, pathway sets, alias tables, themes, sample
 * lists, sample orders, sample-panel matrices and cBioPortal gene panels. These are read whole, so
 * each is capped on its decompressed bytes (--max-side-file-bytes, default 32 MiB, ./limits.ts) as
 * it is read: a 291 KB gzip of 300M newlines, or a 600 MB JSON, is exit 1 naming the file, not a
 * V8 fatal error. Everything else (gzip, BOM, invalid UTF-8 at file:line:column, the line cap)
 * comes from the line source.
 *
 * Complexity: O(bytes); memory the file's text (at most the cap) plus one record per kept line.
 */
import { InputError } from '../errors.js'
import { type ByteCap } from './byte-source.js'
import { readLineBatches } from './lines.js'
import { MAX_JSON_DEPTH } from './limits.js'
import { readLimits, type ReadLimits } from './read-limits.js'

export interface SideLine {
  readonly text: string
  readonly line: number
}

/** The side-file cap (limits.maxSideFileBytes), naming what the file is (`rules file`, `sample list`). */
export function sideCap(what: string, limits: ReadLimits): ByteCap {
  return { bytes: limits.maxSideFileBytes, option: '--max-side-file-bytes', what }
}

/**
 * A side file's lines, capped. Blank lines (white space only) are not kept: no side-file format
 * gives them a meaning, and 32 MiB of newlines would otherwise be 32M records.
 */
export async function readSideLines(path: string, what: string, limits: ReadLimits = readLimits()): Promise<SideLine[]> {
  const out: SideLine[] = []
  for await (const b of readLineBatches(path, { limits, cap: sideCap(what, limits) })) {
    for (let i = 0; i < b.lines.length; i++) {
      const text = b.lines[i] as string
      if (text.trim() !== '') out.push({ text, line: b.firstLine + i })
    }
  }
  return out
}

/**
 * A side file as one string, its lines joined by LF, capped. Line numbers and columns of the
 * joined text are those of the file, whatever its line breaks. Joined a chunk at a time, so a file
 * of empty lines costs its text, not an array slot per line.
 */
export async function readSideText(path: string, what: string, limits: ReadLimits = readLimits()): Promise<string> {
  const parts: string[] = []
  for await (const b of readLineBatches(path, { limits, cap: sideCap(what, limits) })) parts.push(b.lines.join('\n'))
  return parts.join('\n')
}

/** `{"a":[[[…` nested deeper than MAX_JSON_DEPTH is refused at the bracket that goes too deep. */
export function checkJsonDepth(text: string, file: string, maxDepth = MAX_JSON_DEPTH): void {
  let depth = 0
  let inString = false
  let line = 1
  let lineStart = 0
  for (let i = 0; i < text.length; i++) {
    const c = text.charCodeAt(i)
    if (inString) {
      if (c === 92) i++ // backslash: skip the escaped character
      else if (c === 34) inString = false
      continue
    }
    if (c === 34) inString = true
    else if (c === 10) {
      line++
      lineStart = i + 1
    } else if (c === 91 || c === 123) {
      if (++depth > maxDepth) {
        throw new InputError('LIMIT', `JSON is nested deeper than ${maxDepth} levels`, {
          file,
          line,
          column: i - lineStart + 1,
          suggestion: 'no biomarkit JSON format nests this deep; check the file is the one meant',
        })
      }
    } else if (c === 93 || c === 125) depth--
  }
}
