/**
 * A sample list (--samples; oncoplot's --sample-order): one ID per line, blank lines and `#`
 * comments skipped, white space around an ID trimmed. Read through the side-file reader (capped).
 * Each ID keeps its line, so a later complaint about it can say where it came from.
 */
import { readSideLines } from '../io/side-file.js'

export interface ListedSample {
  readonly id: string
  readonly line: number
}

export async function readSampleList(path: string, what = 'sample list'): Promise<ListedSample[]> {
  const out: ListedSample[] = []
  for (const l of await readSideLines(path, what)) {
    const id = l.text.trim()
    if (id !== '' && !id.startsWith('#')) out.push({ id, line: l.line })
  }
  return out
}
