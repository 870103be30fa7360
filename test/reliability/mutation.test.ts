/**
 * Property: any mutation of a valid file either parses, or fails with an InputError that names the
 * file and a line — never anything else (no TypeError, RangeError, zod error, stack trace), and the
 * CLI never exits 2. Neutral edits (CRLF, CR, BOM, trailing blank lines, gzip) read as the same records.
 */
import { describe, expect, it } from 'vitest'
import fc from 'fast-check'
import { readFileSync, writeFileSync } from 'node:fs'
import { join } from 'node:path'
import { gzipSync } from 'node:zlib'
import { run } from '../../cli/main.js'
import { memoryIO } from '../../cli/context.js'
import { InputError } from '../../src/errors.js'
import { readMaf } from '../../src/maf/read.js'
import { readVcf } from '../../src/vcf/index.js'
import { readClinical } from '../../src/clinical/index.js'
import { readCopyNumber } from '../../src/cna/read.js'
import { readFusions } from '../../src/fusion/read.js'
import { FIXTURES, tmpDir } from '../helpers.js'
import { applyMutations, mutationArb } from './mutate.js'

const BAD = join(FIXTURES, 'bad')
/**
 * Codes whose error has no line to point at: the file has no header line at all, or its gzip
 * stream is corrupt (the fault is in compressed bytes, before any line exists).
 */
const NO_LINE_CODES: ReadonlySet<string> = new Set(['EMPTY_FILE', 'TRUNCATED'])

type Reader = (path: string) => Promise<unknown>
const READERS: readonly { name: string; seed: string; read: Reader; gzip?: boolean }[] = [
  { name: 'MAF', seed: 'maf/valid.maf', read: (p) => readMaf(p) },
  { name: 'VCF', seed: 'vcf/valid.vcf', read: (p) => readVcf(p) },
  { name: 'clinical', seed: 'clinical/valid.tsv', read: (p) => readClinical(p) },
  { name: 'copy number', seed: 'cna/valid.tsv', read: (p) => readCopyNumber(p) },
  { name: 'fusion', seed: 'fusion/valid.tsv', read: (p) => readFusions(p) },
  // The seed gzipped, so mutations hit the compressed bytes and the gunzip error paths.
  { name: 'gzipped MAF', seed: 'maf/valid.maf', read: (p) => readMaf(p), gzip: true },
]

/** undefined when the outcome is acceptable; otherwise what went wrong. */
export function unexpected(e: unknown, path: string): string | undefined {
  if (!(e instanceof InputError)) return `not an InputError: ${e instanceof Error ? (e.stack ?? e.message) : String(e)}`
  if (e.file !== path) return `InputError names ${String(e.file)}, not ${path}: ${e.format()}`
  if (e.line === undefined && !NO_LINE_CODES.has(e.code)) return `InputError without a line: ${e.format()}`
  return undefined
}

describe('mutated inputs: parse, or a located InputError', () => {
  for (const r of READERS) {
    it(`${r.name} reader`, async () => {
      const raw = readFileSync(join(BAD, r.seed))
      const seed = r.gzip ? gzipSync(raw) : raw
      const dir = tmpDir()
      const path = join(dir, 'mutant')
      await fc.assert(
        fc.asyncProperty(fc.array(mutationArb, { minLength: 1, maxLength: 4 }), async (ms) => {
          writeFileSync(path, applyMutations(seed, ms))
          try {
            await r.read(path)
          } catch (e) {
            expect(unexpected(e, path)).toBeUndefined()
          }
        }),
        { seed: 7, numRuns: 300 },
      )
    })
  }

  it('the CLI never exits 2 on a mutated MAF or VCF', async () => {
    const seeds = [readFileSync(join(BAD, 'maf/valid.maf')), readFileSync(join(BAD, 'vcf/valid.vcf'))]
    const dir = tmpDir()
    await fc.assert(
      fc.asyncProperty(fc.nat({ max: 1 }), fc.array(mutationArb, { minLength: 1, maxLength: 4 }), async (k, ms) => {
        const path = join(dir, k === 0 ? 'm.maf' : 'm.vcf')
        writeFileSync(path, applyMutations(seeds[k] as Buffer, ms))
        const io = memoryIO()
        const code = await run(['summary', path, '--json'], io)
        expect([0, 1], io.err).toContain(code)
        if (code === 1) expect(io.err.startsWith(`biomarkit: ${path}`), io.err).toBe(true)
      }),
      { seed: 11, numRuns: 150 },
    )
  })
})

describe('neutral edits read as the same records', () => {
  const NEUTRAL: readonly { name: string; edit: (b: Buffer) => Buffer }[] = [
    { name: 'CRLF', edit: (b) => Buffer.from(b.toString('utf8').replaceAll('\n', '\r\n')) },
    { name: 'CR only', edit: (b) => Buffer.from(b.toString('utf8').replaceAll('\n', '\r')) },
    { name: 'UTF-8 BOM', edit: (b) => Buffer.concat([Buffer.from([0xef, 0xbb, 0xbf]), b]) },
    { name: 'no final newline', edit: (b) => b.subarray(0, b.length - 1) },
    { name: 'gzip', edit: (b) => gzipSync(b) },
    { name: 'BGZF-style members', edit: (b) => Buffer.concat([gzipSync(b.subarray(0, 100)), gzipSync(b.subarray(100))]) },
  ]
  for (const r of READERS.filter((x) => (x.name === 'MAF' || x.name === 'VCF') && !x.gzip)) {
    it.each(NEUTRAL)(`${r.name}: $name`, async ({ edit }) => {
      const seed = readFileSync(join(BAD, r.seed))
      const dir = tmpDir()
      const a = join(dir, 'a')
      const b = join(dir, 'b')
      writeFileSync(a, seed)
      writeFileSync(b, edit(seed))
      const strip = (x: unknown) => JSON.parse(JSON.stringify(x).replaceAll(JSON.stringify(b).slice(1, -1), JSON.stringify(a).slice(1, -1))) as unknown
      expect(strip(await r.read(b))).toEqual(strip(await r.read(a)))
    })
  }
})
