/**
 * `biomarkit burden`: the burden-by-response figure as a command of its own (issue 18), on Liu 2019
 * as published (comut, MIT; read in place from ../shared, skipped when absent) against R's
 * wilcox.test (test/fixtures/stats/liu2019-nonsyn.json, 1e-12: the same closed-form normal
 * approximation), on the demo's computed TMB, and its refusals.
 */
import { readFileSync } from 'node:fs'
import { join } from 'node:path'
import { describe, expect, it } from 'vitest'
import { memoryIO } from '../../cli/context.js'
import { run } from '../../cli/main.js'
import { FIXTURES, ROOT, hasShared, shared, tmpDir, tmpFile } from '../helpers.js'
import { xmlProblem } from './xml.js'

const LIU = 'comut/melanoma/merged_clinical_data.tsv'
const DEMO = join(ROOT, 'demo')

describe.skipIf(!hasShared(LIU))('burden on Liu 2019: non-synonymous mutations by response', () => {
  it('draws both groups with their n and R\'s Wilcoxon p, states the readings', async () => {
    const ref = (JSON.parse(readFileSync(join(FIXTURES, 'stats', 'liu2019-nonsyn.json'), 'utf8')) as { wilcoxon_p: number }[])[0] as { wilcoxon_p: number }
    const dir = tmpDir('biomarkit-burden-')
    const io = memoryIO()
    expect(await run(['burden', '--clinical', shared(LIU), '--endpoint', 'orr', '--feature', 'clinical:nonsyn_muts', '--log', '-o', join(dir, 'b.svg'), '--png'], io), io.err).toBe(0)
    const svg = readFileSync(join(dir, 'b.svg'), 'utf8')
    expect(xmlProblem(svg)).toBeUndefined()
    expect(svg).toContain('nonsyn_muts by orr: CR+PR vs SD+PD')
    expect(svg).toContain('Wilcoxon rank-sum P = 0.050 (normal approx.)')
    expect(svg).toContain('n = 17')
    expect(svg).toContain('n = 35')
    expect(readFileSync(join(dir, 'b.png')).subarray(1, 4).toString()).toBe('PNG')
    const p = Number(/Wilcoxon rank-sum p = ([0-9.e-]+)/.exec(io.err)?.[1])
    expect(Math.abs(p / ref.wilcoxon_p - 1)).toBeLessThan(1e-12)
    expect(io.err).toContain('"MR" → SD (mixed response)')
    expect(io.err).toContain('clinical:nonsyn_muts: numeric (50 distinct values)')
  })
})

describe('burden on the demo and its refusals (always run)', () => {
  it('TMB computed from the calls: the patients without calls are counted, not drawn', async () => {
    const dir = tmpDir('biomarkit-burden-')
    const io = memoryIO()
    expect(await run(['burden', '--manifest', join(DEMO, 'manifest.tsv'), '--panel', join(DEMO, 'panel.json'), '--clinical', join(DEMO, 'clinical.tsv'), '--endpoint', 'orr', '--feature', 'tmb', '-o', join(dir, 't.svg')], io), io.err).toBe(0)
    expect(io.err).toContain('drawn: responders (CR+PR) 9, non-responders (SD+PD) 19; 36 with a response but no TMB left out')
    const svg = readFileSync(join(dir, 't.svg'), 'utf8')
    expect(svg).toContain('TMB (mut/Mb)')
    expect(xmlProblem(svg)).toBeUndefined()
  })
  it('refuses a survival endpoint, a factor, a gene, and a value ≤ 0 on a log axis; escapes names', async () => {
    const dir = tmpDir('biomarkit-burden-')
    const clin = tmpFile('c.tsv', ['sample\tBOR\t<b>&"x\tgrp', ...Array.from({ length: 8 }, (_, i) => `S${i}\t${i % 2 ? 'PR' : 'PD'}\t${i}\t${i % 2 ? 'a' : 'b'}`)].join('\n') + '\n')
    const cases: [string[], RegExp][] = [
      [['--endpoint', 'pfs', '--feature', 'clinical:age', '--clinical', join(DEMO, 'clinical.tsv')], /"pfs" is not a response endpoint/],
      [['--endpoint', 'orr', '--feature', 'clinical:grp', '--clinical', clin], /the burden plot draws a numeric feature/],
      [['--endpoint', 'orr', '--feature', 'TP53', '--clinical', clin], /"TP53" is not a numeric feature/],
      [['--endpoint', 'orr', '--feature', 'clinical:<b>&"x', '--clinical', clin, '--log'], /--log: 1 value\(s\) of "<b>&\\"x" are ≤ 0/],
    ]
    for (const [args, msg] of cases) {
      const io = memoryIO()
      expect(await run(['burden', ...args, '-o', join(dir, 'x.svg')], io), args.join(' ')).toBe(1)
      expect(io.err).toMatch(msg)
    }
    const io = memoryIO()
    expect(await run(['burden', '--endpoint', 'orr', '--feature', 'clinical:<b>&"x', '--clinical', clin, '-o', join(dir, 'h.svg')], io), io.err).toBe(0)
    const svg = readFileSync(join(dir, 'h.svg'), 'utf8')
    expect(xmlProblem(svg)).toBeUndefined()
    expect(svg).toContain('&lt;b&gt;&amp;')
  })
})
