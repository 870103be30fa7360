/**
 * The size feedByteLines reports to `block` (readers size their tables for the whole file from
 * it): a plain file's size, and for gzip an estimate from the compression ratio seen in the first
 * 4 MB, within a few percent of the decompressed size (the compressed size alone was ~4× low).
 */
import { describe, expect, it } from 'vitest'
import { gzipSync } from 'node:zlib'
import { feedByteLines } from '../../src/io/byte-lines.js'
import { tmpFile } from '../helpers.js'

/** MAF-like lines with varying numbers, so gzip compresses them about as much as a real MAF. */
function text(lines: number): Buffer {
  let x = 17
  const out: string[] = []
  for (let i = 0; i < lines; i++) {
    x = (Math.imul(x, 1103515245) + 12345) >>> 0
    out.push(`GENE${x % 500}\t${(x >>> 3) % 1000000}\tchr${(x % 22) + 1}\t${x}\tMissense_Mutation\tSAMPLE-${x % 9973}\tp.A${x % 1000}T\n`)
  }
  return Buffer.from(out.join(''))
}

async function blocks(path: string): Promise<{ fed: number; size: number }[]> {
  const seen: { fed: number; size: number }[] = []
  await feedByteLines(path, { pushBytes: () => undefined, block: (fed, size) => void seen.push({ fed, size }) })
  return seen
}

describe('feedByteLines: the size given to block', () => {
  const plain = text(200_000) // ~14 MB
  it('a plain file: its size, from the first 4 MB block on', async () => {
    const seen = await blocks(tmpFile('plain.tsv', plain))
    expect(seen.length).toBeGreaterThan(2)
    expect(seen.every((b) => b.size === plain.length)).toBe(true)
  })

  it('gzip: nothing before 4 MB are fed, then the decompressed size within +0..8%', async () => {
    const gz = gzipSync(plain)
    expect(gz.length).toBeLessThan(plain.length / 2)
    const seen = await blocks(tmpFile('plain.tsv.gz', gz))
    expect(seen.length).toBeGreaterThan(10)
    expect(Math.min(...seen.map((b) => b.fed))).toBeGreaterThanOrEqual(4 * 1024 * 1024)
    for (const b of seen) {
      expect(b.size / plain.length).toBeGreaterThanOrEqual(1)
      expect(b.size / plain.length).toBeLessThan(1.08)
    }
  })
})
