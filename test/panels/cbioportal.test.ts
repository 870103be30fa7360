import { existsSync } from 'node:fs'
import { fileURLToPath } from 'node:url'
import { describe, expect, it } from 'vitest'
import { linesFromArray } from '../../src/io/lines.js'
import {
  parseGeneList,
  parseGenePanelFile,
  parsePanelMatrix,
  readGeneList,
  readGenePanelFile,
  readPanelMatrix,
} from '../../src/panels/cbioportal.js'
import { assignFromCbioportal } from '../../src/panels/assign.js'

// cbioportal-core has no licence file and CaMutQC is GPL-3.0: read in place, never copied.
const data = (p: string) => fileURLToPath(new URL(`../../../shared/data/${p}`, import.meta.url))
const STUDY = data('cbioportal-core/study_es_0')
const IMPACT468 = data('camutqc/panels/MSK-IMPACT_gene_v3_468.txt')
const F1 = data('camutqc/panels/FoundationOne_genelist.txt')

describe('cBioPortal gene panel files (hand-made lines)', () => {
  it('parses stable_id, description and the tab-separated gene list', () => {
    const p = parseGenePanelFile(linesFromArray(['stable_id: P1', 'description: two genes', 'gene_list: TP53\tPIK3CA']), 'p.txt')
    expect(p).toEqual({ stableId: 'P1', description: 'two genes', genes: ['TP53', 'PIK3CA'] })
  })

  it('rejects unknown keys, Entrez ids and repeated genes with the line', () => {
    expect(() => parseGenePanelFile(linesFromArray(['stable_id: P1', 'genes: A']), 'p.txt')).toThrow(/expected "stable_id:"/)
    expect(() => parseGenePanelFile(linesFromArray(['stable_id: P1', 'gene_list: 7157\tTP53']), 'p.txt')).toThrow(/Entrez/)
    try {
      parseGenePanelFile(linesFromArray(['stable_id: P1', 'gene_list: A\tA']), 'p.txt')
      expect.unreachable()
    } catch (e) {
      expect(e).toMatchObject({ file: 'p.txt', line: 2 })
    }
    expect(() => parseGenePanelFile(linesFromArray(['description: x', 'gene_list: A']), 'p.txt')).toThrow(/missing "stable_id:"/)
  })

  it('parses the matrix: NA means not profiled; column counts are checked', () => {
    const m = parsePanelMatrix(linesFromArray(['SAMPLE_ID\tmutations\tcna', 'S1\tP1\tNA', 'S2\tP1\tP1']), 'm.txt')
    expect(m.profiles).toEqual(['mutations', 'cna'])
    expect(m.rows.get('S1')).toEqual({ mutations: 'P1', cna: undefined })
    expect(() => parsePanelMatrix(linesFromArray(['SAMPLE_ID\tmutations', 'S1\tP1\tP2']), 'm.txt')).toThrow(/expected 2/)
    expect(() => parsePanelMatrix(linesFromArray(['SAMPLE\tmutations']), 'm.txt')).toThrow(/SAMPLE_ID/)
    expect(() => parsePanelMatrix(linesFromArray(['SAMPLE_ID\tmutations', 'S1\tP1', 'S1\tP1']), 'm.txt')).toThrow(/twice/)
  })

  it('plain gene lists: trailing spaces trimmed, repeats folded, inner spaces rejected', () => {
    expect(parseGeneList(linesFromArray(['ABL1 ', '', '# c', 'TP53', 'ABL1']), 'g.txt')).toEqual(['ABL1', 'TP53'])
    expect(() => parseGeneList(linesFromArray(['ABL1 TP53']), 'g.txt')).toThrow(/one gene symbol per line/)
  })
})

describe.skipIf(!existsSync(STUDY))('cBioPortal study_es_0 panels (../shared/data, read in place)', () => {
  it('reads both panel definitions and the matrix, and assigns composite panels per sample', async () => {
    const p1 = await readGenePanelFile(`${STUDY}/data_gene_panel_testpanel1.txt`)
    const p2 = await readGenePanelFile(`${STUDY}/data_gene_panel_testpanel2.txt`)
    expect(p1.stableId).toBe('TESTPANEL1')
    expect(p1.genes).toHaveLength(17)
    expect(p2.genes).toEqual(['CADM2', 'DTNB', 'KAT2A', 'MSH3', 'MYB', 'NPIPB15', 'OTOR', 'P2RY10', 'FGFR3', 'PIEZO1', 'ACP3'])
    const m = await readPanelMatrix(`${STUDY}/data_gene_panel_matrix.txt`)
    expect(m.profiles).toEqual(['mutations', 'gistic'])
    expect(m.rows.size).toBe(20)
    const a = assignFromCbioportal(m, [p1, p2])
    expect(a.samplePanel.get('TCGA-A1-A0SB-01')).toBe('TESTPANEL1')
    // Mutations on TESTPANEL2, copy number not profiled; SV follows mutations (no column).
    const id = a.samplePanel.get('TCGA-A1-A0SB-02') as string
    expect(id).toBe('mutations=TESTPANEL2;cna=NA;sv=TESTPANEL2')
    const panel = a.panels.get(id)
    expect(panel?.genes.get('FGFR3')).toEqual({ mutations: 'exons', hotspots: [], copyNumber: false, fusions: true })
    expect(panel?.genes.has('TP53')).toBe(false)
    // TEST_SAMPLE_3: not profiled for mutations, CN on TESTPANEL1.
    const p3 = a.panels.get(a.samplePanel.get('TEST_SAMPLE_3') as string)
    expect(p3?.genes.get('TP53')).toEqual({ mutations: 'none', hotspots: [], copyNumber: true, fusions: false })
  })
})

describe.skipIf(!existsSync(IMPACT468))('vendor gene lists (CaMutQC, GPL-3.0, read in place)', () => {
  it('MSK-IMPACT 468 has 468 distinct symbols; FoundationOne trailing spaces are trimmed', async () => {
    const impact = await readGeneList(IMPACT468)
    expect(impact).toHaveLength(468)
    expect(impact).toContain('PIK3CA')
    const f1 = await readGeneList(F1)
    expect(f1.every((g) => g === g.trim())).toBe(true)
    expect(f1).toContain('ABL1')
  })
})
