/**
 * `convert` reads MAF and VCF files block by block into a spool (src/pipeline/convert-spool.ts) and
 * must give the bytes of the whole-output formatters over the cohort read whole (mafLines;
 * JSON.stringify with indent 1): several files with different carried columns (rows padded to the
 * final header), MAF duplicates within a file found across 4 MB blocks (kept on disk, not in
 * memory), a file the byte path hands to the text path (started over), copy-number and fusion
 * records, gzip. A failed read writes nothing and leaves no spool behind.
 */
import { afterEach, describe, expect, it } from 'vitest'
import { spawn } from 'node:child_process'
import { once } from 'node:events'
import { existsSync, mkdirSync, readdirSync, writeFileSync } from 'node:fs'
import { join } from 'node:path'
import { setTimeout as sleep } from 'node:timers/promises'
import { gzipSync } from 'node:zlib'
import { run } from '../../cli/main.js'
import { memoryIO } from '../../cli/context.js'
import { loadCohort } from '../../src/input/cohort.js'
import { mafLines } from '../../src/maf/write.js'
import { readReportJson } from '../../src/model/report.js'
import { FIXTURES, ROOT, tmpDir } from '../helpers.js'

const BAD = join(FIXTURES, 'bad')
const HEAD = ['Hugo_Symbol', 'Chromosome', 'Start_Position', 'End_Position', 'Reference_Allele', 'Tumor_Seq_Allele2', 'Variant_Classification', 'Variant_Type', 'Tumor_Sample_Barcode', 'HGVSp_Short']
const GENES = ['TP53', 'KRAS', 'PIK3CA', 'EGFR', 'BRAF', 'PTEN', 'NRAS', 'IDH1']

/** A MAF of `rows` rows over 40 samples; every `dupEvery`-th row repeats the key of a row ~half the file earlier. */
function bigMaf(rows: number, dupEvery: number, extra: readonly string[] = []): string {
  const out = [[...HEAD, ...extra].join('\t')]
  const keys: string[][] = []
  for (let i = 0; i < rows; i++) {
    let r: string[]
    if (dupEvery > 0 && i % dupEvery === dupEvery - 1 && keys.length > 2) {
      const k = keys[Math.floor(keys.length / 2)] as string[]
      r = [...k]
    } else {
      const pos = String(1000 + i * 7)
      r = [GENES[i % GENES.length] as string, String(1 + (i % 22)), pos, pos, 'C', i % 3 === 0 ? 'A' : 'T', 'Missense_Mutation', 'SNP', `S${i % 40}`, `p.X${i}Y`]
      keys.push(r)
    }
    out.push([...r, ...extra.map((c, j) => `${c}-${i % (j + 2)}`)].join('\t'))
  }
  return out.join('\n') + '\n'
}

async function expectSameAsWhole(inputs: string[], side: { cna?: string[]; fusions?: string[] } = {}): Promise<void> {
  const extraArgs = [...(side.cna ?? []).flatMap((f) => ['--cna', f]), ...(side.fusions ?? []).flatMap((f) => ['--fusions', f])]
  // convert writes a call repeated in two files once per file (README, convert): compared with that read.
  const withExtra = await loadCohort({ inputs, keepExtra: true, keepCrossFileRepeats: true, ...side })
  let io = memoryIO()
  expect(await run(['convert', ...inputs, ...extraArgs], io), io.err).toBe(0)
  expect(io.out).toBe(mafLines(withExtra.events.toArray()).join('\n') + '\n')
  const plain = await loadCohort({ inputs, keepCrossFileRepeats: true, ...side })
  io = memoryIO()
  expect(await run(['convert', ...inputs, '--to', 'json', ...extraArgs], io), io.err).toBe(0)
  expect(io.out).toBe(JSON.stringify({ samples: plain.samples, alterations: plain.events.toArray(), readReports: plain.reports.map(readReportJson) }, null, 1) + '\n')
}

const savedTmp = process.env['TMPDIR']
afterEach(() => {
  if (savedTmp === undefined) delete process.env['TMPDIR']
  else process.env['TMPDIR'] = savedTmp
})

describe('convert: rows spooled per block, same bytes as the whole-cohort formatters', () => {
  it('several MAFs with different carried columns: each row padded to the final header', async () => {
    const d = tmpDir()
    const a = join(d, 'a.maf')
    const b = join(d, 'b.maf')
    writeFileSync(a, bigMaf(50, 0, ['caller', 'Center']))
    writeFileSync(b, bigMaf(50, 0, ['panel', 'caller', 'notes']))
    await expectSameAsWhole([a, b])
  })

  it('a MAF of several 4 MB blocks with duplicates far apart: the same rows dropped and counted', async () => {
    const d = tmpDir()
    const f = join(d, 'big.maf')
    writeFileSync(f, bigMaf(90_000, 97))
    await expectSameAsWhole([f])
    const io = memoryIO()
    expect(await run(['convert', f, '--to', 'json'], io)).toBe(0)
    const doc = JSON.parse(io.out) as { readReports: { dropped: Record<string, number>; kept: number }[] }
    expect(doc.readReports[0]?.dropped['duplicate (same sample, chromosome, start and alleles)']).toBeGreaterThan(900)
  })

  it('the same, gzip-compressed (blocks as the inflater hands them over)', async () => {
    const d = tmpDir()
    const f = join(d, 'big.maf.gz')
    writeFileSync(f, gzipSync(bigMaf(60_000, 89)))
    await expectSameAsWhole([f])
  })

  it('a file the byte path hands to the text path (a lone CR after 4 MB) is started over, not written twice', async () => {
    const d = tmpDir()
    const f = join(d, 'cr.maf')
    const text = bigMaf(70_000, 101)
    const cut = text.lastIndexOf('\n', text.length - 1000)
    writeFileSync(f, text.slice(0, cut) + '\r' + text.slice(cut + 1))
    await expectSameAsWhole([f])
  })

  it('VCF, MAF, copy-number and fusion tables together (records that are not MAF rows counted, not written)', async () => {
    const inputs = [join(BAD, 'vcf', 'valid.vcf'), join(BAD, 'maf', 'valid.maf'), join(BAD, 'maf', 'crlf-mixed.maf')]
    await expectSameAsWhole(inputs, { cna: [join(BAD, 'cna', 'valid.tsv')], fusions: [join(BAD, 'fusion', 'valid.tsv')] })
    const io = memoryIO()
    expect(await run(['convert', ...inputs, '--cna', join(BAD, 'cna', 'valid.tsv')], io)).toBe(0)
    expect(io.err).toContain('biomarkit: 3 copy-number/fusion record(s) are not MAF rows and were not written')
  })

  it('a read that fails after many blocks writes nothing to stdout and leaves no spool in TMPDIR', async () => {
    const d = tmpDir()
    const tmp = join(d, 'tmp')
    mkdirSync(tmp)
    process.env['TMPDIR'] = tmp
    const f = join(d, 'late-error.maf')
    writeFileSync(f, bigMaf(60_000, 0) + 'TP53\tchr99\t5\t5\tC\tT\tMissense_Mutation\tSNP\tS1\tp.X\n')
    for (const to of ['maf', 'json']) {
      const io = memoryIO()
      expect(await run(['convert', f, '--to', to], io)).toBe(1)
      expect(io.out).toBe('')
      expect(io.err).toContain('60002:2: Chromosome: unknown chromosome name "chr99"')
      expect(readdirSync(tmp)).toEqual([])
    }
    const out = join(d, 'out.maf')
    expect(await run(['convert', f, '-o', out], memoryIO())).toBe(1)
    expect(existsSync(out)).toBe(false)
    expect(readdirSync(tmp)).toEqual([])
  })

  it('a TMPDIR that cannot hold the spool is exit 1 naming it, not an internal error', async () => {
    const d = tmpDir()
    process.env['TMPDIR'] = join(d, 'missing')
    const io = memoryIO()
    expect(await run(['convert', join(BAD, 'maf', 'valid.maf')], io)).toBe(1)
    expect(io.err).toBe(`biomarkit: ${join(d, 'missing')}: cannot write a temporary file of convert (ENOENT)\n  hint: convert keeps its output rows on disk until the inputs are read: set TMPDIR to a folder with room for about the output size\n`)
  })
})

const BIN = join(ROOT, 'dist', 'bin', 'biomarkit.js')

describe.runIf(existsSync(BIN))('convert interrupted (the built command)', () => {
  it('SIGINT while reading removes the spool from TMPDIR and exits 130', async () => {
    const d = tmpDir()
    const tmp = join(d, 'tmp')
    mkdirSync(tmp)
    // Reading standard input that never ends: the run is certainly mid-read when the signal comes.
    const child = spawn(process.execPath, [BIN, 'convert', '-', '--to', 'maf'], { env: { ...process.env, TMPDIR: tmp }, stdio: ['pipe', 'pipe', 'pipe'] })
    child.stdin.write(bigMaf(2000, 0))
    let out = ''
    child.stdout.on('data', (b: Buffer) => (out += b.toString()))
    for (let i = 0; i < 600 && readdirSync(tmp).length === 0; i++) await sleep(50)
    expect(readdirSync(tmp).filter((f) => f.startsWith('biomarkit-convert-'))).toHaveLength(1)
    child.kill('SIGINT')
    const [code, signal] = (await once(child, 'exit')) as [number | null, string | null]
    expect({ code, signal }).toEqual({ code: 130, signal: null })
    expect(readdirSync(tmp)).toEqual([])
    expect(out).toBe('')
  }, 60_000)
})
