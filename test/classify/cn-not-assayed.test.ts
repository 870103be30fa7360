/**
 * Copy number "Not Available" (Liu 2019's allele-specific table) is never wild-type: the gene
 * feature is not assayed there in a copy-number-only cohort; with mutation calls read, the gene is
 * assayed by sequencing and only rules that look at its copy number are not assayed
 * (src/matrix/unassayed.ts). The default and low-memory paths agree.
 */
import { join } from 'node:path'
import { describe, expect, it } from 'vitest'
import { loadCohort } from '../../src/input/cohort.js'
import { classifyCohort, prepareClassifier } from '../../src/pipeline/classify-cohort.js'
import { classifyLowMemory } from '../../src/scale/low-memory.js'
import { featureCounts } from '../../src/matrix/types.js'
import { FIXTURES, tmpFile } from '../helpers.js'
import { HEADER, ROW } from '../maf/crafted.js'

const LIU = join(FIXTURES, 'cna', 'liu2019_copy_number_alterations.tsv')
const NA_SAMPLES = ['Patient13', 'Patient20', 'Patient83', 'Patient94']

const rules = tmpFile(
  'cdkn2a-rules.json',
  JSON.stringify({
    id: 'cdkn2a',
    name: 'CDKN2A',
    citation: 'test',
    rules: [
      { id: 'CDKN2A_del', label: 'CDKN2A deep deletion', gene: 'CDKN2A', copyNumber: ['deep_del'] },
      { id: 'CDKN2A_mut', label: 'CDKN2A mutation', gene: 'CDKN2A' },
    ],
  }),
)

describe('copy number "Not Available" is not assayed', () => {
  it('copy-number-only cohort: CDKN2A 8/48 (7 homozygous deletions + 1 amplification), 4 not assayed', async () => {
    const cohort = await loadCohort({ inputs: [], cna: [LIU] })
    const m = await classifyCohort(cohort, { withPathways: true })
    const f = m.features.findIndex((x) => x.id === 'CDKN2A')
    expect(featureCounts(m, f)).toEqual({ altered: 8, assayed: 48, notAssayed: 4 })
    for (const s of NA_SAMPLES) expect(m.state[f * m.samples.length + m.samples.indexOf(s)]).toBe(2)
    const cc = m.features.findIndex((x) => x.type === 'pathway' && x.id === 'Cell_Cycle')
    expect(featureCounts(m, cc)).toEqual({ altered: 8, assayed: 48, notAssayed: 4 })
  })

  it('with a MAF: the gene is assayed by sequencing; a copy-number rule is not assayed there (default = low-memory)', async () => {
    const maf = tmpFile('liu-calls.maf', [HEADER, ROW('Patient13', 'CDKN2A', '21971000', 'Nonsense_Mutation'), ROW('Patient30', 'TP53', '7675088'), ''].join('\n'))
    const cohort = await loadCohort({ inputs: [maf], cna: [LIU] })
    const m = await classifyCohort(cohort, { rules })
    const at = (id: string) => m.features.findIndex((x) => x.id === id)
    expect(featureCounts(m, at('CDKN2A'))).toEqual({ altered: 9, assayed: 52, notAssayed: 0 })
    expect(featureCounts(m, at('CDKN2A_del'))).toEqual({ altered: 7, assayed: 48, notAssayed: 4 })
    expect(featureCounts(m, at('CDKN2A_mut'))).toEqual({ altered: 1, assayed: 52, notAssayed: 0 })
    for (const k of [1, 3]) {
      const low = await classifyLowMemory({ inputs: [maf], cna: [LIU], partitions: k }, (cn) => prepareClassifier({ rules, cnNotAssayed: cn }))
      expect([...low.matrix.state]).toEqual([...m.state])
      expect(low.matrix.features).toEqual(m.features)
    }
  })
})
