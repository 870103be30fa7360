/**
 * Outputs: a bad output path is a located usage error (exit 1), never an internal fault, and the
 * input is never touched; nothing half-written is left behind.
 */
import { describe, expect, it } from 'vitest'
import { mkdirSync, readdirSync } from 'node:fs'
import { join } from 'node:path'
import { run } from '../../cli/main.js'
import { memoryIO } from '../../cli/context.js'
import { FIXTURES, tmpDir } from '../helpers.js'

const MAF = join(FIXTURES, 'bad', 'maf', 'valid.maf')

describe('output paths', () => {
  it('a folder as -o is refused with its name (was exit 2, raw EISDIR)', async () => {
    const d = tmpDir()
    const folder = join(d, 'results')
    mkdirSync(folder)
    const io = memoryIO()
    expect(await run(['summary', MAF, '-o', folder], io)).toBe(1)
    expect(io.err).toBe(`biomarkit: ${folder}: is a folder, expected an output file name\n  hint: name a file inside it, e.g. ${join(folder, 'out.txt')}\n`)
    expect(readdirSync(folder)).toEqual([])
  })

  it('a missing output folder is a located error and leaves no temp file', async () => {
    const d = tmpDir()
    const out = join(d, 'missing', 'out.maf')
    const io = memoryIO()
    expect(await run(['convert', MAF, '-o', out], io)).toBe(1)
    expect(io.err).toBe(`biomarkit: ${out}: cannot write output (ENOENT)\n  hint: check that the folder exists, is writable and has space\n`)
    expect(readdirSync(d)).toEqual([])
  })

  it('an oncoplot SVG aimed at a folder writes neither SVG nor PNG', async () => {
    const d = tmpDir()
    const folder = join(d, 'plot.svg')
    mkdirSync(folder)
    const io = memoryIO()
    expect(await run(['oncoplot', MAF, '--png', '-o', folder], io)).toBe(1)
    expect(io.err).toMatch(/^biomarkit: .*plot\.svg: is a folder, expected an output file name\n/)
    expect(readdirSync(d)).toEqual(['plot.svg'])
    expect(readdirSync(folder)).toEqual([])
  })
})
