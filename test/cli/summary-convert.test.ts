import { describe, expect, it } from 'vitest'
import { existsSync, readFileSync, readdirSync } from 'node:fs'
import { join } from 'node:path'
import { run } from '../../cli/main.js'
import { memoryIO } from '../../cli/context.js'
import { FIXTURES, tmpDir, tmpFile } from '../helpers.js'

const LAML = join(FIXTURES, 'maf', 'tcga_laml.maf.gz')

describe('biomarkit summary', () => {
  it('reports n/N per gene on tcga_laml as maftools counts it', async () => {
    const io = memoryIO()
    expect(await run(['summary', LAML, '--json'], io)).toBe(0)
    const j = JSON.parse(io.out) as { samples: number; features: { id: string; type: string; altered: number; assayed: number }[] }
    expect(j.samples).toBe(193)
    const gene = (id: string) => j.features.find((f) => f.type === 'gene' && f.id === id)
    expect(gene('FLT3')).toMatchObject({ altered: 52, assayed: 193 })
    expect(gene('DNMT3A')).toMatchObject({ altered: 48, assayed: 193 })
    expect(gene('NPM1')).toMatchObject({ altered: 33, assayed: 193 })
  })

  it('prints a readable table with the read report', async () => {
    const io = memoryIO()
    expect(await run(['summary', LAML, '--top', '3'], io)).toBe(0)
    expect(io.out).toMatch(/^193 samples sequenced/)
    expect(io.out).toMatch(/FLT3\s+gene\s+52\/193\s+26\.9%/)
    expect(io.out).toContain('read 2207, kept 2207, dropped 0')
  })

  it('exits 1 with file:line:column for bad input and writes no output file', async () => {
    const bad = tmpFile('bad.maf', 'Hugo_Symbol\tChromosome\tStart_Position\tEnd_Position\tReference_Allele\tTumor_Seq_Allele2\tVariant_Classification\tVariant_Type\tTumor_Sample_Barcode\nTP53\t17\t12a\t12\tC\tT\tMissense_Mutation\tSNP\tS1\n')
    const d = tmpDir()
    const out = join(d, 'summary.json')
    const io = memoryIO()
    expect(await run(['summary', bad, '--json', '-o', out], io)).toBe(1)
    expect(io.err).toBe(`biomarkit: ${bad}:2:3: Start_Position: expected an integer, got "12a"\n`)
    expect(existsSync(out)).toBe(false)
    expect(readdirSync(d)).toEqual([])
  })

  it('says what is missing when there are no inputs', async () => {
    const io = memoryIO()
    expect(await run(['summary'], io)).toBe(1)
    expect(io.err).toMatch(/no inputs/)
  })
})

describe('biomarkit convert', () => {
  it('writes a GDC-style MAF that reads back to the same records', async () => {
    const d = tmpDir()
    const out = join(d, 'out.maf')
    const io = memoryIO()
    expect(await run(['convert', LAML, '--to', 'maf', '-o', out], io)).toBe(0)
    const text = readFileSync(out, 'utf8')
    expect(text.split('\n')[0]).toBe('#version 2.4')
    const io2 = memoryIO()
    expect(await run(['summary', out, '--json'], io2)).toBe(0)
    const j = JSON.parse(io2.out) as { samples: number; features: { id: string; altered: number }[] }
    expect(j.samples).toBe(193)
    expect(j.features.find((f) => f.id === 'FLT3')?.altered).toBe(52)
  })

  it('refuses to overwrite its input', async () => {
    const d = tmpDir()
    const copy = join(d, 'in.maf')
    const io = memoryIO()
    expect(await run(['convert', LAML, '-o', copy], io)).toBe(0)
    const io2 = memoryIO()
    expect(await run(['convert', copy, '-o', copy], io2)).toBe(1)
    expect(io2.err).toMatch(/refusing to overwrite input file/)
  })
})
