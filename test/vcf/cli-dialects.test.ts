/**
 * `biomarkit convert --to maf` on one real file of each later dialect (fixtures under
 * test/fixtures/vcf, see PROVENANCE.md): exit 0 and the MAF row read by hand from the VCF line.
 * The GPL-3.0 CSQT file is converted in place from ../shared/data (skipped when absent).
 */
import { existsSync, readFileSync } from 'node:fs'
import { join } from 'node:path'
import { describe, expect, it } from 'vitest'
import { run } from '../../cli/main.js'
import { memoryIO } from '../../cli/context.js'
import { tmpDir } from '../helpers.js'
import { fixture, hasShared, shared } from './_util.js'

/** Convert to MAF; the rows as column-name → value maps. */
async function convert(file: string, ...args: string[]): Promise<{ code: number; rows: Record<string, string>[]; err: string }> {
  const out = join(tmpDir(), 'out.maf')
  const io = memoryIO()
  const code = await run(['convert', file, '--to', 'maf', '-o', out, ...args], io)
  if (!existsSync(out)) return { code, rows: [], err: io.err }
  const lines = readFileSync(out, 'utf8').split('\n').filter((l) => l !== '' && !l.startsWith('#'))
  const head = (lines[0] ?? '').split('\t')
  const rows = lines.slice(1).map((l) => Object.fromEntries(l.split('\t').map((v, i) => [head[i] ?? '', v])))
  return { code, rows, err: io.err }
}

const cols = (r: Record<string, string> | undefined) =>
  r && [r.Hugo_Symbol, r.Chromosome, r.Start_Position, r.Variant_Classification, r.Reference_Allele, r.Tumor_Seq_Allele2, r.Tumor_Sample_Barcode, r.HGVSp_Short, r.t_ref_count, r.t_alt_count]

describe('convert --to maf on the later VCF dialects', () => {
  it('bcftools csq (indel-stats.vcf line 10: 20 312 TAA T, inframe_deletion SAMD11 74EDG>74D, child1 0/1:10,10)', async () => {
    const r = await convert(fixture('bcftools/indel-stats.vcf'))
    expect(r.code).toBe(0)
    expect(cols(r.rows[0])).toEqual(['SAMD11', '20', '313', 'In_Frame_Del', 'AA', '-', 'child1', 'p.E74_G76delinsD', '10', '10'])
    expect(r.rows).toHaveLength(3)
  })

  it('Funcotator (S4.funcotator.vcf.gz line 3485: TP53 NONSENSE p.R213*, AD 410,25)', async () => {
    const r = await convert(fixture('igv.js/S4.funcotator.vcf.gz'))
    expect(r.code).toBe(0)
    expect(r.rows).toHaveLength(28)
    expect(cols(r.rows.find((x) => x.Start_Position === '7674894'))).toEqual(['TP53', 'chr17', '7674894', 'Nonsense_Mutation', 'G', 'A', 'S4', 'p.R213*', '410', '25'])
  })

  it('Oncotator (PIK3CA_SNPS.oncotatorAnnotated.vcf line 129: 3 178952085 A T, Missense_Mutation p.H1047L)', async () => {
    const r = await convert(fixture('gatk/PIK3CA_SNPS.oncotatorAnnotated.vcf'))
    expect(r.code).toBe(0)
    // sites-only: the sample is the file name, and there are no allele counts
    expect(cols(r.rows.at(-1))).toEqual(['PIK3CA', '3', '178952085', 'Missense_Mutation', 'A', 'T', 'PIK3CA_SNPS.oncotatorAnnotated', 'p.H1047L', '', ''])
    expect(r.rows).toHaveLength(15)
  })

  it.skipIf(!hasShared('canvas/strelka_isaac_somatic_csqt.vcf'))('Isaac CSQT (line 127: PRDM2 intron_variant, TUMOR GU/TU 18/71; needs ../shared/data)', async () => {
    const r = await convert(shared('canvas/strelka_isaac_somatic_csqt.vcf'), '--keep-filtered')
    expect(r.code).toBe(0)
    expect(r.rows.map(cols)).toEqual([['PRDM2', '1', '14118779', 'Intron', 'G', 'T', 'TUMOR', '', '18', '71']])
  })

  it('a CSQ without a layout exits 1 with the file, line and reason, and writes no MAF', async () => {
    const r = await convert(fixture('bcftools/perl-flt.vcf'))
    expect(r.code).toBe(1)
    expect(r.rows).toEqual([])
    expect(r.err).toMatch(/perl-flt\.vcf:8: VCF INFO\/CSQ is declared \("Predicted consequence"\) without a field list/)
  })
})
