// Clinical factors (kind and reference stated), TMB per panel Mb, Firth under separation, and the
// table / km / forest commands on the demo cohort.
import { readFileSync } from 'node:fs'
import { join } from 'node:path'
import { describe, expect, it } from 'vitest'
import { memoryIO } from '../../cli/context.js'
import { run } from '../../cli/main.js'
import { parseClinicalLines } from '../../src/clinical/read.js'
import { tmbVector, DEFAULT_EXOME_MB } from '../../src/features/burden.js'
import { clinicalFactor } from '../../src/features/clinical-factor.js'
import { parseFeatureWords } from '../../cli/commands/feature-options.js'
import type { CohortMatrix } from '../../src/matrix/types.js'
import { tmpDir } from '../helpers.js'
import { xmlProblem } from '../viz/xml.js'
import { demoStudyReference } from '../demo/files.js'

const ROOT = join(__dirname, '..', '..')
const DEMO = join(ROOT, 'demo')
const ref = demoStudyReference()

describe('clinicalFactor', () => {
  const t = parseClinicalLines('c.tsv', ['sample\tbrain\tihc\tstage\tcps\tline', 'a\tyes\t1+\tI\t1\t1', 'b\tno\t2+\tII\t5\t2', 'c\tno\t1+\tIII\t12\t3', 'd\tNA\t2+\tI\t0\t1']).table
  it('binary yes/no: "no" is the reference (the event coding\'s absent value), missing counted', () => {
    const v = clinicalFactor(t, 'brain')
    expect(v.kind).toBe('binary')
    expect(v.kind !== 'numeric' && v.levels).toEqual(['no', 'yes'])
    expect(v.missing).toEqual({ 'missing brain': 1 })
    expect(v.interpretation).toMatch(/"yes" vs "no" \(reference: the yes\/no "absent" value\)/)
  })
  it('other two-level columns: first in sorted order, unless --reference says otherwise', () => {
    expect(clinicalFactor(t, 'ihc').interpretation).toMatch(/"2\+" vs "1\+" \(reference: first in sorted order\)/)
    const v = clinicalFactor(t, 'ihc', { reference: '2+' })
    expect(v.kind !== 'numeric' && v.levels).toEqual(['2+', '1+'])
    expect(() => clinicalFactor(t, 'ihc', { reference: '3+' })).toThrow(/reference level "3\+" does not occur/)
  })
  it('categorical (> 2 levels) and numeric (all numbers, > 2 values); --categorical reads numbers as levels', () => {
    expect(clinicalFactor(t, 'stage').kind).toBe('categorical')
    expect(clinicalFactor(t, 'cps').kind).toBe('numeric')
    expect(clinicalFactor(t, 'line', { categorical: true }).kind).toBe('categorical')
    expect(() => clinicalFactor(t, 'nope')).toThrow(/column "nope" not found/)
  })
})

describe('--features words', () => {
  it('continues clinical: over the next words until another keyword', () => {
    expect(parseFeatureWords(['clinical:brain_mets', 'her2_ihc', 'tmb', 'genes'])).toEqual({ genomic: ['genes'], clinical: ['brain_mets', 'her2_ihc'], tmb: true, mutationCount: false })
    expect(() => parseFeatureWords(['her2_ihc'])).toThrow(/unknown feature type "her2_ihc"/)
  })
})

describe('TMB', () => {
  const m = { samples: ['A', 'B', 'C'], samplePanel: ['p1', undefined, 'p2'], panelMb: [2, undefined, undefined], burden: Uint32Array.from([10, 100, 7]) } as unknown as CohortMatrix
  it('counts per Mb of the sample panel, the whole-exome default for no panel, and no value for a panel of unknown size', () => {
    const v = tmbVector(m, 'Missense_Mutation')
    expect([...v.values]).toEqual([['A', 5], ['B', 100 / DEFAULT_EXOME_MB]])
    expect(v.missing).toEqual({ 'panel size unknown (no sizeMb)': 1 })
    expect(v.interpretation).toMatch(/p1 2 Mb; 1 sample\(s\) with no panel taken as whole-exome, 50 Mb/)
    expect([...tmbVector(m, 'x', { exomeMb: 30 }).values][1]).toEqual(['B', 100 / 30])
  })
})

describe('response models under separation (prior Trop-2 ADC: 0/10 responders)', async () => {
  const io = memoryIO()
  const code = await run(['scan', '--clinical', join(DEMO, 'clinical.tsv'), '--endpoint', 'orr', '--features', 'clinical:prior_trop2_adc', '--format', 'json'], io)
  it('gives the finite Firth OR (brglm2, 1e-6: its convergence) and labels the plain MLE OR = 0, never NaN', () => {
    expect(code, io.err).toBe(0)
    const row = (JSON.parse(io.out) as { featureEndpoints: { response: Record<string, unknown>[] }[] }).featureEndpoints[0]?.response[0] as Record<string, unknown>
    expect(Math.abs((row['or'] as number) / (ref['firth_or'] as number) - 1)).toBeLessThan(1e-6)
    expect(Number.isFinite(row['or_lower'])).toBe(true)
    expect(Number.isFinite(row['or_upper'])).toBe(true)
    expect(row['note']).toMatch(/plain MLE OR = 0/)
    expect(row['or_method']).toMatch(/^Firth/)
    expect([row['responders_level'], row['n_level']]).toEqual([0, 10])
  })
})

describe('--strata: exact stratified test (R mantelhaen.test(exact = TRUE))', () => {
  it('brain metastases vs ORR stratified by HER2 IHC: p to 1e-9, OR to 1e-3 (R solves it with uniroot)', async () => {
    const io = memoryIO()
    expect(await run(['scan', '--clinical', join(DEMO, 'clinical.tsv'), '--endpoint', 'orr', '--features', 'clinical:brain_mets', '--strata', 'her2_ihc', '--format', 'json'], io)).toBe(0)
    const row = (JSON.parse(io.out) as { featureEndpoints: { response: Record<string, unknown>[] }[] }).featureEndpoints[0]?.response[0] as Record<string, unknown>
    expect(Math.abs((row['mh_p'] as number) / (ref['mh_p_brain_by_her2'] as number) - 1)).toBeLessThan(1e-9)
    expect(Math.abs((row['mh_or'] as number) / (ref['mh_or_brain_by_her2'] as number) - 1)).toBeLessThan(1e-3)
    expect(row['mh_strata']).toBe(2)
  })
})

describe('table, km and forest commands on the demo', () => {
  it('table ae / baseline / efficacy write TSV and JSON; bad kinds are usage errors', async () => {
    const io = memoryIO()
    expect(await run(['table', 'ae', join(DEMO, 'adverse_events.tsv'), '--clinical', join(DEMO, 'clinical.tsv')], io)).toBe(0)
    expect(io.out).toMatch(/\nNausea\t46 \(71\.9\)\t46\t/)
    const j = memoryIO()
    expect(await run(['table', 'efficacy', '--clinical', join(DEMO, 'clinical.tsv'), '--subgroups', 'her2_ihc', '--format', 'json'], j)).toBe(0)
    const rows = (JSON.parse(j.out) as { rows: { group: string; pfsHr?: { hr: number } }[] }).rows
    expect(rows.find((r) => r.group === 'her2_ihc = 2+')?.pfsHr?.hr).toBeGreaterThan(0.3)
    const b = memoryIO()
    expect(await run(['table', 'baseline', '--clinical', join(DEMO, 'clinical.tsv'), '--columns', 'age,brain_mets', '--by', 'her2_ihc'], b)).toBe(0)
    expect(b.out).toMatch(/brain_mets\tyes\t11 \(17\.2\)/)
    const bad = memoryIO()
    expect(await run(['table', 'tables', '--clinical', join(DEMO, 'clinical.tsv')], bad)).toBe(1)
    expect(bad.err).toMatch(/unknown kind "tables"/)
  })
  it('km and forest write well-formed SVG with the statistics on it', async () => {
    const dir = tmpDir('biomarkit-fig-')
    const io = memoryIO()
    expect(await run(['km', '--clinical', join(DEMO, 'clinical.tsv'), '--endpoint', 'os', '--feature', 'clinical:brain_mets', '-o', join(dir, 'km.svg')], io), io.err).toBe(0)
    const km = readFileSync(join(dir, 'km.svg'), 'utf8')
    expect(xmlProblem(km)).toBeUndefined()
    expect(km).toMatch(/yes vs no: HR \d\.\d\d \(95% CI \d\.\d\d–\d\.\d\d\), P = /)
    expect(km).toContain('Number at risk')
    expect(await run(['forest', '--clinical', join(DEMO, 'clinical.tsv'), '--endpoint', 'orr', '--features', 'clinical:her2_ihc,brain_mets', '-o', join(dir, 'f.svg')], memoryIO())).toBe(0)
    expect(readFileSync(join(dir, 'f.svg'), 'utf8')).toContain('Odds ratio (logistic regression; log scale)')
    const e = memoryIO()
    expect(await run(['km', '--clinical', join(DEMO, 'clinical.tsv'), '--endpoint', 'orr', '--feature', 'clinical:brain_mets', '-o', join(dir, 'x.svg')], e)).toBe(1)
    expect(e.err).toMatch(/not a survival endpoint/)
  })
})
