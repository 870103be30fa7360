/**
 * The text path's own reading of record columns (src/vcf/line-scan.ts, rules/info.ts, targets.ts)
 * against @gmod/vcf's (the oracle, ./gmod-oracle.ts): for every VCF in ../shared/data (VEP, SnpEff,
 * ANNOVAR, bcftools csq, Funcotator, GDC, GRIDSS / Manta / Delly / Sniffles SVs, Canvas / CNVkit /
 * GATK gCNV copy number, the hts-specs conformance suite) and every VCF fixture, both must give
 * deep-equal alterations, reports (warnings in any order) and samples, or throw the same located
 * error. Run with the default options and with keepFiltered + lenient + a gene list (so FILTERed,
 * malformed and unannotated records reach the annotation, copy-number, SV and sample code too).
 * This is what lets @gmod/vcf leave the reader but for the header: our column reading is never a
 * second behaviour.
 */
import { existsSync } from 'node:fs'
import { describe, expect, it } from 'vitest'
import { isInputError } from '../../src/errors.js'
import { readLines } from '../../src/io/lines.js'
import { VcfParser, type RecordEngine, type VcfResult } from '../../src/vcf/reader.js'
import type { VcfReadOptions } from '../../src/vcf/options.js'
import { gmodOracle } from './gmod-oracle.js'
import { canonicalReport, csq, fixture, shared, vcfFiles, VEP_FORMAT } from './_util.js'

type Outcome = { ok: VcfResult } | { error: string }

/** ALTs the whole-record path reads (symbolic, breakend, '*', none): counted so the test cannot pass on small variants alone. */
const WHOLE_RECORD_ALT = /^\.$|[<[\]*]|^\.[A-Za-z]|[A-Za-z]\.$/
let wholeRecords = 0

async function run(path: string, engine: RecordEngine, opts: VcfReadOptions): Promise<Outcome> {
  const p = new VcfParser('input.vcf', opts, engine)
  try {
    for await (const l of readLines(path)) {
      if (engine === 'fast' && !l.text.startsWith('#') && WHOLE_RECORD_ALT.test(l.text.split('\t', 5)[4] ?? '')) wholeRecords++
      p.push(l.text, l.line)
    }
    const r = p.finish()
    return { ok: { ...r, report: canonicalReport(r.report) } }
  } catch (e) {
    // Errors that are not InputErrors are compared too (they must be the same bug, if any).
    return { error: isInputError(e) ? `${e.code} ${e.format()}` : String(e) }
  }
}

const SHARED = shared('')
const files = [...vcfFiles(SHARED), ...vcfFiles(fixture(''))]
// A gene list covering every chromosome lets unannotated files (most of the shared folder) reach
// the record code instead of stopping at UNANNOTATED.
const ALL_GENES = [...Array.from({ length: 22 }, (_, i) => String(i + 1)), 'X', 'Y', 'M', 'MT'].flatMap((c) => [
  { gene: `G${c}`, chrom: c, start: 1, end: 300_000_000 },
  { gene: `G${c}`, chrom: `chr${c}`, start: 1, end: 300_000_000 },
])
// Genes of 1 Mb tile every chromosome: SV ends and breakend mates fall in different genes, so fusions are made.
const TILED_GENES = ALL_GENES.flatMap((g) => Array.from({ length: 250 }, (_, k) => ({ gene: `${g.gene}_${k}`, chrom: g.chrom, start: k * 1_000_000 + 1, end: (k + 1) * 1_000_000 })))
/** Label, options, and the least files parsed, copy-number / SV / ALT-less records read and CNA or fusion alterations made. */
const OPTION_SETS: readonly [string, VcfReadOptions, number, number, number][] = [
  ['defaults', {}, 30, 100, 50],
  ['keepFiltered + lenient + gene list', { keepFiltered: true, lenient: true, genes: ALL_GENES }, 300, 1200, 200],
  ['keepFiltered + lenient + 1 Mb genes', { keepFiltered: true, lenient: true, genes: TILED_GENES }, 300, 1200, 300],
]

describe('the text path reads record columns as @gmod/vcf does (oracle: ./gmod-oracle.ts)', () => {
  it.skipIf(!existsSync(SHARED))('the shared real-data folder has VCFs to compare (../shared/data absent: skipped)', () => {
    expect(files.length).toBeGreaterThan(400)
  })

  for (const [label, opts, minParsed, minWhole, minCnaOrFusion] of OPTION_SETS) {
    it.skipIf(files.length === 0)(`${label}: every VCF gives the same alterations, report and errors`, async () => {
      let parsed = 0
      let records = 0
      let alterations = 0
      let cnaOrFusion = 0
      let whole = 0
      for (const f of files) {
        const before = wholeRecords
        const fast = await run(f, 'fast', opts)
        const gmod = await run(f, gmodOracle, opts)
        expect(fast, f).toEqual(gmod)
        if ('ok' in gmod) {
          parsed++
          records += gmod.ok.report.rowsRead
          alterations += gmod.ok.alterations.length
          cnaOrFusion += gmod.ok.alterations.filter((a) => a.kind === 'cna' || a.kind === 'fusion').length
          whole += wholeRecords - before
        }
      }
      // The comparison means something only if many files parse and carry records, copy-number and
      // SV records among them.
      if (existsSync(SHARED)) {
        console.log(`${label}: ${files.length} files, ${parsed} parsed, ${records} records (${whole} copy-number / SV / ALT-less), ${alterations} alterations (${cnaOrFusion} copy number or fusion)`)
        expect(parsed).toBeGreaterThan(minParsed)
        expect(alterations).toBeGreaterThan(1000)
        expect(whole).toBeGreaterThan(minWhole)
        expect(cnaOrFusion).toBeGreaterThan(minCnaOrFusion)
      }
    }, 300_000)
  }

  it('edge cases the real files may lack: missing or empty sample columns, CR, %XX, duplicate and integer INFO keys', () => {
    const header = [
      '##fileformat=VCFv4.2',
      `##INFO=<ID=CSQ,Number=.,Type=String,Description="Consequence annotations from Ensembl VEP. Format: ${VEP_FORMAT}">`,
      '##INFO=<ID=SS,Number=1,Type=Integer,Description="VarScan status">',
      '##INFO=<ID=SOMATIC,Number=0,Type=Flag,Description="somatic">',
      '##FORMAT=<ID=GT,Number=1,Type=String,Description="g">',
      '##FORMAT=<ID=AD,Number=R,Type=Integer,Description="a">',
    ]
    const e = csq({ allele: 'T', cons: 'missense_variant', symbol: 'KRAS', hgvsp: 'p.Gly12Val' })
    const body = (info: string, fmt: string, ...samples: string[]): string => ['1', '100', '.', 'G', 'T', '.', 'PASS', info, fmt, ...samples].join('\t')
    const records = [
      body(`CSQ=${e}`, 'GT:AD', '0/0:10,0', '0/1:5,5'),
      body(`CSQ=${e}`, 'GT:AD', '0/0:10,0'),
      body(`CSQ=${e}`, 'GT:AD', '0/0:10,0', ''),
      body(`CSQ=${e}`, 'AD:GT', '10,0', '5,5:0/1'),
      body(`CSQ=${e}`, 'XX:YY', '1:2', '3:4'),
      `${body(`CSQ=${e}`, 'GT:AD', '0/0:10,0', '0/1:5,5')}\r`,
      body(`CSQ=${e.replace('p.Gly12Val', 'p.Gly12%3DVal')};SS=02`, 'GT', '0/1', '0/1'),
      body(`SS=1;CSQ=${e};SS=2;SOMATIC;112;7=a;CSQ=${e}`, 'GT', '0/1', '1/1'),
      body('.', 'GT', '0/1', '0/1'),
      body(`CSQ=${e};`, 'GT', '0/1', '0/1'),
      ['1', '100', '.', 'G', 'T', '.', 'PASS', `CSQ=${e}`].join('\t'),
      ['1', '100', '.', 'G', 'T', '.', 'PASS', `CSQ=${e}`, 'GT'].join('\t'),
      ['1', '100', '.', 'G', 'T', '.', 'PASS', `CSQ=${e}`, 'GT:AD', '0/1:1,1', '0/1:2,2', '0/1:3,3'].join('\t'),
    ]
    for (const samples of [['NORMAL', 'TUMOR'], ['S1', 'S2']]) {
      const lines = [...header, ['#CHROM', 'POS', 'ID', 'REF', 'ALT', 'QUAL', 'FILTER', 'INFO', 'FORMAT', ...samples].join('\t'), ...records]
      const result = (engine: RecordEngine): Outcome => {
        const p = new VcfParser('input.vcf', { lenient: true }, engine)
        try {
          lines.forEach((t, i) => p.push(t, i + 1))
          const r = p.finish()
    return { ok: { ...r, report: canonicalReport(r.report) } }
        } catch (err) {
          return { error: String(err) }
        }
      }
      const gmod = result(gmodOracle)
      expect('ok' in gmod && gmod.ok.alterations.length).toBeGreaterThan(5)
      expect(result('fast')).toEqual(gmod)
    }
  })
})
