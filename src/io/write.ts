/**
 * Outputs are never half-written and never replace an input:
 * - each output is written to a temporary file beside it, created exclusively (O_EXCL, so a
 *   planted link is never followed) under an unpredictable name, flushed to disk (fsync), given
 *   the mode of the file it replaces, then renamed over the target (atomic on one filesystem);
 * - a command's outputs form one OutputSet: all are written first, and renamed only when every
 *   one succeeded (an oncoplot's SVG, PNG and matrix; the demo's files), so a failure leaves
 *   the old files or none, never a mix;
 * - a target that is an input of the run (anything the read registry saw, after resolving
 *   links), or the target of another output of the same command, is refused;
 * - temporaries are registered for removal on SIGINT/SIGTERM (./cleanup.ts).
 */
import { randomBytes } from 'node:crypto'
import { statSync } from 'node:fs'
import { open, rename, unlink, type FileHandle } from 'node:fs/promises'
import { basename, dirname, join, resolve } from 'node:path'
import { InputError } from '../errors.js'
import { trackTempFile, untrackTempFile } from './cleanup.js'
import { realOrResolved, type ReadRegistry } from './read-registry.js'

/** A target's identity: its real path, or its real folder + name when it does not exist yet. */
function outputKey(out: string): string {
  try {
    statSync(out)
    return realOrResolved(out)
  } catch {
    return join(realOrResolved(dirname(resolve(out))), basename(out))
  }
}

/** Throw if `out` names one of `inputs` or a path `registry` saw read by this run (after resolving links). */
export function assertNotInput(out: string, inputs: readonly string[] = [], registry?: ReadRegistry): void {
  const o = outputKey(out)
  for (const i of [...inputs, ...(registry?.list() ?? [])]) {
    if (i !== '-' && realOrResolved(i) === o) {
      throw new InputError('OUTPUT', `refusing to overwrite input file ${i}`, { file: out, suggestion: 'choose another output path' })
    }
  }
}

/**
 * A target that exists and is not a regular file (/dev/null, /dev/stdout, a FIFO) is written in
 * place: renaming over it would replace the device node. A folder is refused with a located error.
 * Returns the mode of a regular file to keep, or undefined for a new file.
 */
function targetKind(out: string): { special: boolean; mode: number | undefined } {
  let st
  try {
    st = statSync(out)
  } catch {
    return { special: false, mode: undefined }
  }
  if (st.isDirectory()) {
    throw new InputError('OUTPUT', 'is a folder, expected an output file name', { file: out, suggestion: `name a file inside it, e.g. ${join(out, 'out.txt')}` })
  }
  return st.isFile() ? { special: false, mode: st.mode & 0o7777 } : { special: true, mode: undefined }
}

function cannotWrite(out: string, e: unknown): InputError {
  if (e instanceof InputError) return e
  const code = (e as NodeJS.ErrnoException).code
  return new InputError('OUTPUT', `cannot write output (${code ?? 'error'})`, { file: out, suggestion: 'check that the folder exists, is writable and has space' })
}

/** Streamed output: write pieces, then commit() renames; abort() removes the temp file. */
export interface AtomicWriter {
  write(chunk: string): Promise<void>
  commit(): Promise<void>
  abort(): Promise<void>
}

interface Staged {
  readonly out: string
  readonly tmp: string
  readonly special: boolean
  fh: FileHandle | undefined
  closed: boolean
}

const FLUSH_AT = 1 << 20

/**
 * A piece big enough to be written as it is rather than joined with the small ones buffered
 * before it (those are written first): joining 64 KB pieces into 1 MB strings cost ~0.3 s of CPU
 * for 50 MB of `summary --json`, writing each piece ~0.03 s (node 20). Not when the piece starts
 * with a low or ends with a high surrogate: encoded apart, a pair split between two pieces would
 * become two replacement characters, where the joined text keeps it.
 */
export function writtenAlone(chunk: string): boolean {
  if (chunk.length < 1 << 15) return false
  const first = chunk.charCodeAt(0)
  const last = chunk.charCodeAt(chunk.length - 1)
  return !(first >= 0xdc00 && first <= 0xdfff) && !(last >= 0xd800 && last <= 0xdbff)
}

/**
 * One command's outputs, committed together. `inputs`: paths the command reads besides those the
 * read registry records (kept for callers outside the CLI).
 */
export class OutputSet {
  private readonly claimed = new Map<string, string>()
  private readonly staged: Staged[] = []

  constructor(
    private readonly inputs: readonly string[] = [],
    /** The run's read registry (checked again at commit: it grows as the run reads). */
    private readonly registry?: ReadRegistry,
  ) {}

  private claim(out: string): void {
    assertNotInput(out, this.inputs, this.registry)
    const key = outputKey(out)
    const other = this.claimed.get(key)
    if (other !== undefined) {
      throw new InputError('USAGE', `is named for two outputs (${other} and ${out}); each output needs its own file`, { file: out })
    }
    this.claimed.set(key, out)
  }

  /** Open a temporary for `out` (exclusive, private until the target's mode is applied). */
  private async begin(out: string): Promise<Staged> {
    this.claim(out)
    const kind = targetKind(out)
    if (kind.special) {
      const s: Staged = { out, tmp: out, special: true, fh: undefined, closed: false }
      this.staged.push(s)
      return s
    }
    const tmp = join(dirname(resolve(out)), `.biomarkit-tmp-${randomBytes(9).toString('hex')}-${basename(out)}`)
    let fh: FileHandle
    try {
      fh = await open(tmp, 'wx', kind.mode === undefined ? 0o666 : 0o600)
    } catch (e) {
      throw cannotWrite(out, e)
    }
    trackTempFile(tmp)
    const s: Staged = { out, tmp, special: false, fh, closed: false }
    this.staged.push(s)
    try {
      if (kind.mode !== undefined) await fh.chmod(kind.mode)
    } catch (e) {
      await this.abort()
      throw cannotWrite(out, e)
    }
    return s
  }

  private async finish(s: Staged): Promise<void> {
    if (s.closed || s.fh === undefined) return
    try {
      await s.fh.sync()
      await s.fh.close()
      s.closed = true
    } catch (e) {
      throw cannotWrite(s.out, e)
    }
  }

  /** Write a whole output to its temporary now; it replaces the target at commit(). */
  async add(out: string, data: string | Uint8Array): Promise<void> {
    const s = await this.begin(out)
    if (s.special) {
      // A device or FIFO is written in place at commit (there is nothing to rename).
      this.pending.set(s, data)
      return
    }
    try {
      await (s.fh as FileHandle).writeFile(data)
      await this.finish(s)
    } catch (e) {
      await this.abort()
      throw cannotWrite(out, e)
    }
  }

  private readonly pending = new Map<Staged, string | Uint8Array>()

  /** A streamed output: written piece by piece (buffered to 1 MB), replacing the target at commit(). */
  async stream(out: string): Promise<{ write(chunk: string): Promise<void> }> {
    const s = await this.begin(out)
    if (s.special) {
      try {
        s.fh = await open(out, 'w')
      } catch (e) {
        await this.abort()
        throw cannotWrite(out, e)
      }
    }
    const parts: string[] = []
    let size = 0
    const flush = async () => {
      if (size === 0) return
      const chunk = parts.join('')
      parts.length = 0
      size = 0
      // writeFile on a handle writes from the current position and loops over short writes.
      await (s.fh as FileHandle).writeFile(chunk)
    }
    this.flushers.set(s, flush)
    return {
      write: async (chunk) => {
        const alone = writtenAlone(chunk)
        if (!alone) {
          parts.push(chunk)
          size += chunk.length
        }
        if (alone || size >= FLUSH_AT) {
          try {
            await flush()
            if (alone) await (s.fh as FileHandle).writeFile(chunk)
          } catch (e) {
            await this.abort()
            throw cannotWrite(out, e)
          }
        }
      },
    }
  }

  private readonly flushers = new Map<Staged, () => Promise<void>>()

  /** Flush every output and rename each over its target; any failure removes all temporaries. */
  async commit(): Promise<void> {
    try {
      for (const s of this.staged) {
        const f = this.flushers.get(s)
        if (f) await f().catch((e: unknown) => Promise.reject(cannotWrite(s.out, e)))
        if (s.special) {
          const data = this.pending.get(s)
          if (data !== undefined) {
            const fh = await open(s.out, 'w').catch((e: unknown) => Promise.reject(cannotWrite(s.out, e)))
            await fh.writeFile(data).catch(async (e: unknown) => {
              await fh.close().catch(() => undefined)
              throw cannotWrite(s.out, e)
            })
            await fh.close()
          } else await s.fh?.close().catch((e: unknown) => Promise.reject(cannotWrite(s.out, e)))
          s.closed = true
        } else await this.finish(s)
      }
      // Inputs read after an output was opened (manifest entries, folder contents) are checked again.
      for (const s of this.staged) assertNotInput(s.out, this.inputs, this.registry)
    } catch (e) {
      await this.abort()
      throw cannotWrite('output', e)
    }
    for (const s of this.staged) {
      if (s.special) continue
      try {
        await rename(s.tmp, s.out)
        untrackTempFile(s.tmp)
      } catch (e) {
        await this.abort()
        throw cannotWrite(s.out, e)
      }
    }
    this.staged.length = 0
  }

  /** Remove every temporary (the targets are untouched). */
  async abort(): Promise<void> {
    for (const s of this.staged) {
      if (!s.closed) await s.fh?.close().catch(() => undefined)
      s.closed = true
      if (!s.special) {
        await unlink(s.tmp).catch(() => undefined)
        untrackTempFile(s.tmp)
      }
    }
    this.staged.length = 0
  }
}

/** Write a whole output atomically (a one-output set). */
/** Several outputs of one command: each written to its temporary, then all renamed together, or none. */
export async function writeFilesAtomic(files: readonly { readonly path: string; readonly data: string | Uint8Array }[], inputs: readonly string[] = [], registry?: ReadRegistry): Promise<void> {
  const set = new OutputSet(inputs, registry)
  try {
    for (const f of files) await set.add(f.path, f.data)
    await set.commit()
  } catch (e) {
    await set.abort()
    throw e
  }
}

export async function writeFileAtomic(out: string, data: string | Uint8Array, inputs: readonly string[] = [], registry?: ReadRegistry): Promise<void> {
  const set = new OutputSet(inputs, registry)
  await set.add(out, data)
  await set.commit()
}

/** One streamed output (a one-output set). */
export async function openAtomic(out: string, inputs: readonly string[] = [], registry?: ReadRegistry): Promise<AtomicWriter> {
  const set = new OutputSet(inputs, registry)
  const w = await set.stream(out)
  return { write: (c) => w.write(c), commit: () => set.commit(), abort: () => set.abort() }
}
