/**
 * Bytes that straddle the edge between two reads. lines.ts decodes 64 KB chunks (plain files:
 * createReadStream's 64 KB reads; gzip: gunzip's 64 KB output pieces); byte-lines.ts reads plain
 * files in 4 MB blocks and gzip in the same 64 KB pieces. A valid 2-, 3- or 4-byte character cut by
 * the edge must decode exactly, and an invalid sequence cut by it (or just after a character cut
 * by it) must be named with its file, line and column, for LF, CRLF and CR-only files alike.
 *
 * Every file is built so the interesting bytes sit at a known line and column; `chunkEnds` checks
 * that the source really cuts the bytes where the test means it to.
 */
import { describe, expect, it } from 'vitest'
import { gzipSync } from 'node:zlib'
import { feedByteLines, UseTextPath } from '../../src/io/byte-lines.js'
import { decompressed } from '../../src/io/byte-source.js'
import { readLines } from '../../src/io/lines.js'
import { InputError } from '../../src/errors.js'
import { tmpFile } from '../helpers.js'

const CHUNK = 64 * 1024 // lines.ts: the read and gunzip chunk size
const BLOCK = 4 * 1024 * 1024 // byte-lines.ts: the plain-file block size
const EOLS = { LF: '\n', CRLF: '\r\n', CR: '\r' } as const
const CHARS = { 'é (2 bytes)': 'é', '€ (3 bytes)': '€', '😀 (4 bytes)': '😀' } as const

/**
 * ASCII filler lines, then a line of `p`s whose next bytes (`mid`) start `k` bytes before offset
 * `edge`, then `rest`. Returns the bytes and where `mid` starts (1-based line and column).
 */
function across(edge: number, k: number, mid: Uint8Array, rest: Uint8Array, eol: string): { bytes: Buffer; line: number; column: number } {
  const filler = `${'f'.repeat(99)}${eol}`
  const m = Math.floor((edge - k - 10) / filler.length)
  const prefix = edge - k - m * filler.length
  const head = Buffer.from(filler.repeat(m) + 'p'.repeat(prefix))
  const tail = Buffer.from(`${eol}${'z'.repeat(99)}${eol}`.repeat(800)) // the file goes on well past the edge
  return { bytes: Buffer.concat([head, mid, rest, tail]), line: m + 1, column: prefix + 1 }
}

async function collect(path: string): Promise<string[]> {
  const out: string[] = []
  let n = 0
  for await (const l of readLines(path)) {
    if (l.line !== ++n) throw new Error(`line ${n} numbered ${l.line}`)
    out.push(l.text)
  }
  return out
}

/** Where the chunks of the decompressed source end (byte offsets). */
async function chunkEnds(path: string): Promise<number[]> {
  const ends: number[] = []
  let at = 0
  for await (const c of decompressed(path, path)) ends.push((at += c.length))
  return ends
}

/** The lines feedByteLines hands over, decoded, or 'text path' when it leaves the file to lines.ts. */
async function byteLines(path: string): Promise<string[] | 'text path'> {
  const out: string[] = []
  try {
    await feedByteLines(path, {
      pushBytes(buf, s, e, line) {
        if (line !== out.length + 1) throw new Error(`line ${out.length + 1} numbered ${line}`)
        out.push(buf.toString('utf8', s, e))
      },
    })
  } catch (e) {
    if (e instanceof UseTextPath) return 'text path'
    throw e
  }
  return out
}

const expected = (bytes: Buffer): string[] => {
  const lines = bytes.toString('utf8').split(/\r\n|\r|\n/)
  if (lines.at(-1) === '') lines.pop()
  return lines
}

async function encodingError(path: string): Promise<InputError> {
  const e = await collect(path).then(
    () => undefined,
    (err: unknown) => err,
  )
  if (!(e instanceof InputError)) throw new Error(`expected an InputError, got ${String(e)}`)
  return e
}

const b = (...xs: number[]) => Buffer.from(xs)

describe('line source: bytes across a chunk edge', () => {
  for (const [eolName, eol] of Object.entries(EOLS)) {
    for (const gzip of [false, true]) {
      const kind = `${eolName}${gzip ? ', gzip' : ''}`

      it(`decodes a 2-, 3- and 4-byte character cut at every byte by the edge (${kind})`, async () => {
        for (const ch of Object.values(CHARS)) {
          const bytes = Buffer.from(ch)
          for (let k = 1; k < bytes.length; k++) {
            const f = across(CHUNK, k, bytes, Buffer.from(`q${eol}after é${eol}`), eol)
            const p = tmpFile('char.txt', f.bytes, { gzip })
            expect(await chunkEnds(p)).toContain(CHUNK)
            const lines = await collect(p)
            expect(lines).toEqual(expected(f.bytes))
            expect(lines[f.line - 1]?.endsWith(`p${ch}q`)).toBe(true)
          }
        }
      })

      it(`names line and column of an invalid sequence the edge cuts (${kind})`, async () => {
        // The decoder holds the first bytes back as a possible character; the error shows with the next chunk.
        const cases: [string, Buffer, number][] = [
          ['a 3-byte lead and one continuation, then ASCII', b(0xe2, 0x82, 0x41), 2],
          ['a 4-byte lead and two continuations, then ASCII', b(0xf0, 0x9f, 0x98, 0x41), 3],
          ['a 2-byte lead, then ASCII', b(0xc3, 0x41), 1],
          ['an overlong 3-byte form (E0 80)', b(0xe0, 0x80, 0x80), 1],
          ['a surrogate (ED A0 80)', b(0xed, 0xa0, 0x80), 1],
          ['past U+10FFFF (F4 90 80 80)', b(0xf4, 0x90, 0x80, 0x80), 1],
          ['a 3-byte lead before a line break', Buffer.concat([b(0xe2, 0x82), Buffer.from(eol)]), 2],
        ]
        for (const [what, bad, k] of cases) {
          const f = across(CHUNK, k, bad, Buffer.from(`q${eol}`), eol)
          const p = tmpFile('bad.txt', f.bytes, { gzip })
          expect(await chunkEnds(p)).toContain(CHUNK)
          const e = await encodingError(p)
          expect({ what, code: e.code, file: e.file, line: e.line, column: e.column }).toEqual({ what, code: 'ENCODING', file: p, line: f.line, column: f.column })
          expect(e.format()).toMatch(new RegExp(`^${p.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')}:${f.line}:${f.column}: invalid UTF-8 byte sequence\n`))
        }
      })

      it(`names line and column of a bad byte lines after a character the edge cuts (${kind})`, async () => {
        for (const ch of Object.values(CHARS)) {
          const bytes = Buffer.from(ch)
          for (let k = 1; k < bytes.length; k++) {
            // …p|ch|q  /  ok  /  x ch y <FF> z
            const rest = Buffer.concat([Buffer.from(`q${eol}ok${eol}x${ch}y`), b(0xff), Buffer.from(`z${eol}`)])
            const f = across(CHUNK, k, bytes, rest, eol)
            const p = tmpFile('late.txt', f.bytes, { gzip })
            const e = await encodingError(p)
            expect({ ch, k, line: e.line, column: e.column }).toEqual({ ch, k, line: f.line + 2, column: 3 + ch.length })
          }
        }
      })

      it(`names line and column of a stray continuation byte that starts a chunk (${kind})`, async () => {
        const f = across(CHUNK, 0, b(), Buffer.concat([b(0x80), Buffer.from(`q${eol}`)]), eol)
        const p = tmpFile('stray.txt', f.bytes, { gzip })
        expect(await chunkEnds(p)).toContain(CHUNK)
        expect(await encodingError(p)).toMatchObject({ code: 'ENCODING', file: p, line: f.line, column: f.column })
      })

      it(`names line and column of a line break that ends a chunk, then a bad byte (${kind})`, async () => {
        // The break is the last byte(s) before the edge (a CRLF cut in two for CRLF files).
        const brk = Buffer.from(eol)
        const f = across(CHUNK, 1, brk, Buffer.concat([Buffer.from('ab'), b(0xfe), Buffer.from(eol)]), eol)
        const p = tmpFile('break.txt', f.bytes, { gzip })
        expect(await chunkEnds(p)).toContain(CHUNK)
        expect(await encodingError(p)).toMatchObject({ code: 'ENCODING', file: p, line: f.line + 1, column: 3 })
      })
    }
  }

  it('names the last line of a file that ends inside a character, after more than one chunk', async () => {
    for (const gzip of [false, true]) {
      const body = Buffer.from(`${'f'.repeat(99)}\n`.repeat(1500) + 'last é ')
      const p = tmpFile('cut.txt', Buffer.concat([body, b(0xf0, 0x9f, 0x98)]), { gzip })
      expect(await encodingError(p)).toMatchObject({ code: 'ENCODING', file: p, line: 1501, column: 8 })
    }
  })

  it('counts a column after a BOM and in a line that began chunks earlier', async () => {
    const long = 'é'.repeat(CHUNK) // 128 KB: the line spans three chunks
    const p = tmpFile('bom.txt', Buffer.concat([Buffer.from(`\ufeffab${long}`), b(0xc0, 0x80), Buffer.from('\n')]))
    expect(await encodingError(p)).toMatchObject({ line: 1, column: 3 + long.length })
    const q = tmpFile('bom1.txt', Buffer.concat([Buffer.from('\ufeffab'), b(0xff)]))
    expect(await encodingError(q)).toMatchObject({ line: 1, column: 3 })
  })

  it('strips a BOM that gzip hands over in two pieces', async () => {
    const p = tmpFile('bom-split.txt.gz', Buffer.concat([member(b(0xef, 0xbb)), member(Buffer.from('\xbfHugo_Symbol\tx\nTP53\t1\n', 'latin1'))]))
    expect(await chunkEnds(p)).toEqual([2, 24])
    expect(await collect(p)).toEqual(['Hugo_Symbol\tx', 'TP53\t1'])
  })
})

/**
 * A gzip member whose header carries a 65,535-byte extra field (RFC 1952 FEXTRA), so its data
 * arrives in a later 64 KB read than the member before it: gunzip then hands each member's bytes
 * over as a separate chunk.
 */
function member(data: Uint8Array): Buffer {
  const gz = gzipSync(data)
  const xlen = 0xffff
  const head = Buffer.from(gz.subarray(0, 10))
  head[3] = (head[3] as number) | 0x04 // FLG.FEXTRA
  return Buffer.concat([head, b(xlen & 0xff, xlen >> 8), Buffer.alloc(xlen), gz.subarray(10)])
}

describe('byte lines: bytes across a block edge', () => {
  it('hands over a 2-, 3- and 4-byte character cut by the 4 MB block edge exactly (LF, CRLF)', async () => {
    for (const eol of ['\n', '\r\n']) {
      for (const ch of Object.values(CHARS)) {
        const bytes = Buffer.from(ch)
        for (let k = 1; k < bytes.length; k++) {
          const f = across(BLOCK, k, bytes, Buffer.from(`q${eol}after é${eol}`), eol)
          const p = tmpFile('block.txt', f.bytes)
          expect(await byteLines(p)).toEqual(expected(f.bytes))
        }
      }
    }
  })

  it('hands over a character cut by a gzip chunk edge exactly', async () => {
    for (const ch of Object.values(CHARS)) {
      const bytes = Buffer.from(ch)
      for (let k = 1; k < bytes.length; k++) {
        const f = across(CHUNK, k, bytes, Buffer.from(`q\nafter é\n`), '\n')
        const p = tmpFile('chunk.txt.gz', f.bytes, { gzip: true })
        expect(await chunkEnds(p)).toContain(CHUNK)
        expect(await byteLines(p)).toEqual(expected(f.bytes))
      }
    }
  })

  it('leaves an invalid sequence the edge cuts to the text path, which names its line and column', async () => {
    for (const [edge, gzip] of [
      [BLOCK, false],
      [CHUNK, true],
    ] as const) {
      const f = across(edge, 2, b(0xe2, 0x82, 0x41), Buffer.from('q\n'), '\n')
      const p = tmpFile('bad-block.txt', f.bytes, { gzip })
      expect(await byteLines(p)).toBe('text path')
      expect(await encodingError(p)).toMatchObject({ code: 'ENCODING', file: p, line: f.line, column: f.column })
    }
  })

  it('skips a BOM that gzip hands over in two pieces, as the text path does', async () => {
    const p = tmpFile('bom-split.txt.gz', Buffer.concat([member(b(0xef, 0xbb)), member(Buffer.from('\xbfHugo_Symbol\tx\nTP53\t1\n', 'latin1'))]))
    expect(await chunkEnds(p)).toEqual([2, 24])
    expect(await byteLines(p)).toEqual(['Hugo_Symbol\tx', 'TP53\t1'])
  })
})
