/**
 * loadCohort over several files: the next file is sniffed while one is read, but results and
 * errors come in file order, as when each file was sniffed at its turn.
 */
import { describe, expect, it } from 'vitest'
import { loadCohort } from '../../src/input/cohort.js'
import { InputError } from '../../src/errors.js'
import { tmpFile } from '../helpers.js'
import { HEADER, ROW } from '../maf/crafted.js'

const maf = (name: string, ...samples: string[]) => tmpFile(name, [HEADER, ...samples.map((s) => ROW(s)), ''].join('\n'))

async function failure(inputs: string[]): Promise<InputError> {
  try {
    await loadCohort({ inputs })
  } catch (e) {
    if (e instanceof InputError) return e
    throw e
  }
  throw new Error('no error')
}

describe('loadCohort with several files', () => {
  it('reads them in order, with one report per file', async () => {
    const files = [maf('c1.maf', 'S1', 'S2'), maf('c2.maf', 'S3'), tmpFile('c3.maf', [HEADER, ROW('S1', 'KRAS', '25245350'), ROW('S4'), ROW('S1'), ''].join('\n'))]
    const c = await loadCohort({ inputs: files })
    expect(c.reports.map((r) => r.file)).toEqual(files)
    // c3's last row is c1's first call again (test/input/cross-file.test.ts): dropped there.
    expect([...c.events].map((a) => `${a.sample} ${a.gene}`)).toEqual(['S1 TP53', 'S2 TP53', 'S3 TP53', 'S1 KRAS', 'S4 TP53'])
    expect(c.reports.map((r) => r.kept)).toEqual([2, 1, 2])
    expect(c.samples).toEqual(['S1', 'S2', 'S3', 'S4'])
  })

  it("an earlier file's error comes first, even when a later file is missing or empty", async () => {
    const bad = tmpFile('c-bad.maf', [HEADER, ROW('S1', 'TP53', '12x'), ''].join('\n'))
    const missing = `${bad}.missing`
    const empty = tmpFile('c-empty.maf', '')
    const e1 = await failure([maf('c-ok.maf', 'S1'), bad, missing])
    expect(e1.file).toBe(bad)
    const e2 = await failure([maf('c-ok2.maf', 'S1'), missing, empty])
    expect([e2.code, e2.file]).toEqual(['NOT_FOUND', missing])
    const e3 = await failure([maf('c-ok3.maf', 'S1'), empty, missing])
    expect([e3.code, e3.file]).toEqual(['EMPTY_FILE', empty])
  })
})
