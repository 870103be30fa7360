/**
 * Copy-number, SV and ALT-less records are read by the text path's own column reading (every INFO key
 * typed by src/vcf/rules/info.ts, breakend mates by rules/breakend.ts), and must read as @gmod/vcf
 * reads them. Three properties, on generated input the real files (fast-path.test.ts) rarely have:
 * - parseInfo = @gmod/vcf's INFO on INFO columns with flags, lists, '.', empty values, %XX (and
 *   undecodable %), numbers that are not numbers, duplicate, undeclared and odd keys;
 * - breakendMate = parseBreakend(alt)?.MatePosition on generated ALTs and on every breakend ALT of
 *   the shared real VCFs;
 * - whole records (symbolic / breakend / '.' / '*' ALTs with END, CN, SVLEN, CIPOS, MATEID, CHR2,
 *   SnpEff fusion annotations, GT / CN samples) give the same alterations, report and errors as with
 *   the @gmod/vcf oracle (./gmod-oracle.ts), in paired, cohort and sites-only files.
 */
import { readFileSync } from 'node:fs'
import { gunzipSync } from 'node:zlib'
import VCF, { parseBreakend } from '@gmod/vcf'
import fc from 'fast-check'
import { describe, expect, it } from 'vitest'
import type { RecordEngine } from '../../src/vcf/reader.js'
import { parseInfo } from '../../src/vcf/rules/info.js'
import { breakendMate } from '../../src/vcf/rules/breakend.js'
import { alleleShape } from '../../src/vcf/structural.js'
import { gmodOracle } from './gmod-oracle.js'
import { engineOutcome, shared, vcfFiles } from './_util.js'

const pick = <T>(...xs: T[]): fc.Arbitrary<T> => fc.constantFrom(...xs)
const row = (...f: string[]): string => f.join('\t')

const ANN_FORMAT = "'Allele | Annotation | Annotation_Impact | Gene_Name | Gene_ID | Feature_Type | Feature_ID | Transcript_BioType | Rank | HGVS.c | HGVS.p | cDNA.pos / cDNA.length | CDS.pos / CDS.length | AA.pos / AA.length | Distance | ERRORS / WARNINGS / INFO'"
const META = [
  '##fileformat=VCFv4.2',
  `##INFO=<ID=ANN,Number=.,Type=String,Description="Functional annotations: ${ANN_FORMAT} ">`,
  '##INFO=<ID=SVTYPE,Number=1,Type=String,Description="type">',
  '##INFO=<ID=END,Number=1,Type=Integer,Description="end">',
  '##INFO=<ID=SVLEN,Number=.,Type=Integer,Description="length">',
  '##INFO=<ID=CIPOS,Number=2,Type=Integer,Description="interval">',
  '##INFO=<ID=MATEID,Number=.,Type=String,Description="mate">',
  '##INFO=<ID=CHR2,Number=1,Type=String,Description="other chromosome">',
  '##INFO=<ID=IMPRECISE,Number=0,Type=Flag,Description="imprecise">',
  '##INFO=<ID=SOMATIC,Number=0,Type=Flag,Description="somatic">',
  '##FORMAT=<ID=GT,Number=1,Type=String,Description="genotype">',
  '##FORMAT=<ID=CN,Number=1,Type=Float,Description="copy number">',
]
const CN_META = ['##INFO=<ID=CN,Number=1,Type=Float,Description="copy number">', '##INFO=<ID=CN,Number=A,Type=Integer,Description="copy number per ALT">']
const COLUMNS = ['#CHROM', 'POS', 'ID', 'REF', 'ALT', 'QUAL', 'FILTER', 'INFO']

const infoItem = pick(
  'END=1500', 'END=two', 'END=50', 'END=', 'END', 'END=1e3', 'CN=0', 'CN=1.5', 'CN=3,4', 'CN=.', 'CN=5', 'CN=%33', 'SVTYPE=DEL', 'SVTYPE=BND',
  'SVLEN=-500', 'SVLEN=.,7', 'CIPOS=-10,10', 'MATEID=bnd_2', 'MATEID=a%2Cb', 'IMPRECISE', 'IMPRECISE=1', 'SOMATIC', 'CHR2=2', 'CHR2=chr%32',
  'UNDECLARED=1', 'UNDECLARED', '', 'X=%ZZ', 'X=%3D%3B', '7=a', 'constructor=1', 'valueOf',
  'ANN=<DEL>|exon_loss_variant|HIGH|TP53|TP53|transcript|T1|protein_coding||||||||',
  'ANN=G]2:500]|gene_fusion|HIGH|BCR&ABL1|B&A|gene_variant|B&A|||||||||',
  'ANN=.|feature_fusion|HIGH|EML4&ALK|E&A|gene_variant|E&A|||||||||,.|intergenic_region|LOW|A-B|A-B|intergenic_region|A-B|||||||||',
)
const info = fc.oneof({ weight: 9, arbitrary: fc.array(infoItem, { minLength: 1, maxLength: 5 }).map((xs) => xs.join(';')) }, { weight: 1, arbitrary: pick('.', '') })

describe('INFO typing (rules/info.ts) = @gmod/vcf', () => {
  it('every key of generated INFO columns, declared Flag / Integer / Float / String or undeclared', () => {
    for (const cn of CN_META) {
      const vcf = new VCF({ header: [...META, cn, row(...COLUMNS)].join('\n'), strict: false })
      const meta = vcf.getMetadata('INFO') as Parameters<typeof parseInfo>[3]
      fc.assert(
        fc.property(info, pick('', '\tGT:CN\t0/1:2'), (inf, samples) => {
          const line = row('1', '100', '.', 'A', '<DEL>', '.', 'PASS', inf) + samples
          const from = line.split('\t', 7).join('\t').length + 1
          expect(parseInfo(line, from, from + inf.length, meta), inf).toEqual(vcf.parseLine(line).INFO)
        }),
        { numRuns: 2000 },
      )
    }
  })
})

/** Every breakend-shaped ALT of the shared real VCFs. */
function realBreakends(): string[] {
  const out = new Set<string>()
  for (const f of vcfFiles(shared(''))) {
    const bytes = readFileSync(f)
    const text = (f.endsWith('gz') ? gunzipSync(bytes) : bytes).toString('utf8')
    for (const line of text.split('\n')) {
      if (line.startsWith('#')) continue
      for (const alt of (line.split('\t', 5)[4] ?? '').split(',')) if (alt !== '' && alleleShape(alt) === 'bnd') out.add(alt)
    }
  }
  return [...out]
}

describe('breakend mates (rules/breakend.ts) = @gmod/vcf parseBreakend', () => {
  it('on generated ALTs: bracket, single-breakend and assembly-contig notations, well formed or not', () => {
    const piece = pick('[', ']', '.', '<', '>', ':', 'A', 'CT', 'chr2', '13', ':321682', 'ctg1', 'N')
    fc.assert(
      fc.property(fc.array(piece, { minLength: 1, maxLength: 8 }), (ps) => {
        const alt = ps.join('')
        expect(breakendMate(alt), alt).toBe(parseBreakend(alt)?.MatePosition)
      }),
      { numRuns: 20000 },
    )
  })
  it('on the VCF 4.3 §5.4 examples and every breakend ALT of the shared real VCFs', () => {
    const alts = ['G]17:198982]', ']13:123456]T', 'C[2:321682[', '[17:198983[A', 'A]2:321681]', '.A', 'G.', 'C<ctg1>', '<ctg1>C', 'A]<ctg1>:1]', ...realBreakends()]
    for (const alt of alts) expect(breakendMate(alt), alt).toBe(parseBreakend(alt)?.MatePosition)
    // Without ../shared/data only the examples are checked.
    expect(alts.length).toBeGreaterThan(9)
  })
})

function outcome(lines: readonly string[], engine: RecordEngine, lenient: boolean, withGenes: boolean): ReturnType<typeof engineOutcome> {
  const genes = withGenes
    ? [
        { gene: 'G1A', chrom: '1', start: 1, end: 1000 },
        { gene: 'G1B', chrom: '1', start: 1001, end: 300_000 },
        { gene: 'G2', chrom: '2', start: 1, end: 1_000_000 },
        { gene: 'G13', chrom: 'chr13', start: 100_000, end: 200_000 },
      ]
    : undefined
  return engineOutcome('sv.vcf', lines, engine, { lenient, keepFiltered: true, ...(genes ? { genes } : {}) })
}

describe('copy-number, SV and ALT-less records: our reading = the @gmod/vcf oracle', () => {
  const alt = pick('<DEL>', '<DUP>', '<CN0>', '<CN3>', '<AMP>', '<CNV>', '<INV>', '<TRA>', '<DUP:TANDEM>', 'G]2:500]', ']13:123456]T', 'T[1:100[', 'A[chr2:500[', '.T', 'T.', '.', '*', '<DEL>,<DUP>', 'A,<DEL>', 'T,*', 'C<ctg1>', 'G]2:x]')
  const sample = pick('0/1:1', '1/1:0', './.:.', '0/1:x', '1:3', '', '0/1', '0|1:4', '0/2:1')
  const record = fc
    .tuple(pick('1', '2', 'chr13'), pick('100', '500', '123456', '1200'), pick('A', 'G', 'T', ''), alt, pick('PASS', '.', 'LowQual'), info, fc.tuple(pick('GT:CN', 'GT', 'CN:GT', 'CN'), sample, sample))
    .map(([chrom, pos, ref, a, filter, inf, [fmt, s1, s2]]) => ({ fixed: row(chrom, pos, '.', ref, a, '.', filter, inf), samples: [fmt, s1, s2] }))
  const layouts = [
    { name: 'paired', meta: ['##tumor_sample=TUMOR', '##normal_sample=NORMAL'], samples: ['NORMAL', 'TUMOR'] },
    { name: 'cohort', meta: [], samples: ['S1', 'S2'] },
    { name: 'sites-only', meta: [], samples: [] },
  ] as const

  for (const l of layouts) {
    it(`${l.name} files, strict and lenient, with and without a gene list`, () => {
      let alterations = 0
      fc.assert(
        fc.property(fc.array(record, { minLength: 1, maxLength: 8 }), pick(...CN_META), fc.boolean(), fc.boolean(), (records, cn, lenient, withGenes) => {
          const columns = l.samples.length > 0 ? [...COLUMNS, 'FORMAT', ...l.samples] : COLUMNS
          const body = records.map((r) => (l.samples.length > 0 ? row(r.fixed, ...r.samples) : r.fixed))
          const lines = [...META, cn, ...l.meta, row(...columns), ...body]
          const oracle = outcome(lines, gmodOracle, lenient, withGenes)
          expect(outcome(lines, 'fast', lenient, withGenes)).toEqual(oracle)
          if ('ok' in oracle) alterations += oracle.ok.alterations.length
        }),
        { numRuns: 1500 },
      )
      // The comparison means little unless many generated files make copy-number or fusion calls.
      expect(alterations).toBeGreaterThan(300)
    })
  }
})
