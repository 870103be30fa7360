/**
 * The same call (sample, chromosome, start, alleles) in two input files is one event, as within one
 * file (#21 item 7): the later file's row is dropped, counted as "duplicate across files" in its
 * read report and named with both files. Before, it was a second event: Multi_Hit, burden 2.
 * On each path: the default one (MAF + MAF, MAF + VCF), files read by two threads, and the
 * low-memory sample partitions.
 */
import { existsSync } from 'node:fs'
import { join } from 'node:path'
import { pathToFileURL } from 'node:url'
import { afterEach, describe, expect, it } from 'vitest'
import { loadCohort } from '../../src/input/cohort.js'
import { CrossFileDuplicates, CROSS_FILE_DUPLICATE } from '../../src/input/cross-file.js'
import { isMultiHit } from '../../src/matrix/cell.js'
import { stateTotals } from '../../src/matrix/summary.js'
import type { ReadReport } from '../../src/model/report.js'
import { classifyCohort, prepareClassifier } from '../../src/pipeline/classify-cohort.js'
import { summaryJson } from '../../src/pipeline/summary-report.js'
import { classifyLowMemory } from '../../src/scale/low-memory.js'
import type * as ParallelModule from '../../src/scale/read/parallel.js'
import type * as EventsModule from '../../src/model/events.js'
import { ROOT, tmpDir, tmpFile } from '../helpers.js'
import { HEADER, ROW } from '../maf/crafted.js'
import { csq, vepHeader } from '../vcf/_util.js'
import { writeFileSync } from 'node:fs'

const TP53 = ROW('S1') // TP53 17:7675088 C>T in S1
const A = [HEADER, TP53, ROW('S2', 'PIK3CA', '179234297'), ''].join('\n')
const B = [HEADER, ROW('S1', 'KRAS', '25245350'), TP53, ROW('S3'), ''].join('\n')

function files(): { a: string; b: string } {
  const dir = tmpDir('cross-file-')
  const a = join(dir, 'a.maf')
  const b = join(dir, 'b.maf')
  writeFileSync(a, A)
  writeFileSync(b, B)
  return { a, b }
}

function expectRepeatReported(r: ReadReport, later: string, earlier: string): void {
  expect(r.dropped).toEqual({ [CROSS_FILE_DUPLICATE]: 1 })
  expect(r.kept).toBe(2)
  expect(r.rowsRead).toBe(3)
  const w = r.warnings.find((x) => x.startsWith(CROSS_FILE_DUPLICATE))
  expect(w).toContain(`${later}:3 repeats ${earlier}:2 (S1 17:7675088 C>T)`)
}

describe('the same call in two input files', () => {
  it('default path, MAF + MAF: one event (not Multi_Hit), burden 1 for it, counted and named in the later file', async () => {
    const { a, b } = files()
    const cohort = await loadCohort({ inputs: [a, b] })
    expect(cohort.events.length).toBe(4)
    expect(cohort.reports[0]?.dropped).toEqual({})
    expectRepeatReported(cohort.reports[1] as ReadReport, b, a)
    const m = await classifyCohort(cohort, {})
    const f = m.features.findIndex((x) => x.id === 'TP53')
    const cell = m.cells.get(f * m.samples.length + m.samples.indexOf('S1'))
    expect(cell?.events).toHaveLength(1)
    expect(cell?.events[0]?.source.file).toBe(a)
    expect(cell && isMultiHit(cell)).toBe(false)
    expect(m.burden[m.samples.indexOf('S1')]).toBe(2) // TP53 and KRAS, not TP53 twice
  })

  it('a file alone, or files with no call in common, are read as before', async () => {
    const { a } = files()
    const one = await loadCohort({ inputs: [a] })
    expect(one.reports[0]?.dropped).toEqual({})
    const other = tmpFile('other.maf', [HEADER, ROW('S9'), ''].join('\n'))
    const two = await loadCohort({ inputs: [a, other] })
    expect(two.events.length).toBe(3)
    expect(two.reports.map((r) => r.dropped)).toEqual([{}, {}])
  })

  it('default path, MAF + VCF: the VCF record of the MAF call is the repeat', async () => {
    const { a } = files()
    const vcf = tmpFile(
      'later.vcf',
      [
        ...vepHeader(['S1']),
        ['17', '7675088', '.', 'C', 'T', '.', 'PASS', `CSQ=${csq({ allele: 'T', cons: 'missense_variant', symbol: 'TP53', hgvsp: 'p.R175H' })}`, 'GT', '0/1'].join('\t'),
        ['12', '25245350', '.', 'C', 'A', '.', 'PASS', `CSQ=${csq({ allele: 'A', cons: 'missense_variant', symbol: 'KRAS' })}`, 'GT', '0/1'].join('\t'),
        '',
      ].join('\n'),
    )
    const cohort = await loadCohort({ inputs: [a, vcf] })
    const r = cohort.reports[1] as ReadReport
    expect(r.dropped[CROSS_FILE_DUPLICATE]).toBe(1)
    expect(r.warnings.find((x) => x.startsWith(CROSS_FILE_DUPLICATE))).toMatch(new RegExp(`later\\.vcf:\\d+ repeats ${a.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')}:2`))
    const m = await classifyCohort(cohort, {})
    const f = m.features.findIndex((x) => x.id === 'TP53')
    expect(m.cells.get(f * m.samples.length + m.samples.indexOf('S1'))?.events).toHaveLength(1)
  })

  it('low-memory path: the same reports and summary as the default path, for 1 to 5 partitions', async () => {
    const { a, b } = files()
    const cohort = await loadCohort({ inputs: [a, b] })
    const m = await classifyCohort(cohort, {})
    const want = JSON.stringify(summaryJson({ matrix: m, reports: cohort.reports, countedClasses: ['x'] }))
    for (const partitions of [1, 2, 5]) {
      const r = await classifyLowMemory({ inputs: [a, b], partitions }, () => prepareClassifier({}))
      expectRepeatReported(r.reports[1] as ReadReport, b, a)
      expect(JSON.stringify(summaryJson({ matrix: r.matrix, reports: r.reports, countedClasses: ['x'] }))).toBe(want)
      expect([...stateTotals(r.matrix).altered]).toEqual([...stateTotals(m).altered])
    }
  })
})

// Files read by two threads (src/scale/read/parallel.ts) are merged before the check: a file is checked whole.
const DIST = join(ROOT, 'dist', 'src')
const built = existsSync(join(DIST, 'scale', 'read', 'parse-worker.js'))
if (!built) console.warn('skipping the thread case of test/input/cross-file.test.ts: dist/src/scale/read/parse-worker.js is missing (run npm run build)')
const load = async <T>(rel: string): Promise<T> => (await import(pathToFileURL(join(DIST, rel)).href)) as T

describe.skipIf(!built)('the same call in two files read by two threads', () => {
  afterEach(() => {
    delete process.env['BIOMARKIT_THREADS']
  })

  it('is dropped from the later file wherever the files are split', async () => {
    const { a, b } = files()
    const { EventTable } = await load<typeof EventsModule>('model/events.js')
    const { readMafSplit } = await load<typeof ParallelModule>('scale/read/parallel.js')
    process.env['BIOMARKIT_THREADS'] = '2'
    for (const split of [0.3, 0.5, 0.8]) {
      const t = new EventTable()
      const repeats = new CrossFileDuplicates(t)
      await readMafSplit(a, t, {}, { minBytes: 0, split })
      expect(repeats.check(0).count).toBe(0)
      const from = t.length
      await readMafSplit(b, t, {}, { minBytes: 0, split })
      const r = repeats.check(from)
      expect(r.count).toBe(1)
      expect(r.examples[0]).toBe(`${b}:3 repeats ${a}:2 (S1 17:7675088 C>T)`)
      expect(t.toArray().map((e) => `${e.source.file === a ? 'a' : 'b'}:${e.source.line}`)).toEqual(['a:2', 'a:3', 'b:2', 'b:4'])
    }
  })
})
