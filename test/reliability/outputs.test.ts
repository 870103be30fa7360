/**
 * Issue #21, output side: each finding of the hostile-input review with its regression test.
 * 1 write errors (stdout too) are exit 1 naming the destination; 2 no output replaces anything the
 * run reads, and two outputs never share a path; 3 temporaries are exclusive, random, keep the
 * replaced file's mode; 9 SIGINT/SIGTERM remove temporaries and partition folders; 13 multi-file
 * outputs are one transaction; 14 --excel-safe, terminal escapes; 12 demo --out, --max-line-length,
 * the cell limit, labels past 125k; 6 convert streams and writes the same bytes as before.
 */
import { describe, expect, it } from 'vitest'
import { spawnSync } from 'node:child_process'
import { chmodSync, closeSync, copyFileSync, existsSync, mkdirSync, openSync, readFileSync, readdirSync, statSync, symlinkSync, writeFileSync } from 'node:fs'
import { join } from 'node:path'
import { run } from '../../cli/main.js'
import { memoryIO } from '../../cli/context.js'
import { loadCohort } from '../../src/input/cohort.js'
import { installInterruptCleanup, trackTempFile, trackTempFolder } from '../../src/io/cleanup.js'
import { FormulaGuard, formulaLike } from '../../src/io/excel.js'
import { escapeTerminal } from '../../src/io/terminal.js'
import { OutputSet } from '../../src/io/write.js'
import { mafLines } from '../../src/maf/write.js'
import { readReportJson } from '../../src/model/report.js'
import { assertCellCount } from '../../src/matrix/cell-limit.js'
import { widest } from '../../viz/text.js'
import { FIXTURES, ROOT, tmpDir } from '../helpers.js'

const MAF = join(FIXTURES, 'bad', 'maf', 'valid.maf')
const BIN = join(ROOT, 'dist', 'bin', 'biomarkit.js')
const built = existsSync(BIN)

/** A copy of `src` in `dir` (so the test may see whether it was replaced). */
const copy = (src: string, dir: string, name: string): string => {
  const p = join(dir, name)
  copyFileSync(src, p)
  return p
}

describe('1: every write is checked, stdout too', () => {
  it.runIf(built && existsSync('/dev/full'))('convert > /dev/full and summary --json > /dev/full exit 1 naming standard output', () => {
    for (const args of [['convert', MAF], ['summary', MAF, '--json']]) {
      const fd = openSync('/dev/full', 'w')
      const r = spawnSync(process.execPath, [BIN, ...args], { stdio: ['ignore', fd, 'pipe'], encoding: 'utf8' })
      closeSync(fd)
      expect({ status: r.status, err: r.stderr }).toEqual({ status: 1, err: 'biomarkit: <stdout>: cannot write output (ENOSPC)\n  hint: check the disk or pipe standard output is written to\n' })
    }
  })

  it.runIf(built)('a closed pipe (| head) is still exit 0', () => {
    const r = spawnSync('sh', ['-c', `"${process.execPath}" "${BIN}" convert "${MAF}" | head -c 10 > /dev/null; echo "\${PIPESTATUS:-}"`], { encoding: 'utf8' })
    expect(r.status).toBe(0)
  })

  it.runIf(existsSync('/dev/full'))('-o /dev/full is exit 1 naming it', async () => {
    const io = memoryIO()
    expect(await run(['convert', MAF, '-o', '/dev/full'], io)).toBe(1)
    expect(io.err).toBe('biomarkit: /dev/full: cannot write output (ENOSPC)\n  hint: check that the folder exists, is writable and has space\n')
  })
})

describe('2: no output replaces an input, and outputs do not share a path', () => {
  const refused = (file: string) => `biomarkit: ${file}: refusing to overwrite input file ${file}\n  hint: choose another output path\n`
  const side: [string, string, (f: string) => string[]][] = [
    ['--rules', join(ROOT, 'panels', 'biomarkers-tdxd-her2low.json'), (f) => ['summary', MAF, '--rules', f, '--json', '-o', f]],
    ['--panel', join(FIXTURES, 'panels', 'small.json'), (f) => ['summary', MAF, '--panel', f, '-o', f]],
    ['--pathways', join(ROOT, 'panels', 'pathways-sanchez-vega-2018.json'), (f) => ['summary', MAF, '--pathways', f, '-o', f]],
    ['--clinical', join(FIXTURES, 'bad', 'clinical', 'valid.tsv'), (f) => ['scan', MAF, '--clinical', f, '--endpoint', 'orr', '-o', f]],
    ['--cna', join(FIXTURES, 'bad', 'cna', 'valid.tsv'), (f) => ['summary', MAF, '--cna', f, '-o', f]],
  ]
  it.each(side)('%s file as -o is refused and left as it was', async (_opt, src, argv) => {
    const d = tmpDir()
    const f = copy(src, d, src.split('/').pop() as string)
    const before = readFileSync(f)
    const io = memoryIO()
    expect(await run(argv(f), io)).toBe(1)
    // scan states its clinical readings on stderr before it opens -o; the refusal is the last word.
    expect(io.err.endsWith(refused(f))).toBe(true)
    expect(readFileSync(f)).toEqual(before)
    expect(readdirSync(d)).toEqual([src.split('/').pop()])
  })

  it('--samples, --sample-order and --theme files as outputs are refused', async () => {
    const d = tmpDir()
    const samples = join(d, 'samples.txt')
    writeFileSync(samples, 'S1\nS2\nS3\n')
    const order = join(d, 'order.txt')
    writeFileSync(order, 'S2\nS1\n')
    const theme = join(d, 'theme.json')
    writeFileSync(theme, '{}\n')
    for (const argv of [
      ['summary', MAF, '--samples', samples, '-o', samples],
      ['oncoplot', MAF, '--sample-order', order, '-o', join(d, 'p.svg'), '--matrix-out', order],
      ['oncoplot', MAF, '--theme', theme, '-o', theme],
      ['oncoplot', MAF, '--theme', theme, '-o', join(d, 'p.svg'), '--matrix-out', theme],
    ]) {
      const io = memoryIO()
      expect(await run(argv, io), argv.join(' ')).toBe(1)
      expect(io.err).toMatch(/refusing to overwrite input file/)
    }
    expect(readFileSync(samples, 'utf8')).toBe('S1\nS2\nS3\n')
    expect(readFileSync(theme, 'utf8')).toBe('{}\n')
    expect(readFileSync(order, 'utf8')).toBe('S2\nS1\n')
    expect(readdirSync(d).sort()).toEqual(['order.txt', 'samples.txt', 'theme.json'])
  })

  it('a manifest, and a file the manifest lists, are refused as outputs', async () => {
    const d = tmpDir()
    const calls = copy(MAF, d, 'S.maf')
    const manifest = join(d, 'manifest.tsv')
    writeFileSync(manifest, 'sample\tfile\trole\nS1\tS.maf\tmaf\n')
    for (const out of [manifest, calls]) {
      const io = memoryIO()
      expect(await run(['summary', '--manifest', manifest, '-o', out], io)).toBe(1)
      expect(io.err).toBe(refused(out))
    }
    expect(readFileSync(calls)).toEqual(readFileSync(MAF))
  })

  it('a link to an input is an input', async () => {
    const d = tmpDir()
    const calls = copy(MAF, d, 'calls.maf')
    const link = join(d, 'out.maf')
    symlinkSync(calls, link)
    const io = memoryIO()
    expect(await run(['convert', calls, '-o', link], io)).toBe(1)
    expect(io.err).toMatch(/refusing to overwrite input file/)
    expect(readFileSync(calls)).toEqual(readFileSync(MAF))
  })

  it('two outputs of one command may not share a path (-o and --matrix-out; the PNG beside the SVG)', async () => {
    const d = tmpDir()
    const svg = join(d, 'p.svg')
    for (const [argv, clash] of [
      [['oncoplot', MAF, '-o', svg, '--matrix-out', svg], svg],
      [['oncoplot', MAF, '-o', svg, '--png', '--matrix-out', join(d, 'p.png')], join(d, 'p.png')],
    ] as const) {
      const io = memoryIO()
      expect(await run([...argv], io)).toBe(1)
      expect(io.err).toMatch(new RegExp(`^biomarkit: ${clash.replace(/[.]/g, '\\.')}: is named for two outputs`))
      expect(readdirSync(d)).toEqual([])
    }
  })
})

describe('3: temporary outputs', () => {
  it('the replaced file keeps its mode, and no temporary is left', async () => {
    const d = tmpDir()
    const out = join(d, 'out.maf')
    writeFileSync(out, 'old\n')
    chmodSync(out, 0o600)
    expect(await run(['convert', MAF, '-o', out], memoryIO())).toBe(0)
    expect(statSync(out).mode & 0o777).toBe(0o600)
    expect(readFileSync(out, 'utf8')).toMatch(/^#version 2.4\n/)
    expect(readdirSync(d)).toEqual(['out.maf'])
  })

  it('temporaries are created exclusively under unpredictable names (a planted file or link is never reused)', async () => {
    const d = tmpDir()
    const names = new Set<string>()
    for (let k = 0; k < 3; k++) {
      const set = new OutputSet()
      const w = await set.stream(join(d, 'out.txt'))
      await w.write('x')
      const tmp = readdirSync(d).filter((f) => f.startsWith('.biomarkit-tmp-'))
      expect(tmp).toHaveLength(1)
      names.add(tmp[0] as string)
      // The temporary is private until its content is complete.
      expect(statSync(join(d, tmp[0] as string)).isFile()).toBe(true)
      await set.abort()
    }
    expect(names.size).toBe(3)
    expect(readdirSync(d)).toEqual([])
  })
})

describe('9: SIGINT/SIGTERM remove temporaries and partition folders', () => {
  it('the handler removes what is registered and exits 128 + signal', () => {
    const d = tmpDir()
    const tmp = join(d, '.biomarkit-tmp-x-out.maf')
    writeFileSync(tmp, 'partial')
    const part = join(d, 'biomarkit-part')
    mkdirSync(part)
    writeFileSync(join(part, 'p0'), 'calls')
    trackTempFile(tmp)
    trackTempFolder(part)
    const codes: number[] = []
    const before = process.listeners('SIGTERM').length
    installInterruptCleanup((c) => codes.push(c))
    process.emit('SIGTERM')
    // The SIGINT listener was installed too: remove it (once-listeners), leave the process as it was.
    process.emit('SIGINT')
    expect(codes).toEqual([143, 130])
    expect(readdirSync(d)).toEqual([])
    expect(process.listeners('SIGTERM').length).toBe(before)
  })
})

describe('13: several outputs are one transaction', () => {
  it('oncoplot: a PNG that cannot be written leaves neither SVG nor matrix', async () => {
    const d = tmpDir()
    mkdirSync(join(d, 'p.png'))
    const io = memoryIO()
    expect(await run(['oncoplot', MAF, '-o', join(d, 'p.svg'), '--png', '--matrix-out', join(d, 'm.tsv')], io)).toBe(1)
    expect(io.err).toMatch(/p\.png: is a folder/)
    expect(readdirSync(d)).toEqual(['p.png'])
  })

  it('oncoplot: an old SVG stays whole when the matrix write fails', async () => {
    const d = tmpDir()
    writeFileSync(join(d, 'p.svg'), 'old svg')
    const io = memoryIO()
    expect(await run(['oncoplot', MAF, '-o', join(d, 'p.svg'), '--matrix-out', join(d, 'missing', 'm.tsv')], io)).toBe(1)
    expect(readFileSync(join(d, 'p.svg'), 'utf8')).toBe('old svg')
    expect(readdirSync(d)).toEqual(['p.svg'])
  })

  it('demo: one file that cannot be written leaves no other', async () => {
    const d = tmpDir()
    mkdirSync(join(d, 'report.html'))
    const io = memoryIO()
    expect(await run(['demo', '--out', d], io)).toBe(1)
    expect(io.err).toMatch(/report\.html: is a folder/)
    expect(readdirSync(d)).toEqual(['report.html'])
  }, 60_000)
})

describe('12: input-driven failures are exit 1, not internal errors', () => {
  it('demo --out naming a file, or a place that cannot be made, is exit 1', async () => {
    const d = tmpDir()
    const file = join(d, 'notes.txt')
    writeFileSync(file, 'keep')
    let io = memoryIO()
    expect(await run(['demo', '--out', file], io)).toBe(1)
    expect(io.err).toBe(`biomarkit: ${file}: exists and is not a folder; --out names the folder the demo writes into\n  hint: choose a new or existing folder name\n`)
    io = memoryIO()
    expect(await run(['demo', '--out', join(file, 'sub', 'dir')], io)).toBe(1)
    expect(io.err).toBe(`biomarkit: ${join(file, 'sub', 'dir')}: cannot create the output folder (ENOTDIR)\n  hint: choose a folder you can write to\n`)
    expect(readdirSync(d)).toEqual(['notes.txt'])
    expect(readFileSync(file, 'utf8')).toBe('keep')
  })

  it('--max-line-length above the longest string V8 holds is a usage error', async () => {
    const io = memoryIO()
    expect(await run(['summary', MAF, '--max-line-length', '9999999999'], io)).toBe(1)
    expect(io.err).toBe('biomarkit: --max-line-length: at most 536870888 (the longest string this JavaScript engine can hold), got "9999999999"\n')
  })

  it('samples × features above 2^32 cells is a located limit, before any allocation', () => {
    expect(() => assertCellCount(70_000, 70_000)).toThrow(/70000 features × 70000 samples = 4900000000 cells, over the 4294967296/)
    expect(() => assertCellCount(20_000, 200_000)).not.toThrow()
  })

  it('the widest of 300,000 labels is found without spreading them as arguments', () => {
    const labels = Array.from({ length: 300_000 }, (_, i) => `G${i}`)
    expect(() => Math.max(...labels.map((l) => l.length))).toThrow(RangeError)
    expect(widest(labels, 10)).toBeGreaterThan(widest(['G1'], 10))
  })
})

describe('14: spreadsheet formulas, terminal control characters', () => {
  const evil = (d: string): string => {
    const p = join(d, 'evil.maf')
    const t = readFileSync(MAF, 'utf8').replace(/\tS1\t/g, '\t=HYPERLINK("http://x")\t')
    writeFileSync(p, t)
    return p
  }

  it('formula-like cells: =, +, - and @ lead; numbers and a lone "-" do not', () => {
    expect(['=1+1', '+A1', '-2+3', '@SUM(A1)', '-Inf'].map(formulaLike)).toEqual([true, true, true, true, true])
    expect(['-', '-1.5', '+2', '1e-5', 'TP53', ''].map(formulaLike)).toEqual([false, false, false, false, false, false])
  })

  it('the guard prefixes every such cell (first, middle, last of a line), skips # lines and lone signs', () => {
    const g = new FormulaGuard(true)
    expect(g.lines('#=comment\t=x\n=a\t-\t@b\t-1\t+c\n-\t=d')).toBe("#=comment\t=x\n'=a\t-\t'@b\t-1\t'+c\n-\t'=d")
    expect(g.count).toBe(4)
    const v = new FormulaGuard(false)
    expect(v.lines('a\t=b\n')).toBe('a\t=b\n')
    expect(v.note('out.tsv')).toMatch(/^out\.tsv: 1 cell\(s\) begin with/)
  })

  it('convert writes them verbatim with a note, or prefixed with --excel-safe', async () => {
    const d = tmpDir()
    const f = evil(d)
    let io = memoryIO()
    expect(await run(['convert', f], io)).toBe(0)
    expect(io.out).toContain('\t=HYPERLINK("http://x")\t')
    expect(io.err).toBe(`biomarkit: <stdout>: 1 cell(s) begin with =, +, - or @ (first: "=HYPERLINK("http://x")"); a spreadsheet may run them as formulas. --excel-safe writes them with a leading '\n`)
    io = memoryIO()
    expect(await run(['convert', f, '--excel-safe'], io)).toBe(0)
    expect(io.out).toContain(`\t'=HYPERLINK("http://x")\t`)
    expect(io.out).not.toMatch(/\t=/)
    expect(io.err).toBe('')
    // The MAF's own "-" alleles are not touched.
    expect(io.out).toMatch(/\tCT\t-\t/)
  })

  it('oncoplot --matrix-out and scan TSV take --excel-safe too', async () => {
    const d = tmpDir()
    const f = evil(d)
    const io = memoryIO()
    expect(await run(['oncoplot', f, '-o', join(d, 'p.svg'), '--matrix-out', join(d, 'm.tsv'), '--excel-safe'], io)).toBe(0)
    expect(readFileSync(join(d, 'm.tsv'), 'utf8')).toContain(`'=HYPERLINK`)
  })

  it('control characters and ESC sequences from file names are escaped on stderr', async () => {
    const d = tmpDir()
    const name = join(d, 'a\u001b[2Jb\u0007.maf')
    const io = memoryIO()
    expect(await run(['summary', name], io)).toBe(1)
    expect([...io.err].filter((c) => c < ' ' && c !== '\n' && c !== '\t')).toEqual([])
    expect(io.err).toContain('a\\x1b[2Jb\\x07.maf')
    expect(escapeTerminal('ok\tline\n')).toBe('ok\tline\n')
    expect(escapeTerminal('\u202eevil')).toBe('\\u202eevil')
  })
})

describe('6: convert streams, same bytes as the whole-output formatters', () => {
  const fixtures = [MAF, join(FIXTURES, 'bad', 'maf', 'crlf-mixed.maf'), join(FIXTURES, 'bad', 'vcf', 'valid.vcf'), join(FIXTURES, 'bad', 'maf', 'bgzf-valid.maf.gz')]
  it.each(fixtures)('%s', async (f) => {
    const cohort = await loadCohort({ inputs: [f], keepExtra: true })
    const all = cohort.events.toArray()
    let io = memoryIO()
    expect(await run(['convert', f], io)).toBe(0)
    expect(io.out).toBe(mafLines(all).join('\n') + '\n')
    const plain = await loadCohort({ inputs: [f] })
    io = memoryIO()
    expect(await run(['convert', f, '--to', 'json'], io)).toBe(0)
    expect(io.out).toBe(JSON.stringify({ samples: plain.samples, alterations: plain.events.toArray(), readReports: plain.reports.map(readReportJson) }, null, 1) + '\n')
  })

  it('JSON with no alterations is still the same document', async () => {
    const f = join(FIXTURES, 'bad', 'maf', 'header-only.maf')
    const plain = await loadCohort({ inputs: [f] })
    const io = memoryIO()
    expect(await run(['convert', f, '--to', 'json'], io)).toBe(0)
    expect(io.out).toBe(JSON.stringify({ samples: plain.samples, alterations: [], readReports: plain.reports.map(readReportJson) }, null, 1) + '\n')
  })

  it('a MAF of 100,000 columns converts (was "Invalid string length")', async () => {
    const d = tmpDir()
    const head = readFileSync(MAF, 'utf8').split('\n').filter((l) => l !== '')
    const extra = Array.from({ length: 100_000 }, (_, i) => `x${i}`)
    const lines = [[head[0], ...extra].join('\t'), ...head.slice(1).map((l) => [l, ...extra.map((_, i) => String(i))].join('\t'))]
    const f = join(d, 'wide.maf')
    writeFileSync(f, lines.join('\n') + '\n')
    const out = join(d, 'out.maf')
    expect(await run(['convert', f, '-o', out], memoryIO())).toBe(0)
    const got = readFileSync(out, 'utf8').split('\n')
    expect(got[1]?.split('\t')).toHaveLength(39 + 100_000)
    expect(got[2]?.split('\t').at(-1)).toBe('99999')
  }, 60_000)
})
