/**
 * The later dialects (bcftools csq, Funcotator, Isaac/Nirvana CSQT, Oncotator) on small in-memory
 * VCFs: detection and precedence, allele matching, escapes, and the located errors for bad entries.
 * Real files are in real-dialects.test.ts.
 */
import { describe, expect, it } from 'vitest'
import { bcsqProtein } from '../../src/vcf/bcsq.js'
import { detectDialect } from '../../src/vcf/dialect.js'
import { rawInfoValue, unescapeFuncotation } from '../../src/vcf/funcotator.js'
import { parseVcfLines } from '../../src/vcf/reader.js'
import { thrown } from './_util.js'
import { droppedText } from '../../src/model/report.js'

const row = (...f: (string | number)[]) => f.join('\t')
const CHROM = row('#CHROM', 'POS', 'ID', 'REF', 'ALT', 'QUAL', 'FILTER', 'INFO', 'FORMAT', 'TUMOR')
const GT = ['GT:AD', '0/1:10,5']
const GT12 = ['GT:AD', '1/2:4,5,6']
const info = (id: string, desc: string) => `##INFO=<ID=${id},Number=.,Type=String,Description="${desc}">`
const BCSQ = info('BCSQ', 'Local consequence annotation from BCFtools/csq, see http://samtools.github.io/bcftools/howtos/csq-calling.html for details. Format: Consequence|gene|transcript|biotype|strand|amino_acid_change|dna_change')
const header = (...lines: string[]) => ['##fileformat=VCFv4.2', ...lines, '##FORMAT=<ID=GT,Number=1,Type=String,Description="GT">', '##FORMAT=<ID=AD,Number=R,Type=Integer,Description="AD">', CHROM]
const calls = (r: ReturnType<typeof parseVcfLines>) => r.alterations.map((a) => [a.alt, a.gene, a.variantClass, a.protein ?? ''])

describe('dialect detection', () => {
  const meta = (...entries: [string, string][]) => Object.fromEntries(entries.map(([id, d]) => [id, { Number: '.', Type: 'String', Description: d }]))
  it('names the later dialects from their header text', () => {
    expect(detectDialect(meta(['BCSQ', 'Local consequence annotation from BCFtools/csq. Format: Consequence|gene']))).toEqual({ kind: 'bcsq', key: 'BCSQ' })
    // a CSQ key in bcftools' layout is bcftools, not VEP (its Format lists Consequence but no Allele)
    expect(detectDialect(meta(['CSQ', 'Local consequence annotation from BCFtools/csq. Format: Consequence|gene|transcript|biotype'])))
      .toEqual({ kind: 'bcsq', key: 'CSQ' })
    expect(detectDialect(meta(['FUNCOTATION', 'Functional annotation from the Funcotator tool.  Funcotation fields are: Gencode_27_hugoSymbol|Gencode_27_variantClassification'])))
      .toEqual({ kind: 'funcotator', key: 'FUNCOTATION', fields: ['Gencode_27_hugoSymbol', 'Gencode_27_variantClassification'] })
    expect(detectDialect(meta(['CSQT', 'Consequence type as predicted by IAE. Format: GenotypeIndex|HGNC|Transcript ID|Consequence'])))
      .toEqual({ kind: 'csqt', key: 'CSQT', fields: ['GenotypeIndex', 'HGNC', 'TranscriptID', 'Consequence'] })
    expect(detectDialect(meta(['gene', 'Unknown'], ['variant_classification', 'Unknown']))).toEqual({ kind: 'oncotator' })
  })

  it('VEP, SnpEff and ANNOVAR keep precedence over them (a file with VEP CSQ and BCSQ reads CSQ)', () => {
    const vep = meta(['BCSQ', 'Local consequence annotation from BCFtools/csq. Format: Consequence|gene'], ['CSQ', 'Consequence annotations from Ensembl VEP. Format: Allele|Consequence|SYMBOL'])
    expect(detectDialect(vep)).toMatchObject({ kind: 'vep', key: 'CSQ' })
    expect(detectDialect(meta(['Func.refGene', 'x'], ['CSQT', 'Format: HGNC|TranscriptID|Consequence']))).toEqual({ kind: 'annovar', db: 'refGene' })
  })

  it('an old VEP Format without Allele is VEP only when the Description names VEP', () => {
    expect(detectDialect(meta(['CSQ', 'Consequence annotations from Ensembl VEP. Format: Consequence|SYMBOL']))).toMatchObject({ kind: 'vep' })
    expect(detectDialect(meta(['CSQ', 'Predicted. Format: Consequence|SYMBOL']))).toBeUndefined()
  })
})

describe('bcftools csq amino_acid_change → HGVSp_Short', () => {
  it.each([
    ['5P>5L', false, 'p.P5L'],
    ['113F>113C', false, 'p.F113C'],
    ['210S>210*', false, 'p.S210*'],
    ['260*>260G', false, 'p.*260G'],
    ['60S', false, 'p.S60='],
    ['60SL', false, 'p.S60_L61='],
    ['5PLA>5P', false, 'p.L6_A7del'],
    ['5PL>5P', false, 'p.L6del'],
    ['5P>5PLA', false, 'p.P5delinsPLA'],
    ['5PQ>5PLAQ', false, 'p.P5_Q6insLA'],
    ['74EDG>74D', false, 'p.E74_G76delinsD'],
    ['120KLMN*>120KRST*', true, 'p.L121Rfs*4'],
    ['120KLMN>120KRST', true, 'p.L121Rfs'],
    ['120KLMNPQRS..130>120KRSTV..125', true, 'p.L121Rfs'],
    ['11VVRTY>11*', true, 'p.V11*'],
    ['333LPPAQA', true, 'p.L333fs'],
  ])('%s (frameshift %s) → %s', (change, fs, want) => {
    expect(bcsqProtein(change, fs)).toBe(want)
  })

  it('gives nothing for a shortened non-frameshift change or text not in bcftools form', () => {
    expect(bcsqProtein('120KLMNPQRS..130>120KLMNPQRT..130', false)).toBeUndefined()
    expect(bcsqProtein('p.P5L', false)).toBeUndefined()
    expect(bcsqProtein('5?>5L', false)).toBeUndefined()
    expect(bcsqProtein(undefined, false)).toBeUndefined()
  })
})

describe('bcftools csq entries', () => {
  it('matches entries to ALTs by their dna_change; entries without one apply to every ALT', () => {
    const bcsq = [
      'missense|G1|ENST1|protein_coding|+|5P>5L|100C>T',
      'stop_gained|G1|ENST1|protein_coding|+|5P>5*|100C>A',
      'splice_region|G2|ENST2|protein_coding',
    ].join(',')
    const r = parseVcfLines([...header(BCSQ), row('1', 100, '.', 'C', 'T,A', '.', 'PASS', `BCSQ=${bcsq}`, ...GT12)], { splitMultiallelic: true }, 'm.vcf')
    expect(calls(r)).toEqual([
      ['T', 'G1', 'Missense_Mutation', 'p.P5L'],
      ['A', 'G1', 'Nonsense_Mutation', 'p.P5*'],
    ])
  })

  it('a compound part of another record does not claim an ALT; "*" is a flag, "&"-joined words rank', () => {
    const r = parseVcfLines([...header(BCSQ), row('1', 100, '.', 'C', 'T', '.', 'PASS', 'BCSQ=*missense&NMD_transcript|G1|ENST1|NMD|-|3R>3Q|99G>A+100C>T', ...GT)], {}, 'c.vcf')
    expect(calls(r)).toEqual([['T', 'G1', 'Missense_Mutation', 'p.R3Q']])
  })

  it('inframe_altering (indels that keep the frame together) is in-frame by this record’s direction', () => {
    const r = parseVcfLines([...header(BCSQ), row('1', 100, '.', 'CA', 'C', '.', 'PASS', 'BCSQ=inframe_altering|G1|ENST1|protein_coding|+|5PQ>5PR|100CA>C+104T>TA', ...GT)], {}, 'i.vcf')
    expect(calls(r)).toEqual([['-', 'G1', 'In_Frame_Del', 'p.Q6R']])
  })

  it('"@POS" alone drops the allele with a counted reason; with other entries it is ignored', () => {
    const lines = [...header(BCSQ), row('1', 100, '.', 'C', 'T', '.', 'PASS', 'BCSQ=@98', ...GT), row('1', 101, '.', 'C', 'T', '.', 'PASS', 'BCSQ=@98,intron|G1||protein_coding', ...GT)]
    const r = parseVcfLines(lines, {}, 'a.vcf')
    expect(calls(r)).toEqual([['T', 'G1', 'Intron', '']])
    expect(droppedText(r.report)).toEqual({ 'annotation: compound consequence reported at another position (bcftools csq @POS)': 1 })
  })

  it('an unknown bcftools word is UNKNOWN_TERM at its line; a short entry is a located FORMAT error', () => {
    const unknown = [...header(BCSQ), row('1', 100, '.', 'C', 'T', '.', 'PASS', 'BCSQ=missense&brand_new|G1|ENST1|protein_coding', ...GT)]
    expect(thrown(() => parseVcfLines(unknown, {}, 'u.vcf')).format()).toMatch(/^u\.vcf:6:8: unknown consequence term "brand_new"/)
    expect(droppedText(parseVcfLines(unknown, { lenient: true }, 'u.vcf').report)).toEqual({ 'invalid: unknown consequence term': 1 })
    const short = [...header(BCSQ), row('1', 100, '.', 'C', 'T', '.', 'PASS', 'BCSQ=missense|G1', ...GT)]
    expect(thrown(() => parseVcfLines(short, {}, 's.vcf')).format()).toMatch(/^s\.vcf:6:8: malformed bcftools csq entry: 2 '\|'-separated fields, expected at least 4/)
    const at = [...header(BCSQ), row('1', 100, '.', 'C', 'T', '.', 'PASS', 'BCSQ=@abc', ...GT)]
    expect(thrown(() => parseVcfLines(at, {}, 'a.vcf')).code).toBe('FORMAT')
  })
})

describe('Funcotator', () => {
  const FUNC = info('FUNCOTATION', 'Functional annotation from the Funcotator tool.  Funcotation fields are: Gencode_28_hugoSymbol|Gencode_28_variantClassification|Gencode_28_annotationTranscript|Gencode_28_proteinChange|Other_field')

  it('decodes "_%XX_" and URL escapes; the raw value is split before decoding', () => {
    expect(unescapeFuncotation('Type_%3D_TF_%7C_Gene_%20_X')).toBe('Type=TF|Gene X')
    expect(unescapeFuncotation('4_%2C_5-bis%2Cphosphate')).toBe('4,5-bis,phosphate')
    expect(unescapeFuncotation('p.%ZZ')).toBe('p.%ZZ')
    expect(rawInfoValue('A=1;FUNCOTATION=[x|y];B', 'FUNCOTATION')).toBe('[x|y]')
    expect(rawInfoValue('FUNCOTATION=[a];FUNCOTATION=[b]', 'FUNCOTATION')).toBe('[b]')
    expect(rawInfoValue('XFUNCOTATION=[a]', 'FUNCOTATION')).toBeUndefined()
  })

  it('an escaped "|" inside a field does not shift the fields after it', () => {
    // @gmod/vcf would decode "_%7C_" to "|" before the split: the class would then be read from "B"
    const r = parseVcfLines([...header(FUNC), row('1', 100, '.', 'C', 'T', '.', 'PASS', 'FUNCOTATION=[A_%7C_B|MISSENSE|ENST1|p.P5L|x_%2C_y]', ...GT)], {}, 'f.vcf')
    expect(calls(r)).toEqual([['T', 'A|B', 'Missense_Mutation', 'p.P5L']])
  })

  it('one [..] group per ALT; an empty class is COULD_NOT_DETERMINE (Unknown)', () => {
    const r = parseVcfLines([...header(FUNC), row('1', 100, '.', 'C', 'T,A', '.', 'PASS', 'FUNCOTATION=[G1|SILENT|ENST1|p.P5P|],[G1||ENST1||]', ...GT12)], { splitMultiallelic: true }, 'f.vcf')
    expect(calls(r)).toEqual([
      ['T', 'G1', 'Silent', 'p.P5P'],
      ['A', 'G1', 'Unknown', ''],
    ])
  })

  it('bad values are located errors: field count, brackets, unknown class', () => {
    const bad = (v: string) => thrown(() => parseVcfLines([...header(FUNC), row('1', 100, '.', 'C', 'T', '.', 'PASS', `FUNCOTATION=${v}`, ...GT)], {}, 'b.vcf')).format()
    expect(bad('[G1|MISSENSE|ENST1]')).toMatch(/^b\.vcf:6:8: malformed FUNCOTATION entry: 3 '\|'-separated fields, the header declares 5/)
    expect(bad('G1|MISSENSE|ENST1|p.A1B|x')).toMatch(/^b\.vcf:6:8: malformed FUNCOTATION value: expected \[field\|field\|…\] per ALT/)
    expect(bad('[G1|MISSENSE_ISH|ENST1|p.A1B|x]')).toMatch(/^b\.vcf:6:8: unknown consequence term "MISSENSE_ISH"/)
  })

  it('a Funcotator header without the Gencode gene and class fields is a located error, not a guess', () => {
    const h = info('FUNCOTATION', 'Functional annotation from the Funcotator tool.  Funcotation fields are: ClinVar_VCF_CLNSIG|Other')
    const e = thrown(() => parseVcfLines([...header(h), row('1', 100, '.', 'C', 'T', '.', 'PASS', 'FUNCOTATION=[x|y]', ...GT)], {}, 'h.vcf'))
    expect(e.format()).toMatch(/^h\.vcf:6:8: the FUNCOTATION header lists no Gencode_\*_hugoSymbol/)
  })
})

describe('Illumina CSQT', () => {
  it('Nirvana layout: GenotypeIndex picks the ALT; the most severe term of the entries wins', () => {
    const h = info('CSQT', 'Consequence type as predicted by Nirvana. Format: GenotypeIndex|HGNC|TranscriptID|Consequence')
    const v = 'CSQT=1|G1|ENST1|intron_variant,2|G1|ENST1|missense_variant&splice_region_variant,2|G1|ENST2|synonymous_variant'
    const r = parseVcfLines([...header(h), row('1', 100, '.', 'C', 'T,A', '.', 'PASS', v, ...GT12)], { splitMultiallelic: true }, 'n.vcf')
    expect(calls(r)).toEqual([
      ['T', 'G1', 'Intron', ''],
      ['A', 'G1', 'Missense_Mutation', ''],
    ])
  })
})

describe('Oncotator', () => {
  const h = ['gene', 'variant_classification', 'protein_change', 'annotation_transcript'].map((k) => info(k, 'Unknown'))

  it('reads per-ALT values, maps lincRNA to RNA, and keeps the protein change as written', () => {
    const v = 'gene=G1;variant_classification=Missense_Mutation,lincRNA;protein_change=p.P5L,;annotation_transcript=ENST1'
    const r = parseVcfLines([...header(...h), row('1', 100, '.', 'C', 'T,A', '.', 'PASS', v, ...GT12)], { splitMultiallelic: true }, 'o.vcf')
    expect(calls(r)).toEqual([
      ['T', 'G1', 'Missense_Mutation', 'p.P5L'],
      ['A', 'G1', 'RNA', ''],
    ])
  })

  it('an unknown class word is UNKNOWN_TERM at its line; a record without a class has no annotation', () => {
    const bad = [...header(...h), row('1', 100, '.', 'C', 'T', '.', 'PASS', 'gene=G1;variant_classification=Missense', ...GT)]
    expect(thrown(() => parseVcfLines(bad, {}, 'o.vcf')).format()).toMatch(/^o\.vcf:9:8: unknown consequence term "Missense"/)
    const none = parseVcfLines([...header(...h), row('1', 100, '.', 'C', 'T', '.', 'PASS', 'gene=G1', ...GT)], {}, 'o.vcf')
    expect(droppedText(none.report)).toEqual({ 'annotation: record has none': 1 })
  })
})
