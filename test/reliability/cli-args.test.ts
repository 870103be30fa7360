/**
 * Option mistakes and odd-but-valid inputs on every command: never an internal fault (exit 2).
 * Two of these were (a missing --sample-order file, a Fisher table past the exact-test guard).
 */
import { describe, expect, it } from 'vitest'
import { writeFileSync } from 'node:fs'
import { join } from 'node:path'
import { run } from '../../cli/main.js'
import { memoryIO } from '../../cli/context.js'
import { FIXTURES, tmpDir } from '../helpers.js'

const B = join(FIXTURES, 'bad')
const MAF = join(B, 'maf/valid.maf')
const CLIN = join(B, 'clinical/valid.tsv')
const EMPTY_MAF = join(B, 'maf/header-only.maf')

describe('argument mistakes are usage errors, not crashes', () => {
  it('a missing --sample-order file is located (was exit 2, raw ENOENT)', async () => {
    const d = tmpDir()
    const missing = join(d, 'order.txt')
    const io = memoryIO()
    expect(await run(['oncoplot', MAF, '--sample-order', missing, '-o', join(d, 'a.svg')], io)).toBe(1)
    expect(io.err).toBe(`biomarkit: ${missing}: cannot open: no such file\n  hint: check the path (relative paths are taken from the current folder)\n`)
  })

  it('a Fisher table past the exact-test memory guard is a limit, not a bug (was exit 2)', async () => {
    const io = memoryIO()
    expect(await run(['fisher', '99999999', '99999999', '99999999', '99999999'], io)).toBe(1)
    expect(io.err).toBe(
      'biomarkit: table too large for the exact test: noncentral hypergeometric: support of 199999999 values exceeds 33554432 (margins too large for exact computation)\n' +
        '  hint: for counts this large use a chi-squared or G test\n',
    )
  })

  it('a sweep of mistakes and edge cases never exits 2', async () => {
    const d = tmpDir()
    const theme = join(d, 'theme.json')
    writeFileSync(theme, '{"colors": 5,}')
    const order = join(d, 'order.txt')
    writeFileSync(order, 'S9\nS1\n')
    const svg = join(d, 'a.svg')
    const argvs: string[][] = [
      ['oncoplot', MAF, '--top', '0', '-o', svg],
      ['oncoplot', MAF, '--width', '-5', '-o', svg],
      ['oncoplot', MAF, '--theme', theme, '-o', svg],
      ['oncoplot', MAF, '--sample-order', order, '-o', svg],
      ['oncoplot', MAF, '--genes', 'NOPE', '-o', svg],
      ['oncoplot', MAF, '--clinical', CLIN, '--tracks', 'nope', '-o', svg],
      ['oncoplot', MAF, '--clinical', CLIN, '--sort-by', 'nope', '-o', svg],
      ['oncoplot', EMPTY_MAF, '-o', join(d, 'empty.svg')],
      ['scan', MAF, '--clinical', CLIN, '--endpoint', 'bogus'],
      ['scan', MAF, '--clinical', CLIN, '--endpoint', 'orr', '--min-altered', '-1'],
      ['scan', MAF, '--clinical', CLIN, '--endpoint', 'pfs', '--covariates', 'nope'],
      ['scan', MAF, '--clinical', CLIN, '--endpoint', 'pfs_months~pfs_event', '--min-altered', '1'],
      ['scan', MAF, '--clinical', join(B, 'maf/empty.maf'), '--endpoint', 'orr'],
      ['scan', MAF, '--clinical', join(B, 'maf/binary-garbage.maf'), '--endpoint', 'orr'],
      ['scan', EMPTY_MAF, '--clinical', CLIN, '--endpoint', 'orr,pfs'],
      ['report', EMPTY_MAF, '--clinical', CLIN, '-o', join(d, 'r.html')],
      ['fisher', '1', '2', '3'],
      ['fisher', '1', '2', '3', 'x'],
      ['fisher', '1e400', '2', '3', '4'],
      ['summary', MAF, '--samples', join(d, 'nope.txt')],
      ['summary', MAF, '--panel', 'no-such-panel'],
      ['summary', MAF, '--rules', 'no-such-rules'],
      ['summary', MAF, '--pathways', join(B, 'rules/bad-threshold.json')],
      ['summary', MAF, '--sample-panels', MAF],
      ['summary', MAF, '--columns', 'garbage'],
      ['summary', CLIN, '--columns', 'sample=nope,gene=x'],
      ['summary', MAF, '--max-line-length', '0'],
      ['interactions', MAF, '--top', '-3'],
      ['interactions', EMPTY_MAF],
      ['convert', EMPTY_MAF, '--to', 'json'],
    ]
    const crashes: string[] = []
    for (const argv of argvs) {
      const io = memoryIO()
      const code = await run(argv, io)
      if (code === 2 || io.err.includes('internal error')) crashes.push(`${argv.join(' ')}\n${io.err}`)
    }
    expect(crashes).toEqual([])
  })
})
