import { describe, expect, it } from 'vitest'
import { gzipSync } from 'node:zlib'
import { readLines } from '../../src/io/lines.js'
import { InputError } from '../../src/errors.js'
import { tmpFile } from '../helpers.js'

async function collect(path: string, opts = {}) {
  const out: [number, string][] = []
  for await (const l of readLines(path, opts)) out.push([l.line, l.text])
  return out
}

describe('line source', () => {
  it('numbers LF, CRLF and CR-only lines the same way, with or without a final newline', async () => {
    const want = [
      [1, 'a'],
      [2, 'b'],
      [3, ''],
      [4, 'c'],
    ]
    expect(await collect(tmpFile('lf.txt', 'a\nb\n\nc\n'))).toEqual(want)
    expect(await collect(tmpFile('crlf.txt', 'a\r\nb\r\n\r\nc'))).toEqual(want)
    expect(await collect(tmpFile('cr.txt', 'a\rb\r\rc\r'))).toEqual(want)
    expect(await collect(tmpFile('mixed.txt', 'a\r\nb\n\rc'))).toEqual(want)
  })

  it('strips a UTF-8 BOM', async () => {
    expect(await collect(tmpFile('bom.txt', '\uFEFFHugo_Symbol\tx\n'))).toEqual([[1, 'Hugo_Symbol\tx']])
  })

  it('detects gzip by magic bytes, not extension, and reads BGZF-style concatenated members', async () => {
    const two = Buffer.concat([gzipSync('x\ny\n'), gzipSync('z\n')])
    expect(await collect(tmpFile('calls.txt', two))).toEqual([
      [1, 'x'],
      [2, 'y'],
      [3, 'z'],
    ])
  })

  it('keeps a CRLF pair split across a chunk boundary as one line break', async () => {
    const first = 'a'.repeat(64 * 1024 - 1) + '\r'
    const lines = await collect(tmpFile('split.txt', first + '\nb\n'))
    expect(lines.map(([n, t]) => [n, t.length])).toEqual([
      [1, 64 * 1024 - 1],
      [2, 1],
    ])
  })

  it('reads UTF-8 after ASCII chunks, a character split across chunks included', async () => {
    // Chunks 1-2 are ASCII (copied as latin1); 'é' straddles the second chunk boundary; later
    // chunks mix ASCII and 'ü'.
    const ascii = `${'a'.repeat(99)}\n`.repeat(1310) // 131,000 bytes
    const pad = 'b'.repeat(2 * 64 * 1024 - ascii.length - 1)
    const text = `${ascii}${pad}é${'c'.repeat(70_000)}\nü${'d'.repeat(64 * 1024)}\nend\n`
    const lines = await collect(tmpFile('mixed-utf8.txt', text))
    expect(lines.map(([, t]) => t)).toEqual(text.split('\n').slice(0, -1))
  })

  it('rejects a non-UTF-8 byte after ASCII chunks with its line', async () => {
    const head = `${'x'.repeat(99)}\n`.repeat(2000) // 200,000 ASCII bytes: three chunks
    const p = tmpFile('late-latin1.txt', Buffer.concat([Buffer.from(head), Buffer.from([0x62, 0xe9, 0x0a])]))
    await expect(collect(p)).rejects.toMatchObject({ code: 'ENCODING', line: 2001, column: 2 })
  })

  it('reports a truncated gzip stream as input, not as a crash', async () => {
    const gz = gzipSync('hello\n'.repeat(1000))
    const p = tmpFile('cut.gz', gz.subarray(0, gz.length - 10))
    await expect(collect(p)).rejects.toMatchObject({ code: 'TRUNCATED', file: p })
  })

  it('rejects non-UTF-8 bytes with the line and column they are on', async () => {
    const p = tmpFile('latin1.txt', Buffer.from([0x61, 0x0a, 0x62, 0xe9, 0x0a]))
    const err = await collect(p).catch((e: unknown) => e)
    expect(err).toBeInstanceOf(InputError)
    expect((err as InputError).format()).toContain(`${p}:2:2: invalid UTF-8`)
  })

  it('rejects a line longer than the cap instead of running out of memory', async () => {
    const p = tmpFile('long.txt', 'x'.repeat(200_000))
    await expect(collect(p, { maxLineLength: 100_000 })).rejects.toMatchObject({ code: 'LINE_TOO_LONG', line: 1 })
  })

  it('names a missing file', async () => {
    await expect(collect('/nonexistent/x.maf')).rejects.toMatchObject({ code: 'NOT_FOUND', file: '/nonexistent/x.maf' })
  })

  it('yields nothing for an empty file', async () => {
    expect(await collect(tmpFile('empty.txt', ''))).toEqual([])
  })
})
