/**
 * --low-memory on the command line: summary, scan and interactions print what the default path
 * prints (text and JSON); inputs it does not partition and --lenient/--manifest/--columns are
 * usage errors (exit 1, no stack trace).
 */
import { describe, expect, it } from 'vitest'
import { join } from 'node:path'
import { run } from '../../cli/main.js'
import { memoryIO } from '../../cli/context.js'
import { FIXTURES, tmpFile } from '../helpers.js'

const LAML = join(FIXTURES, 'maf', 'tcga_laml.maf.gz')
const CNA = join(FIXTURES, 'cna', 'cntable.tsv')
const CLIN = join(FIXTURES, 'clinical', 'tcga_laml_annot.tsv')

async function out(args: string[]): Promise<{ code: number; out: string; err: string }> {
  const io = memoryIO()
  const code = await run(args, io)
  return { code, out: io.out, err: io.err }
}

describe('--low-memory', () => {
  it.each([
    ['summary', LAML, '--json', '--cna', CNA],
    ['summary', LAML, '--top', '10'],
    ['scan', LAML, '--clinical', CLIN, '--endpoint', 'FAB_classification', '--min-altered', '3'],
    ['scan', LAML, '--clinical', CLIN, '--endpoint', 'days_to_last_followup~Overall_Survival_Status', '--format', 'json'],
    ['interactions', LAML, '--top', '12'],
    ['summary', join(FIXTURES, 'vcf', 'cyvcf2', 'test-hemi.vcf'), LAML, '--json'],
  ])('%s: the default path\'s output, byte for byte', async (...args) => {
    const want = await out(args)
    expect(want.code).toBe(0)
    expect(await out([...args, '--low-memory'])).toEqual(want)
    expect(await out([...args, '--partitions', '6'])).toEqual(want)
  })

  it('is chosen by itself when the inputs would take most of the memory budget (BIOMARKIT_MEMORY), and says so', async () => {
    const args = ['summary', LAML, '--json']
    const want = await out(args)
    const saved = process.env['BIOMARKIT_MEMORY']
    process.env['BIOMARKIT_MEMORY'] = '64M'
    try {
      const auto = await out(args)
      expect(auto.out).toBe(want.out)
      expect(auto.err).toMatch(/^biomarkit: these inputs would need about 0\.1 GB of memory read whole \(budget 0\.1 GB\): reading them in sample partitions instead/)
      expect(await out([...args, '--no-low-memory'])).toEqual(want)
      // A VCF too; not inputs or options it does not partition: those are read whole, as before.
      const vcf = join(FIXTURES, 'vcf', 'bcftools', 'split-vep.9.vcf')
      const v = await out(['summary', vcf, '--json'])
      expect(v.err).toMatch(/reading them in sample partitions instead/)
      expect(v.out).toBe((await out(['summary', vcf, '--json', '--no-low-memory'])).out)
      const table = tmpFile('lm-auto.tsv', 'Patient\tGene\tConsequence\nP1\tTP53\tmissense_variant\n')
      const t = await out(['summary', table, '--json', '--columns', 'sample=Patient,gene=Gene,class=Consequence'])
      expect([t.code, t.err]).toEqual([0, ''])
      expect((await out([...args, '--lenient'])).err).toBe('')
    } finally {
      if (saved === undefined) delete process.env['BIOMARKIT_MEMORY']
      else process.env['BIOMARKIT_MEMORY'] = saved
    }
    expect((await out(args)).err).toBe('')
  })

  it('refuses what it does not partition, with a usage error', async () => {
    const table = tmpFile('lm-cli.tsv', 'Patient\tGene\tConsequence\nP1\tTP53\tmissense_variant\n')
    const r1 = await out(['summary', table, '--low-memory'])
    expect(r1.code).toBe(1)
    expect(r1.err).toContain('--low-memory reads MAF and VCF files; this is a table that is neither')
    const r2 = await out(['summary', LAML, '--low-memory', '--lenient'])
    expect(r2.code).toBe(1)
    expect(r2.err).toContain('--low-memory does not take --lenient')
    const r3 = await out(['summary', LAML, '--partitions', '0'])
    expect(r3.code).toBe(1)
    expect(r3.err).not.toContain('    at ')
  })
})
