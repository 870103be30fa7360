import { describe, expect, it } from 'vitest'
import { parseCopyNumberLines } from '../../src/cna/index.js'
import { combineAlleles } from '../../src/cna/allelic.js'
import { thrown, tsv } from './_util.js'
import { droppedText, readReportJson, warningsText } from '../../src/model/report.js'

const H = ['sample', 'category', 'value']

describe('allele-specific copy number (one row per allele)', () => {
  it('combines the two alleles of a locus per the documented table', () => {
    expect(combineAlleles(['zero', 'zero'])).toBe('deep_del')
    expect(combineAlleles(['baseline', 'zero'])).toBe('shallow_del')
    expect(combineAlleles(['reduced', 'zero'])).toBe('shallow_del')
    expect(combineAlleles(['reduced', 'reduced'])).toBe('shallow_del')
    expect(combineAlleles(['amplified', 'baseline'])).toBe('amp')
    expect(combineAlleles(['amplified', 'zero'])).toBe('amp')
    expect(combineAlleles(['baseline', 'baseline'])).toBe('neutral')
  })

  it('pairs rows by (sample, gene) even when they are apart; the source is the first row', () => {
    const r = parseCopyNumberLines('ascn.tsv', tsv(H, ['s1', 'CDKN2A', 'aCN = 0'], ['s2', 'CDKN2A', 'Baseline'], ['s1', 'CDKN2A', 'aCN = 0'], ['s2', 'CDKN2A', 'aCN = 0']))
    expect(r.alterations.map((a) => `${a.sample} ${a.cnState} @${a.source.line}`)).toEqual(['s1 deep_del @2'])
    expect(r.lowLevel.map((a) => `${a.sample} ${a.cnState} @${a.source.line}`)).toEqual(['s2 shallow_del @3'])
    expect(readReportJson(r.report)).toMatchObject({ rowsRead: 4, kept: 2, dropped: { 'low-level (gain / shallow deletion)': 2 } })
  })

  it('refuses a locus with one allele row, three, or a locus word beside allele rows, at the row', () => {
    const one = thrown(() => parseCopyNumberLines('a.tsv', tsv(H, ['s1', 'TP53', 'aCN = 0'], ['s1', 'MYC', 'Baseline'], ['s1', 'MYC', 'Baseline'])))
    expect(one.format().split('\n')[0]).toBe('a.tsv:2:3: value: TP53 in s1: 1 allele row(s); expected 2 (lines 2)')
    const three = thrown(() => parseCopyNumberLines('a.tsv', tsv(H, ['s1', 'TP53', 'aCN = 0'], ['s1', 'TP53', 'aCN = 0'], ['s1', 'TP53', 'Baseline'])))
    expect(three.format().split('\n')[0]).toBe('a.tsv:4:3: value: TP53 in s1: 3 allele row(s); expected 2 (lines 2, 3, 4)')
    const mixed = thrown(() => parseCopyNumberLines('a.tsv', tsv(H, ['s1', 'TP53', 'aCN = 0'], ['s1', 'TP53', 'CN-LOH'])))
    expect(mixed.format().split('\n')[0]).toBe('a.tsv:3:3: value: TP53 in s1: "aCN = 0 + CN-LOH": a locus-level state cannot sit beside allele rows')
    const word = thrown(() => parseCopyNumberLines('a.tsv', tsv(H, ['s1', 'TP53', 'aCN = 0'], ['s1', 'TP53', 'Amp'])))
    expect(word.format().split('\n')[0]).toBe('a.tsv:3:3: value: TP53 in s1: unknown allele-specific copy-number state "Amp"')
  })

  it('lenient drops a malformed locus with its rows counted', () => {
    const r = parseCopyNumberLines('a.tsv', tsv(H, ['s1', 'TP53', 'aCN = 0'], ['s1', 'MYC', 'aCN = 0'], ['s1', 'MYC', 'aCN = 0']), { lenient: true })
    expect(r.alterations.map((a) => a.gene)).toEqual(['MYC'])
    expect(readReportJson(r.report)).toMatchObject({ rowsRead: 3, kept: 2, dropped: { 'allele-specific: malformed locus': 1 } })
    expect(warningsText(r.report)[0]).toMatch(/^a\.tsv:2:3: value: TP53 in s1: 1 allele row/)
  })

  it('a per-allele word in a matrix cell is refused (one cell cannot hold two alleles)', () => {
    const e = thrown(() => parseCopyNumberLines('m.tsv', tsv(['Hugo_Symbol', 'S1'], ['CDKN2A', 'aCN = 0'])))
    expect(e.format().split('\n')[0]).toBe('m.tsv:2:2: S1: "aCN = 0" is a per-allele copy-number state')
  })

  it('"Not Available" is not assayed in any long table', () => {
    const r = parseCopyNumberLines('cn.tsv', tsv(['Gene', 'Sample_name', 'CN'], ['MYC', 's1', 'Amp'], ['MYC', 's2', 'Not Available'], ['MYC', 's3', '[Not Available]']))
    expect(r.notAssayed.map((n) => `${n.sample} ${n.gene} @${n.source.line}`)).toEqual(['s2 MYC @3', 's3 MYC @4'])
    expect(droppedText(r.report)).toEqual({ 'not assayed (Not Available)': 2 })
  })
})
