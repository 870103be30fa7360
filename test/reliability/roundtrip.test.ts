/**
 * Property: any valid MAF (resp. VEP-annotated VCF) goes through `biomarkit convert --to maf` and
 * reads back with nothing lost or changed. Fixed seeds, so a failure reproduces exactly.
 */
import { describe, expect, it } from 'vitest'
import fc from 'fast-check'
import { readFileSync } from 'node:fs'
import { join } from 'node:path'
import { run } from '../../cli/main.js'
import { memoryIO } from '../../cli/context.js'
import { parseMafLines } from '../../src/maf/read.js'
import type { Alteration } from '../../src/model/alteration.js'
import { tmpDir } from '../helpers.js'
import { mafCaseArb, mafText, vcfCaseArb, vcfHeader } from './arbitraries.js'

const pick = (a: Alteration) => ({
  sample: a.sample,
  gene: a.gene,
  variantClass: a.rawClass ?? a.variantClass,
  chrom: a.chrom,
  start: a.start,
  end: a.end,
  ref: a.ref,
  alt: a.alt,
  protein: a.protein,
  altCount: a.altCount,
  refCount: a.refCount,
})

async function convertToMaf(input: string, dir: string): Promise<Alteration[]> {
  const out = join(dir, 'out.maf')
  const io = memoryIO()
  const code = await run(['convert', input, '--to', 'maf', '-o', out], io)
  if (code !== 0) throw new Error(`convert exited ${code}: ${io.err}`)
  const lines = readFileSync(out, 'utf8').split('\n')
  if (lines.at(-1) === '') lines.pop()
  return parseMafLines(out, lines).alterations
}

describe('round trip through convert --to maf', () => {
  it('a valid MAF reads back as the same records (sample, gene, class, positions, alleles, protein, counts)', async () => {
    await fc.assert(
      fc.asyncProperty(mafCaseArb, async (rows) => {
        const dir = tmpDir()
        const input = join(dir, 'in.maf')
        const { writeFileSync } = await import('node:fs')
        writeFileSync(input, mafText(rows))
        const first = parseMafLines(input, mafText(rows).split('\n').slice(0, -1)).alterations.map(pick)
        expect(first).toEqual(rows.map((r) => r.expected))
        if (rows.length === 0) return // a header-only MAF is a valid empty cohort; convert writes a header
        const back = (await convertToMaf(input, dir)).map(pick)
        expect(back).toEqual(first)
      }),
      { seed: 20261129, numRuns: 60 },
    )
  })

  it('a valid VEP VCF becomes MAF rows with the vcf2maf gene, class, alleles and positions', async () => {
    await fc.assert(
      fc.asyncProperty(vcfCaseArb, async (records) => {
        const dir = tmpDir()
        const input = join(dir, 'in.vcf')
        const { writeFileSync } = await import('node:fs')
        writeFileSync(input, [...vcfHeader('T1'), ...records.map((r) => r.line)].join('\n') + '\n')
        const back = (await convertToMaf(input, dir)).map((a) => ({ gene: a.gene, variantClass: a.variantClass, chrom: a.chrom, start: a.start, end: a.end, ref: a.ref, alt: a.alt, sample: a.sample }))
        expect(back).toEqual(records.map((r) => ({ ...r.expected, sample: 'T1' })))
      }),
      { seed: 42, numRuns: 60 },
    )
  })
})
