/**
 * scanSurvival's features on two threads (src/scan/survival-threads.ts) give the rows one thread
 * gives, number for number and byte for byte in the TSV. The worker runs compiled JavaScript, so
 * this test drives the built library in dist/ (after editing sources run `npm run build`); it is
 * skipped with a message when dist is missing. The threshold is lowered (minCells 0) so small
 * cohorts go to two threads, and `workerFirst` makes sure the worker takes part.
 */
import { existsSync } from 'node:fs'
import { join } from 'node:path'
import { pathToFileURL } from 'node:url'
import { afterEach, describe, expect, it } from 'vitest'
import type * as ClinicalModule from '../../src/clinical/index.js'
import type * as FormatModule from '../../src/scan/format.js'
import type * as ScanModule from '../../src/scan/scan-survival.js'
import type * as ThreadsModule from '../../src/scan/survival-threads.js'
import type { StateMatrix } from '../../src/matrix/types.js'
import { ROOT } from '../helpers.js'

const DIST = join(ROOT, 'dist', 'src')
const built = existsSync(join(DIST, 'scan', 'survival-worker.js'))
if (!built) console.warn('skipping test/scan/survival-threads.test.ts: dist/src/scan/survival-worker.js is missing (run npm run build)')

const load = async <T>(rel: string): Promise<T> => (await import(pathToFileURL(join(DIST, rel)).href)) as T

afterEach(() => {
  delete process.env['BIOMARKIT_THREADS']
})

/**
 * A cohort with what the split must not change: tied times, censoring, samples without follow-up,
 * panels (not-assayed blocks shared by features), features never or always altered, a feature
 * altered in a handful of samples, one with no events among its assayed samples.
 */
function cohort(samples: number, features: number, seed: number) {
  let x = seed
  const rnd = (n: number) => (x = (Math.imul(x, 1103515245) + 12345) >>> 0) % n
  const ids = Array.from({ length: samples }, (_, i) => `P${String(i).padStart(5, '0')}`)
  const panel = ids.map(() => rnd(3))
  const lines = ['sample\tos_months\tos_event\tage']
  ids.forEach((id, i) => lines.push(`${id}\t${rnd(20) === 0 ? 'NA' : String(rnd(60))}\t${rnd(3) === 0 ? 0 : 1}\t${30 + (i % 50)}`))
  const state = new Uint8Array(samples * features)
  for (let f = 0; f < features; f++) {
    const rate = f % 7 === 0 ? 0 : f % 7 === 1 ? 1000 : 1 + rnd(40)
    for (let s = 0; s < samples; s++) {
      const assayed = f % 3 === 0 || panel[s] !== f % 3
      state[f * samples + s] = !assayed ? 2 : rnd(1000) < rate ? 1 : 0
    }
  }
  const m: StateMatrix = {
    samples: ids,
    features: Array.from({ length: features }, (_, f) => ({ id: `G${f}`, label: `G${f}`, type: 'gene' as const, genes: [`G${f}`] })),
    state,
    samplePanel: ids.map(() => undefined),
    panelMb: ids.map(() => undefined),
    burden: new Uint32Array(samples),
  }
  return { m, lines }
}

async function both(samples: number, features: number, seed: number, covariates?: string[], sharedState = false) {
  const { parseClinicalLines } = await load<typeof ClinicalModule>('clinical/index.js')
  const { scanSurvival } = await load<typeof ScanModule>('scan/scan-survival.js')
  const { survivalRowsTsv } = await load<typeof FormatModule>('scan/format.js')
  const { threadCounts } = await load<typeof ThreadsModule>('scan/survival-threads.js')
  const { m: plain, lines } = cohort(samples, features, seed)
  // State in a SharedArrayBuffer (as a large patient-level matrix has it) goes to the worker in place.
  const m = sharedState ? { ...plain, state: new Uint8Array(new SharedArrayBuffer(plain.state.length)) } : plain
  if (sharedState) m.state.set(plain.state)
  const clinical = parseClinicalLines('c.tsv', lines).table
  const list = [...Array.from({ length: features }, (_, f) => f), features + 5, 3] // an unknown index is skipped; a repeat is scanned again
  const run = (threads: string, minCells: number | undefined) => {
    process.env['BIOMARKIT_THREADS'] = threads
    return scanSurvival(m, clinical, 'os', list, { curves: false, covariates, threads: { minCells, workerFirst: true } })
  }
  const one = run('1', 0)
  const before = { ...threadCounts }
  const two = run('2', 0)
  return { one, two, worker: threadCounts.worker - before.worker, main: threadCounts.main - before.main, tsv: [survivalRowsTsv(one.rows).join('\n'), survivalRowsTsv(two.rows).join('\n')] }
}

describe.runIf(built)('scanSurvival on two threads = on one', () => {
  it('the same rows and TSV bytes, both threads taking features', async () => {
    for (const seed of [1, 2, 3]) {
      const r = await both(1500, 40, seed)
      expect(r.worker).toBeGreaterThan(0)
      expect(r.worker + r.main).toBe(41) // 40 features, one twice, the unknown index skipped
      expect(r.two.rows).toEqual(r.one.rows)
      expect(r.tsv[1]).toBe(r.tsv[0])
      expect(r.two.rows.map((row) => row.note).filter((n) => n !== undefined).length).toBeGreaterThan(0)
    }
  })

  it('state already in a SharedArrayBuffer (shared as is, not copied): the same rows and bytes', async () => {
    for (const seed of [4, 5]) {
      const r = await both(1500, 40, seed, undefined, true)
      const plain = await both(1500, 40, seed)
      expect(r.worker).toBeGreaterThan(0)
      expect(r.worker + r.main).toBe(41)
      expect(r.two.rows).toEqual(r.one.rows)
      expect(r.tsv[1]).toBe(r.tsv[0])
      expect(r.tsv[1]).toBe(plain.tsv[0])
    }
  })

  it('with covariates (the Cox model of several columns) too', async () => {
    const r = await both(800, 12, 9, ['age'])
    expect(r.worker).toBeGreaterThan(0)
    expect(r.two.rows).toEqual(r.one.rows)
    expect(r.tsv[1]).toBe(r.tsv[0])
  })

  it('stays on one thread with BIOMARKIT_THREADS=1, below the threshold, and when curves are asked for', async () => {
    const { parseClinicalLines } = await load<typeof ClinicalModule>('clinical/index.js')
    const { scanSurvival } = await load<typeof ScanModule>('scan/scan-survival.js')
    const { threadCounts, threadedScan } = await load<typeof ThreadsModule>('scan/survival-threads.js')
    const { m, lines } = cohort(300, 6, 4)
    const clinical = parseClinicalLines('c.tsv', lines).table
    const before = { ...threadCounts }
    process.env['BIOMARKIT_THREADS'] = '1'
    scanSurvival(m, clinical, 'os', [0, 1, 2, 3, 4, 5], { curves: false, threads: { minCells: 0 } })
    process.env['BIOMARKIT_THREADS'] = '2'
    scanSurvival(m, clinical, 'os', [0, 1, 2, 3, 4, 5], { curves: false })
    const withCurves = scanSurvival(m, clinical, 'os', [0, 1, 2, 3, 4, 5], { threads: { minCells: 0 } })
    expect(withCurves.curves).toHaveLength(6)
    expect(threadCounts).toEqual(before)
    expect(threadedScan(6, 300, { minCells: 0 })).toBe(true)
    expect(threadedScan(6, 300)).toBe(false)
    expect(threadedScan(1, 1e9, { minCells: 0 })).toBe(false)
  })
})
