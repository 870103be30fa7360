/**
 * The same call (sample, chromosome, start, alleles — after VCF → MAF normalisation) in two input
 * files is one event, as within one MAF (#21 item 7): the later file's copy is dropped, counted as
 * 'duplicate-across-files' in its read report, and one note names the file and line of the copy
 * kept. Before, it was a second event: Multi_Hit, burden 2, counted twice in TMB. Checked on every
 * read path — default, two threads (dist, forced on small files), --low-memory (MAF partitions and
 * the VCF fold) — which must give the same records and reports.
 */
import { existsSync } from 'node:fs'
import { join } from 'node:path'
import { pathToFileURL } from 'node:url'
import { afterEach, describe, expect, it } from 'vitest'
import { loadCohort } from '../../src/input/cohort.js'
import { requireRecords } from '../../src/matrix/cells.js'
import { isMultiHit, tmbPerMb } from '../../src/matrix/cell.js'
import type { BuiltMatrix } from '../../src/matrix/build.js'
import { droppedBy, readReportJson, type ReadReport } from '../../src/model/report.js'
import { classifyCohort, prepareClassifier } from '../../src/pipeline/classify-cohort.js'
import { summaryJson } from '../../src/pipeline/summary-report.js'
import { classifyLowMemory } from '../../src/scale/low-memory.js'
import type * as CohortModule from '../../src/input/cohort.js'
import { FIXTURES, ROOT, tmpDir } from '../helpers.js'
import { HEADER, ROW } from '../maf/crafted.js'
import { csq, vepHeader } from '../vcf/_util.js'
import { run } from '../../cli/main.js'
import { memoryIO } from '../../cli/context.js'
import { writeFileSync } from 'node:fs'

const PANEL = join(FIXTURES, 'panels', 'small.json') // 0.5 Mb: TMB = burden × 2
const copts = { panels: [PANEL] }

/** A VCF record of sample S1 (VEP-annotated; its records start at line 8). */
const vcfRecord = (chrom: string, pos: string, ref: string, alt: string, gene: string, info = ''): string =>
  [chrom, pos, '.', ref, alt, '.', 'PASS', `${info}CSQ=${csq({ allele: alt, cons: 'missense_variant', symbol: gene, hgvsp: 'p.X1Y' })}`, 'GT', '0/1'].join('\t')
const vcf = (...records: string[]): string => [...vepHeader(['S1']), ...records, ''].join('\n')
const maf = (...rows: string[]): string => [HEADER, ...rows, ''].join('\n')

function write(files: Record<string, string>): Record<string, string> {
  const dir = tmpDir('cross-file-')
  const out: Record<string, string> = {}
  for (const [name, text] of Object.entries(files)) {
    out[name] = join(dir, name)
    writeFileSync(out[name], text)
  }
  return out
}

const TP53 = ROW('S1') // TP53 17:7675088 C>T in S1
const TP53_VCF = vcfRecord('17', '7675088', 'C', 'T', 'TP53')
const KRAS_VCF = vcfRecord('17', '25245350', 'C', 'A', 'KRAS')

async function defaultRun(inputs: string[]): Promise<{ reports: ReadReport[]; m: BuiltMatrix; rows: string[] }> {
  const cohort = await loadCohort({ inputs })
  const rows = cohort.events.toArray().map((e) => `${e.source.file.split('/').pop() ?? ''}:${e.source.line} ${e.sample} ${e.gene}`)
  return { reports: cohort.reports, m: await classifyCohort(cohort, copts), rows }
}

function tp53Cell(m: BuiltMatrix, sample = 'S1'): ReturnType<ReturnType<typeof requireRecords>['cells']['get']> {
  const r = requireRecords(m, 'test')
  const f = r.features.findIndex((x) => x.id === 'TP53' && x.type === 'gene')
  return r.cells.get(f * r.samples.length + r.samples.indexOf(sample))
}

function expectOneTp53(m: BuiltMatrix, burden: number): void {
  const cell = tp53Cell(m)
  expect(cell?.events).toHaveLength(1)
  expect(cell !== undefined && isMultiHit(cell)).toBe(false)
  const s = m.samples.indexOf('S1')
  expect(m.burden[s]).toBe(burden)
  expect(tmbPerMb(m, s)).toBe(burden * 2)
}

/** The summary JSON (features, genes, per-sample rows, read reports with their notes): what every path must agree on. */
const summary = (m: BuiltMatrix, reports: ReadReport[]): string => JSON.stringify(summaryJson({ matrix: m, reports, countedClasses: ['x'] }))

async function lowMemorySummaries(inputs: string[]): Promise<string[]> {
  const out: string[] = []
  for (const partitions of [1, 2, 5]) {
    for (const vcfChunk of [1, undefined]) {
      const r = await classifyLowMemory({ inputs, partitions, vcfChunk }, () => prepareClassifier(copts))
      out.push(summary(r.matrix, r.reports))
    }
  }
  return out
}

describe('the same call in two input files', () => {
  it('MAF + MAF: one event (not Multi_Hit), burden and TMB counted once, dropped and named in the later file', async () => {
    const f = write({ 'a.maf': maf(TP53, ROW('S2', 'PIK3CA', '179234297')), 'b.maf': maf(ROW('S1', 'KRAS', '25245350'), TP53, ROW('S3')) })
    const { reports, m, rows } = await defaultRun([f['a.maf'] as string, f['b.maf'] as string])
    expect(rows).toEqual(['a.maf:2 S1 TP53', 'a.maf:3 S2 PIK3CA', 'b.maf:2 S1 KRAS', 'b.maf:4 S3 TP53'])
    expect(readReportJson(reports[0] as ReadReport).dropped).toEqual({})
    const b = readReportJson(reports[1] as ReadReport)
    expect(b).toMatchObject({ rowsRead: 3, kept: 2, dropped: { 'duplicate of a call in an earlier input file (same sample, chromosome, start and alleles)': 1 } })
    expect(b.warnings).toEqual([`${f['b.maf']}:3: duplicate of ${f['a.maf']} line 2 (same sample, chromosome, start and alleles: S1 17:7675088 C>T): dropped here, that copy kept`])
    expectOneTp53(m, 1) // S1: TP53 once (KRAS is not on the panel)
    expect(tp53Cell(m)?.events[0]?.source.file).toBe(f['a.maf'])
    for (const s of await lowMemorySummaries([f['a.maf'] as string, f['b.maf'] as string])) expect(s).toBe(summary(m, reports))
  })

  it('VCF + MAF of the same call, either order: the first file keeps it, on every path', async () => {
    const f = write({ 'c.vcf': vcf(TP53_VCF, KRAS_VCF), 'd.maf': maf(ROW('S2'), TP53) })
    for (const [first, second] of [['c.vcf', 'd.maf'], ['d.maf', 'c.vcf']] as const) {
      const inputs = [f[first] as string, f[second] as string]
      const { reports, m } = await defaultRun(inputs)
      const later = reports[1] as ReadReport
      expect(droppedBy(reports[0] as ReadReport, 'duplicate-across-files')).toBe(0)
      expect(droppedBy(later, 'duplicate-across-files')).toBe(1)
      const keptLine = first === 'c.vcf' ? 8 : 3 // the VCF record's line (after the header), or the MAF row's
      const droppedLine = first === 'c.vcf' ? 3 : 8
      expect(readReportJson(later).warnings).toContain(
        `${f[second]}:${droppedLine}: duplicate of ${f[first]} line ${keptLine} (same sample, chromosome, start and alleles: S1 17:7675088 C>T): dropped here, that copy kept`,
      )
      expectOneTp53(m, 1)
      expect(tp53Cell(m)?.events[0]?.source.file).toBe(f[first])
      for (const s of await lowMemorySummaries(inputs)) expect(s).toBe(summary(m, reports))
    }
  })

  it('VCF + VCF: the second file drops its copies; many are counted, the first named', async () => {
    const f = write({ 'e.vcf': vcf(TP53_VCF, KRAS_VCF), 'f.vcf': vcf(KRAS_VCF, TP53_VCF, vcfRecord('17', '7675099', 'G', 'A', 'TP53')) })
    const inputs = [f['e.vcf'] as string, f['f.vcf'] as string]
    const { reports, m, rows } = await defaultRun(inputs)
    expect(rows).toEqual(['e.vcf:8 S1 TP53', 'e.vcf:9 S1 KRAS', 'f.vcf:10 S1 TP53'])
    const r = readReportJson(reports[1] as ReadReport)
    expect(r).toMatchObject({ rowsRead: 3, kept: 1, dropped: { 'duplicate of a call in an earlier input file (same sample, chromosome, start and alleles)': 2 } })
    expect(r.warnings).toEqual([
      `${f['f.vcf']}:8: duplicate of ${f['e.vcf']} line 9 (same sample, chromosome, start and alleles: S1 17:25245350 C>A): dropped here, that copy kept; 2 rows of this file repeat a call of an earlier input file, this is the first`,
    ])
    // TP53 twice in S1 (two different calls): that is a Multi_Hit, the repeat is not.
    expect(tp53Cell(m)?.events).toHaveLength(2)
    expect(m.burden[m.samples.indexOf('S1')]).toBe(2)
    for (const s of await lowMemorySummaries(inputs)) expect(s).toBe(summary(m, reports))
  })

  it('two different calls of one sample in two files are both kept (and a lone file reads as before)', async () => {
    const f = write({ 'g.maf': maf(TP53), 'h.maf': maf(ROW('S1', 'TP53', '7675089')), 'i.vcf': vcf(vcfRecord('17', '7675090', 'C', 'T', 'TP53')) })
    const inputs = [f['g.maf'] as string, f['h.maf'] as string, f['i.vcf'] as string]
    const { reports, m } = await defaultRun(inputs)
    for (const r of reports) {
      expect(droppedBy(r, 'duplicate-across-files')).toBe(0)
      expect(r.warnings).toEqual([])
    }
    expect(tp53Cell(m)?.events).toHaveLength(3)
    expect(tp53Cell(m) !== undefined && isMultiHit(tp53Cell(m) as NonNullable<ReturnType<typeof tp53Cell>>)).toBe(true)
    expect(m.burden[m.samples.indexOf('S1')]).toBe(3)
    for (const s of await lowMemorySummaries(inputs)) expect(s).toBe(summary(m, reports))
    // The same call in another sample is another call.
    const other = write({ 'j.maf': maf(ROW('S2')) })
    const two = await defaultRun([f['g.maf'] as string, other['j.maf'] as string])
    expect(two.reports.map((r) => r.dropped)).toEqual([[], []])
  })

  it('a MAF sample written quoted or with spaces is the VCF sample (the low-memory pass that finds shared samples reads it so too)', async () => {
    const f = write({ 'p.vcf': vcf(TP53_VCF), 'q.maf': maf(ROW('"S1"'), ROW('S2')), 'r.maf': maf(ROW(' S1 ', 'TP53', '7675088', 'Missense_Mutation')) })
    for (const later of ['q.maf', 'r.maf']) {
      const inputs = [f['p.vcf'] as string, f[later] as string]
      const { reports, m } = await defaultRun(inputs)
      expect(droppedBy(reports[1] as ReadReport, 'duplicate-across-files')).toBe(1)
      expectOneTp53(m, 1)
      for (const s of await lowMemorySummaries(inputs)) expect(s).toBe(summary(m, reports))
    }
  })

  it('copies that disagree on origin: said in the note, the kept copy counts', async () => {
    const germline = ROW('S1', 'TP53', '7675088', 'Missense_Mutation', 'p.R175H\t12\t30\tGermline\tPASS')
    const f = write({ 'k.maf': maf(germline), 'l.vcf': vcf(vcfRecord('17', '7675088', 'C', 'T', 'TP53', 'SOMATIC;'), KRAS_VCF) })
    const inputs = [f['k.maf'] as string, f['l.vcf'] as string]
    const { reports, m } = await defaultRun(inputs)
    expect(readReportJson(reports[1] as ReadReport).warnings).toEqual([
      `${f['l.vcf']}:8: duplicate of ${f['k.maf']} line 2 (same sample, chromosome, start and alleles: S1 17:7675088 C>T): dropped here, that copy kept; the copies disagree on origin (somatic here, germline there: the kept copy's counts)`,
    ])
    expect(tp53Cell(m)?.events.map((e) => e.origin)).toEqual(['germline'])
    for (const s of await lowMemorySummaries(inputs)) expect(s).toBe(summary(m, reports))
  })
})

describe('on the command line', () => {
  it('summary: exit 0, the drop in the JSON read report, burden 1; --low-memory prints the same bytes', async () => {
    const f = write({ 's.vcf': vcf(TP53_VCF, KRAS_VCF), 't.maf': maf(TP53, ROW('S2')) })
    const cli = async (args: string[]): Promise<{ code: number; out: string; err: string }> => {
      const io = memoryIO()
      const code = await run(args, io)
      return { code, out: io.out, err: io.err }
    }
    const args = ['summary', f['s.vcf'] as string, f['t.maf'] as string, '--json', '--panel', PANEL]
    const want = await cli(args)
    expect([want.code, want.err]).toEqual([0, ''])
    const j = JSON.parse(want.out) as { perSample: { sample: string; burden: number }[]; readReports: { dropped: Record<string, number>; warnings: string[] }[] }
    expect(j.perSample.find((x) => x.sample === 'S1')?.burden).toBe(1)
    expect(j.readReports[1]?.dropped).toEqual({ 'duplicate of a call in an earlier input file (same sample, chromosome, start and alleles)': 1 })
    expect(j.readReports[1]?.warnings[0]).toContain(`duplicate of ${f['s.vcf']} line 8`)
    expect(await cli([...args, '--low-memory'])).toEqual(want)
    expect(await cli([...args, '--partitions', '3'])).toEqual(want)
  })
})

// Files read by two threads (src/scale/read/parallel.ts; the worker runs compiled code, so dist):
// forced on these small files, split at several points; a file is checked whole, after its merge.
const DIST = join(ROOT, 'dist', 'src')
const built = existsSync(join(DIST, 'scale', 'read', 'parse-worker.js'))
if (!built) console.warn('skipping the thread case of test/input/cross-file.test.ts: dist/src/scale/read/parse-worker.js is missing (run npm run build)')

describe.skipIf(!built)('the same call in two files read by two threads', () => {
  afterEach(() => {
    delete process.env['BIOMARKIT_THREADS']
  })

  it('gives the default path records and reports, wherever the files are split', async () => {
    const many = Array.from({ length: 40 }, (_, i) => ROW(`S${i % 7}`, 'TP53', String(7675000 + i)))
    const f = write({
      'm.maf': maf(TP53, ...many.slice(0, 25)),
      'n.vcf': vcf(vcfRecord('17', '7675010', 'C', 'T', 'TP53'), TP53_VCF, KRAS_VCF),
      'o.maf': maf(ROW('S1', 'KRAS', '25245350'), ...many.slice(20), TP53),
    })
    const inputs = [f['m.maf'] as string, f['n.vcf'] as string, f['o.maf'] as string]
    const want = await loadCohort({ inputs })
    const wantRows = want.events.toArray().map((e) => `${e.source.file}:${e.source.line}`)
    const wantReports = want.reports.map(readReportJson)
    expect(wantReports.map((r) => r.dropped)).toEqual([{}, { 'duplicate of a call in an earlier input file (same sample, chromosome, start and alleles)': 1 }, { 'duplicate of a call in an earlier input file (same sample, chromosome, start and alleles)': 6 }])
    const dist = (await import(pathToFileURL(join(DIST, 'input', 'cohort.js')).href)) as typeof CohortModule
    process.env['BIOMARKIT_THREADS'] = '2'
    for (const split of [0.3, 0.5, 0.8]) {
      const got = await dist.loadCohort({ inputs, parallel: { minBytes: 0, split } })
      expect(got.events.toArray().map((e) => `${e.source.file}:${e.source.line}`), `split ${split}`).toEqual(wantRows)
      expect(got.reports.map(readReportJson), `split ${split}`).toEqual(wantReports)
    }
  })
})
