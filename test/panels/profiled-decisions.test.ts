import { describe, expect, it } from 'vitest'
import { linesFromArray } from '../../src/io/lines.js'
import { parsePanelMatrix, type CbioGenePanel } from '../../src/panels/cbioportal.js'
import { profiledAssigner, type ProfileRules } from '../../src/panels/profiled.js'

// The assigner decides a sample by its (shared) matrix row and, for a profile the row does not
// answer, whether the sample is profiled: samples that share a row but differ there must not
// share a cached decision.
const def = (stableId: string, genes: string[]): CbioGenePanel => ({ stableId, description: stableId, genes })
const definitions = new Map([
  ['P1', def('P1', ['TP53', 'KRAS'])],
  ['P2', def('P2', ['TP53', 'KRAS', 'BRAF'])],
  ['SV1', def('SV1', ['ALK'])],
])
// s1..s4 share the row (P1, P1); s5 has (P2, NA); s6 is not in the matrix.
const matrix = parsePanelMatrix(
  linesFromArray(['SAMPLE_ID\tmutations\tcna', 's1\tP1\tP1', 's2\tP1\tP1', 's3\tP1\tP1', 's4\tP1\tP1', 's5\tP2\tNA']),
  'data_gene_matrix.txt',
)
const rules: ProfileRules = {
  matrix,
  definitions,
  kinds: {
    mutations: { columns: ['mutations'], profiled: 'all', profiledBy: 'the data file' },
    copyNumber: { columns: ['cna'], profiled: new Set(['s6']), profiledBy: 'the data file', metaPanel: 'P2' },
    // No matrix column: s2 and s4 profiled (SV1), s1 and s3 not, though all four share a row.
    fusions: { columns: [], profiled: new Set(['s2', 's4', 's5']), profiledBy: 'cases_sv', metaPanel: 'SV1' },
  },
}

describe('profiledAssigner decisions', () => {
  it('gives samples that share a matrix row different panels when a row-less profile differs', () => {
    const a = profiledAssigner(rules)
    const samples = ['s1', 's2', 's3', 's4', 's5', 's6']
    const got = a.assign(samples)
    expect(Object.fromEntries(got.samplePanel)).toEqual({
      s1: 'mutations=P1;cna=P1;sv=NA',
      s2: 'mutations=P1;cna=P1;sv=SV1',
      s3: 'mutations=P1;cna=P1;sv=NA',
      s4: 'mutations=P1;cna=P1;sv=SV1',
      s5: 'mutations=P2;cna=NA;sv=SV1',
      s6: 'mutations=WES;cna=P2;sv=NA',
    })
    // The composite panels: what each profile assays follows its own decision.
    const p2 = got.panels.get('mutations=P1;cna=P1;sv=SV1')
    expect(p2?.genes.get('ALK')).toEqual({ mutations: 'none', hotspots: [], copyNumber: false, fusions: true })
    expect(p2?.genes.get('KRAS')).toEqual({ mutations: 'exons', hotspots: [], copyNumber: true, fusions: false })
  })

  it('counts the notes per decision, in first-seen order, whatever order the samples come in', () => {
    const a = profiledAssigner(rules)
    expect(a.notes(['s1', 's2', 's3', 's4', 's5', 's6'])).toEqual([
      'mutations panels: 4 P1 from panel matrix (mutations); 1 P2 from panel matrix (mutations); 1 whole-exome (not in the panel matrix, no panel named)',
      'copy number panels: 4 P1 from panel matrix (cna); 1 not profiled: NA in the panel matrix (cna); 1 P2 from meta gene_panel (in the data file)',
      'structural variants panels: 3 not profiled (not in cases_sv); 3 SV1 from meta gene_panel (in cases_sv)',
    ])
    expect(a.notes(['s6', 's2', 's1'])).toEqual([
      'mutations panels: 1 whole-exome (not in the panel matrix, no panel named); 2 P1 from panel matrix (mutations)',
      'copy number panels: 1 P2 from meta gene_panel (in the data file); 2 P1 from panel matrix (cna)',
      'structural variants panels: 2 not profiled (not in cases_sv); 1 SV1 from meta gene_panel (in cases_sv)',
    ])
  })
})
