import { join } from 'node:path'
import { describe, expect, it } from 'vitest'
import { parseFusionLines, readFusions } from '../../src/fusion/index.js'
import { FUSION_FIXTURES, thrown, tsv } from './_util.js'
import { droppedText, readReportJson } from '../../src/model/report.js'

const brief = (a: { sample: string; gene: string; partner?: string | undefined; source: { line: number }; extra?: Readonly<Record<string, string>> | undefined }) =>
  `${a.sample}:${a.gene}>${a.partner ?? '-'}@${a.source.line}${a.extra?.site ? `:${a.extra.site}` : ''}`

describe('simple (sample, gene_a, gene_b) table', () => {
  it('one record per partner gene, duplicates and one-sided rows accounted for', async () => {
    const r = await readFusions(join(FUSION_FIXTURES, 'pairs.tsv'))
    expect(r.alterations.map(brief)).toEqual(['P1:EML4>ALK@2:5p', 'P1:ALK>EML4@2:3p', 'P2:TMPRSS2>ERG@4:5p', 'P2:ERG>TMPRSS2@4:3p', 'P3:NKX2-1>-@5', 'P4:EGFR>EGFR@6:5p'])
    expect(r.alterations[0]).toMatchObject({ kind: 'fusion', variantClass: 'Fusion', variantType: 'SV', origin: 'somatic', extra: { fusion: 'EML4::ALK', site: '5p' } })
    expect(readReportJson(r.report)).toMatchObject({ format: 'fusion table, pair', rowsRead: 5, kept: 4, dropped: { duplicate: 1 } })
    expect(r.samples).toEqual(['P1', 'P2', 'P3', 'P4'])
  })

  it('genes option keeps only listed genes (a panel): both when both are listed', async () => {
    const r = await readFusions(join(FUSION_FIXTURES, 'pairs.tsv'), { genes: ['ALK', 'EML4', 'ERG'] })
    expect(r.alterations.map(brief)).toEqual(['P1:EML4>ALK@2:5p', 'P1:ALK>EML4@2:3p', 'P2:ERG>TMPRSS2@4:3p'])
    expect(droppedText(r.report)).toEqual({ duplicate: 1, 'no listed gene': 2 })
  })
})

describe('layouts and errors', () => {
  it('older cBioPortal fusion file: one row per gene, partner from the label', () => {
    const r = parseFusionLines('f.txt', tsv(['Hugo_Symbol', 'Tumor_Sample_Barcode', 'Fusion'], ['ALK', 'S1', 'EML4-ALK fusion'], ['EML4', 'S1', 'EML4-ALK fusion'], ['EGFR', 'S2', 'EGFR-intragenic'], ['NKX2-1', 'S3', 'NKX2-1-MYC']))
    expect(r.report.format).toBe('fusion table, maf')
    expect(r.alterations.map(brief)).toEqual(['S1:ALK>EML4@2:3p', 'S1:EML4>ALK@3:5p', 'S2:EGFR>EGFR@4:5p', 'S3:NKX2-1>MYC@5:5p'])
  })

  it('label-only single-sample file needs the sample option', () => {
    const lines = tsv(['FusionGene', 'SplitReads'], ['EML4--ALK', '100'])
    const e = thrown(() => parseFusionLines('p.tsv', lines))
    expect(e.code).toBe('MISSING_COLUMN')
    expect(e.format().split('\n')[0]).toBe('p.tsv:1: fusion table: no sample column (looked for sample_id, tumor_sample_barcode, sample, sample_name, sampleid, sample_barcode, patient_id, patient)')
    expect(parseFusionLines('p.tsv', lines, { sample: 'T1' }).alterations.map(brief)).toEqual(['T1:EML4>ALK@2:5p', 'T1:ALK>EML4@2:3p'])
  })

  it('an unsplittable label is a located error; lenient counts it', () => {
    const lines = tsv(['sample', 'fusion'], ['a', 'EML4--ALK'], ['b', 'NKX2-1-MYC'])
    const e = thrown(() => parseFusionLines('l.tsv', lines))
    expect(e.code).toBe('BAD_VALUE')
    expect(e.format().split('\n')[0]).toBe('l.tsv:3:2: fusion: cannot split fusion label "NKX2-1-MYC" into two genes')
    const r = parseFusionLines('l.tsv', lines, { lenient: true })
    expect(readReportJson(r.report)).toMatchObject({ rowsRead: 2, kept: 1, dropped: { 'unparseable fusion label': 1 } })
  })

  it('no gene columns, wrong column count, missing sample', () => {
    expect(thrown(() => parseFusionLines('x.tsv', tsv(['sample', 'x'], ['a', 'b']))).message).toBe('fusion table: no gene columns')
    expect(thrown(() => parseFusionLines('x.tsv', tsv(['sample', 'gene1', 'gene2'], ['a', 'B']))).code).toBe('COLUMN_COUNT')
    const r = parseFusionLines('x.tsv', tsv(['sample', 'gene1', 'gene2'], ['NA', 'A', 'B'], ['s', 'NA', '']))
    expect(readReportJson(r.report)).toMatchObject({ rowsRead: 2, kept: 0, dropped: { 'missing sample': 1, 'missing gene': 1 } })
    expect(r.samples).toEqual(['s'])
  })
})
