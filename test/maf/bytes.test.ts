/**
 * The MAF byte path (MafParser.pushBytes via readMafInto) must read what the text path reads: same
 * records, same read report (warnings in any order: ./parity.ts), same errors. The text path is the streaming reader
 * (`readMaf` with onRecord). Checked on every MAF-like file in the fixtures and ../shared/data, and
 * on crafted files that exercise each fallback (CRLF, lone CR, BOM, quotes, spaces, NA positions,
 * non-standard words, duplicates, no final newline, sample override, lenient bad rows).
 */
import { readdirSync, statSync } from 'node:fs'
import { join } from 'node:path'
import { describe, expect, it } from 'vitest'
import { readMaf, readMafInto } from '../../src/maf/read.js'
import type { MafOptions } from '../../src/maf/parser.js'
import { EventTable } from '../../src/model/events.js'
import type { Alteration } from '../../src/model/alteration.js'
import type { ReadReport } from '../../src/model/report.js'
import { FIXTURES, SHARED, tmpFile } from '../helpers.js'
import { CRAFTED, HEADER, ROW } from './crafted.js'
import { comparable } from './parity.js'

/** What a read gave: its records, report and samples, or its error. */
interface Outcome {
  readonly records?: Alteration[]
  readonly report?: ReadReport
  readonly samples?: string[]
  readonly error?: string
}

async function viaText(path: string, opts: MafOptions = {}): Promise<Outcome> {
  const out: Alteration[] = []
  try {
    const r = await readMaf(path, { ...opts, onRecord: (a) => out.push(a) })
    return comparable({ records: out, report: r.report, samples: r.samples })
  } catch (e) {
    return { error: String((e as { format?: () => string }).format?.() ?? e) }
  }
}

async function viaBytes(path: string, opts: MafOptions = {}): Promise<Outcome> {
  const t = new EventTable()
  try {
    const r = await readMafInto(path, t, opts)
    return comparable({ records: t.toArray(), report: r.report, samples: r.samples })
  } catch (e) {
    return { error: String((e as { format?: () => string }).format?.() ?? e) }
  }
}

describe('MAF byte path = text path', () => {
  for (const [name, text] of Object.entries(CRAFTED)) {
    it(`crafted: ${name}`, async () => {
      const p = tmpFile(`${name}.maf`, text)
      const [a, b] = [await viaText(p), await viaBytes(p)]
      expect(b).toEqual(a)
    })
  }

  it('a repeated key does not hide a bad count: the row is checked first', async () => {
    const r = await viaBytes(tmpFile('dupbad.maf', CRAFTED.duplicateWithBadCount as string))
    expect(r.error).toMatch(/dupbad\.maf:3:11: .*t_alt_count/)
  })

  it('lenient mode counts the same bad rows', async () => {
    const p = tmpFile('lenient.maf', [HEADER, ROW('S1'), 'TP53\t17\t1', ROW('S2', 'TP53', '12x'), ROW('S3'), ''].join('\n'))
    const [a, b] = [await viaText(p, { lenient: true }), await viaBytes(p, { lenient: true })]
    expect(b).toEqual(a)
    expect(b.records).toHaveLength(2)
  })

  it('sample override and origin options', async () => {
    const p = tmpFile('override.maf', [HEADER, ROW('S1'), ROW('S2', 'KRAS'), ''].join('\n'))
    for (const opts of [{ sampleOverride: 'P01' }, { sampleOverride: '' }, { origin: 'germline' as const }]) {
      expect(await viaBytes(p, opts)).toEqual(await viaText(p, opts))
    }
  })

  it('a file of several 4 MB blocks, with a line longer than a block, reads the same', async () => {
    const rows = [HEADER]
    for (let i = 0; i < 70_000; i++) rows.push(ROW(`S${i % 997}`, `G${i % 301}`, String(1000 + i)))
    rows.splice(35_000, 0, ROW('LONG', 'TP53', '5', 'Missense_Mutation', `p.${'A'.repeat(5_000_000)}\t1\t2\tSomatic\tPASS`))
    const p = tmpFile('blocks.maf', rows.join('\n') + '\n')
    const [a, b] = [await viaText(p), await viaBytes(p)]
    expect(b.records).toHaveLength(70_001)
    expect(b).toEqual(a)
  }, 60_000)

  it('a gzipped file reads the same', async () => {
    const p = tmpFile('gz.maf.gz', CRAFTED.plain as string, { gzip: true })
    expect(await viaBytes(p)).toEqual(await viaText(p))
  })

  it('the real MAFs in the fixtures', async () => {
    for (const f of ['tcga_laml.maf.gz', 'APL_primary.maf.gz']) {
      const p = join(FIXTURES, 'maf', f)
      const [a, b] = [await viaText(p), await viaBytes(p)]
      expect(b, f).toEqual(a)
      expect(b.records?.length, f).toBeGreaterThan(100)
    }
  })

  const shared = (() => {
    try {
      const out: string[] = []
      const walk = (d: string) => {
        for (const e of readdirSync(d)) {
          const p = join(d, e)
          if (statSync(p).isDirectory()) walk(p)
          else if (/\.(maf|maf\.gz|maf\.txt|txt)$/i.test(e) && /maf|mutation/i.test(p) && statSync(p).size < 5e6) out.push(p)
        }
      }
      walk(SHARED)
      return out.sort()
    } catch {
      return []
    }
  })()
  it.skipIf(shared.length === 0)(`every MAF-like file in ../shared/data (${shared.length}; skipped when ../shared is absent)`, async () => {
    for (const p of shared) {
      const [a, b] = [await viaText(p), await viaBytes(p)]
      expect(b, p).toEqual(a)
    }
  }, 120_000)
})

describe('MAF files read one after another into one table (byte caches shared per table)', () => {
  it('give each file the rows it gives alone, with its own origin option', async () => {
    const blank = [HEADER, ROW('S1', 'BRCA1', '43045712', 'Nonsense_Mutation', 'p.Q1756*\t10\t10\t\tPASS'), ROW('S9', 'KRAS', '25245350'), ''].join('\n')
    const files: [string, MafOptions][] = [
      [tmpFile('shared-a.maf', blank), { origin: 'germline' }],
      [tmpFile('shared-b.maf', blank), { origin: 'somatic' }],
      [tmpFile('shared-c.maf', CRAFTED['germlineStatus'] as string), {}],
      [tmpFile('shared-d.maf', CRAFTED['spaces'] as string), { origin: 'germline' }],
      [tmpFile('shared-e.maf', CRAFTED['plain'] as string), {}],
    ]
    const together = new EventTable()
    const from: number[] = []
    for (const [p, o] of files) {
      from.push(together.length)
      await readMafInto(p, together, o)
    }
    from.push(together.length)
    const all = together.toArray()
    for (const [k, [p, o]] of files.entries()) {
      const alone = new EventTable()
      await readMafInto(p, alone, o)
      expect(all.slice(from[k], from[k + 1]), p).toEqual(alone.toArray())
    }
    // A blank Mutation_Status takes the file's origin option; a stated one is kept.
    expect(all.slice(0, 2).map((a) => a.origin)).toEqual(['germline', 'somatic'])
    expect(all.slice(from[1], (from[1] as number) + 2).map((a) => a.origin)).toEqual(['somatic', 'somatic'])
  })
})
