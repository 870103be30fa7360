/** The README's library example, through the public surface (src/index.ts) only, with real values. */
import { join } from 'node:path'
import { describe, expect, it } from 'vitest'
import { classifyCohort, clinical, featureScan, loadCohort, parseEndpoint, reportFigures } from '../../src/index.js'
import { DEMO } from '../demo/files.js'

describe('library: what the commands run, without the CLI', () => {
  it('runs the README example on the demo cohort', async () => {
    const cohort = await loadCohort({ inputs: [], manifest: join(DEMO, 'manifest.tsv') })
    const matrix = await classifyCohort(cohort, { panels: [join(DEMO, 'panel.json')] })
    const { table } = await clinical.readClinical(join(DEMO, 'clinical.tsv'))
    const { figures, notes } = await reportFigures(matrix, table, { endpoints: ['orr', 'pfs'], lollipops: ['TP53'] })
    expect([figures.map((f) => f.kind), notes]).toEqual([['summary', 'cooccurrence', 'lollipop', 'swimmer'], []])
    const run = featureScan({ clinical: table, words: { clinical: ['brain_mets'], tmb: false, mutationCount: false }, endpoints: [parseEndpoint('orr')], classes: '' }, { strata: 'her2_ihc' })
    // R mantelhaen.test(exact = TRUE) (test/fixtures/features/demo-study-reference.tsv: mh_p_brain_by_her2).
    expect(run.endpoints[0]?.response[0]?.mh_p).toBeCloseTo(0.18533978326812683, 12)
  })
})
