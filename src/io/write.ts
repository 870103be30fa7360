/**
 * Outputs are never half-written: data goes to a temp file in the target folder, then rename(2),
 * which is atomic on one filesystem. An existing output is replaced only on success, and an input
 * file is never overwritten.
 */
import { rename, unlink, writeFile, open } from 'node:fs/promises'
import { realpathSync, statSync } from 'node:fs'
import { basename, dirname, join, resolve } from 'node:path'
import { InputError } from '../errors.js'

function realOrResolved(p: string): string {
  try {
    return realpathSync(p)
  } catch {
    return resolve(p)
  }
}

/** Throw if `out` names one of `inputs` (after resolving links). */
export function assertNotInput(out: string, inputs: readonly string[]): void {
  const o = realOrResolved(out)
  for (const i of inputs) {
    if (i !== '-' && realOrResolved(i) === o) {
      throw new InputError('OUTPUT', `refusing to overwrite input file ${i}`, { file: out, suggestion: 'choose another output path' })
    }
  }
}

function tempPath(out: string): string {
  return join(dirname(resolve(out)), `.biomarkit-tmp-${process.pid}-${Date.now().toString(36)}-${basename(out)}`)
}

/**
 * A target that exists and is not a regular file (/dev/null, /dev/stdout, a FIFO) is written in
 * place: renaming over it would replace the device node. A folder is refused with a located error
 * (it used to reach writeFile and exit 2 with a raw EISDIR).
 */
function isSpecial(out: string): boolean {
  let st
  try {
    st = statSync(out)
  } catch {
    return false
  }
  if (st.isDirectory()) {
    throw new InputError('OUTPUT', 'is a folder, expected an output file name', { file: out, suggestion: `name a file inside it, e.g. ${join(out, 'out.txt')}` })
  }
  return !st.isFile()
}

function cannotWrite(out: string, e: unknown): InputError {
  const code = (e as NodeJS.ErrnoException).code
  return new InputError('OUTPUT', `cannot write output (${code ?? 'error'})`, { file: out, suggestion: 'check that the folder exists and is writable' })
}

/** Write a whole output atomically. */
export async function writeFileAtomic(out: string, data: string | Uint8Array, inputs: readonly string[] = []): Promise<void> {
  assertNotInput(out, inputs)
  if (isSpecial(out)) {
    await writeFile(out, data).catch((e: unknown) => {
      throw cannotWrite(out, e)
    })
    return
  }
  const tmp = tempPath(out)
  try {
    await writeFile(tmp, data)
    await rename(tmp, out)
  } catch (e) {
    await unlink(tmp).catch(() => undefined)
    if (e instanceof InputError) throw e
    throw cannotWrite(out, e)
  }
}

/** Streamed output: write pieces, then commit() renames; abort() removes the temp file. */
export interface AtomicWriter {
  write(chunk: string): Promise<void>
  commit(): Promise<void>
  abort(): Promise<void>
}

export async function openAtomic(out: string, inputs: readonly string[] = []): Promise<AtomicWriter> {
  assertNotInput(out, inputs)
  const special = isSpecial(out)
  const tmp = special ? out : tempPath(out)
  let fh
  try {
    fh = await open(tmp, 'w')
  } catch (e) {
    throw cannotWrite(out, e)
  }
  const handle = fh
  let buf = ''
  const flush = async () => {
    if (buf.length > 0) {
      await handle.write(buf)
      buf = ''
    }
  }
  return {
    async write(chunk: string) {
      buf += chunk
      if (buf.length >= 1 << 20) await flush()
    },
    async commit() {
      await flush()
      await handle.close()
      if (!special) await rename(tmp, out)
    },
    async abort() {
      await handle.close().catch(() => undefined)
      if (!special) await unlink(tmp).catch(() => undefined)
    },
  }
}
