/** scan's endpoint loop as a library call (no CLI): the demo's Fisher tables and p-values as R gives them. */
import { join } from 'node:path'
import { beforeAll, describe, expect, it } from 'vitest'
import { readClinical } from '../../src/clinical/read.js'
import { loadCohort } from '../../src/input/cohort.js'
import type { CohortMatrix } from '../../src/matrix/types.js'
import type { ClinicalTable } from '../../src/model/clinical.js'
import { classifyCohort } from '../../src/pipeline/classify-cohort.js'
import { scanEndpoints, scanStatements } from '../../src/pipeline/endpoint-scan.js'
import { parseEndpoint } from '../../src/scan/endpoints.js'
import { selectFeatures } from '../../src/scan/index.js'
import { sampleLevelLine } from '../../src/study/patients.js'
import { DEMO, ROOT, readTsv } from '../demo/files.js'

describe('scanEndpoints on the demo cohort', () => {
  const fisher = readTsv(join(ROOT, 'test', 'fixtures', 'demo', 'r-reference.tsv')).filter((r) => r['kind'] === 'fisher')
  const clinicalRows = readTsv(join(DEMO, 'clinical.tsv'))
  let matrix: CohortMatrix
  let table: ClinicalTable
  beforeAll(async () => {
    const cohort = await loadCohort({ inputs: [], manifest: join(DEMO, 'manifest.tsv') })
    matrix = await classifyCohort(cohort, { panels: [join(DEMO, 'panel.json')], rules: 'tdxd-her2low' })
    table = (await readClinical(join(DEMO, 'clinical.tsv'))).table
  })

  it('ORR by each rule: the 2×2 table and Fisher p of R (fisher.test, 1e-9 relative); pfs on the sequenced patients', () => {
    const features = selectFeatures(matrix, { types: ['rule'], minAltered: 1 })
    const { run, perEndpoint, levels } = scanEndpoints({ plain: table, allPatient: false, reports: [], files: [] }, matrix, [parseEndpoint('orr'), parseEndpoint('pfs')], features)
    expect(perEndpoint.map((e) => e.name)).toEqual(['orr', 'pfs'])
    const rows = run.groups[0]?.rows ?? []
    // The reference names the study's biomarkers; the tdxd-her2low rules that define them:
    const rule: Record<string, string> = { TP53: 'TP53_mut', PAM: 'PAM_pathway', MYC: 'MYC_amp', BRCA1: 'BRCA1_any', PIK3CA: 'PIK3CA_mut', PTEN: 'PTEN_any' }
    expect(fisher.map((r) => rule[r['name'] ?? ''])).not.toContain(undefined)
    for (const ref of fisher) {
      const row = rows.find((r) => r.feature === rule[ref['name'] ?? ''])
      if (row === undefined) throw new Error(`no row for ${ref['name']}`)
      expect([row.a, row.b, row.c, row.d], ref['name']).toEqual(['a', 'b', 'c', 'd'].map((k) => Number(ref[k])))
      expect(Math.abs(row.p / Number(ref['value']) - 1), ref['name']).toBeLessThan(1e-9)
    }
    const sequenced = clinicalRows.filter((r) => r['sequenced'] === 'yes')
    const sv = run.survival[0]
    expect([sv?.tested, sv?.testedEvents]).toEqual([sequenced.length, sequenced.filter((r) => r['pfs_event'] === '1').length])
    expect(levels.get(sv as object)).toEqual([])
    const notSequenced = clinicalRows.length - sequenced.length
    expect(scanStatements(table, run, levels)).toContain(`pfs: ${sequenced.length} sequenced samples tested, ${sv?.testedEvents} events; excluded: ${notSequenced} in clinical table, not sequenced`)
  })

  it('no matrix (clinical features only): no genomic rows', () => {
    const r = scanEndpoints({ plain: table, allPatient: false, reports: [], files: [] }, undefined, [parseEndpoint('orr')], [])
    expect([r.run.groups.length, r.run.survival.length, r.perEndpoint.length]).toEqual([0, 0, 0])
  })
})

describe('sampleLevelLine (summary of a study whose samples share patients)', () => {
  it('counts distinct patients and the samples the sample file does not place', () => {
    const patientOf = new Map([['S1', 'P1'], ['S2', 'P1'], ['S3', 'P2'], ['S4', '']])
    expect(sampleLevelLine(patientOf, ['S1', 'S2', 'S3', 'S4', 'S5'])).toBe('counts are per sample: 5 samples of 2 patients (2 with no patient in the sample file); scan tests patient endpoints per patient')
  })
})
