/**
 * Real copy-number files, read in place from ../shared/data (see test/fixtures/cna/PROVENANCE.md).
 */
import { join } from 'node:path'
import { describe, expect, it } from 'vitest'
import { readCopyNumber } from '../../src/cna/index.js'
import { CNA_FIXTURES, hasShared, shared, thrownAsync } from './_util.js'
import { droppedText, readReportJson, totalDropped, warningsText } from '../../src/model/report.js'

const key = (a: { sample: string; gene: string; cnState?: string | undefined }) => `${a.sample}\t${a.gene}\t${a.cnState}`

describe('hand-written cnTable fixture', () => {
  it('reads Amp/Amplification/Del/Deletion; Loss is low-level', async () => {
    const r = await readCopyNumber(join(CNA_FIXTURES, 'cntable.tsv'))
    expect(r.alterations.map((a) => `${a.gene}:${a.variantClass}`)).toEqual(['MYC:Amp', 'CDKN2A:Del', 'ERBB2:Amp', 'PTEN:Del'])
    expect(r.lowLevel.map((a) => a.cnState)).toEqual(['shallow_del'])
    expect(r.samples).toEqual(['TCGA-AB-2802', 'TCGA-AB-2803', 'TCGA-AB-2805'])
  })
})

describe.skipIf(!hasShared('cbioportal-core'))('cBioPortal study_es_0 CNA, in place', () => {
  it('the DISCRETE_LONG file and the legacy wide matrix give the same calls', async () => {
    const long = await readCopyNumber(shared('cbioportal-core/study_es_0/data_cna_discrete.txt'))
    const wide = await readCopyNumber(shared('cbioportal-core/study_es_0_legacy_cna_discrete/data_cna_discrete.txt'))
    expect(readReportJson(long.report)).toMatchObject({ format: 'copy-number long table, call', rowsRead: 6304, kept: 63, dropped: { neutral: 4561, 'low-level (gain / shallow deletion)': 1680 } })
    expect(wide.report).toMatchObject({ format: 'copy-number matrix, call (cells)', rowsRead: 6304, kept: 63 })
    expect(long.samples).toHaveLength(788)
    expect([...long.samples].sort()).toEqual([...wide.samples].sort())
    expect(long.alterations.map(key).sort()).toEqual(wide.alterations.map(key).sort())
    expect(long.lowLevel.map(key).sort()).toEqual(wide.lowLevel.map(key).sort())
    expect(long.alterations.filter((a) => a.cnState === 'amp').length + long.alterations.filter((a) => a.cnState === 'deep_del').length).toBe(63)
  })

  it('continuous log2 matrix needs scale log2', async () => {
    const path = shared('cbioportal-core/study_es_0/data_cna_log2.txt')
    const e = await thrownAsync(() => readCopyNumber(path))
    expect(e.code).toBe('UNKNOWN_TERM')
    expect(e.line).toBe(2)
    const r = await readCopyNumber(path, { scale: 'log2' })
    expect(readReportJson(r.report)).toMatchObject({ rowsRead: 5446, kept: 84, dropped: { neutral: 3423, 'low-level (gain / shallow deletion)': 1939 } })
  })

  it('legacy long file: # comment rows, GENE|suffix, -1.5, Entrez-only rows', async () => {
    const r = await readCopyNumber(shared('cbioportal-core/legacy/data_cna_discrete_long.txt'))
    expect(readReportJson(r.report)).toMatchObject({ rowsRead: 36, kept: 19, dropped: { neutral: 5, 'low-level (gain / shallow deletion)': 3, 'comment line': 6, 'missing gene': 3 } })
    expect(r.alterations.filter((a) => a.gene === 'AKT2').map((a) => a.cnState)).toEqual(['deep_del', 'amp'])
    expect(r.lowLevel.find((a) => a.gene === 'BRCA2')).toMatchObject({ sample: 'TCGA-XX-0800-01', cnState: 'shallow_del' })
  })

  it('validator edge files fail where cBioPortal fails', async () => {
    const invalid = await thrownAsync(() => readCopyNumber(shared('cbioportal-core/edge/data_cna_invalid_values.txt')))
    expect(invalid.format().split('\n')[0]).toMatch(/data_cna_invalid_values\.txt:6:3: TCGA-A1-A0SB-01: unknown copy-number call "3"$/)
    const blank = await thrownAsync(() => readCopyNumber(shared('cbioportal-core/edge/data_cna_blank_heading.txt')))
    expect(blank.format()).toMatch(/data_cna_blank_heading\.txt:1:2: copy-number matrix: column 2 has an empty sample name$/)
    const entrez = await thrownAsync(() => readCopyNumber(shared('cbioportal-core/edge/data_cna_genecol_presence_entrez_only.txt')))
    expect(entrez.code).toBe('MISSING_COLUMN')
    const hugo = await readCopyNumber(shared('cbioportal-core/edge/data_cna_genecol_presence_hugo_only.txt'))
    expect(hugo.report).toMatchObject({ rowsRead: 35, kept: 7 })
  })
})

describe.skipIf(!hasShared('oncokb-annotator'))('GISTIC-style matrix (Gene Symbol, Locus ID, Cytoband), in place', () => {
  it('oncokb-annotator example_cna.txt', async () => {
    const r = await readCopyNumber(shared('oncokb-annotator/example_cna.txt'))
    expect(r.samples).toEqual(['TCGA-05-4417-01', 'TCGA-02-0033-01'])
    expect(r.alterations.map(key)).toEqual([
      'TCGA-05-4417-01\tMET\tamp',
      'TCGA-02-0033-01\tMET\tamp',
      'TCGA-05-4417-01\tERBB2\tamp',
      'TCGA-05-4417-01\tCDK4\tdeep_del',
      'TCGA-02-0033-01\tCDK4\tamp',
    ])
    // CDK4 is listed twice: the second TCGA-02-0033-01 amp is a duplicate, the -1 conflicts with -2
    expect(droppedText(r.report)).toEqual({ 'low-level (gain / shallow deletion)': 2, duplicate: 1 })
    expect(warningsText(r.report)).toHaveLength(1)
  })
})

describe('Liu 2019 allele-specific copy number (comut example, fixture copy)', () => {
  const file = join(CNA_FIXTURES, 'liu2019_copy_number_alterations.tsv')
  const byGene = (as: readonly { gene: string; cnState?: string | undefined }[]) => {
    const m: Record<string, number> = {}
    for (const a of as) m[`${a.gene} ${a.cnState}`] = (m[`${a.gene} ${a.cnState}`] ?? 0) + 1
    return m
  }

  it('CDKN2A is a homozygous deletion only where both alleles are at 0 (7 samples, not 29)', async () => {
    const r = await readCopyNumber(file)
    expect(r.report.format).toBe('copy-number long table, allele-specific (one row per allele)')
    const deep = r.alterations.filter((a) => a.gene === 'CDKN2A' && a.cnState === 'deep_del').map((a) => a.sample)
    // awk over the file: the loci whose two rows are both "aCN = 0"
    expect(deep.sort()).toEqual(['Patient30', 'Patient4', 'Patient47', 'Patient49', 'Patient63', 'Patient72', 'Patient82'])
    // Amplification wins over a lost or reduced other allele (+ aCN = 0: 1 CDKN2A, 2 MYC; + Allelic deletion: 2 MYC)
    expect(byGene(r.alterations)).toEqual({ 'CDKN2A deep_del': 7, 'CDKN2A amp': 1, 'MYC amp': 18 })
    // One allele at 0 or reduced: shallow loss, kept apart and not counted
    expect(byGene(r.lowLevel)).toEqual({ 'CDKN2A shallow_del': 27, 'MYC shallow_del': 7, 'TP53 shallow_del': 22 })
    expect(warningsText(r.report)).toEqual([`${file}: 5 locus/loci with an amplified allele beside a lost or reduced one: counted as Amp`])
  })

  it('"Not Available" samples are not assayed, and every row is accounted for', async () => {
    const r = await readCopyNumber(file)
    expect(r.notAssayed.map((n) => `${n.sample} ${n.gene}`).sort()).toEqual(['Patient13 CDKN2A', 'Patient20 CDKN2A', 'Patient83 CDKN2A', 'Patient94 CDKN2A'])
    expect(r.notAssayed.every((n) => n.source.file === file && n.source.line > 1)).toBe(true)
    expect(readReportJson(r.report)).toMatchObject({
      rowsRead: 302,
      kept: 52,
      dropped: { neutral: 128, 'low-level (gain / shallow deletion)': 112, 'not a dosage state (CN-LOH, complex)': 6, 'not assayed (Not Available)': 4 },
    })
    expect(r.samples).toHaveLength(52)
    const total = totalDropped(r.report)
    expect(total + r.report.kept).toBe(r.report.rowsRead)
  })
})

describe.skipIf(!hasShared('comut/melanoma'))('comut melanoma CNA (Liu 2019), in place', () => {
  it('the shared copy reads as the fixture does', async () => {
    const a = await readCopyNumber(shared('comut/melanoma/copy_number_alterations.tsv'))
    const b = await readCopyNumber(join(CNA_FIXTURES, 'liu2019_copy_number_alterations.tsv'))
    expect(a.alterations.map(key)).toEqual(b.alterations.map(key))
    expect(droppedText(a.report)).toEqual(droppedText(b.report))
  })
})

describe.skipIf(!hasShared('pcgr'))('segment files are refused, in place', () => {
  it.each(['pcgr/T001-BRCA.grch38.cna.tsv', 'cnvkit/p2-9_2.call.cns'])('%s', async (f) => {
    const e = await thrownAsync(() => readCopyNumber(shared(f)))
    expect(e.code).toBe('FORMAT')
  })
})
