/**
 * Cohort summary figure (maftools plotmafSummary): the counts equal R's restatement of maftools
 * (scripts/r/maf-summary.R → test/fixtures/viz/laml-maf-summary.json), R's fivenum, escaping and
 * stable bytes; golden SVG. Regenerate: UPDATE_GOLDEN=1 npx vitest run test/viz/maf-summary.test.ts.
 */
import { existsSync, readFileSync, writeFileSync } from 'node:fs'
import { join } from 'node:path'
import { describe, expect, it } from 'vitest'
import { memoryIO } from '../../cli/context.js'
import { run } from '../../cli/main.js'
import { mafSummaryData, snvClass } from '../../src/matrix/maf-summary.js'
import { fivenum, layoutMafSummary } from '../../viz/maf-summary.js'
import { toSvg } from '../../viz/svg.js'
import { FIXTURES, tmpDir } from '../helpers.js'
import { buildMatrix } from './helpers.js'
import { xmlProblem } from './xml.js'

interface Ref {
  readonly classes: Record<string, number>
  readonly types: Record<string, number>
  readonly snv: Record<string, number>
  readonly events: number
  readonly median_per_mutated_sample: number
}

describe('pieces', () => {
  it('classes SNVs with their reverse complement (G>A is C>T) and refuses non-bases', () => {
    expect(snvClass('G', 'A')).toBe('C>T')
    expect(snvClass('c', 't')).toBe('C>T')
    expect(snvClass('A', 'C')).toBe('T>G')
    expect(snvClass('A', 'A')).toBeUndefined()
    expect(snvClass('N', 'A')).toBeUndefined()
    expect(snvClass('AC', 'A')).toBeUndefined()
  })
  it('computes fivenum as R does (Tukey hinges)', () => {
    expect(fivenum([1, 2, 3, 4, 5, 6])).toEqual([1, 2, 3.5, 5, 6])
    expect(fivenum([0, 0, 0, 1, 7])).toEqual([0, 0, 0, 1, 7])
    expect(fivenum([4])).toEqual([4, 4, 4, 4, 4])
  })
})

describe('summary --plot on TCGA LAML', () => {
  const ref = JSON.parse(readFileSync(join(FIXTURES, 'viz', 'laml-maf-summary.json'), 'utf8')) as Ref
  it("counts what maftools' plotmafSummary counts (R reference)", async () => {
    const { loadCohort } = await import('../../src/input/cohort.js')
    const { classifyCohort } = await import('../../src/pipeline/classify-cohort.js')
    const m = await classifyCohort(await loadCohort({ inputs: [join(FIXTURES, 'maf', 'tcga_laml.maf.gz')] }), {})
    const d = mafSummaryData(m)
    expect(Object.fromEntries(d.classes.map((c) => [c.variantClass, c.count]))).toEqual(ref.classes)
    expect(Object.fromEntries(d.types.map((t) => [t.type, t.count]))).toEqual(ref.types)
    expect(Object.fromEntries(d.snv.map((s) => [s.change, s.count]))).toEqual(ref.snv)
    expect(d.events).toBe(ref.events)
    expect(d.medianPerSample).toBe(ref.median_per_mutated_sample)
    expect(d.genes.map((g) => g.gene).slice(0, 3)).toEqual(['FLT3', 'DNMT3A', 'NPM1'])
  })
  it('writes the figure (and a PNG) beside the summary', async () => {
    const d = tmpDir()
    const io = memoryIO()
    expect(await run(['summary', join(FIXTURES, 'maf', 'tcga_laml.maf.gz'), '-o', join(d, 's.txt'), '--plot', join(d, 's.svg'), '--png'], io)).toBe(0)
    const svg = readFileSync(join(d, 's.svg'), 'utf8')
    expect(xmlProblem(svg)).toBeUndefined()
    expect(svg).toContain('Cohort summary: 1732 mutations in 193 samples (median 9 per sample)')
    expect(existsSync(join(d, 's.png'))).toBe(true)
    const bad = memoryIO()
    expect(await run(['summary', join(FIXTURES, 'maf', 'tcga_laml.maf.gz'), '--png'], bad)).toBe(1)
    expect(bad.err).toMatch(/--png goes with --plot FILE/)
  })
})

describe('figure', () => {
  const m = buildMatrix({
    samples: ['<s&1>', 's2', 's3'],
    rows: { '<G&1>': { '<s&1>': 'Missense_Mutation;Nonsense_Mutation', s2: 'Frame_Shift_Del' }, KRAS: { s3: 'Missense_Mutation' } },
  })
  const svg = toSvg(layoutMafSummary(mafSummaryData(m)))
  it('matches the stored SVG after number normalisation, escapes names and is stable', () => {
    const GOLDEN = new URL('../fixtures/viz/golden-maf-summary.svg', import.meta.url)
    if (process.env.UPDATE_GOLDEN === '1' || !existsSync(GOLDEN)) writeFileSync(GOLDEN, svg)
    const norm = (s: string) => s.replace(/-?\d+\.\d+/g, (n) => String(Math.round(Number(n) * 10) / 10))
    expect(norm(svg)).toBe(norm(readFileSync(GOLDEN, 'utf8')))
    expect(xmlProblem(svg)).toBeUndefined()
    expect(svg).not.toContain('<G&1>')
    expect(toSvg(layoutMafSummary(mafSummaryData(m)))).toBe(svg)
  })
})
