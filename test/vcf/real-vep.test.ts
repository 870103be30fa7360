/**
 * Real VEP-annotated VCFs from ../shared/data (bcftools MIT/GPL, vatools MIT, CaMutQC GPL-3.0,
 * GDC Apache-2.0): read in place, never copied. Expected values were read by hand from the quoted
 * source lines.
 */
import { describe, expect, it } from 'vitest'
import { readVcf } from '../../src/vcf/read.js'
import { hasShared, shared } from './_util.js'
import { droppedText, totalDropped, warningsText } from '../../src/model/report.js'

const SKIP = 'needs ../shared/data (the real-data folder next to the checkout)'
const run = (rel: string, opts = {}) => readVcf(shared(rel), opts)
const pick = (a: { gene: string; variantClass: string; protein?: string | undefined; altCount?: number | undefined; refCount?: number | undefined; depth?: number | undefined }) => ({
  gene: a.gene,
  variantClass: a.variantClass,
  protein: a.protein,
  altCount: a.altCount,
  refCount: a.refCount,
  depth: a.depth,
})

describe.skipIf(!hasShared('bcftools/vep/split-vep.vcf'))(`VEP CSQ (${SKIP})`, () => {
  it('bcftools split-vep.5.vcf line 7: OR4F5 missense p.F113C', async () => {
    // 1 69428 . T G … CSQ=G|missense_variant|MODERATE|OR4F5|…|ENSP00000334393.3:p.Phe113Cys|…
    const r = await run('bcftools/vep/split-vep.5.vcf')
    const a = r.alterations.find((x) => x.source.line === 7)
    expect(a).toMatchObject({ gene: 'OR4F5', variantClass: 'Missense_Mutation', protein: 'p.F113C', chrom: '1', start: 69428, ref: 'T', alt: 'G' })
    expect(r.report).toMatchObject({ rowsRead: 9, kept: 9, format: 'vcf:vep' })
  })

  it('split-vep.7.vcf: VEP output under the key ANN is recognised by its description, not read as SnpEff', async () => {
    // chr1 817186 . G A … ANN=A|upstream_gene_variant|MODIFIER|FAM87B|…|lncRNA|…
    const r = await run('bcftools/vep/split-vep.7.vcf')
    expect(r.report.format).toBe('vcf:vep')
    expect(r.samples).toEqual(['HG001'])
    expect(r.alterations[0]).toMatchObject({ gene: 'FAM87B', variantClass: "5'Flank", start: 817186 })
  })

  it('split-vep.broken-LoF.vcf: an unescaped comma inside LoF_info is joined back to its entry', async () => {
    // chr21 5032064: VEP key "vep"; LoF_info "…,GERP_DIST:-366.37…" contains a raw ','
    const r = await run('bcftools/vep/split-vep.broken-LoF.vcf')
    expect(r.alterations.map((a) => [a.gene, a.variantClass, a.protein])).toEqual([
      ['FP565260.3', 'Missense_Mutation', 'p.G237R'],
      ['FP565260.3', 'Frame_Shift_Ins', 'p.D240Efs*35'],
    ])
  })

  it('split-vep.vcf (80 CSQ fields, 802 records): every record converts, counts add up', async () => {
    const r = await run('bcftools/vep/split-vep.vcf')
    expect(r.report.rowsRead).toBe(802)
    expect(r.report.kept + totalDropped(r.report)).toBe(802)
    expect(droppedText(r.report)).toEqual({ 'spanning deletion allele (*)': 12 })
    // Sites-only: one ALT per record, vcf2maf's ALT 1 ('*' in "*,C": dropped and counted); each ALT when split.
    expect(warningsText(r.report).at(-1)).toMatch(/: \d+ multi-allelic record\(s\): \d+ other ALT allele\(s\) carried \(or, without a GT, possibly carried\) not reported;/)
    const split = await run('bcftools/vep/split-vep.vcf', { splitMultiallelic: true })
    expect(droppedText(split.report)).toEqual({})
  })
})

describe.skipIf(!hasShared('vatools/input.vcf'))(`vatools VEP files (${SKIP})`, () => {
  it('input.multiallelic.vcf.gz: TP53 p.R175H for the carried ALT T; ALT A (GT 1/1) is not reported', async () => {
    // chr17 7675088 . C T,A … GT:AD:DP 1/1:0,95:95 — AD has 2 values for 3 alleles, so no counts (vcf2maf blanks them)
    const r = await run('vatools/input.multiallelic.vcf.gz')
    expect(r.alterations).toHaveLength(1)
    expect(pick(r.alterations[0] as never)).toEqual({ gene: 'TP53', variantClass: 'Missense_Mutation', protein: 'p.R175H', altCount: undefined, refCount: undefined, depth: 95 })
  })

  it('input.snvs_and_indels.vcf: an in-frame insertion and deletion with AD/DP counts', async () => {
    // line 82: 6 41754573 . C CCTT … GT:DP:…:AD:DP2:TAR:TIR… 0/1:76:…:12:78:12,12:55,55…
    // AD holds ONE value (12): vcf2maf's FixAlleleDepths reads a single-value AD as the ALT depth
    // and ignores TAR/TIR when AD exists, so t_alt_count = 12, t_depth = DP = 76; we do the same.
    const r = await run('vatools/input.snvs_and_indels.vcf')
    expect(r.alterations.slice(0, 2).map((a) => [a.gene, a.variantClass, a.variantType, a.start, a.end, a.ref, a.alt, a.protein, a.altCount, a.depth])).toEqual([
      ['PRICKLE4', 'In_Frame_Ins', 'INS', 41754573, 41754574, '-', 'CTT', 'p.L287dup', 12, 76],
      ['TTBK1', 'In_Frame_Del', 'DEL', 43250726, 43250728, 'GAA', '-', 'p.E750del', 56, 200],
    ])
  })

  it('input.mnp.vcf.gz: records without annotation are dropped and counted, not guessed', async () => {
    const r = await run('vatools/input.mnp.vcf.gz')
    expect(r.alterations).toEqual([])
    expect(droppedText(r.report)).toEqual({ 'annotation: record has none': 2 })
  })
})

describe.skipIf(!hasShared('camutqc/vep/WES_EA_T_1_mutect2.vep.vcf'))(`CaMutQC VEP v110 on T/N callers (${SKIP})`, () => {
  it('Mutect2: the tumour column comes from ##tumor_sample; AD/AF/DP of the tumour', async () => {
    // line 74: chr1 1049980 G C … GT:AD:AF:DP… NORMAL 0/0:281,0:5.129e-03:281  TUMOR(WES_EA_T_1) 0/1:0,159:0.991:159
    const r = await run('camutqc/vep/WES_EA_T_1_mutect2.vep.vcf')
    expect(r.samples).toEqual(['WES_EA_T_1'])
    const a = r.alterations.find((x) => x.source.line === 74)
    expect(a).toMatchObject({ sample: 'WES_EA_T_1', gene: 'AGRN', variantClass: 'Missense_Mutation', altCount: 159, refCount: 0, depth: 159, vaf: 0.991, origin: 'somatic' }) // paired T/N file: somatic by construction
  })

  it('Mutect2 multi-allelic chr18:33747413: the one row vcf2maf writes (tumour GT 0/1/2/3, normal 0/0 → ALT 1)', async () => {
    // line 146: chr18 33747413 . GAAA G,GAA,GAAAA … GT:AD:AF:DP… NORMAL 0/0:18,0,8,3:…:29  TUMOR 0/1/2/3:28,3,11,12:…:54
    // vcf2maf.pl: the first tumour GT allele not in the normal GT is ALT 1 (3 reads), although ALT 3 has 12.
    const r = await run('camutqc/vep/WES_EA_T_1_mutect2.vep.vcf')
    const rows = r.alterations.filter((x) => x.source.line === 146)
    expect(rows).toEqual([
      expect.objectContaining({ gene: 'ASXL3', chrom: 'chr18', start: 33747414, end: 33747416, variantType: 'DEL', variantClass: "3'UTR", ref: 'AAA', alt: '-', refCount: 28, altCount: 3, depth: 54 }),
    ])
    // awk over the file: 10 records with several ALTs, tumour GT 0/1/2 in nine (1 left out each), 0/1/2/3 here (2)
    expect(warningsText(r.report).at(-1)).toMatch(/: 10 multi-allelic record\(s\): 11 other ALT allele\(s\) carried/)
    const split = await run('camutqc/vep/WES_EA_T_1_mutect2.vep.vcf', { splitMultiallelic: true })
    expect(split.alterations.filter((x) => x.source.line === 146).map((x) => [x.start, x.ref, x.alt, x.altCount])).toEqual([
      [33747414, 'AAA', '-', 3],
      [33747416, 'A', '-', 11],
      [33747416, '-', 'A', 12],
    ])
  })

  it('VarScan2: FREQ "100%" is the VAF, RD the ref count, SS=2 somatic', async () => {
    // line 23: chr1 1320793 G A … SOMATIC;SS=2 … GT:GQ:DP:RD:AD:FREQ:DP4  TUMOR 1/1:.:113:0:111:100%:0,0,79,32
    const r = await run('camutqc/vep/WES_EA_T_1_varscan_filter_snp.vep.vcf')
    const a = r.alterations.find((x) => x.source.line === 23)
    expect(a).toMatchObject({ sample: 'TUMOR', gene: 'INTS11', altCount: 111, refCount: 0, depth: 113, vaf: 1, origin: 'somatic' })
  })

  it('MuSE: the Tier3 row is dropped as filtered, kept with keepFiltered', async () => {
    // line 50: chr1 46658589 C T … PASS SOMATIC … TUMOR 0/1:147:118,29:38,38:2
    const r = await run('camutqc/vep/WES_EA_T_1.MuSE.vep.vcf')
    expect(droppedText(r.report)).toEqual({ 'filtered: Tier3': 1 })
    expect(r.alterations.find((x) => x.source.line === 50)).toMatchObject({ gene: 'ATPAF1', refCount: 118, altCount: 29, depth: 147, origin: 'somatic' })
    expect((await run('camutqc/vep/WES_EA_T_1.MuSE.vep.vcf', { keepFiltered: true })).alterations).toHaveLength(10)
  })
})

describe.skipIf(!hasShared('gdc-aliquot-maf-tools/ex3.vcf.gz'))(`GDC VarScan2 + VEP, bgzipped (${SKIP})`, () => {
  it('every row is non-PASS: all dropped by reason; with keepFiltered they convert', async () => {
    const r = await run('gdc-aliquot-maf-tools/ex3.vcf.gz')
    expect(droppedText(r.report)).toEqual({ 'filtered: DETP20;bSeq': 3, 'filtered: MMQS100;MMQSD50;MQD30': 1 })
    const k = await run('gdc-aliquot-maf-tools/ex3.vcf.gz', { keepFiltered: true })
    expect(k.report.kept).toBe(4)
    expect(k.alterations.every((a) => a.gene !== '' && a.variantClass !== undefined)).toBe(true)
  })
})
