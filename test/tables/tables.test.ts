// Study tables: baseline (Fisher 2 × c, Wilcoxon, quantiles vs R), adverse events (worst grade
// once per patient, located errors), 2 × c Fisher against the 2 × 2 implementation.
import { readFileSync } from 'node:fs'
import { join } from 'node:path'
import { describe, expect, it } from 'vitest'
import { parseClinicalLines } from '../../src/clinical/read.js'
import { InputError } from '../../src/errors.js'
import { parseTableLines } from '../../src/io/table.js'
import { fisherExact } from '../../src/stats/fisher.js'
import { adverseEventTable } from '../../src/tables/adverse-events.js'
import { baselineTable } from '../../src/tables/baseline.js'
import { fisherExact2xC } from '../../src/tables/fisher-2xc.js'
import { demoStudyReference } from '../demo/files.js'

const ROOT = join(__dirname, '..', '..')
const ref = demoStudyReference()

const demo = parseClinicalLines('clinical.tsv', readFileSync(join(ROOT, 'demo', 'clinical.tsv'), 'utf8').trimEnd().split('\n'))

describe('fisherExact2xC', () => {
  it('equals the 2 × 2 Fisher test on 2 × 2 tables (R rule with the 1e-7 tie factor)', () => {
    for (const [a, b, c, d] of [[1, 5, 8, 14], [0, 10, 23, 31], [3, 3, 3, 3], [10, 0, 0, 10], [2, 7, 9, 1]] as const) {
      expect(fisherExact2xC([[a, b], [c, d]])).toBeCloseTo(fisherExact(a, b, c, d).p, 12)
    }
  })
  it('refuses a table with no dimension of 2', () => {
    expect(() => fisherExact2xC([[1, 2, 3], [4, 5, 6], [7, 8, 9]])).toThrow(RangeError)
  })
})

describe('baseline table on the demo cohort, by HER2 IHC (R fisher.test, wilcox.test, quantile type 7)', () => {
  const table = { ...demo.table, columns: [...demo.table.columns, 'line_group'], rows: new Map([...demo.table.rows].map(([s, r]) => [s, { ...r, values: new Map([...r.values, ['line_group', Number(r.values.get('line_of_therapy')) <= 1 ? '1st' : Number(r.values.get('line_of_therapy')) === 2 ? '2nd' : '>=3rd']]) }])) }
  const t = baselineTable(table, ['age', 'line_group', 'brain_mets'], { by: 'her2_ihc' })
  const first = (c: string) => t.rows.find((r) => r.characteristic === c)
  it('p-values equal R to 1e-9 (3 × 2 and 2 × 2 Fisher; Wilcoxon with ties: normal approximation)', () => {
    expect(first('line_group')?.p).toBeCloseTo(ref['fisher_line_by_her2'] as number, 9)
    expect(first('brain_mets')?.p).toBeCloseTo(ref['fisher_brain_by_her2'] as number, 9)
    expect(Math.abs((first('age')?.p as number) / (ref['wilcoxon_age_by_her2'] as number) - 1)).toBeLessThan(1e-9)
  })
  it('median and IQR are R quantile type 7; percentages are of the group', () => {
    const all = first('age')?.cells[0]
    expect([all?.q1, all?.median, all?.q3]).toEqual([ref['age_q1'], ref['age_median'], ref['age_q3']])
    expect(t.groups).toEqual(['All patients', 'her2_ihc = 1+', 'her2_ihc = 2+'])
    const yes = t.rows.find((r) => r.characteristic === 'brain_mets' && r.level === 'yes')
    expect(yes?.cells.map((c) => c.patients)).toEqual([64, 32, 32])
    expect(yes?.cells[0]?.percent).toBeCloseTo((100 * 11) / 64, 12)
  })
  it('gives missing values their own row, so a column adds up to 100%', () => {
    const c = parseClinicalLines('c.tsv', ['sample\tx', 'a\tyes', 'b\tNA', 'c\tno'])
    const rows = baselineTable(c.table, ['x']).rows
    expect(rows.map((r) => [r.level, r.cells[0]?.count])).toEqual([['no', 1], ['yes', 1], ['missing', 1]])
  })
})

describe('adverse-event table', () => {
  const lines = ['patient_id\tterm\tgrade', 'P1\tNausea\t1', 'P1\tNausea\tGrade 3', 'P2\tNausea\t2', 'P2\tFatigue\tG1', 'P3\tNeutropenia\t4']
  it('counts a patient once per term at the worst grade, % of the safety population, sorted by frequency', () => {
    const t = adverseEventTable(parseTableLines('ae.tsv', lines), { population: new Set(['P1', 'P2', 'P3', 'P4']) })
    expect(t.rows.map((r) => [r.term, r.anyGrade, r.grade3plus])).toEqual([['Nausea', 2, 1], ['Neutropenia', 1, 1], ['Fatigue', 1, 0]])
    expect(t.rows[0]?.anyGradePercent).toBe(50)
    expect(t.denominator).toMatch(/^4 patients/)
  })
  it('without a population, says that patients with no AE are not counted', () => {
    expect(adverseEventTable(parseTableLines('ae.tsv', lines)).denominator).toMatch(/3 patients with at least one AE row/)
  })
  it('rejects a grade that is not 1–5 at its line and column, and a patient outside the population', () => {
    const bad = () => adverseEventTable(parseTableLines('ae.tsv', ['patient_id\tterm\tgrade', 'P1\tNausea\tsevere']))
    expect(bad).toThrow(InputError)
    expect(bad).toThrow(/grade 1–5, got "severe"/)
    try {
      bad()
    } catch (e) {
      expect((e as InputError).format()).toMatch(/^ae\.tsv:2:3: /)
    }
    expect(() => adverseEventTable(parseTableLines('ae.tsv', lines), { population: new Set(['P1']) })).toThrow(/"P2" is not in/)
  })
})
