/**
 * Identity rules (issue 21, item 7) and many rules (item 11): a byte-order mark past the start of
 * a file is an error at its line, on the byte path and the text path alike, instead of making
 * `\uFEFFTP53` a gene of its own; 50,000 rules build in linear time (an array copy per rule made
 * 100k rules take 105 s; the vitest timeout is the guard, no timing is asserted).
 */
import { describe, expect, it } from 'vitest'
import { writeFileSync } from 'node:fs'
import { join } from 'node:path'
import { gzipSync } from 'node:zlib'
import { run } from '../../cli/main.js'
import { memoryIO } from '../../cli/context.js'
import { tmpDir } from '../helpers.js'
import { HEADER, ROW } from '../maf/crafted.js'

async function cli(args: string[]): Promise<{ code: number; out: string; err: string }> {
  const io = memoryIO()
  const code = await run(args, io)
  return { code, out: io.out, err: io.err }
}

const BOM_HINT = "  hint: remove it (e.g. sed 's/\\xEF\\xBB\\xBF//g'), or join the files without their BOMs\n"

describe('a BOM anywhere but the start of a file', () => {
  // Two files, each saved with a BOM, joined: the second header's BOM lands on line 4.
  const joined = '\ufeff' + [HEADER, ROW('S1'), ''].join('\n') + '\ufeff' + [HEADER, ROW('S2', 'KRAS'), ''].join('\n')
  it.each([
    ['plain (byte path)', 'joined.maf', Buffer.from(joined)],
    ['gzip', 'joined.maf.gz', gzipSync(joined)],
    ['CRLF', 'joined-crlf.maf', Buffer.from(joined.replaceAll('\n', '\r\n'))],
  ])('%s: exit 1 at its line and column', async (_, name, bytes) => {
    const p = join(tmpDir(), name)
    writeFileSync(p, bytes)
    const r = await cli(['summary', p])
    expect([r.code, r.err]).toEqual([1, `biomarkit: ${p}:3:1: byte-order mark (U+FEFF) inside the file: a BOM belongs only at the very start (were two files joined?)\n${BOM_HINT}`])
  })

  it('inside a value, deep in a big file (a chunk edge away from the start)', async () => {
    const rows = Array.from({ length: 5000 }, (_, i) => ROW(`S${i % 50}`, 'TP53', String(1000 + i)))
    rows[4000] = ROW('S1', '\ufeffTP53', '999')
    const p = join(tmpDir(), 'deep.maf')
    writeFileSync(p, [HEADER, ...rows, ''].join('\n'))
    const r = await cli(['summary', p])
    expect([r.code, r.err]).toEqual([1, `biomarkit: ${p}:4002:1: byte-order mark (U+FEFF) inside the file: a BOM belongs only at the very start (were two files joined?)\n${BOM_HINT}`])
  })

  it('at the start it is still skipped', async () => {
    const p = join(tmpDir(), 'start.maf')
    writeFileSync(p, '\ufeff' + [HEADER, ROW('S1'), ''].join('\n'))
    expect((await cli(['summary', p])).code).toBe(0)
  })
})

describe('many rules', () => {
  it('50,000 rules on four genes build (linear in rules) and each counts', async () => {
    const dir = tmpDir()
    const genes = ['TP53', 'KRAS', 'PIK3CA', 'EGFR']
    const rules = Array.from({ length: 50_000 }, (_, i) => ({ id: `R${i}`, label: `rule ${i}`, gene: genes[i % 4], classes: ['Missense_Mutation'] }))
    const rp = join(dir, 'rules.json')
    writeFileSync(rp, JSON.stringify({ id: 'many', rules }))
    const maf = join(dir, 'in.maf')
    writeFileSync(maf, [HEADER, ROW('S1'), ROW('S2', 'KRAS', '25245350'), ''].join('\n'))
    const r = await cli(['summary', maf, '--rules', rp, '--json'])
    expect(r.code).toBe(0)
    const j = JSON.parse(r.out) as { features: { id: string; altered: number }[] }
    const byId = new Map(j.features.map((f) => [f.id, f.altered]))
    expect([byId.get('R0'), byId.get('R1'), byId.get('R2'), byId.get('R49999')]).toEqual([1, 1, 0, 0])
  }, 120_000)
})

describe('--samples compared exactly; near-misses reported', () => {
  const maf = (): string => {
    const p = join(tmpDir(), 'calls.maf')
    writeFileSync(p, [HEADER, ROW('TCGA-AB-2802'), ROW('TCGA-AB-2803', 'KRAS'), ''].join('\n'))
    return p
  }
  const list = (ids: string[]): string => {
    const p = join(tmpDir(), 'samples.txt')
    writeFileSync(p, ['# sequenced', ...ids, ''].join('\n'))
    return p
  }

  it.each([
    ['case', ['tcga-ab-2802', 'tcga-ab-2803'], '"tcga-ab-2802" (line 2) vs "TCGA-AB-2802" in the calls, differing in case'],
    ['look-alikes', ['TCGА-AB-2802', 'TCGA-AB-2803 '.trim().replace('A', 'А')], '"TCGА-AB-2802" (line 2) vs "TCGA-AB-2802" in the calls, differing in look-alike characters (Unicode)'],
  ])('a list that matches only by %s is an error at its first line, in both paths', async (_, ids, example) => {
    const s = list(ids)
    const want = `biomarkit: ${s}:2: no listed sample ID matches a called sample exactly, but 2 match once case, white space or look-alike characters are ignored (e.g. ${example})\n  hint: sample IDs are compared exactly: write them as the calls do\n`
    const m = maf()
    expect(await cli(['summary', m, '--samples', s])).toMatchObject({ code: 1, err: want })
    expect(await cli(['summary', m, '--samples', s, '--low-memory'])).toMatchObject({ code: 1, err: want })
  })

  it('some exact, some near: a warning with counts in the read report (text and JSON), not a silent doubling', async () => {
    const s = list(['TCGA-AB-2802', 'tcga-ab-2803', 'TCGA-AB-9999'])
    const m = maf()
    const r = await cli(['summary', m, '--samples', s])
    expect(r.code).toBe(0)
    const w = `--samples ${s}: 1 listed ID(s) match a called sample only when case, white space or look-alike characters are ignored (e.g. "tcga-ab-2803" (line 3) vs "TCGA-AB-2803" in the calls, differing in case); IDs are compared exactly, so each is counted as a separate sample with nothing called (1 listed ID(s) match exactly)`
    expect(r.out).toContain(`warning: ${w}`)
    expect(r.out).toContain('4 samples sequenced')
    const j = await cli(['summary', m, '--samples', s, '--json'])
    expect(j.out).toContain(JSON.stringify(w))
    expect((await cli(['summary', m, '--samples', s, '--json', '--low-memory'])).out).toBe(j.out)
  })

  it('an exact list gives no warning', async () => {
    const r = await cli(['summary', maf(), '--samples', list(['TCGA-AB-2802', 'TCGA-AB-2803', 'TCGA-AB-2804'])])
    expect(r.code).toBe(0)
    expect(r.out).not.toContain('warning')
  })
})
