/**
 * The demo study's tables and figures from the library, without the CLI: every count checked
 * against the committed demo files read independently (test/demo/files.ts), the age summary
 * against R (test/fixtures/features/demo-study.R).
 */
import { join } from 'node:path'
import { beforeAll, describe, expect, it } from 'vitest'
import { readClinical } from '../../src/clinical/read.js'
import { readTable } from '../../src/io/table.js'
import { efficacyTable } from '../../src/pipeline/efficacy.js'
import { adverseEventDocument, baselineDocument, efficacyDocument } from '../../src/tables/study-table.js'
import { demoSummaryLines, studyOutputs, type StudyOutputs } from '../../src/tables/demo-study.js'
import { DEMO, demoStudyReference, readTsv } from '../demo/files.js'

const ref = demoStudyReference()

/** A written TSV's body (the banner line dropped) as records by header name. */
function tsvRecords(text: string): Record<string, string>[] {
  const [head, ...rows] = text.split('\n').filter((l) => l !== '' && !l.startsWith('#'))
  const cols = (head ?? '').split('\t')
  return rows.map((r) => Object.fromEntries(r.split('\t').map((v, i) => [cols[i] ?? '', v])))
}

describe('studyOutputs (the demo study, as a library call)', () => {
  const clinicalRows = readTsv(join(DEMO, 'clinical.tsv'))
  const aeRows = readTsv(join(DEMO, 'adverse_events.tsv'))
  let out: StudyOutputs
  let files: Map<string, string>
  let efficacyHr: number | undefined

  beforeAll(async () => {
    const clinical = await readClinical(join(DEMO, 'clinical.tsv'))
    const adverseEvents = await readTable(join(DEMO, 'adverse_events.tsv'), { what: 'adverse-event table' })
    const efficacy = efficacyTable(clinical.table, ['her2_ihc', 'brain_mets', 'prior_trop2_adc'])
    efficacyHr = efficacy.find((r) => r.group === 'her2_ihc = 2+')?.pfsHr?.hr
    out = studyOutputs({ table: clinical.table, efficacy, adverseEvents, banner: '# banner' })
    files = new Map(out.files)
  })

  it('writes the study\'s tables and figures, each TSV under the banner, and no TMB figure without TMB', () => {
    expect([...files.keys()]).toEqual([
      'table1-baseline.tsv', 'table2-efficacy.tsv',
      'fig1-km-pfs-all.svg', 'fig1-km-pfs-her2_ihc.svg', 'fig1-km-pfs-brain_mets.svg', 'fig1-km-pfs-prior_trop2_adc.svg',
      'fig2-km-os-all.svg', 'fig2-km-os-her2_ihc.svg', 'fig2-km-os-brain_mets.svg', 'fig2-km-os-prior_trop2_adc.svg',
      'cox-univariable-pfs.tsv', 'cox-multivariable-pfs.tsv', 'fig3-forest-univariable-pfs.svg', 'fig3-forest-multivariable-pfs.svg',
      'table3-adverse-events.tsv',
    ])
    for (const [name, text] of files) {
      if (name.endsWith('.tsv')) expect(text.startsWith('# banner\n'), name).toBe(true)
      else expect(text.startsWith('<svg'), name).toBe(true)
    }
    expect(out.sections.map((s) => s.id)).toEqual(['table1', 'table2', 'fig1', 'fig2', 'fig3', 'table3'])
  })

  it('Table 1: age median and IQR as R gives them, HER2 IHC counts as the clinical file has them', () => {
    const ages = clinicalRows.map((r) => Number(r['age']))
    const t1 = tsvRecords(files.get('table1-baseline.tsv') ?? '')
    const age = t1.find((r) => r['characteristic'] === 'age')
    // R: quantile(age, c(.25, .5, .75)) type 7 = 50, 56, 60.25 (shown to one decimal).
    expect(age?.['All patients (n = 64)']).toBe(`${ref['age_median']} (${Math.min(...ages)}–${Math.max(...ages)}); IQR ${ref['age_q1']}–${(ref['age_q3'] as number).toFixed(1)}; n = ${ages.length}`)
    for (const level of ['1+', '2+']) {
      const n = clinicalRows.filter((r) => r['her2_ihc'] === level).length
      const row = t1.find((r) => r['characteristic'] === 'her2_ihc' && r['level'] === level)
      expect(row?.['All patients (n = 64)']).toBe(`${n} (${((100 * n) / clinicalRows.length).toFixed(1)})`)
    }
  })

  it('Table 3: each term counts a patient once (any grade) and once at grade ≥3, as the AE file says', () => {
    const t3 = tsvRecords(files.get('table3-adverse-events.tsv') ?? '')
    const terms = new Set(aeRows.map((r) => r['term'] ?? ''))
    expect(new Set(t3.map((r) => r['term']))).toEqual(terms)
    for (const term of terms) {
      const of = aeRows.filter((r) => r['term'] === term)
      const any = new Set(of.map((r) => r['patient_id'])).size
      const g3 = new Set(of.filter((r) => Number(r['grade']) >= 3).map((r) => r['patient_id'])).size
      const row = t3.find((r) => r['term'] === term)
      expect([row?.['any_grade_n'], row?.['grade_3_plus_n'], row?.['patients']], term).toEqual([String(any), String(g3), String(clinicalRows.length)])
    }
  })

  it('Cox of rwPFS: three terms on all 64 patients and their 51 events; the univariable HER2 HR is the efficacy table\'s', () => {
    const events = clinicalRows.filter((r) => r['pfs_event'] === '1').length
    expect(out.multivariable.map((r) => [r.term, r.n, r.events])).toEqual([
      ['her2_ihc=2+', clinicalRows.length, events],
      ['brain_mets=yes', clinicalRows.length, events],
      ['prior_trop2_adc=yes', clinicalRows.length, events],
    ])
    const uni = tsvRecords(files.get('cox-univariable-pfs.tsv') ?? '')
    // Two code paths (survival terms, efficacy subgroups) fit the same Cox model.
    expect(Number(uni[0]?.['hr'])).toBeCloseTo(efficacyHr as number, 6)
    expect(out.sections.find((s) => s.id === 'fig3')?.note).toContain(`(64 patients, ${events} events)`)
  })

  it('the console summary states the multivariable Cox as the Cox table does, and leaves out the biomarkers without an ORR scan', () => {
    const lines = demoSummaryLines({ note: 'SYNTHETIC', lineOfTherapy: [['1st', 3], ['2nd', 18]], efficacy: [], sequenced: 28, multivariable: out.multivariable })
    const cox = tsvRecords(files.get('cox-multivariable-pfs.tsv') ?? '')
    const want = cox.map((r) => `${r['term']} HR ${Number(r['hr']).toFixed(2)} (${Number(r['hr_lower']).toFixed(2)}–${Number(r['hr_upper']).toFixed(2)}), P = ${Number(r['p']).toFixed(3)}`)
    expect(lines).toContain(`Multivariable Cox, rwPFS: ${want.join('; ')}`)
    expect(lines).toContain('Line of therapy: 1st 3, 2nd 18')
    expect(lines.some((l) => l.startsWith('Biomarkers'))).toBe(false)
  })

  it('table baseline/efficacy/ae as library calls: the # lines count what the files hold', async () => {
    const clinical = await readClinical(join(DEMO, 'clinical.tsv'))
    const b = baselineDocument(clinical.table, ['her2_ihc'])
    expect(b.lines[0]).toMatch(new RegExp(`^# Baseline characteristics: ${clinicalRows.length} patients of `))
    expect(b.lines).toContain(`her2_ihc\t1+\t${clinicalRows.filter((r) => r['her2_ihc'] === '1+').length} (50.0)`)
    const e = efficacyDocument(clinical.table, ['brain_mets'])
    expect(e.lines.filter((l) => !l.startsWith('#'))).toHaveLength(1 + 3)
    const aeFile = join(DEMO, 'adverse_events.tsv')
    const ae = adverseEventDocument(await readTable(aeFile), aeFile, { population: new Set(clinical.table.rows.keys()) })
    expect(ae.lines[0]).toBe(`# Adverse events: ${aeRows.length} rows of ${aeFile} (columns patient_id, term, grade); % of ${clinicalRows.length} patients of the clinical table; a patient counts once per term, at the worst grade`)
  })
})
