/** Real fusion / SV files, read in place from ../shared/data (see test/fixtures/fusion/PROVENANCE.md). */
import { describe, expect, it } from 'vitest'
import { readFusions } from '../../src/fusion/index.js'
import { hasShared, shared } from './_util.js'
import { readReportJson } from '../../src/model/report.js'

describe.skipIf(!hasShared('cbioportal-core'))('cBioPortal structural-variant files, in place', () => {
  it('study_es_0 data_structural_variants.txt', async () => {
    const r = await readFusions(shared('cbioportal-core/study_es_0/data_structural_variants.txt'))
    expect(readReportJson(r.report)).toMatchObject({ format: 'fusion table, sv', rowsRead: 48, kept: 48, dropped: {} })
    // 45 two-gene rows × 2, EGFR–EGFR intragenic × 1, two one-sided rows × 1
    expect(r.alterations).toHaveLength(45 * 2 + 1 + 2)
    expect(r.alterations.filter((a) => a.gene === 'BRAF')).toHaveLength(37) // awk: rows with BRAF at either site
    expect(r.alterations[0]).toMatchObject({ sample: 'TCGA-A2-A04P-01', gene: 'PIEZO1', partner: 'NCOA4', extra: { fusion: 'PIEZO1::NCOA4', site: '5p', Event_Info: 'Fusion' } })
  })

  it('missing-values edge file: rows without genes are dropped and counted', async () => {
    const r = await readFusions(shared('cbioportal-core/edge/data_structural_variants_missing_values.txt'))
    expect(readReportJson(r.report)).toMatchObject({ rowsRead: 7, kept: 5, dropped: { 'missing gene': 2 } })
    expect(r.samples).toEqual(['TCGA-A2-A04P-01', 'TCGA-A1-A0SB-01'])
  })
})

describe.skipIf(!hasShared('oncokb-annotator'))('OncoKB example_fusions.txt (Tumor_Sample_Barcode, Fusion), in place', () => {
  it('labels with "-intragenic" and " fusion"', async () => {
    const r = await readFusions(shared('oncokb-annotator/example_fusions.txt'))
    expect(r.report).toMatchObject({ format: 'fusion table, label', rowsRead: 7, kept: 7 })
    expect(r.alterations.map((a) => `${a.sample}:${a.gene}>${a.partner}`)).toEqual([
      'TCGA-02-0033-01:MLL2>MLL2',
      'TCGA-05-4417-01:ALK>EML4',
      'TCGA-05-4417-01:EML4>ALK',
      'TCGA-06-0155-01:EGFR>EGFR',
      'TCGA-06-0155-01:TMPRSS2>ERG',
      'TCGA-06-0155-01:ERG>TMPRSS2',
      'TCGA-05-4417-01:TMPRSS2>ERG',
      'TCGA-05-4417-01:ERG>TMPRSS2',
      'TCGA-06-0155-01:ERBB2>ERBB2',
      'TCGA-02-0033-01:ETV6>RUNX1',
      'TCGA-02-0033-01:RUNX1>ETV6',
    ])
  })
})

describe.skipIf(!hasShared('pcgr'))('PCGR fusions.tsv (single sample, FusionGene), in place', () => {
  it('reads 9 fusions with the sample option', async () => {
    const r = await readFusions(shared('pcgr/T001-BRCA.grch38.fusions.tsv'), { sample: 'T001-BRCA' })
    expect(r.report).toMatchObject({ rowsRead: 9, kept: 9 })
    expect(r.alterations).toHaveLength(18)
    expect(r.alterations.filter((a) => a.extra?.site === '5p').map((a) => a.extra?.fusion)).toEqual([
      'NTRK1::TPM3', 'EML4::ALK', 'PAX3::FOXO1', 'FGFR3::TACC3', 'KIAA1549::BRAF', 'CCDC6::RET', 'TMPRSS2::ERG', 'BCR::ABL1', 'EWSR1::FLI1',
    ])
  })
})
