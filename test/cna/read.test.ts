import { describe, expect, it } from 'vitest'
import { parseCopyNumberLines } from '../../src/cna/index.js'
import { thrown, tsv } from './_util.js'
import { readReportJson, warningsText } from '../../src/model/report.js'

const brief = (a: { sample: string; gene: string; variantClass: string; cnState?: string | undefined; copyNumber?: number | undefined; source: { line: number } }) =>
  `${a.sample}:${a.gene}:${a.variantClass}:${a.cnState}:${a.copyNumber ?? ''}@${a.source.line}`

describe('maftools cnTable form (Gene, Sample_name, CN words)', () => {
  const lines = tsv(['Gene', 'Sample_name', 'CN'], ['MYC', 's1', 'Amp'], ['CDKN2A', 's1', 'Del'], ['TP53', 's2', 'Loss'], ['KRAS', 's3', 'Gain'], ['EGFR', 's2', 'NA'], ['MYC', 's1', 'Amp'])

  it('keeps Amp/Del, returns low-level apart, accounts for every row', () => {
    const r = parseCopyNumberLines('cn.tsv', lines)
    expect(r.alterations.map(brief)).toEqual(['s1:MYC:Amp:amp:@2', 's1:CDKN2A:Del:deep_del:@3'])
    expect(r.lowLevel.map(brief)).toEqual(['s2:TP53:Del:shallow_del:@4', 's3:KRAS:Amp:gain:@5'])
    expect(r.samples).toEqual(['s1', 's2', 's3'])
    expect(readReportJson(r.report)).toMatchObject({
      format: 'copy-number long table, call',
      rowsRead: 6,
      kept: 2,
      dropped: { 'low-level (gain / shallow deletion)': 2, 'missing value': 1, duplicate: 1 },
    })
    expect(r.alterations[0]).toMatchObject({ kind: 'cna', variantType: 'CNV', origin: 'somatic', source: { file: 'cn.tsv', line: 2 } })
  })

  it('rejects an unknown call at its cell; lenient counts it', () => {
    const bad = tsv(['Gene', 'Sample_name', 'CN'], ['MYC', 's1', 'Amp'], ['ERBB2', 's1', 'Ampp'])
    const e = thrown(() => parseCopyNumberLines('cn.tsv', bad))
    expect(e.code).toBe('UNKNOWN_TERM')
    expect(e.format().split('\n')[0]).toBe('cn.tsv:3:3: CN: unknown copy-number call "Ampp"')
    const r = parseCopyNumberLines('cn.tsv', bad, { lenient: true })
    expect(readReportJson(r.report)).toMatchObject({ rowsRead: 2, kept: 1, dropped: { 'unrecognized value': 1 } })
    expect(warningsText(r.report)[0]).toMatch(/^cn\.tsv:3:3: CN: unknown copy-number call "Ampp"/)
  })
})

describe('cBioPortal discrete matrix', () => {
  const lines = tsv(
    ['Hugo_Symbol', 'Entrez_Gene_Id', 'S1', 'S2', 'S3'],
    ['ERBB2', '2064', '2', '1', 'NA'],
    ['CDKN2A', '1029', '-2', '-1.5', '0'],
    ['AKT2|chr19', '208', '0', '0', '2'],
  )

  it('reads one unit per cell, -1.5 as shallow deletion, strips |suffix', () => {
    const r = parseCopyNumberLines('cna.txt', lines)
    expect(r.samples).toEqual(['S1', 'S2', 'S3'])
    expect(r.alterations.map(brief)).toEqual(['S1:ERBB2:Amp:amp:@2', 'S1:CDKN2A:Del:deep_del:@3', 'S3:AKT2:Amp:amp:@4'])
    expect(r.lowLevel.map(brief)).toEqual(['S2:ERBB2:Amp:gain:@2', 'S2:CDKN2A:Del:shallow_del:@3'])
    expect(readReportJson(r.report)).toMatchObject({
      format: 'copy-number matrix, call (cells)',
      rowsRead: 9,
      kept: 3,
      dropped: { neutral: 3, 'low-level (gain / shallow deletion)': 2, 'missing value': 1 },
    })
  })

  it('rejects a continuous value without a scale, reads it with scale log2', () => {
    const l = tsv(['Hugo_Symbol', 'S1', 'S2'], ['MYC', '1.2', '-0.1'], ['PTEN', '-1.3', '0.3'])
    expect(thrown(() => parseCopyNumberLines('m.txt', l)).format().split('\n')[0]).toBe('m.txt:2:2: S1: unknown copy-number call "1.2"')
    const r = parseCopyNumberLines('m.txt', l, { scale: 'log2' })
    expect(r.alterations.map(brief)).toEqual(['S1:MYC:Amp:amp:@2', 'S1:PTEN:Del:deep_del:@3'])
    expect(r.lowLevel.map(brief)).toEqual(['S2:PTEN:Amp:gain:@3'])
  })

  it('rejects an empty sample header and a wrong column count', () => {
    expect(thrown(() => parseCopyNumberLines('m.txt', tsv(['Hugo_Symbol', '', 'S2'], ['MYC', '0', '0']))).format()).toBe(
      'm.txt:1:2: copy-number matrix: column 2 has an empty sample name',
    )
    const e = thrown(() => parseCopyNumberLines('m.txt', tsv(['Hugo_Symbol', 'S1', 'S2'], ['MYC', '0'])))
    expect(e.code).toBe('COLUMN_COUNT')
    expect(e.line).toBe(2)
  })
})

describe('long numeric forms', () => {
  it('copy_number with PURPLE/PCGR-style defaults, and custom thresholds', () => {
    const l = tsv(['sample', 'gene', 'copy_number'], ['a', 'MYC', '8'], ['a', 'PTEN', '0'], ['b', 'MYC', '3'], ['b', 'PTEN', '2'], ['c', 'ERBB2', '5.2'])
    const r = parseCopyNumberLines('c.tsv', l)
    expect(r.report.format).toBe('copy-number long table, copies')
    expect(r.alterations.map(brief)).toEqual(['a:MYC:Amp:amp:8@2', 'a:PTEN:Del:deep_del:0@3'])
    expect(r.lowLevel.map(brief)).toEqual(['b:MYC:Amp:gain:3@4', 'c:ERBB2:Amp:gain:5.2@6'])
    const custom = parseCopyNumberLines('c.tsv', l, { copiesThresholds: { deepDel: 0.5, shallowDel: 1.5, gain: 2.5, amp: 5 } })
    expect(custom.alterations.map((a) => a.gene)).toEqual(['MYC', 'PTEN', 'ERBB2'])
  })

  it('a numeric `cn` column is copies, a worded one is calls', () => {
    expect(parseCopyNumberLines('c.tsv', tsv(['sample', 'gene', 'cn'], ['a', 'MYC', '2'])).report.format).toBe('copy-number long table, copies')
    expect(parseCopyNumberLines('c.tsv', tsv(['sample', 'gene', 'cn'], ['a', 'MYC', '2'], ['a', 'KRAS', 'Amp'])).report.format).toBe('copy-number long table, call')
  })

  it('rejects negative and non-numeric copy numbers at the cell', () => {
    expect(thrown(() => parseCopyNumberLines('c.tsv', tsv(['sample', 'gene', 'copy_number'], ['a', 'MYC', '-1']))).format()).toBe(
      'c.tsv:2:3: copy_number: copy number cannot be negative, got -1',
    )
    expect(thrown(() => parseCopyNumberLines('c.tsv', tsv(['sample', 'gene', 'copy_number'], ['a', 'MYC', '4x']))).format()).toBe(
      'c.tsv:2:3: copy_number: expected a number, got "4x"',
    )
  })

  it('log2 column uses CNVkit thresholds', () => {
    const r = parseCopyNumberLines('l.tsv', tsv(['Sample', 'Gene', 'log2'], ['a', 'MYC', '1.5'], ['a', 'CDKN2A', '-2']))
    expect(r.alterations.map((a) => a.cnState)).toEqual(['amp', 'deep_del'])
  })

  it('rejects thresholds out of order', () => {
    expect(() => parseCopyNumberLines('c.tsv', ['sample\tgene\tcopy_number'], { copiesThresholds: { deepDel: 1, shallowDel: 0.5, gain: 3, amp: 6 } })).toThrow(/thresholds must increase/)
  })
})

describe('layout errors', () => {
  it('segments are not gene-level calls', () => {
    const e = thrown(() => parseCopyNumberLines('s.tsv', tsv(['Chromosome', 'Start', 'End', 'nMajor', 'nMinor'], ['1', '1', '2', '1', '0'])))
    expect(e.code).toBe('FORMAT')
    expect(e.format().split('\n')[0]).toBe('s.tsv:1: copy-number segments (chromosome/start/end) are not gene-level calls')
  })

  it('no gene column', () => {
    const e = thrown(() => parseCopyNumberLines('s.tsv', tsv(['Entrez_Gene_Id', 'S1'], ['207', '2'])))
    expect(e.code).toBe('MISSING_COLUMN')
    expect(e.message).toBe('copy-number table: no gene column (looked for hugo_symbol, gene, gene_symbol, gene symbol, symbol, hugo, gene_name, category)')
  })

  it('long table without a value column; named columns must exist', () => {
    expect(thrown(() => parseCopyNumberLines('s.tsv', tsv(['sample', 'gene', 'x'], ['a', 'b', 'c']))).message).toBe('copy-number table: no value column')
    expect(thrown(() => parseCopyNumberLines('s.tsv', tsv(['sample', 'gene', 'x'], ['a', 'b', '1']), { valueColumn: 'y' })).message).toBe('copy-number value column "y" not found')
    const r = parseCopyNumberLines('s.tsv', tsv(['sample', 'gene', 'x'], ['a', 'b', '7']), { valueColumn: 'x', scale: 'copies' })
    expect(r.alterations).toHaveLength(1)
  })

  it('rejects an empty file', () => {
    expect(thrown(() => parseCopyNumberLines('e.tsv', [])).code).toBe('EMPTY_FILE')
  })
})
