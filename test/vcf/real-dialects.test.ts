/**
 * Real files of the four later dialects: bcftools csq (BCSQ, or CSQ in its layout), GATK Funcotator,
 * Illumina Isaac CSQT and Oncotator; plus the VEP Format without Allele (cyvcf2 test-hemi.vcf).
 * Copies under test/fixtures/vcf (provenance and licences in its PROVENANCE.md); the GPL-3.0 CSQT file
 * is read in place from ../shared/data. Every expected value was read by hand from the quoted line.
 */
import { readFileSync } from 'node:fs'
import { describe, expect, it } from 'vitest'
import type { Alteration } from '../../src/model/alteration.js'
import { readVcf } from '../../src/vcf/read.js'
import { parseVcfLines } from '../../src/vcf/reader.js'
import { fixture, hasShared, rejected, shared, thrown } from './_util.js'
import { droppedText, readReportJson } from '../../src/model/report.js'

const at = (r: { alterations: Alteration[] }, line: number) => r.alterations.filter((a) => a.source.line === line)
const pick = (a: Alteration | undefined) =>
  a && { gene: a.gene, variantClass: a.variantClass, protein: a.protein, sample: a.sample, ref: a.ref, alt: a.alt, start: a.start, end: a.end, refCount: a.refCount, altCount: a.altCount, depth: a.depth }

describe('bcftools csq INFO/BCSQ (samtools/bcftools test files)', () => {
  it('split-vep.4.vcf: gene, class and protein of coding records; sites-only, so no allele counts', async () => {
    // Each ALT read (line 29 has two): the subject here is which entry goes to which ALT.
    const r = await readVcf(fixture('bcftools/split-vep.4.vcf'), { splitMultiallelic: true })
    expect(r.report.format).toBe('vcf:bcsq')
    // line 10: 1 69270 A G … BCSQ=synonymous|OR4F5|ENST00000335137|protein_coding|+|60S|69270A>G
    expect(pick(at(r, 10)[0])).toEqual({ gene: 'OR4F5', variantClass: 'Silent', protein: 'p.S60=', sample: 'split-vep.4', ref: 'A', alt: 'G', start: 69270, end: 69270, refCount: undefined, altCount: undefined, depth: undefined })
    // line 19: 1 69719 C G … BCSQ=stop_gained|OR4F5|ENST00000335137|protein_coding|+|210S>210*|69719C>G
    expect(at(r, 19)[0]).toMatchObject({ gene: 'OR4F5', variantClass: 'Nonsense_Mutation', protein: 'p.S210*' })
    // line 47: BCSQ=splice_region&3_prime_utr|AL627309.1|… → splice_region (priority 8) beats 3'UTR (12)
    expect(at(r, 47)[0]).toMatchObject({ gene: 'AL627309.1', variantClass: 'Splice_Region', protein: undefined })
    // line 7: BCSQ=non_coding|WASH7P||unprocessed_pseudogene
    expect(at(r, 7)[0]).toMatchObject({ gene: 'WASH7P', variantClass: 'RNA' })
    // line 33: non_coding on a lincRNA and on a processed_pseudogene: the lincRNA's gene (biotype rank)
    expect(at(r, 33)[0]).toMatchObject({ gene: 'RP11-34P13.7', variantClass: 'RNA' })
    // line 29: 1 129148 GT GTT,G … one entry without dna_change → both ALTs
    expect(at(r, 29).map((a) => [a.ref, a.alt, a.variantClass])).toEqual([
      ['-', 'T', 'RNA'],
      ['T', '-', 'RNA'],
    ])
    // 120 records: 16 with INFO '.' (bcftools writes nothing outside transcripts); 2 spanning-deletion ALTs
    expect(readReportJson(r.report)).toMatchObject({ rowsRead: 120, kept: 102, dropped: { 'annotation: record has none': 16, 'spanning deletion allele (*)': 2 } })
  })

  it('split-vep.8.vcf / .9.vcf: several transcripts, NMD biotype, extra trailing fields', async () => {
    const r = await readVcf(fixture('bcftools/split-vep.8.vcf'))
    // line 9: intron|PDE4DIP||protein_coding,non_coding|PDE4DIP||retained_intron,…,intron|PDE4DIP||NMD
    expect(at(r, 9)[0]).toMatchObject({ gene: 'PDE4DIP', variantClass: 'Intron' })
    // line 12: X 48822646 T G, three KCND1 missense transcripts on '-': the first written wins the tie
    expect(at(r, 12)[0]).toMatchObject({ gene: 'KCND1', variantClass: 'Missense_Mutation', protein: 'p.T135P' })
    const r9 = await readVcf(fixture('bcftools/split-vep.9.vcf'))
    // line 10: BCSQ=intron|PDE4DIP||protein_coding||||111|2 (header declares POS and AF after dna_change)
    expect(at(r9, 10)[0]).toMatchObject({ gene: 'PDE4DIP', variantClass: 'Intron', protein: undefined })
  })

  it('indel-stats.vcf: a CSQ key declared as BCFtools/csq; trio genotypes and AD', async () => {
    const r = await readVcf(fixture('bcftools/indel-stats.vcf'))
    expect(r.report.format).toBe('vcf:bcsq')
    // line 10: 20 312 TAA T … CSQ=inframe_deletion|SAMD11|ENST00000420190|protein_coding|+|74EDG>74D|865683AGGATGG>A
    //          GT:AD 0/1:10,10 1/0:10,10 0/0:20,0 ×4
    expect(at(r, 10).map(pick)).toEqual(
      ['child1', 'father1'].map((sample) => ({ gene: 'SAMD11', variantClass: 'In_Frame_Del', protein: 'p.E74_G76delinsD', sample, ref: 'AA', alt: '-', start: 313, end: 314, refCount: 10, altCount: 10, depth: 20 })),
    )
    // line 11: 20 313 A ATT … CSQ=frameshift|SAMD11|ENST00000342066|protein_coding|+|333LPPAQA ; only child1 is 0/1
    expect(at(r, 11).map(pick)).toEqual([{ gene: 'SAMD11', variantClass: 'Frame_Shift_Ins', protein: 'p.L333fs', sample: 'child1', ref: '-', alt: 'TT', start: 313, end: 314, refCount: 10, altCount: 10, depth: 20 }])
    expect(droppedText(r.report)).toEqual({ 'annotation: record has none': 2 })
  })

  // bcftools' own perl-flt.vcf holds real bcftools csq records (compound '@POS', '*' upstream stop)
  // under a CSQ header with no layout. As shipped it is refused (below); with the header line
  // bcftools csq writes, its records exercise the parts of the dialect the split-vep files lack.
  const PERL_FLT = readFileSync(fixture('bcftools/perl-flt.vcf'), 'utf8').split('\n').filter((l) => l !== '')
  const BCSQ_HEADER = '##INFO=<ID=CSQ,Number=.,Type=String,Description="Local consequence annotation from BCFtools/csq. Format: Consequence|gene|transcript|biotype|strand|amino_acid_change|dna_change">'

  it('perl-flt.vcf as shipped: the layout-less CSQ is refused, saying why', () => {
    const e = thrown(() => parseVcfLines(PERL_FLT, {}, 'perl-flt.vcf'))
    expect(e.code).toBe('UNANNOTATED')
    expect(e.format()).toMatch(/^perl-flt\.vcf:8: VCF INFO\/CSQ is declared \("Predicted consequence"\) without a field list biomarkit recognises/)
  })

  it('perl-flt.vcf records with the bcftools header: @POS, *frameshift, compound dna changes', () => {
    const lines = PERL_FLT.map((l) => (l.startsWith('##INFO=<ID=CSQ,') ? BCSQ_HEADER : l))
    const r = parseVcfLines(lines, {}, 'perl-flt.vcf')
    const calls = (line: number) => at(r, line).map((a) => [a.sample, a.gene, a.variantClass, a.protein ?? ''])
    // line 13: 1 107 G A … missense|XYZ|…|+|3R>3Q|107G>A+108T>A ; GT 1|0 1|0
    expect(calls(13)).toEqual([
      ['SmplAAA', 'XYZ', 'Missense_Mutation', 'p.R3Q'],
      ['SmplBBB', 'XYZ', 'Missense_Mutation', 'p.R3Q'],
    ])
    // line 14: 1 108 T A … splice_region|XYZ|ENST00000000001|protein_coding,@107 → its own splice_region
    expect(calls(14)[0]).toEqual(['SmplAAA', 'XYZ', 'Splice_Region', ''])
    // line 16: 1 124 TA T … CSQ=@121, and line 25: 2 105 AC A … CSQ=@121: the consequence is at another record
    expect(at(r, 16)).toEqual([])
    expect(at(r, 25)).toEqual([])
    expect(droppedText(r.report)['annotation: compound consequence reported at another position (bcftools csq @POS)']).toBe(5)
    // line 15: 1 121 ACG A … inframe_deletion|…|+|5TY>5I|121ACG>A+124TA>T,splice_region|…
    expect(calls(15)[0]).toEqual(['SmplAAA', 'XYZ', 'In_Frame_Del', 'p.T5_Y6delinsI'])
    // line 22: 1 160 TA T … *frameshift|…|+|12YVRT>12SYV|160TA>T,splice_region|… : the '*' is a flag
    expect(calls(22)).toEqual([['SmplAAA', 'XYZ', 'Frame_Shift_Del', 'p.Y12Sfs']])
    // line 21: 1 145 AC TA … stop_gained|…|+|10T>10*|145AC>TA (an MNP)
    expect(calls(21)).toEqual([['SmplAAA', 'XYZ', 'Nonsense_Mutation', 'p.T10*']])
    // line 26: 2 121 AC A … frameshift|ABC|…|-|11VVRTY>11*|105AC>A+121AC>A : a stop at the first changed residue
    expect(calls(26)).toEqual([['SmplAAA', 'ABC', 'Frame_Shift_Del', 'p.V11*']])
    // line 37: 3 109 ACGTACGT A … splice_acceptor|QWRTY|… ; line 36: 3 20 T A … non_coding|mir-007||lincRNA
    expect(calls(37)).toEqual([['SmplAAA', 'QWRTY', 'Splice_Site', '']])
    expect(calls(36)).toEqual([['SmplAAA', 'mir-007', 'RNA', '']])
  })
})

describe('GATK Funcotator INFO/FUNCOTATION', () => {
  it('S4.funcotator.vcf.gz (igv.js): Gencode 28 gene, class and protein; Mutect2 AD and AF', async () => {
    const r = await readVcf(fixture('igv.js/S4.funcotator.vcf.gz'))
    expect(r.report.format).toBe('vcf:funcotator')
    expect(r.samples).toEqual(['S4'])
    // line 3485: chr17 7674894 G A . PASS …FUNCOTATION=[TP53|hg38|chr17|7674894|7674894|NONSENSE|…|p.R213*|…]
    //            GT:AD:AF:… 0/1:410,25:0.057:…
    expect(at(r, 3485).map(pick)).toEqual([{ gene: 'TP53', variantClass: 'Nonsense_Mutation', protein: 'p.R213*', sample: 'S4', ref: 'G', alt: 'A', start: 7674894, end: 7674894, refCount: 410, altCount: 25, depth: 435 }])
    expect(at(r, 3485)[0]?.vaf).toBe(0.057)
    // line 3459: chr7 152229936 C A … [KMT2C|…|MISSENSE|…|p.C988F|…] 0/1:43,84:0.661
    expect(at(r, 3459)[0]).toMatchObject({ gene: 'KMT2C', variantClass: 'Missense_Mutation', protein: 'p.C988F', refCount: 43, altCount: 84, vaf: 0.661 })
    // line 3440: chr3 179203851 C A … [PIK3CA|…|INTRON|…] (no protein change) 0/1:0,141:1.000
    expect(at(r, 3440)[0]).toMatchObject({ gene: 'PIK3CA', variantClass: 'Intron', protein: undefined, refCount: 0, altCount: 141 })
    // 58 records, 28 PASS; the escaped fields ("_%7C_", "_%2C_") shift nothing: no malformed entry
    expect(r.report).toMatchObject({ rowsRead: 58, kept: 28 })
  })

  it('S4.funcotator.vcf.gz, FILTERed frameshift insertion kept with keepFiltered', async () => {
    const r = await readVcf(fixture('igv.js/S4.funcotator.vcf.gz'), { keepFiltered: true })
    // line 3453: chr6 152011751 C CGCCAG . triallelic_site … [ESR1|…|FRAME_SHIFT_INS||INS|-|-|GCCAG|…|p.H398fs|…] 0/1:3867,81
    expect(at(r, 3453).map(pick)).toEqual([{ gene: 'ESR1', variantClass: 'Frame_Shift_Ins', protein: 'p.H398fs', sample: 'S4', ref: '-', alt: 'GCCAG', start: 152011751, end: 152011752, refCount: 3867, altCount: 81, depth: 3948 }])
    expect(readReportJson(r.report)).toMatchObject({ rowsRead: 58, kept: 58, dropped: {} })
  })

  it('FilterFuncotations.multi-transcript.vcf: the most severe of three "#"-joined funcotations', async () => {
    // line 13: … FUNCOTATION=[MUTYH|ENST00000302118.5|…(empty class)…]#[…|5|100|…]#[MUTYH|ENST00000302118.7|||YES|NONSENSE|…]
    //          GT:DP:GQ:MIN_DP:PL 1/1:80:99:64:…
    const r = await readVcf(fixture('gatk/FilterFuncotations.multi-transcript.vcf'))
    expect(at(r, 13).map(pick)).toEqual([{ gene: 'MUTYH', variantClass: 'Nonsense_Mutation', protein: undefined, sample: 'TEST', ref: 'G', alt: 'A', start: 55039931, end: 55039931, refCount: undefined, altCount: undefined, depth: 80 }])
  })

  it('FilterFuncotations.multi-allelic.vcf: one [..] group per ALT; the tumour carries only ALT 1', async () => {
    // line 13: chr1 55039931 G A,T … FUNCOTATION=[MUTYH|…|NONSENSE|…],[MUTYH|…|(empty class)|…|true] ; GT 1/1
    const r = await readVcf(fixture('gatk/FilterFuncotations.multi-allelic.vcf'))
    expect(at(r, 13).map((a) => [a.alt, a.variantClass])).toEqual([['A', 'Nonsense_Mutation']])
    // ALT 2's empty class is COULD_NOT_DETERMINE → Unknown (seen when its genotype is not required)
    const lines = readFileSync(fixture('gatk/FilterFuncotations.multi-allelic.vcf'), 'utf8').split('\n').filter((l) => l !== '')
    const sitesOnly = lines.map((l) => (l.startsWith('#') ? l : l.split('\t').slice(0, 8).join('\t'))).map((l) => (l.startsWith('#CHROM') ? l.split('\t').slice(0, 8).join('\t') : l))
    const s = parseVcfLines(sitesOnly, { splitMultiallelic: true }, 'multi-allelic.vcf')
    expect(s.alterations.map((a) => [a.alt, a.variantClass])).toEqual([
      ['A', 'Nonsense_Mutation'],
      ['T', 'Unknown'],
    ])
  })
})

describe.skipIf(!hasShared('canvas/strelka_isaac_somatic_csqt.vcf'))('Illumina Isaac CSQT (Canvas test data, GPL-3.0: read in place; needs ../shared/data)', () => {
  const file = shared('canvas/strelka_isaac_somatic_csqt.vcf')

  it('strelka_isaac_somatic_csqt.vcf: gene and class from CSQT, Strelka tier-1 counts, no protein change', async () => {
    const r = await readVcf(file, { keepFiltered: true })
    expect(r.report.format).toBe('vcf:csqt')
    // line 127: 1 14118779 rs1203643 G T 0 LowQscore …;CSQT=PRDM2|ENST00000235372|intron_variant
    //           DP:FDP:SDP:SUBDP:AU:CU:GU:TU  NORMAL 48:…:18,18:30,31  TUMOR 89:0:0:0:0,0:0,0:18,18:71,72
    expect(at(r, 127).map(pick)).toEqual([{ gene: 'PRDM2', variantClass: 'Intron', protein: undefined, sample: 'TUMOR', ref: 'G', alt: 'T', start: 14118779, end: 14118779, refCount: 18, altCount: 71, depth: 89 }])
    // the other 13 records carry no CSQT (IONA writes none outside transcripts): counted, not guessed
    expect(readReportJson(r.report)).toMatchObject({ rowsRead: 14, kept: 1, dropped: { 'annotation: record has none': 13 } })
  })

  it('is all FILTERed: PASS-only reading keeps nothing and says why', async () => {
    const r = await readVcf(file)
    expect(r.report.kept).toBe(0)
    expect(droppedText(r.report)).toMatchObject({ 'filtered: LowQscore': 5, 'filtered: QSI_ref': 8, 'filtered: Repeat;QSI_ref': 1 })
  })
})

describe('Oncotator VCF (gatk test resources)', () => {
  it('PIK3CA_SNPS.oncotatorAnnotated.vcf: gene, MAF class and protein_change; sites-only', async () => {
    const r = await readVcf(fixture('gatk/PIK3CA_SNPS.oncotatorAnnotated.vcf'))
    expect(r.report.format).toBe('vcf:oncotator')
    // line 122: 3 178936091 . G A 40 PASS …;protein_change=p.E545K;…;variant_classification=Missense_Mutation;…;gene=PIK3CA
    expect(pick(at(r, 122)[0])).toEqual({ gene: 'PIK3CA', variantClass: 'Missense_Mutation', protein: 'p.E545K', sample: 'PIK3CA_SNPS.oncotatorAnnotated', ref: 'G', alt: 'A', start: 178936091, end: 178936091, refCount: undefined, altCount: undefined, depth: undefined })
    // line 123: 3 178937063 C T … protein_change=p.Q582*;…variant_classification=Nonsense_Mutation
    expect(at(r, 123)[0]).toMatchObject({ variantClass: 'Nonsense_Mutation', protein: 'p.Q582*' })
    // line 115: … protein_change=p.P2S … Missense_Mutation ; line 116: p.P2P Silent (written as Oncotator writes it)
    expect(at(r, 116)[0]).toMatchObject({ variantClass: 'Silent', protein: 'p.P2P' })
    expect(r.report).toMatchObject({ rowsRead: 15, kept: 15 })
    expect(r.alterations.every((a) => a.gene === 'PIK3CA')).toBe(true)
  })
})

describe('VEP CSQ with no Allele field (cyvcf2 test-hemi.vcf)', () => {
  it('reads each entry for every ALT of the (already split) record; freebayes RO/AO counts', async () => {
    const r = await readVcf(fixture('cyvcf2/test-hemi.vcf'))
    expect(r.report.format).toBe('vcf:vep')
    // line 87: chr19 11210912 . C G 18759.5 . …CSQ=missense_variant|tgC/tgG|C/W|ENSG00000130164|LDLR|…
    //          GT:DP:RO:QR:AO:QA:GL, 17th sample 0/1:1036:544:20369:488:… (the only carrier)
    expect(at(r, 87).map((a) => [a.gene, a.variantClass, a.alt, a.refCount, a.altCount, a.depth])).toEqual([['LDLR', 'Missense_Mutation', 'G', 544, 488, 1036]])
    // line 86 is FILTER FAIL
    expect(droppedText(r.report)).toEqual({ 'filtered: FAIL': 1 })
  })
})

describe('what still refuses', () => {
  it('an unannotated caller VCF: UNANNOTATED names every dialect and how to annotate', async () => {
    const e = await rejected(readVcf(fixture('vcf2maf/test_b38.vcf')))
    expect(e.code).toBe('UNANNOTATED')
    expect(e.message).toMatch(/no VEP CSQ, SnpEff ANN\/EFF, ANNOVAR Func\.\*, bcftools csq BCSQ, Funcotator FUNCOTATION, Illumina CSQT or Oncotator/)
    expect(e.suggestion).toMatch(/bcftools csq \(writes INFO\/BCSQ\) or GATK Funcotator/)
  })
})
