import { describe, expect, it } from 'vitest'
import { parseVcfLines } from '../../src/vcf/reader.js'
import { alleleShape, cnStateOf, fusionPairs, GeneIndex } from '../../src/vcf/structural.js'
import { resolveThresholds } from '../../src/vcf/options.js'
import { readReportJson } from '../../src/model/report.js'

const row = (...f: (string | number)[]) => f.join('\t')
const ANN = `##INFO=<ID=ANN,Number=.,Type=String,Description="Functional annotations: 'Allele | Annotation | Annotation_Impact | Gene_Name | Gene_ID | Feature_Type | Feature_ID | Transcript_BioType | Rank | HGVS.c | HGVS.p | cDNA.pos / cDNA.length | CDS.pos / CDS.length | AA.pos / AA.length | Distance | ERRORS / WARNINGS / INFO' ">`
const ann = (allele: string, effect: string, gene: string) => `${allele}|${effect}|HIGH|${gene}|${gene}|gene_variant|${gene}|||||||||`
const header = (version = '4.2') => [
  `##fileformat=VCFv${version}`,
  ANN,
  '##INFO=<ID=SVTYPE,Number=1,Type=String,Description="t">',
  '##INFO=<ID=END,Number=1,Type=Integer,Description="e">',
  '##INFO=<ID=CN,Number=1,Type=Float,Description="copy number (Float, VCF 4.4)">',
  '##FORMAT=<ID=GT,Number=1,Type=String,Description="g">',
  row('#CHROM', 'POS', 'ID', 'REF', 'ALT', 'QUAL', 'FILTER', 'INFO', 'FORMAT', 'T1'),
]

describe('structural building blocks', () => {
  it('allele shapes', () => {
    expect(['A', 'AT', '<DEL>', '<CN0>', '<CN3>', '<DUP:TANDEM>', '<INV>', 'G]8:107653520]', '[CHR13:48941528[N', '.A', '*'].map(alleleShape)).toEqual([
      'small', 'small', 'cna', 'cna', 'cna', 'cna', 'sv', 'bnd', 'bnd', 'bnd', 'star',
    ])
  })
  it('copy-number states at the default (diploid) thresholds', () => {
    const t = resolveThresholds(undefined)
    expect([0, 0.4, 1, 2, 2.49, 3, 4.9, 5, 12].map((cn) => cnStateOf(cn, t))).toEqual([
      'deep_del', 'deep_del', 'shallow_del', undefined, undefined, 'gain', 'gain', 'amp', 'amp',
    ])
  })
  it('gene index: overlaps by chromosome with or without "chr", long genes found from far left', () => {
    const g = new GeneIndex([
      { gene: 'LONG', chrom: 'chr2', start: 100, end: 100000 },
      { gene: 'B', chrom: '2', start: 5000, end: 6000 },
      { gene: 'C', chrom: '2', start: 200000, end: 200100 },
    ])
    expect(g.overlapping('2', 5500, 5600)).toEqual(['LONG', 'B'])
    expect(g.overlapping('chr2', 150000, 250000)).toEqual(['C'])
    expect(g.at('3', 5500)).toBeUndefined()
  })
  it('SnpEff fusion gene pairs "A&B" give both directions once', () => {
    expect(fusionPairs(['ALK&EML4', 'ALK&EML4', undefined, 'SAME&SAME'])).toEqual([
      ['ALK', 'EML4'],
      ['EML4', 'ALK'],
    ])
  })
})

describe('copy number and fusion records', () => {
  it('VCF 4.4 Float CN on a <DUP>: amplification per annotated gene; intergenic neighbours are not hit', () => {
    const info = `SVTYPE=DUP;END=2000;CN=5.5;ANN=${ann('<DUP>', 'duplication', 'ERBB2')},${ann('<DUP>', 'duplication', 'GRB7')},${ann('<DUP>', 'intergenic_region', 'X1-X2')}`
    const r = parseVcfLines([...header('4.4'), row('17', 1000, 'cnv1', 'N', '<DUP>', '.', 'PASS', info, 'GT', '0/1')])
    expect(r.alterations.map((a) => [a.gene, a.kind, a.variantClass, a.variantType, a.start, a.end, a.copyNumber, a.cnState])).toEqual([
      ['ERBB2', 'cna', 'Amp', 'CNV', 1001, 2000, 5.5, 'amp'],
      ['GRB7', 'cna', 'Amp', 'CNV', 1001, 2000, 5.5, 'amp'],
    ])
  })

  it('garbage CN is a located error', () => {
    const info = `SVTYPE=DEL;END=2000;CN=two;ANN=${ann('<DEL>', 'feature_ablation', 'PTEN')}`
    expect(() => parseVcfLines([...header(), row('10', 1000, '.', 'N', '<DEL>', '.', 'PASS', info, 'GT', '1/1')], {}, 'cn.vcf')).toThrow(/INFO\/CN: expected a number, got "two"/)
  })

  it('a SnpEff gene_fusion effect names both partners', () => {
    const info = `SVTYPE=INV;END=42524140;ANN=${ann('<INV>', 'gene_fusion', 'ALK&EML4')}`
    const r = parseVcfLines([...header(), row('2', 29447648, 'sv1', 'N', '<INV>', '.', 'PASS', info, 'GT', '0/1')])
    expect(r.alterations.map((a) => [a.gene, a.partner, a.kind, a.variantClass])).toEqual([
      ['ALK', 'EML4', 'fusion', 'Fusion'],
      ['EML4', 'ALK', 'fusion', 'Fusion'],
    ])
  })

  it('breakend mates with different genes make one fusion; both records are accounted for', () => {
    const r = parseVcfLines([
      ...header(),
      row('2', 42522000, 'b1', 'G', 'G]2:29446000]', '.', 'PASS', `SVTYPE=BND;ANN=${ann('G]2:29446000]', 'intron_variant', 'EML4')}`, 'GT', '0/1'),
      row('chr2', 29446000, 'b2', 'T', 'T]2:42522000]', '.', 'PASS', `SVTYPE=BND;ANN=${ann('T]2:42522000]', 'intron_variant', 'ALK')}`, 'GT', '0/1'),
      row('3', 100, 'b3', 'A', 'A[5:900[', '.', 'PASS', `SVTYPE=BND;ANN=${ann('A[5:900[', 'intron_variant', 'X')}`, 'GT', '0/1'),
    ])
    expect(r.alterations.map((a) => [a.gene, a.partner, a.source.line])).toEqual([
      ['EML4', 'ALK', 8],
      ['ALK', 'EML4', 8],
    ])
    expect(readReportJson(r.report)).toMatchObject({ rowsRead: 3, kept: 2, dropped: { 'breakend: mate not found': 1 } })
  })
})

describe('per-allele INFO', () => {
  it('Number=A CN gives each ALT its own copy number', () => {
    const lines = header().map((l) => l.replace('ID=CN,Number=1', 'ID=CN,Number=A'))
    const info = `SVTYPE=CNV;END=5000;CN=0,7;ANN=${ann('<CN0>', 'feature_ablation', 'CDKN2A')},${ann('<DUP>', 'duplication', 'CDKN2A')}`
    const r = parseVcfLines([...lines, row('9', 1000, 'c', 'N', '<CN0>,<DUP>', '.', 'PASS', info, 'GT', '1/2')])
    expect(r.alterations.map((a) => [a.alt, a.variantClass, a.copyNumber, a.cnState])).toEqual([
      [undefined, 'Del', 0, 'deep_del'],
      [undefined, 'Amp', 7, 'amp'],
    ])
  })
})
