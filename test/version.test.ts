import { describe, expect, it } from 'vitest'
import { readFileSync } from 'node:fs'
import { join } from 'node:path'
import { VERSION } from '../src/version.js'
import * as lib from '../src/index.js'
import { run } from '../cli/main.js'
import { memoryIO } from '../cli/context.js'
import { ROOT } from './helpers.js'

describe('package', () => {
  it('reports the version package.json declares', async () => {
    const pkg = JSON.parse(readFileSync(join(ROOT, 'package.json'), 'utf8')) as { version: string }
    expect(VERSION).toBe(pkg.version)
    const io = memoryIO()
    expect(await run(['--version'], io)).toBe(0)
    expect(io.out.trim()).toBe(pkg.version)
  })

  it('exposes the library by stage', () => {
    expect(typeof lib.maf.readMaf).toBe('function')
    expect(typeof lib.vcf.readVcf).toBe('function')
    expect(typeof lib.classify.compileRules).toBe('function')
    expect(typeof lib.matrix.buildMatrix).toBe('function')
    expect(lib.stats.fisherExact(1, 1, 2, 3).oddsRatio).toBeCloseTo(Math.SQRT2, 12)
    // The whole analyses the CLI calls, for a library user (#20: cli/ only reads, parses and writes).
    for (const f of [lib.reportFigures, lib.lollipopFigure, lib.swimmerFigure, lib.featureScan, lib.featureScanText, lib.studyOutputs, lib.columnChoices, lib.optionRows]) expect(typeof f).toBe('function')
  })

  it('lists every command in --help', async () => {
    const io = memoryIO()
    expect(await run(['--help'], io)).toBe(0)
    for (const c of ['demo', 'summary', 'convert', 'scan', 'interactions', 'oncoplot', 'report', 'fisher']) expect(io.out).toMatch(new RegExp(`\\n  ${c} `))
  })

  it('turns an unknown option into a usage error with exit 1, not a stack trace', async () => {
    const io = memoryIO()
    expect(await run(['summary', '--no-such-option'], io)).toBe(1)
    expect(io.err).toMatch(/unknown option/)
    expect(io.err).not.toMatch(/\n\s+at /)
  })
})
