import { describe, expect, it } from 'vitest'
import { existsSync, readdirSync, readFileSync, writeFileSync } from 'node:fs'
import { join } from 'node:path'
import { openAtomic, writeFileAtomic, writtenAlone } from '../../src/io/write.js'
import { tmpDir } from '../helpers.js'

describe('atomic output', () => {
  it('replaces an existing output only on success and leaves no temp file', async () => {
    const d = tmpDir()
    const out = join(d, 'plot.svg')
    writeFileSync(out, 'old')
    await writeFileAtomic(out, 'new')
    expect(readFileSync(out, 'utf8')).toBe('new')
    expect(readdirSync(d)).toEqual(['plot.svg'])
  })

  it('a streamed output is the UTF-8 of its pieces joined, big pieces written alone, surrogate pairs split between pieces kept', async () => {
    const d = tmpDir()
    const out = join(d, 'big.json')
    const big = (c: string) => c.repeat(1 << 15)
    const pieces = ['small\n', big('a'), 'é', big('b') + '\ud83d', '\ude00' + big('c'), big('d'), '\ud83d', big('\ude00e'), 'x'.repeat(1 << 20), 'end\n']
    expect(pieces.map(writtenAlone)).toEqual([false, true, false, false, false, true, false, false, true, false])
    const w = await openAtomic(out)
    for (const p of pieces) await w.write(p)
    await w.commit()
    expect(readFileSync(out).equals(Buffer.from(pieces.join(''), 'utf8'))).toBe(true)
  })

  it('keeps the old output when a streamed write is aborted', async () => {
    const d = tmpDir()
    const out = join(d, 'table.tsv')
    writeFileSync(out, 'old')
    const w = await openAtomic(out)
    await w.write('half a tab')
    await w.abort()
    expect(readFileSync(out, 'utf8')).toBe('old')
    expect(readdirSync(d)).toEqual(['table.tsv'])
  })

  it('refuses to overwrite an input file', async () => {
    const d = tmpDir()
    const input = join(d, 'calls.maf')
    writeFileSync(input, 'x')
    await expect(writeFileAtomic(input, 'y', [input])).rejects.toMatchObject({ code: 'OUTPUT' })
    expect(readFileSync(input, 'utf8')).toBe('x')
  })

  it('writes to /dev/null in place instead of renaming over the device', async () => {
    await writeFileAtomic('/dev/null', 'discard me')
    expect(existsSync('/dev/null')).toBe(true)
  })

  it('says when the folder does not exist', async () => {
    await expect(writeFileAtomic('/nonexistent-dir/x.svg', 'x')).rejects.toMatchObject({ code: 'OUTPUT', file: '/nonexistent-dir/x.svg' })
  })
})
