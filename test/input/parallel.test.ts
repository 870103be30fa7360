/**
 * Big MAF files are read by two threads (src/input/parallel.ts): the result must be what one
 * thread reads — same records in the same order, same string pool order, same read report, same
 * error (with the right line) — wherever the file is split. The worker thread runs compiled
 * JavaScript, so this test drives the built library in dist/ (`npm ci` / `npm install` build it;
 * after editing sources run `npm run build`); it is skipped with a message when dist is missing.
 * Files are split at any size here (minBytes 0) and at several points.
 */
import { existsSync, readFileSync } from 'node:fs'
import { join } from 'node:path'
import { pathToFileURL } from 'node:url'
import { gunzipSync } from 'node:zlib'
import { afterEach, describe, expect, it } from 'vitest'
import type * as ParallelModule from '../../src/input/parallel.js'
import type * as ParserModule from '../../src/maf/parser.js'
import type * as EventsModule from '../../src/model/events.js'
import type { MafOptions } from '../../src/maf/parser.js'
import { FIXTURES, ROOT, tmpFile } from '../helpers.js'
import { CRAFTED, HEADER, ROW } from '../maf/crafted.js'

const DIST = join(ROOT, 'dist', 'src')
const built = existsSync(join(DIST, 'input', 'parse-worker.js'))
if (!built) console.warn('skipping test/input/parallel.test.ts: dist/src/input/parse-worker.js is missing (run npm run build)')

const load = async <T>(rel: string): Promise<T> => (await import(pathToFileURL(join(DIST, rel)).href)) as T

async function read(path: string, threads: 1 | 2, opts: MafOptions = {}, split = 0.5) {
  const { readMafSplit } = await load<typeof ParallelModule>('input/parallel.js')
  const { EventTable } = await load<typeof EventsModule>('model/events.js')
  process.env['BIOMARKIT_THREADS'] = String(threads)
  const t = new EventTable()
  try {
    const r = await readMafSplit(path, t, opts, { minBytes: 0, split })
    return { records: t.toArray(), pool: t.pool.values, report: r.report, samples: r.samples }
  } catch (e) {
    return { error: String((e as { format?: () => string }).format?.() ?? e) }
  }
}

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
    const { feedInParallel } = await load<typeof ParallelModule>('input/parallel.js')
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
    const p = tmpFile('cohort.maf', cohort(30_000))
    const one = await read(p, 1)
    expect(one.report?.dropped).toHaveProperty(['duplicate (same sample, chromosome, start and alleles)'])
    for (const split of SPLITS) expect(await read(p, 2, {}, split), `split ${split}`).toEqual(one)
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
    expect(one.report?.dropped['bad row: bad_number']).toBe(1)
    for (const split of SPLITS) expect(await read(p, 2, { lenient: true }, split)).toEqual(one)
  })

  it('options reach the worker: sample override and origin', async () => {
    const p = tmpFile('opts.maf', cohort(500))
    for (const opts of [{ sampleOverride: 'P01' }, { origin: 'germline' as const }]) expect(await read(p, 2, opts)).toEqual(await read(p, 1, opts))
  })
})
