/**
 * Resource bounds: an over-long line is a located error naming the limit, never an out-of-memory
 * crash; a 10 MB line (generated here, not committed) gives a clean parse or a clean error.
 */
import { describe, expect, it } from 'vitest'
import { writeFileSync } from 'node:fs'
import { join } from 'node:path'
import { run } from '../../cli/main.js'
import { memoryIO } from '../../cli/context.js'
import { readLines } from '../../src/io/lines.js'
import { readLimits } from '../../src/io/read-limits.js'
import { readMaf } from '../../src/maf/read.js'
import { tmpDir } from '../helpers.js'

const HEADER = 'Hugo_Symbol\tChromosome\tStart_Position\tEnd_Position\tReference_Allele\tTumor_Seq_Allele2\tVariant_Classification\tVariant_Type\tTumor_Sample_Barcode\tHGVSp_Short'
const ROW = (protein: string) => `TP53\t17\t7675088\t7675088\tC\tT\tMissense_Mutation\tSNP\tS1\t${protein}`
const TEN_MB = 10 * 1024 * 1024
const HINT = '  hint: the file is probably not a text table; if it really is, raise --max-line-length (characters)\n'

async function drain(path: string, opts: { maxLineLength?: number } = {}): Promise<number> {
  let n = 0
  for await (const _ of readLines(path, opts)) n++
  return n
}

describe('line-length cap', () => {
  it('the library names the limit and the line that broke it', async () => {
    const p = join(tmpDir(), 'long.tsv')
    writeFileSync(p, `a\tb\n${'x'.repeat(5000)}\nc\td\n`)
    await expect(drain(p, { maxLineLength: 1000 })).rejects.toMatchObject({ code: 'LINE_TOO_LONG', file: p, line: 2, message: 'line is longer than 1000 characters' })
    expect(await drain(p, { maxLineLength: 5000 })).toBe(3)
  })

  it('a reader given limits caps its lines; a read given none keeps the default cap', async () => {
    const p = join(tmpDir(), 'long.maf')
    writeFileSync(p, `${HEADER}\n${ROW('p.' + 'R'.repeat(3000))}\n`)
    await expect(readMaf(p, { limits: readLimits({ maxLineLength: 1000 }) })).rejects.toMatchObject({ code: 'LINE_TOO_LONG', line: 2 })
    expect((await readMaf(p)).alterations).toHaveLength(1)
  })

  it('a MAF row with a 10 MB field parses (under the default 64 MB cap)', async () => {
    const p = join(tmpDir(), 'ten-mb-field.maf')
    writeFileSync(p, `${HEADER}\n${ROW('p.' + 'A'.repeat(TEN_MB))}\n`)
    const io = memoryIO()
    expect(await run(['summary', p], io)).toBe(0)
    expect(io.out).toContain('read 1, kept 1, dropped 0')
  })

  it('a 10 MB single line with no tabs is a clean format error, not a crash', async () => {
    const p = join(tmpDir(), 'one-line.maf')
    writeFileSync(p, 'G'.repeat(TEN_MB))
    const io = memoryIO()
    expect(await run(['summary', p], io)).toBe(1)
    expect(io.err).toBe(`biomarkit: ${p}: not a VCF, MAF or ANNOVAR table, and no --columns map was given\n  hint: map your columns, e.g. --columns sample=Patient,gene=Gene,class=Consequence,protein=HGVSp\n`)
  })

  it('--max-line-length turns the same 10 MB field into a located error, and writes nothing', async () => {
    const dir = tmpDir()
    const p = join(dir, 'ten-mb-field.maf')
    writeFileSync(p, `${HEADER}\n${ROW('p.' + 'A'.repeat(TEN_MB))}\n`)
    const out = join(dir, 'out.maf')
    const io = memoryIO()
    expect(await run(['convert', p, '--max-line-length', '1000000', '-o', out], io)).toBe(1)
    expect(io.err).toBe(`biomarkit: ${p}:2: line is longer than 1000000 characters\n${HINT}`)
    const io2 = memoryIO()
    expect(await run(['convert', p, '--max-line-length', 'lots'], io2)).toBe(1)
    expect(io2.err).toMatch(/^biomarkit: --max-line-length: /)
  })
})
