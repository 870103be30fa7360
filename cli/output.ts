/**
 * Where a command's text goes: -o FILE (atomic: temp file + rename, never over an input) or stdout.
 */
import { writeFileAtomic } from '../src/io/write.js'
import type { CliIO } from './context.js'

export async function emit(io: CliIO, text: string, out: string | undefined, inputs: readonly string[]): Promise<void> {
  if (out === undefined || out === '-') io.stdout(text)
  else await writeFileAtomic(out, text, inputs)
}
