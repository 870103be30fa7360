/**
 * fast-check generators of VALID inputs (MAF rows, VEP-annotated VCF records) together with the
 * record each must read back as. Shared by the round-trip and mutation properties.
 */
import fc from 'fast-check'
import { isMissing } from '../../src/io/fields.js'

export const MAF_HEADER = [
  'Hugo_Symbol', 'Chromosome', 'Start_Position', 'End_Position', 'Reference_Allele', 'Tumor_Seq_Allele2',
  'Variant_Classification', 'Variant_Type', 'Tumor_Sample_Barcode', 'HGVSp_Short', 't_alt_count', 't_ref_count',
] as const

/** What a MAF row must read back as (the fields the brief names: sample, gene, class, positions, alleles, protein, counts). */
export interface Expected {
  readonly sample: string
  readonly gene: string
  readonly variantClass: string
  readonly chrom: string
  readonly start: number
  readonly end: number
  readonly ref: string
  readonly alt: string
  readonly protein: string | undefined
  readonly altCount: number | undefined
  readonly refCount: number | undefined
}

const ident = (first: string, rest: string, max: number) =>
  fc
    .tuple(fc.constantFrom(...first), fc.string({ unit: fc.constantFrom(...rest), maxLength: max }))
    .map(([a, b]) => a + b)
    .filter((s) => !isMissing(s))

const UPPER = 'ABCDEFGHIJKLMNOPQRSTUVWXYZ'
const ALNUM = UPPER + 'abcdefghijklmnopqrstuvwxyz0123456789'
export const sampleArb = ident(UPPER, ALNUM + '-_.', 14)
export const geneArb = ident(UPPER, UPPER + '0123456789-', 8)
const chromArb = fc.constantFrom('1', '2', '7', '12', '17', 'X', 'Y', 'chr3', 'chr10', 'MT')
const base = fc.constantFrom('A', 'C', 'G', 'T')
const bases = (min: number, max: number) => fc.array(base, { minLength: min, maxLength: max }).map((a) => a.join(''))
const countArb = fc.option(fc.integer({ min: 0, max: 5000 }), { nil: undefined })
const proteinArb = fc.option(
  fc.tuple(fc.constantFrom('R', 'H', 'E', 'K', 'L', 'G'), fc.integer({ min: 1, max: 3000 }), fc.constantFrom('H', 'R', 'K', '*', 'fs')).map(([a, n, b]) => `p.${a}${n}${b}`),
  { nil: undefined },
)

/** One allele shape with a class that fits it and the MAF coordinates (1-based, inclusive). */
const shapeArb = fc.integer({ min: 1, max: 240_000_000 }).chain((start) =>
  fc.oneof(
    fc.tuple(base, base).filter(([r, a]) => r !== a).chain(([ref, alt]) =>
      fc.constantFrom('Missense_Mutation', 'Nonsense_Mutation', 'Silent', 'Splice_Site').map((cls) => ({ type: 'SNP', cls, start, end: start, ref, alt })),
    ),
    bases(1, 6).chain((ref) =>
      fc.constantFrom('Frame_Shift_Del', 'In_Frame_Del', 'Splice_Site').map((cls) => ({ type: 'DEL', cls, start, end: start + ref.length - 1, ref, alt: '-' })),
    ),
    bases(1, 6).chain((alt) =>
      fc.constantFrom('Frame_Shift_Ins', 'In_Frame_Ins').map((cls) => ({ type: 'INS', cls, start, end: start + 1, ref: '-', alt })),
    ),
    fc.tuple(bases(2, 2), bases(2, 2)).filter(([r, a]) => r[0] !== a[0] && r[1] !== a[1]).map(([ref, alt]) => ({ type: 'DNP', cls: 'Missense_Mutation', start, end: start + 1, ref, alt })),
  ),
)

export interface MafRowCase {
  readonly fields: readonly string[]
  readonly expected: Expected
}

export const mafRowArb: fc.Arbitrary<MafRowCase> = fc
  .record({ sample: sampleArb, gene: geneArb, chrom: chromArb, shape: shapeArb, protein: proteinArb, altCount: countArb, refCount: countArb })
  .map(({ sample, gene, chrom, shape, protein, altCount, refCount }) => ({
    fields: [gene, chrom, String(shape.start), String(shape.end), shape.ref, shape.alt, shape.cls, shape.type, sample, protein ?? '', altCount === undefined ? '' : String(altCount), refCount === undefined ? '' : String(refCount)],
    expected: { sample, gene, variantClass: shape.cls, chrom, start: shape.start, end: shape.end, ref: shape.ref, alt: shape.alt, protein, altCount, refCount },
  }))

/** Rows with distinct duplicate keys (sample, chromosome, start, alleles): the reader collapses repeats by design. */
export const mafCaseArb = fc.uniqueArray(mafRowArb, {
  minLength: 0,
  maxLength: 25,
  selector: (r) => `${r.expected.sample}\t${r.expected.chrom}\t${r.expected.start}\t${r.expected.ref}\t${r.expected.alt}`,
})

export function mafText(rows: readonly MafRowCase[]): string {
  return [MAF_HEADER.join('\t'), ...rows.map((r) => r.fields.join('\t'))].join('\n') + '\n'
}

// ---------------------------------------------------------------------------------------------
// VEP-annotated VCF

const CSQ_FORMAT = 'Allele|Consequence|IMPACT|SYMBOL|Gene|Feature_type|Feature|BIOTYPE|HGVSc|HGVSp|CANONICAL'

export function vcfHeader(sample: string): string[] {
  return [
    '##fileformat=VCFv4.2',
    '##FILTER=<ID=PASS,Description="All filters passed">',
    '##INFO=<ID=DP,Number=1,Type=Integer,Description="Depth">',
    `##INFO=<ID=CSQ,Number=.,Type=String,Description="Consequence annotations from Ensembl VEP. Format: ${CSQ_FORMAT}">`,
    '##FORMAT=<ID=GT,Number=1,Type=String,Description="Genotype">',
    '##FORMAT=<ID=AD,Number=R,Type=Integer,Description="Allelic depths">',
    `#CHROM\tPOS\tID\tREF\tALT\tQUAL\tFILTER\tINFO\tFORMAT\t${sample}`,
  ]
}

export interface VcfRecordCase {
  readonly line: string
  readonly expected: Pick<Expected, 'gene' | 'variantClass' | 'chrom' | 'start' | 'end' | 'ref' | 'alt'>
}

/**
 * A VCF record and its MAF form by the vcf2maf convention: an indel's shared first (anchor) base is
 * dropped, a deletion starts one base after POS, an insertion spans POS..POS+1 with REF '-'.
 */
export const vcfRecordArb: fc.Arbitrary<VcfRecordCase> = fc
  .record({ gene: geneArb, chrom: fc.constantFrom('chr1', 'chr3', 'chr17', 'chrX'), pos: fc.integer({ min: 2, max: 200_000_000 }), anchor: base, kind: fc.constantFrom('snv', 'del', 'ins'), a: bases(1, 1), b: bases(1, 1), seq: bases(1, 7), snvTerm: fc.constantFrom('missense_variant', 'stop_gained', 'synonymous_variant') })
  .filter((r) => r.kind !== 'snv' || r.a !== r.b)
  .map((r) => {
    let ref: string, alt: string, term: string, cls: string, start: number, end: number, mref: string, malt: string
    const frame = r.seq.length % 3 === 0
    if (r.kind === 'snv') {
      ;[ref, alt, mref, malt, start, end] = [r.a, r.b, r.a, r.b, r.pos, r.pos]
      term = r.snvTerm
      cls = { missense_variant: 'Missense_Mutation', stop_gained: 'Nonsense_Mutation', synonymous_variant: 'Silent' }[r.snvTerm]
    } else if (r.kind === 'del') {
      ;[ref, alt, mref, malt, start, end] = [r.anchor + r.seq, r.anchor, r.seq, '-', r.pos + 1, r.pos + r.seq.length]
      term = frame ? 'inframe_deletion' : 'frameshift_variant'
      cls = frame ? 'In_Frame_Del' : 'Frame_Shift_Del'
    } else {
      ;[ref, alt, mref, malt, start, end] = [r.anchor, r.anchor + r.seq, '-', r.seq, r.pos, r.pos + 1]
      term = frame ? 'inframe_insertion' : 'frameshift_variant'
      cls = frame ? 'In_Frame_Ins' : 'Frame_Shift_Ins'
    }
    const csqAllele = r.kind === 'snv' ? alt : r.kind === 'del' ? '-' : r.seq
    const csq = `${csqAllele}|${term}|MODERATE|${r.gene}|ENSG00000000001|Transcript|ENST00000000001|protein_coding|||YES`
    const line = [r.chrom, String(r.pos), '.', ref, alt, '.', 'PASS', `DP=50;CSQ=${csq}`, 'GT:AD', '0/1:30,20'].join('\t')
    return { line, expected: { gene: r.gene, variantClass: cls, chrom: r.chrom, start, end, ref: mref, alt: malt } }
  })

export const vcfCaseArb = fc.uniqueArray(vcfRecordArb, { minLength: 1, maxLength: 15, selector: (r) => `${r.expected.chrom}:${r.line.split('\t')[1]}` })
