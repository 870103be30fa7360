import { describe, expect, it } from 'vitest'
import { parseVcfLines } from '../../src/vcf/reader.js'
import { csq, thrown, vepHeader } from './_util.js'

const row = (...f: (string | number)[]) => f.join('\t')

describe('VCF structure', () => {
  it('rejects a VCF whose records come before any #CHROM line, at that line', () => {
    const e = thrown(() => parseVcfLines(['##fileformat=VCFv4.2', '##INFO=<ID=DP,Number=1,Type=Integer,Description="x">', row('1', 100, '.', 'A', 'T', '.', 'PASS', '.')], {}, 'a.vcf'))
    expect(e.code).toBe('FORMAT')
    expect(e.format()).toMatch(/^a\.vcf:3: VCF has no #CHROM header line/)
  })

  it('rejects a header-only fragment with no #CHROM line', () => {
    const e = thrown(() => parseVcfLines(['##fileformat=VCFv4.2'], {}, 'b.vcf'))
    expect(e.format()).toMatch(/^b\.vcf:1: VCF has no #CHROM header line/)
  })

  it('validates POS itself (@gmod/vcf would make it NaN)', () => {
    const e = thrown(() => parseVcfLines([...vepHeader([]), row('1', '12a', '.', 'A', 'T', '.', 'PASS', `CSQ=${csq({ allele: 'T', cons: 'missense_variant', symbol: 'G1' })}`)], {}, 'c.vcf'))
    expect(e.code).toBe('BAD_NUMBER')
    expect(e.format()).toMatch(/^c\.vcf:8:2: POS: expected a positive integer, got "12a"/)
  })

  it('says how to annotate an unannotated VCF, and guesses nothing', () => {
    const e = thrown(() => parseVcfLines(['##fileformat=VCFv4.2', row('#CHROM', 'POS', 'ID', 'REF', 'ALT', 'QUAL', 'FILTER', 'INFO'), row('1', 100, '.', 'A', 'T', '.', 'PASS', 'DP=3')], {}, 'u.vcf'))
    expect(e.code).toBe('UNANNOTATED')
    expect(e.suggestion).toMatch(/VEP with --vcf/)
    expect(e.suggestion).toMatch(/SnpEff/)
    expect(e.suggestion).toMatch(/table_annovar\.pl -vcfinput/)
  })

  it('a malformed CSQ entry (wrong number of | fields) is a located error; lenient counts it', () => {
    const lines = [...vepHeader([]), row('1', 100, '.', 'A', 'T', '.', 'PASS', 'CSQ=T|missense_variant|MODERATE')]
    const e = thrown(() => parseVcfLines(lines, {}, 'm.vcf'))
    expect(e.format()).toMatch(/^m\.vcf:8:8: malformed VEP CSQ entry: 3 '\|'-separated fields, the header declares 17/)
    const r = parseVcfLines(lines, { lenient: true }, 'm.vcf')
    expect(r.report.dropped).toEqual({ 'invalid: malformed record': 1 })
    expect(r.report.rowsRead).toBe(1)
  })

  it('an unknown consequence term names its line; lenient mode counts it', () => {
    const lines = [...vepHeader([]), row('1', 100, '.', 'A', 'T', '.', 'PASS', `CSQ=${csq({ allele: 'T', cons: 'bogus_variant', symbol: 'G1' })}`)]
    expect(thrown(() => parseVcfLines(lines, {}, 'k.vcf')).format()).toMatch(/^k\.vcf:8:8: unknown consequence term "bogus_variant"/)
    expect(parseVcfLines(lines, { lenient: true }).report.dropped).toEqual({ 'invalid: unknown consequence term': 1 })
  })

  it('tolerates INFO keys missing from the header, with one warning per key', () => {
    const info = `XX=1;CSQ=${csq({ allele: 'T', cons: 'missense_variant', symbol: 'G1' })}`
    const r = parseVcfLines([...vepHeader([]), row('1', 100, '.', 'A', 'T', '.', 'PASS', info), row('1', 200, '.', 'A', 'T', '.', 'PASS', info)], { sampleOverride: 'S' }, 'w.vcf')
    expect(r.alterations).toHaveLength(2)
    expect(r.report.warnings).toEqual(['w.vcf:8: INFO key "XX" is not declared in the header'])
  })
})

describe('VEP records', () => {
  const header = vepHeader(['NORMAL', 'TUMOR'])
  const multi = row(
    '7', 140453136, 'rs1', 'A', 'T,AC', '.', 'PASS',
    'SOMATIC;CSQ=' +
      [
        csq({ allele: 'T', num: 1, cons: 'missense_variant', symbol: 'BRAF', feature: 'ENST_A', hgvsp: 'ENSP1:p.Val600Glu', canonical: true, cdna: '1860/2480' }),
        csq({ allele: 'T', num: 1, cons: 'missense_variant', symbol: 'BRAF', feature: 'ENST_B', hgvsp: 'ENSP2:p.Val640Glu', cdna: '2000/9000' }),
        csq({ allele: 'C', num: 2, cons: 'frameshift_variant', symbol: 'BRAF', feature: 'ENST_A', hgvsp: 'ENSP1:p.Val600GlyfsTer12', canonical: true }),
      ].join(','),
    'GT:AD:DP', '0/0:30,0,0:30', '1/2:20,15,5:41',
  )

  it('splits a multi-allelic record per ALT, with that allele’s entry, counts and MAF alleles', () => {
    const r = parseVcfLines([...header, multi], {}, 't.vcf')
    expect(r.samples).toEqual(['TUMOR'])
    expect(r.alterations).toEqual([
      {
        sample: 'TUMOR', gene: 'BRAF', kind: 'snv', variantClass: 'Missense_Mutation', variantType: 'SNP', chrom: '7', start: 140453136, end: 140453136,
        ref: 'A', alt: 'T', protein: 'p.V600E', origin: 'somatic', vaf: 15 / 41, depth: 41, altCount: 15, refCount: 20, filter: 'PASS', source: { file: 't.vcf', line: 8 },
      },
      {
        sample: 'TUMOR', gene: 'BRAF', kind: 'indel', variantClass: 'Frame_Shift_Ins', variantType: 'INS', chrom: '7', start: 140453136, end: 140453137,
        ref: '-', alt: 'C', protein: 'p.V600Gfs*12', origin: 'somatic', vaf: 5 / 41, depth: 41, altCount: 5, refCount: 20, filter: 'PASS', source: { file: 't.vcf', line: 8 },
      },
    ])
    expect(r.report).toMatchObject({ rowsRead: 1, kept: 1, dropped: {}, format: 'vcf:vep' })
  })

  it('PICK wins over canonical; otherwise canonical of the worst-hit gene', () => {
    const entries = [
      csq({ allele: 'T', cons: 'missense_variant', symbol: 'G1', feature: 'T1', canonical: true, hgvsp: 'P:p.Ala1Val' }),
      csq({ allele: 'T', cons: 'stop_gained', symbol: 'G1', feature: 'T2', pick: true, hgvsp: 'P:p.Arg2Ter' }),
    ]
    const line = (c: string[]) => row('1', 100, '.', 'C', 'T', '.', 'PASS', `CSQ=${c.join(',')}`, 'GT', '0/1')
    const picked = parseVcfLines([...vepHeader(['S1']), line(entries)]).alterations[0]
    expect(picked).toMatchObject({ variantClass: 'Nonsense_Mutation', protein: 'p.R2*' })
    const noPick = [entries[0] as string, csq({ allele: 'T', cons: 'stop_gained', symbol: 'G1', feature: 'T2', hgvsp: 'P:p.Arg2Ter' })]
    expect(parseVcfLines([...vepHeader(['S1']), line(noPick)]).alterations[0]).toMatchObject({ variantClass: 'Missense_Mutation', protein: 'p.A1V' })
  })

  it('drops non-PASS rows by reason unless keepFiltered', () => {
    const lines = [...header, multi.replace('\tPASS\t', '\tLowQual;germline\t')]
    const r = parseVcfLines(lines)
    expect(r.alterations).toEqual([])
    expect(r.report.dropped).toEqual({ 'filtered: LowQual;germline': 1 })
    expect(parseVcfLines(lines, { keepFiltered: true }).alterations.map((a) => a.filter)).toEqual(['LowQual;germline', 'LowQual;germline'])
  })

  it('skips an ALT the tumour genotype does not carry', () => {
    const r = parseVcfLines([...header, multi.replace('1/2:20,15,5:41', '0/1:20,15,5:41')])
    expect(r.alterations.map((a) => a.alt)).toEqual(['T'])
  })

  it('options name the tumour column and the sample; origin from options beats INFO', () => {
    const r = parseVcfLines([...vepHeader(['A', 'B']), multi.replace('\t0/0:30,0,0:30', '\t0/1:30,9,0:39')], { tumorId: 'A', normalId: 'B', origin: 'germline' })
    expect(r.alterations.map((a) => [a.sample, a.altCount, a.origin])).toEqual([['A', 9, 'germline']])
    expect(thrown(() => parseVcfLines([...vepHeader(['A', 'B']), multi], { tumorId: 'X' })).suggestion).toBe('the sample columns are: A, B')
  })

  it('a cohort VCF yields one alteration per sample whose GT carries the allele', () => {
    const c = row('1', 100, '.', 'C', 'T', '.', '.', `CSQ=${csq({ allele: 'T', cons: 'synonymous_variant', symbol: 'G1', hgvsp: 'P:p.%3D', protein: '5', aa: 'L' })}`, 'GT', '0/0', '0|1', './.', '1')
    const r = parseVcfLines([...vepHeader(['s1', 's2', 's3', 's4']), c])
    expect(r.samples).toEqual(['s1', 's2', 's3', 's4'])
    expect(r.alterations.map((a) => [a.sample, a.protein, a.variantClass])).toEqual([
      ['s2', 'p.L5=', 'Silent'],
      ['s4', 'p.L5=', 'Silent'],
    ])
  })

  it('a sites-only VCF takes its sample from sampleOverride', () => {
    const c = row('1', 100, '.', 'CAG', 'C', '.', 'PASS', `CSQ=${csq({ allele: '-', cons: 'inframe_deletion', symbol: 'G1' })}`)
    const r = parseVcfLines([...vepHeader([]), c], { sampleOverride: 'P-01' })
    expect(r.alterations[0]).toMatchObject({ sample: 'P-01', variantClass: 'In_Frame_Del', start: 101, end: 102, ref: 'AG', alt: '-' })
  })
})

describe('unknown terms on any transcript', () => {
  it('a term the table does not know is an error even on a transcript that would not be picked', () => {
    const info = `CSQ=${csq({ allele: 'T', cons: 'missense_variant', symbol: 'G1', canonical: true })},${csq({ allele: 'T', cons: 'new_fancy_variant', symbol: 'G1', feature: 'ENST2' })}`
    const e = thrown(() => parseVcfLines([...vepHeader([]), row('1', 100, '.', 'A', 'T', '.', 'PASS', info)], { sampleOverride: 'S' }, 'n.vcf'))
    expect(e.format()).toMatch(/^n\.vcf:8:8: unknown consequence term "new_fancy_variant"/)
  })

  it('a sites-only file without a sample name warns that the file name is used', () => {
    const r = parseVcfLines([...vepHeader([]), row('1', 100, '.', 'A', 'T', '.', 'PASS', `CSQ=${csq({ allele: 'T', cons: 'missense_variant', symbol: 'G1' })}`)], {}, 'dir/P-9.vcf')
    expect(r.samples).toEqual(['P-9'])
    expect(r.report.warnings[0]).toMatch(/^dir\/P-9\.vcf:7: no sample columns; alterations are reported under the file name "P-9"/)
  })
})
