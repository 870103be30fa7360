/**
 * The table path (readVcfInto: bytes → byte-path/row-reader.ts → EventTable rows) against the record path
 * (readVcf: text lines → Alteration records, appended with EventTable.push as loadCohort did):
 * every VCF in ../shared/data and the fixtures, crafted edge cases written to files (multi-ALT,
 * multi-sample, germline, filtered, copy-number and SV records, CRLF, bad UTF-8, errors) and
 * generated records must give the same rows (every field, in file order), the same strings, the
 * same report (counts, drop reasons, warnings in any order) and samples, or the same located error.
 */
import { existsSync } from 'node:fs'
import fc from 'fast-check'
import { describe, expect, it } from 'vitest'
import { isInputError } from '../../src/errors.js'
import { feedByteLines, UseTextPath } from '../../src/io/byte-lines.js'
import type { Alteration } from '../../src/model/alteration.js'
import { EventTable } from '../../src/model/events.js'
import type { ReadReport } from '../../src/model/report.js'
import type { VcfReadOptions } from '../../src/vcf/options.js'
import { readVcf, readVcfInto } from '../../src/vcf/read.js'
import { VcfParser } from '../../src/vcf/reader.js'
import { tmpFile } from '../helpers.js'
import { canonicalReport, csq, fixture, shared, vcfFiles, VEP_FORMAT } from './_util.js'

type Outcome = { ok: { rows: Alteration[]; pool: string[]; report: ReadReport; samples: string[] } } | { error: string }

const errorText = (e: unknown): string => (isInputError(e) ? `${e.code} ${e.format()}` : String(e))

async function viaRecords(path: string, opts: VcfReadOptions): Promise<Outcome> {
  try {
    const r = await readVcf(path, opts)
    const t = EventTable.from(r.alterations)
    return { ok: { rows: t.toArray(), pool: [...t.pool.values].sort(), report: canonicalReport(r.report), samples: r.samples } }
  } catch (e) {
    return { error: errorText(e) }
  }
}

async function viaTable(path: string, opts: VcfReadOptions): Promise<Outcome> {
  const t = new EventTable()
  try {
    const r = await readVcfInto(path, t, opts)
    return { ok: { rows: t.toArray(), pool: [...t.pool.values].sort(), report: canonicalReport(r.report), samples: r.samples } }
  } catch (e) {
    return { error: errorText(e) }
  }
}

/** Records the table path itself read (not handed to the text path), feeding bytes as readVcfInto does. */
async function tablePathRecords(path: string, opts: VcfReadOptions): Promise<number> {
  const p = new VcfParser('input.vcf', opts, 'fast', new EventTable())
  try {
    await feedByteLines(path, p)
    p.finish()
  } catch (e) {
    if (!(e instanceof UseTextPath) && !isInputError(e)) throw e
  }
  return p.tablePathRecords
}

const SHARED = shared('')
const files = [...vcfFiles(SHARED), ...vcfFiles(fixture(''))]
const ALL_GENES = [...Array.from({ length: 22 }, (_, i) => String(i + 1)), 'X', 'Y', 'M', 'MT'].flatMap((c) => [
  { gene: `G${c}`, chrom: c, start: 1, end: 300_000_000 },
  { gene: `G${c}`, chrom: `chr${c}`, start: 1, end: 300_000_000 },
])

describe('table path = record path', () => {
  for (const [label, opts] of [
    ['defaults', {}],
    ['keepFiltered + lenient + gene list', { keepFiltered: true, lenient: true, genes: ALL_GENES }],
    ['splitMultiallelic', { splitMultiallelic: true }],
  ] as const) {
    it.skipIf(files.length === 0)(`${label}: every VCF we hold gives the same rows, pool, report and errors`, async () => {
      let rows = 0
      let fromBytes = 0
      for (const f of files) {
        const want = await viaRecords(f, opts)
        expect(await viaTable(f, opts), f).toEqual(want)
        if ('ok' in want) rows += want.ok.rows.length
        fromBytes += await tablePathRecords(f, opts)
      }
      if (existsSync(SHARED)) {
        console.log(`${label}: ${files.length} files, ${rows} rows, ${fromBytes} records read by the table path`)
        expect(rows).toBeGreaterThan(1000)
        expect(fromBytes).toBeGreaterThan(500)
      }
    }, 600_000)
  }
})

// ---------------------------------------------------------------------------------------------
// Crafted files.

const INFO_LINES = [
  `##INFO=<ID=CSQ,Number=.,Type=String,Description="Consequence annotations from Ensembl VEP. Format: ${VEP_FORMAT}">`,
  '##INFO=<ID=SOMATIC,Number=0,Type=Flag,Description="Somatic">',
  '##INFO=<ID=GERMLINE,Number=0,Type=Flag,Description="Germline">',
  '##INFO=<ID=STATUS,Number=1,Type=String,Description="VarDict status">',
  '##INFO=<ID=SS,Number=1,Type=Integer,Description="VarScan status">',
  '##INFO=<ID=DP,Number=1,Type=Integer,Description="Depth">',
  '##INFO=<ID=SVTYPE,Number=1,Type=String,Description="SV type">',
  '##INFO=<ID=END,Number=1,Type=Integer,Description="End">',
  '##INFO=<ID=CN,Number=1,Type=Float,Description="Copy number">',
  '##INFO=<ID=MATEID,Number=.,Type=String,Description="Mate">',
  '##FORMAT=<ID=GT,Number=1,Type=String,Description="Genotype">',
  '##FORMAT=<ID=AD,Number=R,Type=Integer,Description="Allelic depths">',
  '##FORMAT=<ID=DP,Number=1,Type=Integer,Description="Depth">',
  '##FORMAT=<ID=AF,Number=A,Type=Float,Description="VAF">',
  '##FORMAT=<ID=AU,Number=2,Type=Integer,Description="A tier counts">',
  '##FORMAT=<ID=CU,Number=2,Type=Integer,Description="C tier counts">',
  '##FORMAT=<ID=GU,Number=2,Type=Integer,Description="G tier counts">',
  '##FORMAT=<ID=TU,Number=2,Type=Integer,Description="T tier counts">',
]

function header(samples: readonly string[], meta: readonly string[] = []): string[] {
  return [
    '##fileformat=VCFv4.2',
    ...meta,
    ...INFO_LINES,
    ['#CHROM', 'POS', 'ID', 'REF', 'ALT', 'QUAL', 'FILTER', 'INFO', ...(samples.length > 0 ? ['FORMAT', ...samples] : [])].join('\t'),
  ]
}

const e = csq
const KRAS = e({ allele: 'T', cons: 'missense_variant', symbol: 'KRAS', hgvsp: 'ENSP00000256078.4:p.Gly12Val', canonical: true })
const row = (chrom: string, pos: string, ref: string, alt: string, filter: string, info: string, ...rest: string[]): string =>
  [chrom, pos, '.', ref, alt, '.', filter, info, ...rest].join('\t')

/** Record lines for a file with two sample columns (paired: NORMAL, TUMOR; cohort: S1, S2). */
const RECORDS: readonly string[] = [
  row('chr12', '25398284', 'G', 'T', 'PASS', `DP=20;CSQ=${KRAS}`, 'GT:AD:DP', '0/0:10,0:10', '0/1:5,5:10'),
  row('chr12', '25398285', 'G', 'T', '.', `CSQ=${KRAS}`, 'GT:AD:DP:AF', '0/0:10,0:10:0', '0/1:5,5:10:0.375'),
  // Multi-ALT with ALLELE_NUM, AD per allele, GT 1/2.
  row('1', '100', 'C', 'T,A', 'PASS', `CSQ=${e({ allele: 'T', cons: 'stop_gained', symbol: 'TP53', num: 1 })},${e({ allele: 'A', cons: 'synonymous_variant', symbol: 'TP53', num: 2, hgvsp: 'p.=', protein: '12/393', aa: 'S' })}`, 'GT:AD:DP', '0/0:9,0,0:9', '1/2:3,4,5:12'),
  // Multi-ALT indels matched by VEP's trimmed allele; a deletion and an insertion.
  row('1', '200', 'GA', 'G,GAA', 'PASS', `CSQ=${e({ allele: '-', cons: 'frameshift_variant', symbol: 'APC' })},${e({ allele: 'A', cons: 'inframe_insertion&splice_region_variant', symbol: 'APC' })}`, 'GT:AD', '0/0:9,0,0', '1/2:3,4,5'),
  row('1', '210', 'GATT', 'G', 'PASS', `CSQ=${e({ allele: '-', cons: 'inframe_deletion', symbol: 'APC', hgvsp: 'ENSP1:p.Ile5del' })}`, 'GT:AD:DP', '0/0:9,0:.', '0/1:3,4:.'),
  row('1', '220', 'GA', 'TC', 'PASS', `CSQ=${e({ allele: 'TC', cons: 'missense_variant', symbol: 'APC', hgvsp: 'ENSP1:p.Asp5Ser' })}`, 'GT:AD', '0/0:9,0', '0/1:3,4'),
  row('1', '230', 'ACGT', 'ACCA', 'PASS', `CSQ=${e({ allele: 'ACCA', cons: 'missense_variant', symbol: 'APC' })}`, 'GT', '0/0', '0|1'),
  row('1', '240', 'a', 'g', 'PASS', `CSQ=${e({ allele: 'g', cons: 'intron_variant', symbol: 'apc' })}`, 'GT', '0/0', '1'),
  // Several transcripts: PICK; canonical of the worst gene; biotype; transcript length.
  row('2', '300', 'C', 'G', 'PASS', `CSQ=${[e({ allele: 'G', cons: 'intron_variant', symbol: 'A1', canonical: true }), e({ allele: 'G', cons: 'missense_variant', symbol: 'B1', feature: 'ENST2', pick: true })].join(',')}`, 'GT:AD', '0/0:1,0', '0/1:1,1'),
  row('2', '310', 'C', 'G', 'PASS', `CSQ=${[
    e({ allele: 'G', cons: 'missense_variant', symbol: 'B1', feature: 'ENST1', cdna: '10/500' }),
    e({ allele: 'G', cons: 'missense_variant', symbol: 'B1', feature: 'ENST2', cdna: '10/900' }),
    e({ allele: 'G', cons: 'missense_variant', symbol: 'B1', feature: 'ENST3', canonical: true, hgvsp: 'p.Arg3Trp' }),
    e({ allele: 'G', cons: 'stop_gained', symbol: 'C1', biotype: 'nonsense_mediated_decay', canonical: true }),
  ].join(',')}`, 'GT:AD', '0/0:1,0', '0/1:1,1'),
  row('2', '320', 'C', 'G', 'PASS', `CSQ=${[e({ allele: 'G', cons: 'upstream_gene_variant', feature: 'ENST7' }), e({ allele: 'G', cons: 'downstream_gene_variant', cdna: '1/3' })].join(',')}`, 'GT:AD', '0/0:1,0', '0/1:1,1'),
  row('2', '330', 'C', 'G', 'PASS', `CSQ=${e({ allele: 'G', cons: '', feature: '' })}`, 'GT', '0/0', '0/1'),
  row('2', '340', 'C', 'G', 'PASS', `CSQ=${e({ allele: 'G', cons: 'splice_acceptor_variant', symbol: 'S1', hgvsc: 'ENST1:c.100-2A>G', hgvsp: 'p.X' })}`, 'GT', '0/0', '0/1'),
  row('2', '350', 'C', 'G', 'PASS', `CSQ=${e({ allele: 'G', cons: 'synonymous_variant', symbol: 'S1', hgvsp: 'ENSP1:p.%3D', protein: '7/100', aa: 'L' })}`, 'GT', '0/0', '0/1'),
  row('2', '360', 'C', 'G', 'PASS', `CSQ=${e({ allele: 'G', cons: 'synonymous_variant', symbol: 'S1', hgvsp: 'p.=', protein: '7-8/100', aa: 'L' })}`, 'GT', '0/0', '0/1'),
  row('2', '370', 'C', 'G', 'PASS', `CSQ=${e({ allele: 'G', cons: 'missense_variant', symbol: 'S1', hgvsp: 'c.35G>T(p.Gly12Val)' })}`, 'GT', '0/0', '0/1'),
  row('2', '380', 'C', 'G', 'PASS', `CSQ=${e({ allele: 'G', cons: 'missense_variant', symbol: 'GÉNE', hgvsp: 'p.Gly12Val' })}`, 'GT', '0/0', '0/1'),
  // Filters, origin flags, duplicate and undeclared keys, '.' INFO.
  row('3', '400', 'C', 'G', 'q10;LowDP', `CSQ=${KRAS}`, 'GT:AD', '0/0:1,0', '0/1:1,1'),
  row('3', '401', 'C', 'G', 'q10', `NOVEL=1;CSQ=${KRAS}`, 'GT:AD', '0/0:1,0', '0/1:1,1'),
  row('3', '410', 'C', 'G', 'PASS', `SOMATIC;CSQ=${KRAS}`, 'GT:AD', '0/0:1,0', '0/1:1,1'),
  row('3', '420', 'C', 'G', 'PASS', `GERMLINE;CSQ=${KRAS}`, 'GT:AD', '0/1:1,1', '0/1:1,1'),
  row('3', '421', 'C', 'G', 'PASS', `STATUS=LikelyLOH;CSQ=${KRAS}`, 'GT:AD', '0/1:1,1', '0/1:1,1'),
  row('3', '422', 'C', 'G', 'PASS', `STATUS=AFDiff;SS=2;CSQ=${KRAS}`, 'GT:AD', '0/1:1,1', '0/1:1,1'),
  row('3', '423', 'C', 'G', 'PASS', `SS=1;SOMATIC=0;CSQ=${KRAS}`, 'GT:AD', '0/1:1,1', '0/1:1,1'),
  row('3', '424', 'C', 'G', 'PASS', `SS=02;CSQ=${KRAS}`, 'GT:AD', '0/1:1,1', '0/1:1,1'),
  row('3', '425', 'C', 'G', 'PASS', `STATUS=constructor;CSQ=${KRAS}`, 'GT:AD', '0/1:1,1', '0/1:1,1'),
  row('3', '426', 'C', 'G', 'PASS', `SS=.,2;GERMLINE=;CSQ=${KRAS}`, 'GT:AD', '0/1:1,1', '0/1:1,1'),
  row('3', '430', 'C', 'G', 'PASS', `CSQ=${e({ allele: 'G', cons: 'intron_variant', symbol: 'D1' })};CSQ=${KRAS}`, 'GT:AD', '0/0:1,0', '0/1:1,1'),
  row('3', '440', 'C', 'G', 'PASS', `XTRA=5;CSQ=${KRAS}`, 'GT:AD', '0/0:1,0', '0/1:1,1'),
  row('3', '441', 'C', 'G', 'PASS', `XTRA=5;CSQ=${KRAS}`, 'GT:AD', '0/0:1,0', '0/1:1,1'),
  row('3', '450', 'C', 'G', 'PASS', '.', 'GT:AD', '0/0:1,0', '0/1:1,1'),
  row('3', '460', 'C', 'G', 'PASS', 'CSQ', 'GT:AD', '0/0:1,0', '0/1:1,1'),
  // Sample values: missing, haploid, empty column, short column, Strelka tiers, odd AD/DP/AF.
  row('4', '500', 'C', 'G', 'PASS', `CSQ=${KRAS}`, 'GT:AD:DP', './.:.:.', './.:.:.'),
  row('4', '510', 'C', 'G', 'PASS', `CSQ=${KRAS}`, 'GT:AD:DP', '0/0:1,0:1', ''),
  row('4', '520', 'C', 'G', 'PASS', `CSQ=${KRAS}`, 'GT:AD:DP', '0/0:1,0:1', '0/1'),
  row('4', '530', 'C', 'G', 'PASS', `CSQ=${KRAS}`, 'GT:AU:CU:GU:TU', '0/0:0,0:9,9:0,0:0,0', '0/1:0,0:5,5:4,4:0,0'),
  row('4', '540', 'C', 'G', 'PASS', `CSQ=${KRAS}`, 'GT:AD:DP', '0/1:1,1:1', '0/1:7:5'),
  row('4', '550', 'C', 'G', 'PASS', `CSQ=${KRAS}`, 'GT:AD:DP:AF', '0/1:1,1:1:.', '0/1:3,4,5:2:3.'),
  row('4', '560', 'C', 'G', 'PASS', `CSQ=${KRAS}`, 'XX:YY', '1:2', '3:4'),
  row('4', '570', 'C', 'G', 'PASS', `CSQ=${KRAS}`, 'GT:AD:DP:AF', '0/1:1,1:1:0.1', '0/1:05,5:012:0.123456789'),
  row('4', '580', 'C', 'G', 'PASS', `CSQ=${KRAS}`, 'GT:AD:DP:AF', '0/1:1,1:1:0.1', '0/1:5,5:10:1e-3'),
  row('4', '590', 'C', 'G', 'PASS', `CSQ=${KRAS}`, 'GT:AD:DP', '0/1:1,1:1', '0/1:5,x:10'),
  // Copy-number, SV, breakend, '*' and ALT-less records between small variants.
  row('5', '600', 'N', '<DEL>', 'PASS', `SVTYPE=DEL;END=900;CN=0;CSQ=${e({ allele: 'deletion', cons: 'transcript_ablation', symbol: 'PTEN' })}`, 'GT', '0/0', '1/1'),
  row('5', '610', 'N', '<DUP>', 'PASS', 'SVTYPE=DUP;END=900;CN=9', 'GT', '0/0', '0/1'),
  row('5', '620', 'C', 'C[2:321682[', 'PASS', 'SVTYPE=BND;MATEID=b2', 'GT', '0/0', '0/1'),
  row('5', '630', 'C', 'G,*', 'PASS', `CSQ=${KRAS}`, 'GT', '0/0', '0/1'),
  row('5', '640', 'C', '.', 'PASS', `CSQ=${KRAS}`, 'GT', '0/0', '0/0'),
  // Bad records (errors, or lenient drops).
  row('6', 'x7', 'C', 'G', 'PASS', `CSQ=${KRAS}`, 'GT', '0/0', '0/1'),
  row('6', '700', 'C', 'G', 'PASS', `CSQ=${KRAS}`, 'GT', '0/0'),
  row('6', '710', 'C', 'G', 'PASS', `CSQ=${e({ allele: 'G', cons: 'brand_new_term', symbol: 'X' })}`, 'GT', '0/0', '0/1'),
  row('6', '720', 'C', 'G', 'PASS', `CSQ=${KRAS}|extra`, 'GT', '0/0', '0/1'),
  row('6', '730', 'C', 'G', 'PASS', `CSQ=${KRAS},fragment`, 'GT', '0/0', '0/1'),
  row('chr 6', '740', 'C', 'G', 'PASS', `CSQ=${KRAS}`, 'GT', '0/0', '0/1'),
  row('6', '750', '', 'G', 'PASS', `CSQ=${KRAS}`, 'GT', '0/0', '0/1'),
  row('6', '760', 'C', 'G', 'PASS', `CSQ=${KRAS}`, 'GT:AD:DP', '0/1:1,1:1', '0/1:5,5:1.5'),
]

const OPTION_SETS: readonly VcfReadOptions[] = [{}, { keepFiltered: true }, { lenient: true }, { keepFiltered: true, lenient: true }, { origin: 'germline', lenient: true }]

async function same(path: string, opts: VcfReadOptions): Promise<Outcome> {
  const want = await viaRecords(path, opts)
  expect(await viaTable(path, opts), `${path} ${JSON.stringify(opts)}`).toEqual(want)
  return want
}

describe('table path = record path on crafted files', () => {
  const layouts: readonly [string, string[]][] = [
    ['paired', header(['NORMAL', 'TUMOR'], ['##tumor_sample=TUMOR', '##normal_sample=NORMAL'])],
    ['cohort', header(['S1', 'S2'])],
  ]
  for (const [label, head] of layouts) {
    it(`${label}: all records in one file, LF and CRLF, every option set`, async () => {
      for (const eol of ['\n', '\r\n']) {
        const path = tmpFile('all.vcf', [...head, ...RECORDS].join(eol) + eol)
        for (const opts of OPTION_SETS) await same(path, opts)
      }
      const lenient = await viaRecords(tmpFile('all.vcf', [...head, ...RECORDS].join('\n')), { lenient: true, keepFiltered: true })
      expect('ok' in lenient && lenient.ok.rows.length).toBeGreaterThan(30)
      expect(await tablePathRecords(tmpFile('all.vcf', [...head, ...RECORDS].join('\n')), { lenient: true, keepFiltered: true })).toBeGreaterThan(20)
    })

    it(`${label}: each record alone (its own error or rows)`, async () => {
      let errors = 0
      for (const r of RECORDS) {
        const path = tmpFile('one.vcf', [...head, r, ''].join('\n'))
        for (const opts of [{}, { keepFiltered: true }] as const) if ('error' in (await same(path, opts))) errors++
      }
      expect(errors).toBeGreaterThan(8)
    })
  }

  it('sites-only and tumour-only files, a file without a final line break, gzip', async () => {
    const strip = (r: string) => r.split('\t').slice(0, 8).join('\t')
    const sites = [...header([]), ...RECORDS.map(strip)].join('\n')
    const one = [...header(['T1']), ...RECORDS.map((r) => r.split('\t').filter((_, i) => i !== 9).join('\t'))].join('\n')
    for (const text of [sites, one]) {
      for (const opts of OPTION_SETS) {
        await same(tmpFile('x.vcf', text), opts)
        await same(tmpFile('x.vcf.gz', `${text}\n`, { gzip: true }), opts)
      }
    }
  })

  it('files the byte feed leaves to the text path: CR-only breaks, bad UTF-8, a BOM, an empty file, no #CHROM', async () => {
    const head = header(['NORMAL', 'TUMOR'])
    const body = [...head, ...RECORDS.slice(0, 8)]
    const cases: [string, Uint8Array | string][] = [
      ['cr.vcf', body.join('\r')],
      ['bom.vcf', `\ufeff${body.join('\n')}\n`],
      ['bad-utf8.vcf', Buffer.concat([Buffer.from(`${body.join('\n')}\n`), Buffer.from([0x31, 0x09, 0xff, 0xfe, 0x0a])])],
      ['bad-utf8-late.vcf', Buffer.concat([Buffer.from(`${[...body, RECORDS[40] as string].join('\n')}\n`), Buffer.from([0xc3, 0x28, 0x0a])])],
      ['empty.vcf', ''],
      ['nochrom.vcf', '##fileformat=VCFv4.2\n##INFO=<ID=DP,Number=1,Type=Integer,Description="d">\n'],
      ['unannotated.vcf', '##fileformat=VCFv4.2\n#CHROM\tPOS\tID\tREF\tALT\tQUAL\tFILTER\tINFO\n1\t5\t.\tC\tG\t.\tPASS\t.\n'],
    ]
    for (const [name, content] of cases) for (const opts of [{}, { lenient: true }]) await same(tmpFile(name, content), opts)
  })

  it('a second file appends to a table that already holds rows (ids continue, shared strings keep theirs)', async () => {
    const a = tmpFile('a.vcf', [...header(['NORMAL', 'TUMOR']), ...RECORDS.slice(0, 12)].join('\n'))
    const b = tmpFile('b.vcf', [...header(['S1', 'S2']), ...RECORDS.slice(0, 12)].join('\n'))
    const t = new EventTable()
    await readVcfInto(a, t)
    await readVcfInto(b, t)
    const ref = EventTable.from([...(await readVcf(a)).alterations, ...(await readVcf(b)).alterations])
    expect(t.toArray()).toEqual(ref.toArray())
    expect(t.pool.values).toEqual(ref.pool.values)
  })
})

// ---------------------------------------------------------------------------------------------
// Generated records, fed line by line: pushBytes into a table vs push into records.

const pick = <T>(...xs: T[]): fc.Arbitrary<T> => fc.constantFrom(...xs)
const entry = fc
  .tuple(
    pick('T', 'A', '-', '', '.', 'TT', 'AT', 'G'),
    pick('missense_variant', 'synonymous_variant', 'splice_acceptor_variant&intron_variant', '', 'stop_gained', 'frameshift_variant', 'inframe_deletion', 'upstream_gene_variant', 'not_a_term', 'protein_altering_variant'),
    pick('KRAS', 'TP53', '', '.'),
    pick('ENST1', 'ENST2', '', '.'),
    pick('protein_coding', '', 'retained_intron', 'lncRNA'),
    pick('', 'ENST1:c.35G>T', 'ENST1:c.508-1G>A'),
    pick('', 'ENSP1:p.Gly12Val', 'p.=', 'ENSP1:p.Ser67GlnfsTer12', 'c.1A>G(p.Met1?)', 'ENSP1:'),
    pick('', '35/1000', '1/5', '10/10', '7/x'),
    pick('', '12/189', '60', '3-4'),
    pick('', 'G/V', 'S'),
    pick('', '1', '2', 'x', '01'),
    pick('', 'YES'),
    pick('', '1'),
  )
  .map(([allele, cons, symbol, feature, biotype, hgvsc, hgvsp, cdna, protein, aa, num, canonical, pk]) =>
    [allele, cons, 'MODERATE', symbol, 'ENSG1', 'Transcript', feature, biotype, '', hgvsc, hgvsp, cdna, protein, aa, num, canonical, pk].join('|'),
  )
const piece = fc.oneof({ weight: 10, arbitrary: entry }, { weight: 1, arbitrary: pick('.', '', 'fragment') }, { weight: 1, arbitrary: entry.map((x) => `${x}|extra`) })
const csqValue = fc.array(piece, { minLength: 1, maxLength: 4 }).map((p) => p.join(','))
const infoItem = fc.oneof(
  { weight: 8, arbitrary: csqValue.map((v) => `CSQ=${v}`) },
  { weight: 1, arbitrary: pick('DP=10', 'SOMATIC', 'GERMLINE', 'XX=1', 'YY', 'CSQ', 'CSQ=', '', 'DP=%3D', 'DP=1=2', 'SS=2', 'SS=1', 'SS=02', 'STATUS=Germline', 'STATUS=StrongSomatic', 'SOMATIC=1', 'GERMLINE=') },
)
const info = fc.oneof({ weight: 12, arbitrary: fc.array(infoItem, { minLength: 1, maxLength: 3 }).map((xs) => xs.join(';')) }, { weight: 1, arbitrary: pick('.', '') })
const sample = pick('0/1:5,5:10', '0/0:10,0:10', '1/1:0,7:7', './.:.:.', '0/1:5,x:10', '0/1', '', '0|1:5,5', '1:3,4:7', '0/1:5,5:10:0.5', '0/1:05,5:012:.', '1/2:1,2,3:6:0.25', '0/1:.:3', '0/A:1,1:2', '0/1::')
const fmt = pick('GT:AD:DP', 'GT:AD', 'AD:GT', 'GT:AD:DP:AF', 'XX:YY', 'GT', 'GT:AD:DP:FREQ', '')
const alleles = pick(['G', 'T'], ['G', 'T,A'], ['GA', 'G'], ['G', 'GTT'], ['G', '.'], ['ACGT', 'TGCA'], ['G', '*'], ['G', '<DEL>'], ['g', 't'], ['G', 'T,'], ['', 'T'], ['G', 'G'])
/** Mostly records the table path reads itself (so the comparison covers it), some it hands over. */
const goodEntry = fc
  .tuple(pick('T', 'A', '-', 'G', ''), pick('missense_variant', 'synonymous_variant', 'stop_gained', 'frameshift_variant', 'intron_variant&NMD_transcript_variant'), pick('KRAS', 'TP53', ''), pick('', 'ENSP1:p.Gly12Val', 'p.Ter5Gln'), pick('', '1', '2'), pick('', 'YES'), pick('', '10/300', '20/100'))
  .map(([allele, cons, symbol, hgvsp, num, canonical, cdna]) => [allele, cons, 'MODERATE', symbol, 'ENSG1', 'Transcript', 'ENST1', 'protein_coding', '', '', hgvsp, cdna, '', '', num, canonical, ''].join('|'))
const goodRecord = fc
  .tuple(
    pick('1', 'chr1'),
    pick('100', '12345'),
    pick(['G', 'T'], ['G', 'T,A'], ['GA', 'G'], ['G', 'GTT'], ['GA', 'TC'], ['G', 'GT,GTT']),
    pick('PASS', '.', 'q10'),
    fc.tuple(pick('DP=9;', 'SOMATIC;', 'SS=1;', 'STATUS=LikelySomatic;', 'STATUS=AFDiff;', 'GERMLINE;DP=3;'), fc.array(goodEntry, { minLength: 1, maxLength: 3 })).map(([pre, xs]) => `${pre}CSQ=${xs.join(',')}`),
    pick('GT:AD:DP', 'GT:AD:DP:AF', 'GT'),
    pick('0/1:5,5:10:0.5', '0/0:10,0:10:0', '1/2:1,2,3:6:0.25', '0|1:5,5:10:0.25', './.:.:.:.'),
    pick('0/1:5,5:10:0.5', '1/1:0,7:7:1', '0/2:1,2,3:6:0.125', '0/1:2,3:.:0.6'),
  )
  .map(([chrom, pos, [ref, alt], filter, inf, f, s1, s2]) => [chrom, pos, '.', ref, alt, '.', filter, inf, f, s1, s2].join('\t'))
const wildRecord = fc
  .tuple(pick('1', 'chr1', '2', 'chr 1', 'HLA-A*01:01'), pick('100', '0', '007', 'x', '1e3'), alleles, pick('PASS', '.', 'q10'), info, fmt, sample, sample, pick('', '\r', '\t', '\tEXTRA'))
  .map(([chrom, pos, [ref, alt], filter, inf, f, s1, s2, tail]) => `${[chrom, pos, '.', ref, alt, '.', filter, inf, f, s1, s2].join('\t')}${tail}`)
const record = fc.oneof({ weight: 3, arbitrary: goodRecord }, { weight: 2, arbitrary: wildRecord })

function generatedOutcome(lines: readonly string[], opts: VcfReadOptions, bytes: boolean): Outcome & { fromBytes?: number } {
  const table = new EventTable()
  const p = bytes ? new VcfParser('gen.vcf', opts, 'fast', table) : new VcfParser('gen.vcf', opts)
  try {
    lines.forEach((t, i) => {
      if (!bytes) p.push(t, i + 1)
      else {
        const b = Buffer.from(t)
        p.pushBytes(b, 0, b.length, i + 1)
      }
    })
    const r = p.finish()
    const t = bytes ? table : EventTable.from(r.alterations)
    return { ok: { rows: t.toArray(), pool: [...t.pool.values].sort(), report: canonicalReport(r.report), samples: r.samples }, fromBytes: p.tablePathRecords }
  } catch (e) {
    return { error: errorText(e), fromBytes: p.tablePathRecords }
  }
}

describe('table path = record path on generated records', () => {
  for (const [label, samples] of [
    ['paired', ['NORMAL', 'TUMOR']],
    ['cohort', ['S1', 'S2']],
  ] as const) {
    it(`${label}: same rows, pool, report and errors (strict, lenient, keepFiltered, origin)`, () => {
      let fromBytes = 0
      let withRows = 0
      fc.assert(
        fc.property(
          fc.array(record, { minLength: 1, maxLength: 6 }),
          pick<VcfReadOptions>({}, { lenient: true }, { lenient: true, keepFiltered: true }, { keepFiltered: true, origin: 'somatic' }),
          (records, opts) => {
            const lines = [...header(samples, label === 'paired' ? ['##tumor_sample=TUMOR'] : []), ...records]
            const { fromBytes: _n, ...want } = generatedOutcome(lines, opts, false)
            const { fromBytes: n = 0, ...got } = generatedOutcome(lines, opts, true)
            expect(got).toEqual(want)
            fromBytes += n
            if ('ok' in want && want.ok.rows.length > 0) withRows++
          },
        ),
        { numRuns: 1500 },
      )
      // The comparison means something only if the table path read many of them itself.
      expect(fromBytes).toBeGreaterThan(500)
      expect(withRows).toBeGreaterThan(200)
    })
  }
})
