import { gunzipSync } from 'node:zlib'
import { readFileSync } from 'node:fs'
import { describe, expect, it } from 'vitest'
import { parseVcfLines } from '../../src/vcf/reader.js'
import { alleleCounts } from '../../src/vcf/sample-counts.js'
import { gtCarries } from '../../src/vcf/rules/genotype.js'
import { resolveRoles } from '../../src/vcf/sample-roles.js'
import { csq, hasShared, shared, VEP_FORMAT } from './_util.js'

const loc = { file: 'x.vcf', line: 9, column: 11 }

describe('tumour / normal roles', () => {
  const roles = (s: string[], h = {}, o = {}) => resolveRoles(s, h, o, 'x.vcf', 5)
  it('options, then ##tumor_sample / ##normal_sample, then column names', () => {
    expect(roles(['A', 'B'], { tumorSample: 'A' }, { tumorId: 'B', normalId: 'A' })).toEqual({ mode: 'paired', tumorIdx: 1, normalIdx: 0, tumorName: 'B' })
    expect(roles(['WES_EA_N_1', 'WES_EA_T_1'], { tumorSample: 'WES_EA_T_1', normalSample: 'WES_EA_N_1' })).toMatchObject({ mode: 'paired', tumorIdx: 1, normalIdx: 0 })
    expect(roles(['NORMAL', 'TUMOR'])).toMatchObject({ mode: 'paired', tumorIdx: 1, normalIdx: 0, tumorName: 'TUMOR' })
    expect(roles(['P1_N', 'P1_T'])).toMatchObject({ mode: 'paired', tumorIdx: 1, normalIdx: 0 })
    expect(roles(['Patient_01_Germline', 'Patient_01_Somatic'])).toMatchObject({ mode: 'paired', tumorIdx: 1, normalIdx: 0 })
    expect(roles(['P1_T', 'P2_T'])).toEqual({ mode: 'cohort' })
    expect(roles(['DNA_NORMAL', 'DNA_TUMOR', 'RNA_TUMOR'])).toMatchObject({ mode: 'cohort' }) // two "TUMOR" columns: ambiguous
    expect(roles(['DNA_NORMAL', 'DNA_TUMOR', 'RNA_TUMOR'], {}, { tumorId: 'DNA_TUMOR' })).toMatchObject({ mode: 'paired', tumorIdx: 1, normalIdx: 0 })
  })
  it('one column is tumour-only, none is sites-only (sample from the manifest), many is a cohort', () => {
    expect(roles(['S1'], {}, { sampleOverride: 'P-7' })).toEqual({ mode: 'tumor-only', tumorIdx: 0, tumorName: 'P-7' })
    expect(resolveRoles([], {}, {}, 'dir/cohort_17.vcf.gz', 3)).toEqual({ mode: 'sites-only', tumorName: 'cohort_17' })
    expect(roles(['a', 'b', 'c'])).toEqual({ mode: 'cohort' })
    expect(() => roles(['a', 'b', 'c'], {}, { sampleOverride: 'X' })).toThrow(/sampleOverride is for single-sample files/)
  })
})

describe('genotype', () => {
  it('carries / does not carry / unknown', () => {
    expect(gtCarries('0/1', 1)).toBe(true)
    expect(gtCarries('1|2', 2)).toBe(true)
    expect(gtCarries('0/0', 1)).toBe(false)
    expect(gtCarries('1', 1)).toBe(true)
    expect(gtCarries('./.', 1)).toBeUndefined()
    expect(gtCarries(undefined, 1)).toBeUndefined()
  })
})

describe('allele depths from caller FORMAT fields (values copied from somaticseq / vcf2maf test VCFs)', () => {
  it('Strelka2 SNV tier-1 AU/CU/GU/TU: VAF = GU / (AU+CU+GU+TU)', () => {
    // somaticseq Strelka.snv: 1 8450 T G … TUMOR 44:0:0:0:0,0:0,0:44,44:0,0 ; NORMAL …:0,0:0,0:1,1:29,29
    expect(alleleCounts({ DP: '44', AU: '0,0', CU: '0,0', GU: '44,44', TU: '0,0' }, ['T', 'G'], 1, loc)).toEqual({ refCount: 0, altCount: 44, depth: 44, vaf: 1 })
    expect(alleleCounts({ DP: '30', AU: '0,0', CU: '0,0', GU: '1,1', TU: '29,29' }, ['T', 'G'], 1, loc)).toEqual({ refCount: 29, altCount: 1, depth: 30, vaf: 1 / 30 })
  })
  it('Strelka2 indel TAR/TIR tier 1: VAF = TIR / (TAR + TIR)', () => {
    // somaticseq Strelka.indel: 1 9975 G GT … TUMOR 50:50:0,0:46,46:4,4:…
    expect(alleleCounts({ DP: '50', TAR: '0,0', TIR: '46,46' }, ['G', 'GT'], 1, loc)).toEqual({ refCount: 0, altCount: 46, depth: 46, vaf: 1 })
  })
  it('VarScan2: AD is the ALT depth, RD the REF depth, FREQ the VAF', () => {
    // vcf2maf test_varscan-style: GT:GQ:DP:RD:AD:FREQ 0/1:.:75:50:25:33.33%
    expect(alleleCounts({ GT: '0/1', DP: '75', RD: '50', AD: '25', FREQ: '33.33%' }, ['G', 'A'], 1, loc)).toEqual({ refCount: 50, altCount: 25, depth: 75, vaf: 0.3333 })
  })
  it('Mutect2 AF (Number=A) picks the value for this ALT', () => {
    expect(alleleCounts({ AD: '24,6,17', AF: '0.131,0.362', DP: '47' }, ['TT', 'T', '-'], 2, loc)).toEqual({ refCount: 24, altCount: 17, depth: 47, vaf: 0.362 })
  })
  it('garbage in a count is a located error', () => {
    expect(() => alleleCounts({ AD: '12,x' }, ['A', 'T'], 1, loc)).toThrow(/FORMAT\/AD: expected an integer, got "x"/)
  })
})

function gz(rel: string): string[] {
  return gunzipSync(readFileSync(shared(rel))).toString('utf8').split('\n').filter((l) => l !== '')
}

/** A real unannotated caller VCF with one fixed CSQ entry added to every PASS record. */
function withCsq(lines: string[]): string[] {
  const out: string[] = []
  for (const l of lines) {
    if (l.startsWith('#CHROM')) out.push(`##INFO=<ID=CSQ,Number=.,Type=String,Description="Consequence annotations from Ensembl VEP. Format: ${VEP_FORMAT}">`)
    if (l.startsWith('#')) {
      out.push(l)
      continue
    }
    const f = l.split('\t')
    f[7] = `${f[7]};CSQ=${csq({ allele: '', cons: 'missense_variant', symbol: 'G1' })}`
    out.push(f.join('\t'))
  }
  return out
}

describe.skipIf(!hasShared('somaticseq/paired/Strelka.snv.vcf.gz'))('real caller columns through the reader (needs ../shared/data)', () => {
  it('Strelka2 SNV (NORMAL, TUMOR columns; no GT): the tumour’s tier-1 counts', () => {
    const r = parseVcfLines(withCsq(gz('somaticseq/paired/Strelka.snv.vcf.gz')), {}, 'Strelka.snv.vcf')
    expect(r.samples).toEqual(['TUMOR'])
    expect(r.alterations.find((a) => a.start === 8450)).toMatchObject({ sample: 'TUMOR', refCount: 0, altCount: 44, depth: 44, vaf: 1, origin: 'somatic' })
  })
  it('Strelka2 indel: TAR/TIR', () => {
    const r = parseVcfLines(withCsq(gz('somaticseq/paired/Strelka.indel.vcf.gz')), {}, 'Strelka.indel.vcf')
    expect(r.alterations.find((a) => a.start === 9975)).toMatchObject({ sample: 'TUMOR', variantType: 'INS', end: 9976, alt: 'T', refCount: 0, altCount: 46, vaf: 1 })
  })
  it('VarDict paired (TUMOR first): AD/AF, STATUS=StrongSomatic → somatic', () => {
    // 1 8450 T G … STATUS=StrongSomatic … TUMOR 1/1:44:44:22,22:0,0:0,44:1:…
    const r = parseVcfLines(withCsq(gz('somaticseq/paired/VarDict.vcf.gz')), {}, 'VarDict.vcf')
    expect(r.alterations.find((a) => a.start === 8450)).toMatchObject({ sample: 'TUMOR', refCount: 0, altCount: 44, depth: 44, vaf: 1, origin: 'somatic' })
  })
})
