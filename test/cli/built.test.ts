/**
 * The installed command is the bundle dist/bin/biomarkit.js (rolldown.config.mjs), not the
 * TypeScript sources vitest runs: check it gives the same bytes as the in-process CLI.
 * `npm ci` / `npm install` build it (prepare); after editing sources, `npm run build` first.
 */
import { describe, expect, it } from 'vitest'
import { execFileSync } from 'node:child_process'
import { existsSync, readFileSync } from 'node:fs'
import { gunzipSync } from 'node:zlib'
import { join } from 'node:path'
import { run } from '../../cli/main.js'
import { memoryIO } from '../../cli/context.js'
import { VERSION } from '../../src/version.js'
import { FIXTURES, ROOT } from '../helpers.js'

const BIN = join(ROOT, 'dist', 'bin', 'biomarkit.js')
const built = existsSync(BIN)
if (!built) console.warn(`skipping test/cli/built.test.ts: ${BIN} is missing (run npm run build)`)

const cli = (...args: string[]): string => execFileSync(process.execPath, [BIN, ...args], { encoding: 'utf8', maxBuffer: 64 << 20 })

describe.runIf(built)('the built command (dist/bin/biomarkit.js)', () => {
  it('prints the version', () => {
    expect(cli('--version').trim()).toBe(VERSION)
  })

  it('writes what the in-process CLI writes (summary --json of tcga_laml)', async () => {
    const maf = join(FIXTURES, 'maf', 'tcga_laml.maf.gz')
    const io = memoryIO()
    expect(await run(['summary', maf, '--json'], io)).toBe(0)
    expect(cli('summary', maf, '--json'), 'stale build? run npm run build').toBe(io.out)
  })

  it('exits 1 with a located message for bad input', () => {
    let status = 0
    let stderr = ''
    try {
      cli('summary', join(FIXTURES, 'maf', 'no-such-file.maf'))
    } catch (e) {
      status = (e as { status: number }).status
      stderr = String((e as { stderr: unknown }).stderr)
    }
    expect(status).toBe(1)
    expect(stderr).toMatch(/^biomarkit: .*no-such-file\.maf/)
  })

  it('reads standard input ("-"), gzip or plain, with or without --low-memory', () => {
    const maf = join(FIXTURES, 'maf', 'tcga_laml.maf.gz')
    const want = cli('summary', maf, '--json').replaceAll(maf, '<stdin>')
    const stdin = (input: Buffer, ...args: string[]): string => execFileSync(process.execPath, [BIN, ...args], { input, encoding: 'utf8', maxBuffer: 64 << 20 })
    const gz = readFileSync(maf)
    expect(stdin(gz, 'summary', '-', '--json')).toBe(want)
    expect(stdin(gunzipSync(gz), 'summary', '-', '--json')).toBe(want)
    expect(stdin(gunzipSync(gz), 'summary', '-', '--json', '--low-memory')).toBe(want)
  })
})
