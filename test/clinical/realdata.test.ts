/**
 * Real clinical files. tcga_laml_annot.tsv (maftools, MIT) is a committed fixture; the others are
 * read in place from ../shared/data (no licence to copy, see test/fixtures/clinical/PROVENANCE.md).
 */
import { readFileSync } from 'node:fs'
import { join } from 'node:path'
import { describe, expect, it } from 'vitest'
import { binaryEndpoint, categoricalLevels, parseClinicalLines, readClinical, survivalEndpoint } from '../../src/clinical/index.js'
import { CLINICAL_FIXTURES, hasShared, shared, thrownAsync } from './_util.js'
import { readReportJson } from '../../src/model/report.js'

const count = (ex: Readonly<Record<string, readonly string[]>>): Record<string, number> =>
  Object.fromEntries(Object.entries(ex).map(([k, v]) => [k, v.length]))

describe('maftools tcga_laml_annot.tsv', () => {
  const path = join(CLINICAL_FIXTURES, 'tcga_laml_annot.tsv')

  it('reads 200 samples; one FAB value and 12 follow-up times are missing', async () => {
    const { table, report } = await readClinical(path)
    expect(readReportJson(report)).toMatchObject({ rowsRead: 200, kept: 200, dropped: {}, warnings: [] })
    expect(table.sampleColumn).toBe('Tumor_Sample_Barcode')
    expect(table.responseColumn).toBeUndefined()
    const rows = [...table.rows.values()]
    expect(rows.filter((r) => r.values.get('FAB_classification') === undefined)).toHaveLength(1)
    expect(rows.filter((r) => r.values.get('days_to_last_followup') === undefined)).toHaveLength(12)
    expect(categoricalLevels(table, 'FAB_classification')).toEqual(['M0', 'M1', 'M2', 'M3', 'M4', 'M5', 'M6', 'M7'])
  })

  it('OS = days_to_last_followup + Overall_Survival_Status (as maftools mafSurvival)', async () => {
    const { table } = await readClinical(path)
    const os = survivalEndpoint(table, 'os')
    expect(os).toMatchObject({ timeColumn: 'days_to_last_followup', eventColumn: 'Overall_Survival_Status' })
    expect(os.values.size).toBe(188)
    expect(count(os.excluded)).toEqual({ 'missing time': 12 })
    expect(os.values.get('TCGA-AB-2802')).toEqual({ time: 365, event: 1 })
    expect([...os.values.values()].filter((v) => v.event === 1)).toHaveLength(
      // 133 events in the file minus those whose time is -Inf
      133 - [...table.rows.values()].filter((r) => r.values.get('days_to_last_followup') === undefined && r.values.get('Overall_Survival_Status') === '1').length,
    )
  })
})

describe.skipIf(!hasShared('comut/melanoma'))('comut melanoma (Liu 2019), in place', () => {
  const path = shared('comut/melanoma/merged_clinical_data.tsv')

  it('reads a header with WGD and wgd as two columns (they differ in case)', async () => {
    const { table } = await readClinical(path)
    expect(table.columns).toContain('WGD')
    expect(table.columns).toContain('wgd')
  })

  it('merged clinical: BR with MR, PFS/progressed, OS/dead', () => {
    const lines = readFileSync(path, 'utf8').split('\n').filter((l) => l !== '')
    const { table, report } = parseClinicalLines(path, lines)
    expect(report).toMatchObject({ rowsRead: 52, kept: 52 })
    expect(table.responseColumn).toBe('BR')
    const orr = binaryEndpoint(table, 'orr')
    // PR 14 + CR 3 responders; PD 26 + SD 7 + MR 2 non-responders
    expect([...orr.values.values()].filter((v) => v === 1)).toHaveLength(17)
    expect(orr.values.size).toBe(52)
    const pfs = survivalEndpoint(table, 'pfs')
    expect(pfs).toMatchObject({ timeColumn: 'PFS', eventColumn: 'progressed' })
    expect([...pfs.values.values()].filter((v) => v.event === 1)).toHaveLength(45)
    const os = survivalEndpoint(table, 'os')
    expect(os).toMatchObject({ timeColumn: 'OS', eventColumn: 'dead' })
    expect([...os.values.values()].filter((v) => v.event === 1)).toHaveLength(31)
  })
})

describe.skipIf(!hasShared('riaz2017-nivolumab'))('Riaz 2017 nivolumab clinical CSV, in place', () => {
  it('SampleTableCorrected.9.19.16.csv (CR-only line endings) has two "Response" columns', async () => {
    const e = await thrownAsync(() => readClinical(shared('riaz2017-nivolumab/SampleTableCorrected.9.19.16.csv')))
    expect(e.code).toBe('DUPLICATE_COLUMN')
    expect(e.format()).toMatch(/SampleTableCorrected\.9\.19\.16\.csv:1:12: duplicate column "Response" \(columns 11 and 12\)/)
  })

  it('BOR with NE; PFS_SOR is a censoring flag so PFS needs explicit columns', async () => {
    const { table, report } = await readClinical(shared('riaz2017-nivolumab/bms038_clinical_data.csv'))
    expect(report).toMatchObject({ rowsRead: 73, kept: 73 })
    expect(table.sampleColumn).toBe('Sample')
    expect(table.responseColumn).toBe('BOR')
    const orr = binaryEndpoint(table, 'orr')
    expect(count(orr.excluded)).toEqual({ 'not evaluable (NE)': 3 })
    expect([...orr.values.values()].filter((v) => v === 1)).toHaveLength(15)
    expect(binaryEndpoint(table, 'dcr').values.size).toBe(70)
    const auto = await thrownAsync(() => Promise.resolve(survivalEndpoint(table, 'pfs')))
    expect(auto.message).toMatch(/^PFS: no event column/)
    const pfs = survivalEndpoint(table, { time: 'PFS', event: 'PFS_SOR', eventMeansCensored: true })
    expect([...pfs.values.values()].filter((v) => v.event === 1)).toHaveLength(58)
    // every patient with best response PD progressed
    for (const r of table.rows.values()) if (r.values.get('BOR') === 'PD') expect(pfs.values.get(r.sample)?.event).toBe(1)
  })
})

describe.skipIf(!hasShared('cbioportal-core'))('cBioPortal clinical files, in place', () => {
  it('study_es_0 patients: 4 # rows, PATIENT_ID key, OS from OS_MONTHS / OS_STATUS', async () => {
    const { table, report } = await readClinical(shared('cbioportal-core/study_es_0/data_clinical_patients.txt'))
    expect(table.sampleColumn).toBe('PATIENT_ID')
    expect(report.kept).toBe(841)
    const os = survivalEndpoint(table, 'os')
    expect(os.values.size + Object.values(os.excluded).reduce((n, v) => n + v.length, 0)).toBe(841)
  })

  it('study_es_0 samples: SAMPLE_ID preferred over PATIENT_ID', async () => {
    const { table, report } = await readClinical(shared('cbioportal-core/study_es_0/data_clinical_samples.txt'))
    expect(table.sampleColumn).toBe('SAMPLE_ID')
    expect(report.kept).toBe(845)
  })

  it('legacy clinical_data.txt: 5 # rows, SAMPLE_ID key, OS exclusions by reason', async () => {
    const { table, report } = await readClinical(shared('cbioportal-core/legacy/clinical_data.txt'))
    expect(table.sampleColumn).toBe('SAMPLE_ID')
    expect(report).toMatchObject({ rowsRead: 488, kept: 488 })
    const os = survivalEndpoint(table, 'os')
    expect(os).toMatchObject({ timeColumn: 'OS_MONTHS', eventColumn: 'OS_STATUS' })
    expect(os.values.size).toBe(481)
    expect(count(os.excluded)).toEqual({ 'missing time': 6, 'missing event': 1 })
    // awk: 268 rows are 1:DECEASED with a numeric OS_MONTHS
    expect([...os.values.values()].filter((v) => v.event === 1)).toHaveLength(268)
  })

  it('repeated sample → DUPLICATE_SAMPLE naming both lines', async () => {
    const e = await thrownAsync(() => readClinical(shared('cbioportal-core/edge/data_clin_repeated_sample.txt')))
    expect(e.code).toBe('DUPLICATE_SAMPLE')
    expect(e.message).toBe('sample "TEST-PAT1-SAMPLE2" appears twice (lines 7 and 11)')
  })

  it('PFS_STATUS mixing 1:PROGRESSION with bare PROGRESSION → mixed codings', async () => {
    const { table } = await readClinical(shared('cbioportal-core/edge/data_clin_hardcoded_attr_vals.txt'))
    const e = await thrownAsync(() => Promise.resolve(survivalEndpoint(table, 'pfs')))
    expect(e.message).toBe('PFS_STATUS: mixes event codings: cBioPortal n:LABEL ("1:PROGRESSION" at line 6), status words ("PROGRESSION" at line 8)')
    expect(survivalEndpoint(table, 'os').values.size).toBe(7)
  })
})
