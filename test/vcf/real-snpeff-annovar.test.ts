/**
 * Real SnpEff (ANN, EFF) and ANNOVAR files from ../shared/data (SnpEff MIT/LGPL test data, igv.js MIT,
 * cyvcf2 MIT, bcftools MIT/GPL, maftools MIT, WGLab InterVar/CancerVar: see SOURCES.md), read in place.
 * Expected values were read by hand from the quoted source lines.
 */
import { describe, expect, it } from 'vitest'
import { readAnnovarTable } from '../../src/vcf/annovar-table.js'
import { readVcf } from '../../src/vcf/read.js'
import { hasShared, rejected, shared } from './_util.js'
import { droppedText } from '../../src/model/report.js'

const SKIP = 'needs ../shared/data (the real-data folder next to the checkout)'
const run = (rel: string, opts = {}) => readVcf(shared(rel), opts)

describe.skipIf(!hasShared('snpeff/ann/cancer_pedigree.ann.vcf'))(`SnpEff ANN (${SKIP})`, () => {
  it('igv.js snpeff_ann_indels.vcf line 548: MST1L frameshift, anchor bases trimmed', async () => {
    // chr1 16760749 . ACCCCC ACCCC … ANN=ACCCC|frameshift_variant|HIGH|MST1L|…|p.Tyr114fs|… GT:DP:PL 0/1:21:… 0/1:21:…
    const r = await run('igv.js/snpeff_ann_indels.vcf')
    expect(r.report.format).toBe('vcf:snpeff-ann')
    const a = r.alterations.filter((x) => x.source.line === 548)
    expect(a.map((x) => x.sample)).toEqual(['NA00001', 'NA00002'])
    expect(a[0]).toMatchObject({ gene: 'MST1L', variantClass: 'Frame_Shift_Del', variantType: 'DEL', start: 16760754, end: 16760754, ref: 'C', alt: '-', protein: 'p.Y114fs', depth: 21 })
  })

  it('cancer_pedigree.ann.vcf line 8: each ALT takes its own ANN entry (G-C cancer entries are not ours)', async () => {
    // 1 69091 . A C,G … ANN=G|start_lost|…|p.Met1?…,G-C|start_lost|…|p.Leu1?… ; GT 1/0 and 2/1
    const r = await run('snpeff/ann/cancer_pedigree.ann.vcf', { splitMultiallelic: true })
    // Patient_01_Somatic / _Germline are the SnpEff cancer-mode tumour / normal columns.
    expect(r.samples).toEqual(['Patient_01_Somatic'])
    const a = r.alterations.filter((x) => x.source.line === 8).map((x) => [x.sample, x.alt, x.variantClass, x.protein])
    expect(a).toEqual([
      ['Patient_01_Somatic', 'C', 'Translation_Start_Site', 'p.M1?'],
      ['Patient_01_Somatic', 'G', 'Translation_Start_Site', 'p.M1?'],
    ])
  })

  it('test_vcf_ann_plus_sign.vcf: "+"-joined effects, empty Allele field', async () => {
    // 10 146569454 . ACCTTACCC ACC … ANN=|5_prime_UTR_truncation+exon_loss_variant|MODERATE|GRMZM2G384255|…
    const r = await run('snpeff/ann/test_vcf_ann_plus_sign.vcf')
    expect(r.alterations[0]).toMatchObject({ gene: 'GRMZM2G384255', variantClass: 'Splice_Site', start: 146569457, end: 146569462, ref: 'TTACCC', alt: '-' })
  })

  it('SnpEff unit-test fragments without a #CHROM header are rejected at a line, not guessed', async () => {
    // test.ann.vcf: ## lines then a record at line 6; cancer.ann.vcf starts with a SnpEff log line
    expect((await rejected(run('snpeff/ann/test.ann.vcf'))).format()).toMatch(/test\.ann\.vcf:6: VCF has no #CHROM header line/)
    expect((await rejected(run('snpeff/ann/cancer.ann.vcf'))).format()).toMatch(/cancer\.ann\.vcf:1: not a VCF/)
    expect((await rejected(run('snpeff/eff/zzz.eff.vcf'))).line).toBe(1)
  })
})

describe.skipIf(!hasShared('snpeff/eff/cancer.eff.vcf'))(`SnpEff EFF (${SKIP})`, () => {
  it('cancer.eff.vcf line 7: EFF Genotype_Number allele field picks the entry per ALT', async () => {
    // 1 69091 . A C,G … EFF=START_LOST(…|M1V|…|G),START_LOST(…|L1V|…|G-C|…),NON_SYNONYMOUS_START(LOW|…|M1L|…|C)
    const r = await run('snpeff/eff/cancer.eff.vcf', { splitMultiallelic: true })
    expect(r.report.format).toBe('vcf:snpeff-eff')
    expect(r.alterations.map((x) => [x.sample, x.alt, x.variantClass, x.protein])).toEqual([
      ['Patient_01_Somatic', 'C', 'Translation_Start_Site', 'p.M1L'],
      ['Patient_01_Somatic', 'G', 'Translation_Start_Site', 'p.M1V'],
    ])
  })

  it('test_gatk.eff.vcf line 148: legacy NON_SYNONYMOUS_CODING, AD/DP with vcf2maf’s depth check', async () => {
    // 1 865694 rs9988179 C T … EFF=NON_SYNONYMOUS_CODING(MODERATE|MISSENSE|Cac/Tac|H78Y|SAMD11|…) GT:AB:AD:DP 0/1:0.510:44,43:84
    // AD sums to 87 > DP 84, so depth becomes 87 as vcf2maf's FixAlleleDepths does.
    const r = await run('snpeff/eff/test_gatk.eff.vcf')
    expect(r.alterations.find((x) => x.source.line === 148)).toMatchObject({ gene: 'SAMD11', variantClass: 'Missense_Mutation', protein: 'p.H78Y', refCount: 44, altCount: 43, depth: 87 })
    expect(droppedText(r.report)).toEqual({ 'annotation: record has none': 5 })
  })

  it('test.nextProt_paren.vcf: NEXT_PROT[…(…)…] effect names with parentheses parse', async () => {
    // 22 17583047 … EFF=…NON_SYNONYMOUS_CODING(…|N206S|…|IL17RA|…),NEXT_PROT[glycosylation_site:N-linked_(GlcNAc...)](HIGH|…)
    const r = await run('snpeff/eff/test.nextProt_paren.vcf')
    expect(r.alterations.find((x) => x.source.line === 173)).toMatchObject({ gene: 'IL17RA', variantClass: 'Missense_Mutation', protein: 'p.N206S' })
  })

  it('cyvcf2 test.snpeff.vcf: a multi-sample cohort, one alteration per carrying sample', async () => {
    // chr1 30867 . CCT C … 0/0:8,0:8 0/0:3,0:3 0/1:5,1:6 0/0:5,0:5 → only the third sample
    const r = await run('cyvcf2/test.snpeff.vcf')
    expect(r.samples).toEqual(['1094PC0005', '1094PC0009', '1094PC0012', '1094PC0013'])
    const a = r.alterations.filter((x) => x.source.line === 124)
    expect(a.map((x) => [x.sample, x.gene, x.variantClass, x.refCount, x.altCount, x.depth])).toEqual([['1094PC0012', 'FAM138A', "3'Flank", 5, 1, 6]])
  })
})

describe.skipIf(!hasShared('bcftools/annovar/view.filter.annovar.vcf'))(`ANNOVAR (${SKIP})`, () => {
  it('VCF from table_annovar.pl -vcfinput: per-ALT blocks, escaped values, underscores for spaces', async () => {
    // 16 50745926 rs2066844 C T … Func.refGene=exonic;Gene.refGene=NOD2;ExonicFunc.refGene=nonsynonymous_SNV;
    //   AAChange.refGene=NOD2:NM_001293557:exon3:c.C2023T:p.R675W,… GT 0|0 1|0 1/1
    const r = await run('bcftools/annovar/view.filter.annovar.vcf')
    expect(r.report.format).toBe('vcf:annovar')
    expect(r.alterations.map((x) => [x.sample, x.gene, x.variantClass, x.protein])).toEqual([
      ['NA00002', 'NOD2', 'Missense_Mutation', 'p.R675W'],
      ['NA00003', 'NOD2', 'Missense_Mutation', 'p.R675W'],
    ])
  })

  it('maftools variants.hg19_multianno.txt: quoted AAChange, "exonic;exonic" duplicates, sample column', async () => {
    // chr4 55599321 55599321 A T ENSG00000157404 NA "nonsynonymous SNV;nonsynonymous SNV" "…:p.D816V,…" fake_2 exonic;exonic
    const r = await readAnnovarTable(shared('maftools/variants.hg19_multianno.txt'))
    expect(r.report).toMatchObject({ rowsRead: 10, kept: 10, format: 'annovar' })
    expect(r.alterations[1]).toMatchObject({ sample: 'fake_2', gene: 'ENSG00000157404', variantClass: 'Missense_Mutation', protein: 'p.D816V', start: 55599321, end: 55599321 })
    const del = r.alterations.find((a) => a.variantType === 'DEL')
    // chr15 41961117 41961123 TGGCTAA - … frameshift deletion … p.L9fs
    expect(del).toMatchObject({ chrom: 'chr15', start: 41961117, end: 41961123, ref: 'TGGCTAA', alt: '-', variantClass: 'Frame_Shift_Del', protein: 'p.L9fs' })
  })

  it('InterVar multianno: UTR5 / exonic rows; a sample name is required when there is no sample column', async () => {
    // 1 948921 948921 T C UTR5 ISG15 NM_005101:c.-33T>C . .
    // 1 984971 984971 G A exonic AGRN . nonsynonymous SNV AGRN:NM_198576:exon26:c.G4540A:p.A1514T
    const path = shared('annovar/InterVar_myanno.hg19_multianno.txt')
    expect((await rejected(readAnnovarTable(path))).code).toBe('USAGE')
    const r = await readAnnovarTable(path, { sampleOverride: 'P1' })
    expect(r.alterations.slice(0, 2).map((a) => [a.sample, a.gene, a.variantClass, a.protein])).toEqual([
      ['P1', 'ISG15', "5'UTR", undefined],
      ['P1', 'AGRN', 'Missense_Mutation', 'p.A1514T'],
    ])
  })

  it('CancerVar FDA hotspots: BRAF p.V600E among 22 rows', async () => {
    const r = await readAnnovarTable(shared('annovar/CancerVar_FDA.hg19_multianno.txt'), { sampleOverride: 'S' })
    expect(r.report.kept).toBe(22)
    expect(r.alterations.find((a) => a.gene === 'BRAF')).toMatchObject({ variantClass: 'Missense_Mutation', protein: 'p.V600E', start: 140453136 })
  })
})

describe.skipIf(!hasShared('somaticseq/paired/MuTect2.vcf.gz'))(`unannotated caller VCFs (${SKIP})`, () => {
  const files = [
    'somaticseq/paired/MuTect2.vcf.gz',
    'somaticseq/paired/Strelka.snv.vcf.gz',
    'somaticseq/paired/VarDict.vcf.gz',
    'somaticseq/tumor_only/MuTect2.vcf.gz',
    'vcf2maf/test_varscan.vcf',
    'vcf2maf/test_strelka.vcf',
    'vcf2maf/test_b38.vcf',
  ]
  for (const f of files) {
    it(`${f}: UNANNOTATED, at the #CHROM line, with how to annotate`, async () => {
      const e = await rejected(run(f))
      expect(e.code).toBe('UNANNOTATED')
      expect(e.suggestion).toMatch(/VEP with --vcf.*SnpEff.*table_annovar\.pl -vcfinput/)
    })
  }
})
