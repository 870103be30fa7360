/**
 * Standard input ("-") is sniffed, then read: the tap in src/io/lines.ts replays the head the
 * sniffer read and goes on with the stream, keeping at most 1 MB. Before it, the sniff closed
 * stdin and every `biomarkit <command> -` stopped with an internal error.
 */
import { afterEach, describe, expect, it } from 'vitest'
import { gzipSync } from 'node:zlib'
import { setStdinSource } from '../../src/io/byte-source.js'
import { peekText, readLineBatches } from '../../src/io/lines.js'
import { sniffFile } from '../../src/input/sniff.js'
import { loadCohort } from '../../src/input/cohort.js'
import { InputError } from '../../src/errors.js'
import { HEADER, ROW } from '../maf/crafted.js'

/** A stdin that hands out `data` in chunks of `size` bytes, each chunk's memory reused afterwards (as Node's streams may). */
function source(data: Buffer, size = 65536): () => AsyncIterable<Buffer> {
  return async function* () {
    const scratch = Buffer.alloc(size)
    for (let o = 0; o < data.length; o += size) {
      const n = data.copy(scratch, 0, o, Math.min(data.length, o + size))
      yield await Promise.resolve(scratch.subarray(0, n))
      scratch.fill(0x21) // the caller had its chance: reusing the memory must not change what was read
    }
  }
}

async function all(): Promise<string> {
  const out: string[] = []
  for await (const b of readLineBatches('-')) out.push(...b.lines)
  return out.join('\n') + '\n'
}

afterEach(() => setStdinSource(undefined))

describe('standard input', () => {
  const text = [HEADER, ...Array.from({ length: 3000 }, (_, i) => ROW(`S${i % 97}`, 'TP53', String(1000 + i)))].join('\n') + '\n'

  it('is read whole after a peek (head kept and replayed)', async () => {
    setStdinSource(source(Buffer.from(text)))
    expect((await peekText('-', 1024)).length).toBeGreaterThan(1000)
    expect(await all()).toBe(text)
  })

  it('streams past the first megabyte after a peek, and a third read says it is gone', async () => {
    const big = [HEADER, ...Array.from({ length: 20000 }, (_, i) => ROW(`S${i}`, 'KRAS', String(1 + i)))].join('\n') + '\n'
    expect(big.length).toBeGreaterThan(1024 * 1024)
    setStdinSource(source(Buffer.from(big), 1 << 16))
    await peekText('-', 4096)
    expect(await all()).toBe(big)
    const e = await all().then(
      () => undefined,
      (x: unknown) => x,
    )
    expect(e).toBeInstanceOf(InputError)
    expect((e as InputError).message).toBe('standard input was already read by an earlier step')
  })

  it('gzip on stdin: sniffed and read as a MAF cohort', async () => {
    setStdinSource(source(gzipSync(Buffer.from(text)), 4096))
    expect(await sniffFile('-')).toBe('maf')
    setStdinSource(source(gzipSync(Buffer.from(text)), 4096))
    const c = await loadCohort({ inputs: ['-'] })
    expect(c.events.length).toBe(3000)
    expect(c.reports[0]?.file).toBe('<stdin>')
  })
})
