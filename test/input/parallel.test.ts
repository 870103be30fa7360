/**
 * Big MAF and VCF files are read by two threads (src/scale/read/parallel.ts): the result must be what one
 * thread reads — same records in the same order, same read report, same error (with the right
 * line) — wherever the file is split (for VCF also the same string pool order). The worker thread runs compiled
 * JavaScript, so this test drives the built library in dist/ (`npm ci` / `npm install` build it;
 * after editing sources run `npm run build`); it is skipped with a message when dist is missing.
 * Files are split at any size here (minBytes 0) and at several points.
 */
import { existsSync, readdirSync, readFileSync, statSync } from 'node:fs'
import { join } from 'node:path'
import { pathToFileURL } from 'node:url'
import { gunzipSync } from 'node:zlib'
import { afterEach, describe, expect, it } from 'vitest'
import type * as ParallelModule from '../../src/scale/read/parallel.js'
import type * as ParserModule from '../../src/maf/parser.js'
import type * as EventsModule from '../../src/model/events.js'
import type { MafOptions } from '../../src/maf/parser.js'
import type { VcfReadOptions } from '../../src/vcf/options.js'
import { type ReadReport, droppedText } from '../../src/model/report.js'
import { FIXTURES, ROOT, tmpFile } from '../helpers.js'
import { CRAFTED, HEADER, ROW } from '../maf/crafted.js'
import { comparable } from '../maf/parity.js'

const DIST = join(ROOT, 'dist', 'src')
const built = existsSync(join(DIST, 'scale', 'read', 'parse-worker.js'))
if (!built) console.warn('skipping test/input/parallel.test.ts: dist/src/scale/read/parse-worker.js is missing (run npm run build)')

const load = async <T>(rel: string): Promise<T> => (await import(pathToFileURL(join(DIST, rel)).href)) as T

type SplitReader = (path: string, table: InstanceType<typeof EventsModule.EventTable>, tuning: ParallelModule.ParallelTuning) => Promise<{ report: ReadReport; samples: string[] }>

/** One file read through a split reader of the built library, with 1 or 2 threads: what it gives, or its error. */
async function readWith(reader: (m: typeof ParallelModule) => SplitReader, path: string, threads: 1 | 2, split: number | undefined) {
  const { EventTable } = await load<typeof EventsModule>('model/events.js')
  const go = reader(await load<typeof ParallelModule>('scale/read/parallel.js'))
  process.env['BIOMARKIT_THREADS'] = String(threads)
  const t = new EventTable()
  try {
    const r = await go(path, t, { minBytes: 0, split })
    return { records: t.toArray(), pool: t.pool.values, report: r.report, samples: r.samples }
  } catch (e) {
    return { error: String((e as { format?: () => string }).format?.() ?? e) }
  }
}

/** MAF paths agree on records and reports (warnings in any order), not on pool ids: ../maf/parity.ts. */
const read = async (path: string, threads: 1 | 2, opts: MafOptions = {}, split = 0.5) =>
  comparable(await readWith((m) => (p, t, tuning) => m.readMafSplit(p, t, opts, tuning), path, threads, split))

const SPLITS = [0.05, 0.3, 0.5, 0.77, 0.99]

afterEach(() => {
  delete process.env['BIOMARKIT_THREADS']
})

/** A cohort with what the merge must get right: repeats across the halves, NA positions, words that are not MAF classes, inferred types, many samples. */
function cohort(rows: number): string {
  let x = 7
  const rnd = (n: number) => (x = (Math.imul(x, 1103515245) + 12345) >>> 0) % n
  const out = [HEADER]
  for (let i = 0; i < rows; i++) {
    const s = `S${rnd(400)}`
    const r = rnd(100)
    if (r < 3 && out.length > 2) out.push(out[1 + rnd(out.length - 1)] as string) // an earlier row again, anywhere
    else if (r < 5) out.push(ROW(s, 'FLT3', 'NA'))
    else if (r < 7) out.push(ROW(s, 'FLT3', String(1000 + rnd(50)), 'ITD'))
    else if (r < 9) out.push(ROW(s, 'KRAS', String(25245350 + rnd(3))).replace('\tSNP\t', '\tNA\t'))
    else if (r < 10) out.push(ROW(s, `G${rnd(600)}`, String(1 + rnd(1e6)), 'Missense_Mutation', `p.X${i}\t\t\tGermline\tclustered_events`))
    else out.push(ROW(s, `G${rnd(600)}`, String(1 + rnd(1e8)), 'Missense_Mutation', `p.R${i}H\t${rnd(50)}\t${rnd(90)}\tSomatic\tPASS`))
  }
  return out.join('\n') + '\n'
}

describe.runIf(built)('MAF read by two threads = read by one', () => {
  it('really splits a file: the worker reads the second part', async () => {
    const { feedInParallel } = await load<typeof ParallelModule>('scale/read/parallel.js')
    const { MafParser } = await load<typeof ParserModule>('maf/parser.js')
    const p = tmpFile('split.maf', cohort(2000))
    process.env['BIOMARKIT_THREADS'] = '2'
    const parser = new MafParser(p, {})
    expect(await feedInParallel(p, parser, {}, { minBytes: 0 })).toBe(true)
    expect(parser.finish().rowsRead).toBe(2000)
    // Too small by default, compressed, or turned off: one thread.
    expect(await feedInParallel(p, new MafParser(p, {}), {})).toBe(false)
    process.env['BIOMARKIT_THREADS'] = '1'
    expect(await feedInParallel(p, new MafParser(p, {}), {}, { minBytes: 0 })).toBe(false)
  })

  it('a generated cohort with repeats across the halves, at every split', async () => {
    const { splitOutcomes } = await load<typeof ParallelModule>('scale/read/parallel.js')
    const p = tmpFile('cohort.maf', cohort(30_000))
    const one = await read(p, 1)
    expect(droppedText(one.report as ReadReport)).toHaveProperty(['duplicate (same sample, chromosome, start and alleles)'])
    const merged = splitOutcomes.merged
    for (const split of SPLITS) expect(await read(p, 2, {}, split), `split ${split}`).toEqual(one)
    expect(splitOutcomes.merged - merged).toBe(SPLITS.length)
  }, 60_000)

  it('tcga_laml (decompressed), at every split', async () => {
    const p = tmpFile('laml.maf', gunzipSync(readFileSync(join(FIXTURES, 'maf', 'tcga_laml.maf.gz'))))
    const one = await read(p, 1)
    expect(one.records?.length).toBe(2207)
    for (const split of SPLITS) expect(await read(p, 2, {}, split), `split ${split}`).toEqual(one)
  })

  for (const [name, text] of Object.entries(CRAFTED)) {
    it(`crafted: ${name}`, async () => {
      // Padded with rows before so the split can fall anywhere, the crafted part included.
      const lines = text.split(/(?<=\n)/)
      const head = lines.findIndex((l) => l.startsWith('Hugo_Symbol'))
      const body = head < 0 ? text : [...lines.slice(0, head + 1), ...Array.from({ length: 40 }, (_, i) => ROW(`P${i}`, 'EGFR', String(55_000_000 + i)) + '\n'), ...lines.slice(head + 1)].join('')
      const p = tmpFile(`${name}.maf`, body)
      const one = await read(p, 1)
      for (const split of SPLITS) expect(await read(p, 2, {}, split), `split ${split}`).toEqual(one)
    })
  }

  it('an error in the second part names its own line, and one in the first part wins', async () => {
    const rows = [HEADER, ...Array.from({ length: 200 }, (_, i) => ROW(`S${i}`, 'TP53', String(1000 + i)))]
    rows[180] = ROW('S180', 'TP53', '12x')
    const late = tmpFile('late-error.maf', rows.join('\n') + '\n')
    const one = await read(late, 1)
    expect(one.error).toMatch(/late-error\.maf:181:3: /)
    expect(await read(late, 2)).toEqual(one)
    rows[20] = ROW('S20', 'TP53', '7x')
    const early = tmpFile('early-error.maf', rows.join('\n') + '\n')
    expect((await read(early, 2)).error).toMatch(/early-error\.maf:21:3: /)
  })

  it('lenient mode: bad rows in the second part are counted as one thread counts them', async () => {
    const rows = [HEADER, ...Array.from({ length: 200 }, (_, i) => ROW(`S${i % 30}`, 'TP53', String(1000 + (i % 150))))]
    rows[150] = 'TP53\t17\t1'
    rows[170] = ROW('S1', 'TP53', '12x')
    const p = tmpFile('lenient.maf', rows.join('\n') + '\n')
    const one = await read(p, 1, { lenient: true })
    expect(droppedText(one.report as ReadReport)['bad row: bad_number']).toBe(1)
    for (const split of SPLITS) expect(await read(p, 2, { lenient: true }, split)).toEqual(one)
  })

  it('a read started ahead is taken over when path and options match, else ended; the result is the one-thread read', async () => {
    const m = await load<typeof ParallelModule>('scale/read/parallel.js')
    const { EventTable } = await load<typeof EventsModule>('model/events.js')
    const p = tmpFile('ahead.maf', cohort(20_000))
    const one = await read(p, 1)
    process.env['BIOMARKIT_THREADS'] = '2'
    const viaAhead = async (ahead: MafOptions, opts: MafOptions, split: number) => {
      m.readMafAhead(p, ahead, split, { minBytes: 0 })
      const t = new EventTable()
      const r = await m.readMafSplit(p, t, opts, { minBytes: 0 })
      return comparable({ records: t.toArray(), pool: t.pool.values, report: r.report, samples: r.samples })
    }
    const taken = m.splitOutcomes.aheadTaken
    for (const split of SPLITS) expect(await viaAhead({}, {}, split), `split ${split}`).toEqual(one)
    expect(m.splitOutcomes.aheadTaken - taken).toBe(SPLITS.length)
    // Options that differ at the read: the worker started ahead is ended, a new one reads.
    expect(await viaAhead({ origin: 'germline' }, {}, 0.6)).toEqual(one)
    expect(await viaAhead({ lenient: true }, { lenient: undefined }, 0.6)).toEqual(one)
    expect(m.splitOutcomes.aheadTaken - taken).toBe(SPLITS.length)
    // Never read: ended.
    m.readMafAhead(p, {}, 0.5, { minBytes: 0 })
    m.stopReadsAhead()
    expect(await read(p, 2)).toEqual(one)
  }, 60_000)

  it('options reach the worker: sample override and origin', async () => {
    const p = tmpFile('opts.maf', cohort(500))
    for (const opts of [{ sampleOverride: 'P01' }, { origin: 'germline' as const }]) expect(await read(p, 2, opts)).toEqual(await read(p, 1, opts))
  })
})

const readVcf = (path: string, threads: 1 | 2, opts: VcfReadOptions = {}, split?: number) =>
  readWith((m) => (p, t, tuning) => m.readVcfSplit(p, t, opts, tuning), path, threads, split)

const CSQ_FORMAT = 'Allele|Consequence|IMPACT|SYMBOL|Gene|Feature_type|Feature|BIOTYPE|HGVSc|HGVSp|CANONICAL'
const VCF_HEADER = [
  '##fileformat=VCFv4.2',
  `##INFO=<ID=CSQ,Number=.,Type=String,Description="Consequence annotations from Ensembl VEP. Format: ${CSQ_FORMAT}">`,
  '##INFO=<ID=DP,Number=1,Type=Integer,Description="depth">',
  '##INFO=<ID=SVTYPE,Number=1,Type=String,Description="sv type">',
  '##INFO=<ID=MATEID,Number=.,Type=String,Description="mate">',
  '##FORMAT=<ID=GT,Number=1,Type=String,Description="genotype">',
  '##FORMAT=<ID=AD,Number=R,Type=Integer,Description="depths">',
  '##FORMAT=<ID=DP,Number=1,Type=Integer,Description="depth">',
  '#CHROM\tPOS\tID\tREF\tALT\tQUAL\tFILTER\tINFO\tFORMAT\tNORMAL\tTUMOR',
]
const CONSEQUENCES = ['missense_variant', 'synonymous_variant', 'stop_gained', 'frameshift_variant', 'intron_variant', 'splice_region_variant&intron_variant']

/** VEP records: SNVs, indels, two-ALT records, filtered ones, a few repeated. */
function vepVcf(records: number, seed = 3): string[] {
  let x = seed
  const rnd = (n: number) => (x = (Math.imul(x, 1103515245) + 12345) >>> 0) % n
  const out = [...VCF_HEADER]
  for (let i = 0; i < records; i++) {
    const gene = `G${rnd(300)}`
    const cons = CONSEQUENCES[rnd(CONSEQUENCES.length)] as string
    const indel = rnd(10) === 0
    const ref = indel ? 'AT' : 'A'
    const alt = rnd(15) === 0 ? 'C,G' : indel ? 'A' : 'T'
    const entry = (a: string) => `${a}|${cons}|MODERATE|${gene}|ENSG${gene}|Transcript|ENST${gene}|protein_coding|c.${i}A>T|p.His${i}Arg|YES`
    const csq = alt.split(',').map((a) => entry(indel ? '-' : a)).join(',')
    const filter = rnd(12) === 0 ? 'LowQual' : 'PASS'
    out.push(`chr${1 + rnd(22)}\t${1000 + i * 7}\t.\t${ref}\t${alt}\t50\t${filter}\tDP=${20 + rnd(80)};CSQ=${csq}\tGT:AD:DP\t0/0:30,0:30\t0/1:${10 + rnd(20)},${5 + rnd(20)}:40`)
  }
  return out
}
const vcfText = (lines: string[]) => lines.join('\n') + '\n'

describe.runIf(built)('VCF read by two threads = read by one', () => {
  it('a generated VEP VCF, at every split (rows merged from the worker)', async () => {
    const { splitOutcomes } = await load<typeof ParallelModule>('scale/read/parallel.js')
    const p = tmpFile('vep.vcf', vcfText(vepVcf(20_000)))
    const one = await readVcf(p, 1)
    expect(one.records?.length).toBeGreaterThan(15_000)
    const merged = splitOutcomes.merged
    for (const split of SPLITS) expect(await readVcf(p, 2, {}, split), `split ${split}`).toEqual(one)
    expect(splitOutcomes.merged - merged).toBe(SPLITS.length)
  }, 60_000)

  it('what the worker must not merge: an undeclared INFO key, breakends, a dialect learned from records', async () => {
    const lines = vepVcf(400)
    lines[350] = (lines[350] as string).replace('\tDP=', '\tXK=1;DP=') // warned once, with its line
    const undeclared = tmpFile('undeclared.vcf', vcfText(lines))
    const bnd = [...vepVcf(400)]
    bnd.splice(300, 0, 'chr2\t5000\tbnd1\tA\tA[chr5:9000[\t50\tPASS\tSVTYPE=BND;MATEID=bnd2;CSQ=A[chr5:9000[|feature_truncation|HIGH|ALK|ENSGALK|Transcript|ENSTALK|protein_coding|||YES\tGT:AD:DP\t0/0:30,0:30\t0/1:10,5:15')
    bnd.splice(380, 0, 'chr5\t9000\tbnd2\tG\t]chr2:5000]G\t50\tPASS\tSVTYPE=BND;MATEID=bnd1;CSQ=]chr2:5000]G|feature_truncation|HIGH|EML4|ENSGEML4|Transcript|ENSTEML4|protein_coding|||YES\tGT:AD:DP\t0/0:30,0:30\t0/1:10,5:15')
    const breakends = tmpFile('bnd.vcf', vcfText(bnd))
    const ann = vcfText(['##fileformat=VCFv4.2', '#CHROM\tPOS\tID\tREF\tALT\tQUAL\tFILTER\tINFO', ...Array.from({ length: 300 }, (_, i) => `1\t${100 + i}\t.\tA\tT\t.\tPASS\tANN=T|missense_variant|MODERATE|KRAS|KRAS|transcript|T1|protein_coding|2/5|c.35G>T|p.Gly12Val|||||`)])
    const learned = tmpFile('ann.vcf', ann)
    const { splitOutcomes } = await load<typeof ParallelModule>('scale/read/parallel.js')
    for (const p of [undeclared, breakends, learned]) {
      const readHere = splitOutcomes.readHere
      const one = await readVcf(p, 1)
      expect(one.error, p).toBeUndefined()
      expect(one.records?.length, p).toBeGreaterThan(250)
      for (const split of SPLITS) expect(await readVcf(p, 2, {}, split), `${p} split ${split}`).toEqual(one)
      expect(splitOutcomes.readHere - readHere, p).toBeGreaterThan(0)
    }
  }, 60_000)

  it('an error in the second part is the one-thread error; lenient mode counts the same', async () => {
    const lines = vepVcf(300)
    lines[280] = (lines[280] as string).replace(/\t\d+\t\.\t/, '\t12x\t.\t')
    const p = tmpFile('bad.vcf', vcfText(lines))
    const one = await readVcf(p, 1)
    expect(one.error).toMatch(/bad\.vcf:281:2: /)
    expect(await readVcf(p, 2)).toEqual(one)
    const lenient = await readVcf(p, 1, { lenient: true })
    expect(lenient.report?.rowsRead).toBe(300)
    for (const split of SPLITS) expect(await readVcf(p, 2, { lenient: true }, split)).toEqual(lenient)
  })

  it('the VCF fixtures (every annotator dialect we read), at every split', async () => {
    const files: string[] = []
    const walk = (d: string) => {
      for (const f of readdirSync(d)) {
        const p = join(d, f)
        if (statSync(p).isDirectory()) walk(p)
        else if (f.endsWith('.vcf')) files.push(p)
      }
    }
    walk(join(FIXTURES, 'vcf'))
    expect(files.length).toBeGreaterThan(10)
    for (const p of files) {
      const one = await readVcf(p, 1)
      for (const split of [0.3, 0.7]) expect(await readVcf(p, 2, {}, split), `${p} split ${split}`).toEqual(one)
    }
  }, 120_000)
})
