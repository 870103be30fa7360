import { describe, expect, it } from 'vitest'
import { mkdirSync, writeFileSync } from 'node:fs'
import { join } from 'node:path'
import { readManifest } from '../../src/input/manifest.js'
import { tmpDir } from '../helpers.js'

describe('cohort manifest', () => {
  it('resolves paths from the manifest folder and declares the named samples', async () => {
    const d = tmpDir()
    mkdirSync(join(d, 'vcf'))
    writeFileSync(join(d, 'vcf', 'P1.vcf'), '')
    writeFileSync(join(d, 'cna.tsv'), '')
    writeFileSync(join(d, 'manifest.tsv'), 'sample\tfile\trole\nP1\tvcf/P1.vcf\tsomatic\nP2\tvcf/P1.vcf\tgermline\n*\tcna.tsv\tcna\n')
    const m = await readManifest(join(d, 'manifest.tsv'))
    expect(m.samples).toEqual(['P1', 'P2'])
    expect(m.entries.map((e) => [e.sample, e.role, e.path])).toEqual([
      ['P1', 'somatic', join(d, 'vcf', 'P1.vcf')],
      ['P2', 'germline', join(d, 'vcf', 'P1.vcf')],
      [undefined, 'cna', join(d, 'cna.tsv')],
    ])
  })

  it('names the manifest line and column of a missing file', async () => {
    const d = tmpDir()
    const p = join(d, 'manifest.tsv')
    writeFileSync(p, 'sample\tfile\trole\nP1\tmissing.vcf\tsomatic\n')
    await expect(readManifest(p)).rejects.toMatchObject({ code: 'NOT_FOUND', file: p, line: 2, column: 2 })
  })

  it('rejects an unknown role', async () => {
    const d = tmpDir()
    const p = join(d, 'manifest.tsv')
    writeFileSync(join(d, 'a.vcf'), '')
    writeFileSync(p, 'sample\tfile\trole\nP1\ta.vcf\ttumour\n')
    await expect(readManifest(p)).rejects.toThrow(/role: expected one of somatic, germline, cna, fusion, maf, got "tumour"/)
  })
})
