/**
 * Size limits measured on the decompressed bytes as they are read (issue 21, items 4, 5 and 10):
 * side files through one capped reader (--max-side-file-bytes) with JSON nesting bounded; every
 * input under --max-input-bytes (a gzip bomb, generated here as concatenated members so the test
 * file stays ~10 MB and is read only up to the cap); the automatic low-memory switch measuring
 * gzip and stdin bytes while reading; VCF headers bounded. Every refusal is exit 1 naming the file,
 * with nothing written.
 */
import { afterEach, describe, expect, it } from 'vitest'
import { closeSync, existsSync, openSync, readdirSync, writeFileSync, writeSync } from 'node:fs'
import { join } from 'node:path'
import { gzipSync } from 'node:zlib'
import { run } from '../../cli/main.js'
import { memoryIO } from '../../cli/context.js'
import { setStdinSource } from '../../src/io/byte-source.js'
import { totalmem } from 'node:os'
import { readLimits } from '../../src/io/read-limits.js'
import { memoryBudget } from '../../cli/memory-budget.js'
import { cliReadLimits } from '../../cli/read-limits.js'
import { FIXTURES, tmpDir } from '../helpers.js'
import { HEADER, ROW } from '../maf/crafted.js'

const MAF = join(FIXTURES, 'bad', 'maf', 'valid.maf')

async function cli(args: string[]): Promise<{ code: number; out: string; err: string }> {
  const io = memoryIO()
  const code = await run(args, io)
  return { code, out: io.out, err: io.err }
}

async function withMemory<T>(budget: string, fn: () => Promise<T>): Promise<T> {
  const saved = process.env['BIOMARKIT_MEMORY']
  process.env['BIOMARKIT_MEMORY'] = budget
  try {
    return await fn()
  } finally {
    if (saved === undefined) delete process.env['BIOMARKIT_MEMORY']
    else process.env['BIOMARKIT_MEMORY'] = saved
  }
}

/**
 * A gzip bomb: the header, then one member of `memberBytes` of a repeated row written `members`
 * times (deflate tops out near 1000:1, so ~1 MB in per GB out). Written member by member.
 */
function gzipBomb(path: string, members: number, memberBytes = 8 * 2 ** 20): number {
  const line = ROW('S1') + '\n'
  const member = gzipSync(Buffer.from(line.repeat(Math.ceil(memberBytes / line.length))), { level: 9 })
  const fd = openSync(path, 'w')
  try {
    writeSync(fd, gzipSync(HEADER + '\n'))
    for (let i = 0; i < members; i++) writeSync(fd, member)
  } finally {
    closeSync(fd)
  }
  return members * memberBytes
}

/** `rows` distinct MAF rows (500 samples), gzipped: ~100 bytes a row decompressed. */
function gzipMaf(rows: number): Buffer {
  const lines = [HEADER]
  for (let i = 0; i < rows; i++) lines.push(ROW(`S${i % 500}`, ['TP53', 'KRAS', 'PIK3CA', 'EGFR'][i % 4], String(1000 + i)))
  return gzipSync(lines.join('\n') + '\n')
}

afterEach(() => setStdinSource(undefined))

describe('side files: one capped reader (--max-side-file-bytes)', () => {
  const dir = tmpDir()
  const big = join(dir, 'big.txt')
  writeFileSync(big, 'x'.repeat(60) + '\n' + 'y'.repeat(60) + '\n')
  const cases: [string, string[], string][] = [
    ['--panel', ['summary', MAF, '--panel', big], 'panel file'],
    ['--rules', ['summary', MAF, '--rules', big], 'rules file'],
    ['--pathways', ['summary', MAF, '--pathways', big], 'pathway set file'],
    ['--samples', ['summary', MAF, '--samples', big], 'sample list'],
    ['--sample-panels', ['summary', MAF, '--panel', 'core-biomarkers', '--sample-panels', big], 'sample-panel matrix'],
    ['--theme', ['oncoplot', MAF, '--theme', big, '-o', join(dir, 'p.svg')], 'theme file'],
    ['--sample-order', ['oncoplot', MAF, '--sample-order', big, '-o', join(dir, 'q.svg')], 'sample order'],
  ]
  it.each(cases)('%s over the cap is exit 1 naming the file, the line and the option', async (_, args, what) => {
    const r = await cli([...args, '--max-side-file-bytes', '100'])
    expect([r.code, r.err]).toEqual([
      1,
      `biomarkit: ${big}:2: ${what} is over the --max-side-file-bytes limit of 100 bytes (bytes counted as read, after decompression)\n` +
        '  hint: if the file is genuine, raise --max-side-file-bytes (e.g. --max-side-file-bytes 1G)\n',
    ])
    expect(readdirSync(dir).filter((f) => f.endsWith('.svg'))).toEqual([])
  })

  it('a gzip of newlines stops at the cap on the line it reaches, not a V8 fatal error', async () => {
    // 300M newlines in 291 KB of gzip killed the process; the same shape, scaled to a 2 MiB cap.
    const p = join(tmpDir(), 'rules.json.gz')
    writeFileSync(p, gzipSync(Buffer.alloc(3 * 2 ** 20, 10), { level: 9 }))
    const r = await cli(['summary', MAF, '--rules', p, '--max-side-file-bytes', '2M'])
    expect(r.code).toBe(1)
    expect(r.err).toMatch(new RegExp(`^biomarkit: ${p}:2097153: rules file is over the --max-side-file-bytes limit of 2 MiB \\(2097152 bytes\\)`))
    // Raised, the same file is read and refused for what it is (blank JSON), still exit 1.
    const raised = await cli(['summary', MAF, '--rules', p, '--max-side-file-bytes', '4M'])
    expect(raised.code).toBe(1)
    expect(raised.err).toContain('not valid JSON')
  })

  it('the default side-file cap is 32 MiB; the options set it; inputs are capped at the memory budget (CLI) or the machine memory (library)', () => {
    expect(readLimits().maxSideFileBytes).toBe(32 * 2 ** 20)
    expect(cliReadLimits(undefined, { maxSideFileBytes: '5' }).maxSideFileBytes).toBe(5)
    expect(cliReadLimits(undefined).maxInputBytes).toBe(memoryBudget())
    expect(readLimits().maxInputBytes).toBe(totalmem())
  })

  it.each([
    ['--rules', (p: string) => ['summary', MAF, '--rules', p]],
    ['--panel', (p: string) => ['summary', MAF, '--panel', p]],
    ['--theme', (p: string) => ['oncoplot', MAF, '--theme', p, '-o', join(tmpDir(), 'x.svg')]],
  ])('JSON nested 20,000 deep (%s) is exit 1 at the bracket past 64 levels, not a stack overflow', async (_, argv) => {
    const p = join(tmpDir(), 'deep.json')
    writeFileSync(p, '{"rules":' + '['.repeat(20000) + ']'.repeat(19999) + '\n')
    const r = await cli(argv(p))
    expect([r.code, r.err]).toEqual([1, `biomarkit: ${p}:1:73: JSON is nested deeper than 64 levels\n  hint: no biomarkit JSON format nests this deep; check the file is the one meant\n`])
  })

  it('a size option that is not a size is a usage error', async () => {
    for (const opt of ['--max-side-file-bytes', '--max-input-bytes']) {
      const r = await cli(['summary', MAF, opt, 'lots'])
      expect([r.code, r.err]).toEqual([1, `biomarkit: ${opt}: expected a size in bytes (e.g. 500000000, 64M or 8G), got "lots"\n`])
    }
  })
})

describe('inputs: decompressed size measured as read (--max-input-bytes)', () => {
  it('a gzip bomb (~12 MB in, 12 GiB out) is refused at the cap, in bounded memory, nothing written', async () => {
    const dir = tmpDir()
    const bomb = join(dir, 'bomb.maf.gz')
    expect(gzipBomb(bomb, 1536)).toBe(12 * 2 ** 30)
    const out = join(dir, 'out.txt')
    const r = await cli(['summary', bomb, '--max-input-bytes', '16M', '-o', out])
    expect([r.code, r.err]).toEqual([
      1,
      `biomarkit: ${bomb}: input is over the --max-input-bytes limit of 16 MiB (16777216 bytes) (bytes counted as read, after decompression)\n` +
        '  hint: if the file is genuine, raise --max-input-bytes (e.g. --max-input-bytes 1G); inputs near the memory size are read with --low-memory\n',
    ])
    expect(existsSync(out)).toBe(false)
    // convert reads through the same source.
    expect((await cli(['convert', bomb, '--to', 'maf', '--max-input-bytes', '16M', '-o', out])).code).toBe(1)
    expect(existsSync(out)).toBe(false)
  })

  it('the default ceiling is the memory budget: the bomb switches to low memory, then stops at the budget', async () => {
    const dir = tmpDir()
    const bomb = join(dir, 'bomb.maf.gz')
    gzipBomb(bomb, 64) // 512 MiB out
    const r = await withMemory('160M', () => cli(['summary', bomb]))
    expect(r.code).toBe(1)
    expect(r.err).toMatch(/^biomarkit: the inputs decompress to more than 0\.0 GB, more than the memory budget allows read whole: reading them in sample partitions instead/)
    expect(r.err).toContain(`biomarkit: ${bomb}: input is over the --max-input-bytes limit of 160 MiB (167772160 bytes)`)
  })

  it('a .maf.gz bigger than its 5x guess is measured while read and switches to low memory, same output', async () => {
    const p = join(tmpDir(), 'many.maf.gz')
    writeFileSync(p, gzipMaf(100_000)) // ~1 MB in, ~8 MB out: the 5x guess says 5 MB
    const want = await cli(['summary', p, '--json', '--low-memory'])
    expect(want.code).toBe(0)
    const auto = await withMemory('120M', () => cli(['summary', p, '--json']))
    expect(auto.err).toMatch(/^biomarkit: the inputs decompress to more than 0\.0 GB, more than the memory budget allows read whole: reading them in sample partitions instead \(--low-memory; same output; --no-low-memory to read them whole\)\n$/)
    expect(auto.out).toBe(want.out)
    const whole = await withMemory('120M', () => cli(['summary', p, '--json', '--no-low-memory']))
    expect([whole.code, whole.err, whole.out]).toEqual([0, '', want.out])
  })

  it('standard input past what the budget allows is refused with the way out (a pipe cannot be read twice)', async () => {
    const data = gzipMaf(100_000)
    setStdinSource(async function* () {
      for (let o = 0; o < data.length; o += 65536) yield await Promise.resolve(data.subarray(o, o + 65536))
    })
    const r = await withMemory('120M', () => cli(['summary', '-']))
    expect([r.code, r.err]).toEqual([
      1,
      'biomarkit: <stdin>: standard input decompresses to more than 0.0 GB, more than the memory budget allows read whole\n  hint: add --low-memory (reads in sample partitions), or give the data as a file\n',
    ])
  })

  it('a plain file over --max-input-bytes is refused before it is read', async () => {
    const r = await cli(['summary', MAF, '--max-input-bytes', '100'])
    expect(r.code).toBe(1)
    expect(r.err).toContain(`biomarkit: ${MAF}:1: input is over the --max-input-bytes limit of 100 bytes`)
  })
})

describe('VCF header bounded', () => {
  it('a million and one header lines stop at the bound with the line, not gigabytes of header', async () => {
    const p = join(tmpDir(), 'header-bomb.vcf.gz')
    writeFileSync(p, gzipSync('##fileformat=VCFv4.2\n' + '##x=1\n'.repeat(1_000_000) + '#CHROM\tPOS\tID\tREF\tALT\tQUAL\tFILTER\tINFO\n'))
    const r = await cli(['summary', p])
    expect([r.code, r.err]).toEqual([1, `biomarkit: ${p}:1000001: VCF header is longer than 1000000 lines before its #CHROM line\n  hint: real VCF headers are a few thousand lines; check the file is a VCF and complete\n`])
  })
})
