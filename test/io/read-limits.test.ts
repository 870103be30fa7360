/**
 * Read limits are a value passed to each read (src/io/read-limits.ts), not an ambient scope: two
 * reads running at once in one process, each given its own limits, each honour their own. This is
 * what AsyncLocalStorage gave before (issue #20). The reads here interleave (gzip streams, the
 * offending line near the end); the CLI case runs two commands at once, so limits kept in a module
 * variable set when a command starts would reach the other command's later reads and fail it.
 */
import { writeFileSync } from 'node:fs'
import { join } from 'node:path'
import { gzipSync } from 'node:zlib'
import { describe, expect, it } from 'vitest'
import { HoldLimitReached, HoldMeter } from '../../src/io/limits.js'
import { readLimits } from '../../src/io/read-limits.js'
import { ReadRegistry } from '../../src/io/read-registry.js'
import { readSideLines } from '../../src/io/side-file.js'
import { loadCohort } from '../../src/input/cohort.js'
import { readMaf } from '../../src/maf/read.js'
import { memoryIO } from '../../cli/context.js'
import { run } from '../../cli/main.js'
import { tmpDir } from '../helpers.js'
import { HEADER, ROW } from '../maf/crafted.js'

const ROWS = 20000

/** A MAF of ROWS rows then one with a 3,000-character protein change (line ROWS + 2), gzipped unless `plain`. */
function longTail(dir: string, name: string, plain = false): string {
  const lines = [HEADER]
  for (let i = 0; i < ROWS; i++) lines.push(ROW(`S${i % 50}`, 'TP53', String(1000 + i)))
  lines.push(ROW('S1', 'KRAS', '25245350', 'Missense_Mutation', `p.${'G'.repeat(3000)}\t12\t30\tSomatic\tPASS`))
  const text = lines.join('\n') + '\n'
  const p = join(dir, name)
  writeFileSync(p, plain ? text : gzipSync(text))
  return p
}

describe('two reads at once, each with its own limits', () => {
  it('line cap: the capped read stops at the long line while the uncapped one reads it (text and byte paths)', async () => {
    const dir = tmpDir()
    for (const plain of [false, true]) {
      const p = longTail(dir, plain ? 'a.maf' : 'a.maf.gz', plain)
      const [capped, free] = await Promise.allSettled([
        readMaf(p, { limits: readLimits({ maxLineLength: 1000 }) }),
        readMaf(p, { limits: readLimits({ maxLineLength: 100_000 }) }),
      ])
      expect(capped).toMatchObject({ status: 'rejected', reason: { code: 'LINE_TOO_LONG', line: ROWS + 2, message: 'line is longer than 1000 characters' } })
      expect(free.status === 'fulfilled' && free.value.alterations.length).toBe(ROWS + 1)
    }
  })

  it('input cap: the same file refused by one read at its cap and read whole by the other', async () => {
    const p = longTail(tmpDir(), 'b.maf.gz')
    const [small, big] = await Promise.allSettled([readMaf(p, { limits: readLimits({ maxInputBytes: 500_000 }) }), readMaf(p, { limits: readLimits() })])
    expect(small).toMatchObject({ status: 'rejected', reason: { code: 'LIMIT' } })
    expect(small.status === 'rejected' && String(small.reason)).toContain('over the --max-input-bytes limit of 488.3 KiB (500000 bytes)')
    expect(big.status).toBe('fulfilled')
  })

  it('side-file cap: each read of one side file is capped by its own value', async () => {
    const p = join(tmpDir(), 'samples.txt')
    writeFileSync(p, Array.from({ length: 5000 }, (_, i) => `S${i}`).join('\n') + '\n')
    const [small, big] = await Promise.allSettled([readSideLines(p, 'sample list', readLimits({ maxSideFileBytes: 1000 })), readSideLines(p, 'sample list', readLimits())])
    expect(small).toMatchObject({ status: 'rejected', reason: { code: 'LIMIT' } })
    expect(small.status === 'rejected' && String(small.reason)).toContain('sample list is over the --max-side-file-bytes limit of 1000 bytes')
    expect(big.status === 'fulfilled' && big.value.length).toBe(5000)
  })

  it('hold meter and registry: each cohort read counts into its own meter and records into its own registry', async () => {
    const dir = tmpDir()
    const a = longTail(dir, 'c.maf.gz')
    const b = longTail(dir, 'd.maf.gz')
    const ra = new ReadRegistry()
    const rb = new ReadRegistry()
    const [held, free] = await Promise.allSettled([
      loadCohort({ inputs: [a], limits: readLimits({ hold: new HoldMeter(100_000), registry: ra }) }),
      loadCohort({ inputs: [b], limits: readLimits({ hold: new HoldMeter(1e12), registry: rb }) }),
    ])
    expect(held.status === 'rejected' && held.reason instanceof HoldLimitReached && held.reason.limit).toBe(100_000)
    expect(free.status === 'fulfilled' && free.value.events.length).toBe(ROWS + 1)
    expect(ra.list()).toEqual([a])
    expect(rb.list()).toEqual([b])
  })

  it('two CLI runs at once: --max-line-length of one does not reach the other, in either order', async () => {
    const p = longTail(tmpDir(), 'f.maf.gz')
    for (const cappedFirst of [true, false]) {
      const capped = memoryIO()
      const free = memoryIO()
      const runs = [() => run(['summary', p, '--max-line-length', '1000'], capped), () => run(['summary', p], free)]
      const [a, b] = await Promise.all((cappedFirst ? runs : [...runs].reverse()).map((f) => f()))
      expect(cappedFirst ? [a, b] : [b, a]).toEqual([1, 0])
      expect(capped.err).toContain(`${p}:${ROWS + 2}: line is longer than 1000 characters`)
      expect(free.out).toContain(`read ${ROWS + 1}, kept ${ROWS + 1}, dropped 0`)
    }
  })

  it('a read given no limits gets the documented defaults and records nothing', async () => {
    const l = readLimits()
    expect([l.maxLineLength, l.maxSideFileBytes, l.strict, l.hold, l.registry]).toEqual([64 * 2 ** 20, 32 * 2 ** 20, false, undefined, undefined])
    const p = longTail(tmpDir(), 'e.maf.gz')
    expect((await readMaf(p)).alterations).toHaveLength(ROWS + 1)
  })
})
