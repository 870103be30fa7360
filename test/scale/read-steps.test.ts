/**
 * The cohort-reading steps both paths share (src/input/read-cohort.ts), the low-memory holders'
 * sink interface (src/scale/partition-sink.ts: a VCF fold rewound when the byte path hands its
 * file to the text path) and the first-error bookkeeping (src/scale/first-error.ts).
 */
import { gunzipSync } from 'node:zlib'
import { readFileSync } from 'node:fs'
import { join } from 'node:path'
import { describe, expect, it } from 'vitest'
import { InputError } from '../../src/errors.js'
import { loadCohort } from '../../src/input/cohort.js'
import { planJobs, readCohort, type FileRead, type Job, type ReadContext, type RecordsRead, type RowHolder } from '../../src/input/read-cohort.js'
import type { InputFormat } from '../../src/input/sniff.js'
import { newReport } from '../../src/model/report.js'
import { classifyCohort, prepareClassifier } from '../../src/pipeline/classify-cohort.js'
import { summaryJson } from '../../src/pipeline/summary-report.js'
import { FirstError } from '../../src/scale/first-error.js'
import { classifyLowMemory } from '../../src/scale/low-memory.js'
import { FIXTURES, tmpFile } from '../helpers.js'
import { HEADER, ROW } from '../maf/crafted.js'

/** A holder that reads nothing and records what it is handed; every call file's read comes from `finish`. */
class Recorder implements RowHolder<string[]> {
  readonly log: string[] = []
  private readonly called: number[] = []
  async calls(job: Job, file: number, format: InputFormat): Promise<undefined> {
    this.log.push(`calls ${file} ${format} ${job.role}`)
    this.called.push(file)
    return Promise.resolve(undefined)
  }
  append(file: number, read: RecordsRead): void {
    this.log.push(`append ${file} ${read.alterations.length}`)
  }
  failed(file: number, error: unknown): void {
    this.log.push(`failed ${file} ${(error as InputError).code}`)
  }
  finish(ctx: ReadContext): Promise<{ result: string[]; reads: ReadonlyMap<number, FileRead> }> {
    this.log.push(`finish ${ctx.jobs.length} declared ${ctx.declared.join(',')} mutations ${ctx.cnNotAssayed.mutationsRead}`)
    const reads = new Map<number, FileRead>()
    for (const k of this.called) reads.set(k, { report: newReport(`deferred-${k}`, 'maf'), samples: [`S-${k}`] })
    return Promise.resolve({ result: this.log, reads })
  }
}

const CNA = join(FIXTURES, 'cna', 'cntable.tsv')

describe('the shared reading steps', () => {
  it('hand call files to the holder with their format, read copy-number tables themselves, and put reports in job order', async () => {
    const maf = tmpFile('rs-a.maf', [HEADER, ROW('S1'), ''].join('\n'))
    const vcf = join(FIXTURES, 'vcf', 'gatk', 'PIK3CA_SNPS.oncotatorAnnotated.vcf')
    const list = tmpFile('rs-samples.txt', ['S1', 'S-0', 'NOCALL', ''].join('\n'))
    const h = new Recorder()
    const r = await readCohort(await planJobs({ inputs: [maf, vcf], cna: [CNA], samplesFile: list, extraSamples: ['X9'] }), h)
    expect(h.log.slice(0, 3)).toEqual(['calls 0 maf auto', 'calls 1 vcf auto', expect.stringMatching(/^append 2 [1-9]\d*$/)])
    expect(h.log[3]).toBe('finish 3 declared S1,S-0,NOCALL,X9 mutations true')
    expect(r.reports.map((x) => x.file)).toEqual(['deferred-0', 'deferred-1', CNA])
    expect(r.files).toEqual([maf, vcf, CNA])
    expect(r.samples).toEqual(expect.arrayContaining(['NOCALL', 'S-0', 'S-1', 'X9']))
    expect([...r.samples].sort()).toEqual(r.samples)
  })

  it('stop at the first file that fails: the holder is told, no later file is read, and it still finishes', async () => {
    const maf = tmpFile('rs-b.maf', [HEADER, ROW('S1'), ''].join('\n'))
    const h = new Recorder()
    await expect(readCohort(await planJobs({ inputs: [maf, `${maf}.missing`, maf] }), h)).rejects.toThrow(/no read of/)
    expect(h.log).toEqual(['calls 0 maf auto', 'failed 1 NOT_FOUND', 'finish 3 declared  mutations true'])
  })

  it('give both paths the same reports for a file given twice, with a sample list', async () => {
    const maf = tmpFile('rs-twice.maf', [HEADER, ROW('S1'), ROW('S2', 'KRAS', '25245350'), ''].join('\n'))
    const list = tmpFile('rs-list.txt', ['S1', 's2', ''].join('\n'))
    const c = await loadCohort({ inputs: [maf, maf], samplesFile: list })
    const m = await classifyCohort(c)
    const low = await classifyLowMemory({ inputs: [maf, maf], samplesFile: list, partitions: 2 }, () => prepareClassifier())
    expect(JSON.stringify(low.reports)).toBe(JSON.stringify(c.reports))
    expect(JSON.stringify(summaryJson({ matrix: low.matrix, reports: low.reports, countedClasses: ['x'] }))).toBe(JSON.stringify(summaryJson({ matrix: m, reports: c.reports, countedClasses: ['x'] })))
    expect(c.reports).toHaveLength(2)
  })
})

describe('the VCF fold as a partition sink', () => {
  it('a file handed to the text path after chunks were folded is folded again from its start (rewind), as the default path reads it', async () => {
    const lines = gunzipSync(readFileSync(join(FIXTURES, 'vcf', 'igv.js', 'S4.funcotator.vcf.gz'))).toString('utf8').split('\n')
    const header = lines.filter((l) => l.startsWith('#'))
    const records = lines.filter((l) => l !== '' && !l.startsWith('#'))
    // Past the byte source's first 4 MB block, so chunks are folded before the hand-over; then a
    // lone CR between two records: the byte line source hands the file to the text path.
    const body = Array.from({ length: 8 }, () => records).flat()
    const last = body.length - 2
    const text = [...header, ...body.slice(0, last), `${body[last] as string}\r${body[last + 1] as string}`, ''].join('\n')
    expect(text.length).toBeGreaterThan(4 * 1024 * 1024 + 100_000)
    const f = tmpFile('rs-cr.vcf', text)
    const cohort = await loadCohort({ inputs: [f] })
    const want = JSON.stringify(summaryJson({ matrix: await classifyCohort(cohort, { withPathways: true }), reports: cohort.reports, countedClasses: ['x'] }))
    for (const vcfChunk of [10, undefined]) {
      const low = await classifyLowMemory({ inputs: [f], vcfChunk, partitions: 1 }, () => prepareClassifier({ withPathways: true }))
      expect(JSON.stringify(summaryJson({ matrix: low.matrix, reports: low.reports, countedClasses: ['x'] })), `chunks of ${vcfChunk ?? 'default'}`).toBe(want)
    }
  })
})

describe('the first error in input order', () => {
  const err = (line: number): InputError => new InputError('BAD_NUMBER', 'x', { file: 'f', line })
  it('keeps the earliest (file, then line) whatever order errors are met in', () => {
    const e = new FirstError()
    expect(e.before(5, 5)).toBe(true)
    e.consider(2, 40, err(40))
    e.consider(3, 1, err(1))
    e.consider(2, 7, err(7))
    expect(e.file).toBe(2)
    expect(e.before(2, 6)).toBe(true)
    expect(e.before(2, 7)).toBe(false)
    expect(() => e.throwFirst()).toThrow(expect.objectContaining({ line: 7 }))
  })
  it('throws at once what is not an input\'s fault (a temporary file that cannot be written, a bug)', () => {
    const e = new FirstError()
    expect(() => e.consider(0, 1, new InputError('OUTPUT', 'disk full'))).toThrow(/disk full/)
    expect(() => e.consider(0, 1, new Error('bug'))).toThrow(/bug/)
    expect(e.pending).toBe(false)
  })
})
