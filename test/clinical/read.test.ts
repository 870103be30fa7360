import { describe, expect, it } from 'vitest'
import { parseClinicalLines } from '../../src/clinical/index.js'
import { thrown, tsv } from './_util.js'

describe('parseClinicalLines', () => {
  it('keys rows by the first sample column in priority order and normalises missing cells', () => {
    const { table, report } = parseClinicalLines(
      't.tsv',
      tsv(['PATIENT_ID', 'SAMPLE_ID', 'BOR', 'AGE'], ['P1', 'S1', 'PR', '[Not Available]'], ['P1', 'S2', 'NA', '-Inf'], ['P2', 'S3', 'SD ', '61']),
    )
    expect(table.sampleColumn).toBe('SAMPLE_ID')
    expect(table.responseColumn).toBe('BOR')
    expect([...table.rows.keys()]).toEqual(['S1', 'S2', 'S3'])
    expect(Object.fromEntries(table.rows.get('S1')?.values ?? [])).toEqual({ PATIENT_ID: 'P1', SAMPLE_ID: 'S1', BOR: 'PR', AGE: undefined })
    expect(table.rows.get('S2')?.values.get('AGE')).toBeUndefined()
    expect(table.rows.get('S3')?.values.get('BOR')).toBe('SD')
    expect(table.rows.get('S3')?.line).toBe(4)
    expect(report).toMatchObject({ format: 'clinical', rowsRead: 3, kept: 3, dropped: {} })
  })

  it('skips the four cBioPortal # metadata rows and reads CSV with quotes', () => {
    const { table } = parseClinicalLines('c.csv', [
      '#Patient Identifier,Best Response',
      '#x,y',
      '#STRING,STRING',
      '#1,1',
      'patient_id,best_response',
      '"Pt, 1",Complete Response',
    ])
    expect(table.sampleColumn).toBe('patient_id')
    expect(table.rows.get('Pt, 1')?.values.get('best_response')).toBe('Complete Response')
  })

  it('uses named columns case-insensitively', () => {
    const { table } = parseClinicalLines('t.tsv', tsv(['id', 'Resp'], ['a', 'PD']), { sampleColumn: 'ID', responseColumn: 'resp' })
    expect(table.sampleColumn).toBe('id')
    expect(table.responseColumn).toBe('Resp')
  })

  it('counts empty rows and blank lines in the report', () => {
    const { report } = parseClinicalLines('t.tsv', [...tsv(['sample', 'x'], ['a', '1'], ['', 'NA']), ''])
    expect(report).toMatchObject({ rowsRead: 3, kept: 1, dropped: { 'empty row': 1, 'blank line': 1 } })
  })

  it('rejects a missing sample column, listing the header', () => {
    const e = thrown(() => parseClinicalLines('t.tsv', tsv(['name', 'BOR'], ['a', 'PR'])))
    expect(e.code).toBe('MISSING_COLUMN')
    expect(e.format()).toBe(
      't.tsv:1: clinical table: no sample-ID column (looked for sample_id, Tumor_Sample_Barcode, sample, sample_name, sampleid, sample id, sample_barcode, aliquot_id, patient_id, patientid, patient, case_id, case_submitter_id, submitter_id, subject_id, subject)\n' +
        '  hint: name it with the sample-column option; the header has: "name", "BOR"',
    )
  })

  it('rejects a named column that does not exist', () => {
    const e = thrown(() => parseClinicalLines('t.tsv', tsv(['sample', 'BOR'], ['a', 'PR']), { responseColumn: 'RECIST' }))
    expect(e.code).toBe('MISSING_COLUMN')
    expect(e.format()).toBe('t.tsv:1: best-response column "RECIST" not found\n  hint: the header has: "sample", "BOR"')
  })

  it('rejects duplicate sample IDs naming both lines', () => {
    const e = thrown(() => parseClinicalLines('t.tsv', tsv(['sample', 'x'], ['a', '1'], ['b', '2'], ['a', '3'])))
    expect(e.code).toBe('DUPLICATE_SAMPLE')
    expect(e.format()).toMatch(/^t\.tsv:4:1: sample "a" appears twice \(lines 2 and 4\)\n/)
  })

  it('rejects a missing sample ID (strict) and drops it (lenient)', () => {
    const lines = tsv(['x', 'sample'], ['1', 'a'], ['2', 'NA'])
    const e = thrown(() => parseClinicalLines('t.tsv', lines))
    expect(e.code).toBe('BAD_VALUE')
    expect(e.format()).toBe('t.tsv:3:2: sample: missing sample ID')
    const { report } = parseClinicalLines('t.tsv', lines, { lenient: true })
    expect(report).toMatchObject({ rowsRead: 2, kept: 1, dropped: { 'missing sample ID': 1 } })
  })

  it('rejects an unknown response word at its line and column; lenient keeps the row with a warning', () => {
    const lines = tsv(['sample', 'age', 'best_response'], ['a', '1', 'PR'], ['b', '2', 'PRCR'])
    const e = thrown(() => parseClinicalLines('t.tsv', lines))
    expect(e.code).toBe('UNKNOWN_TERM')
    expect(e.format()).toMatch(/^t\.tsv:3:3: best_response: unknown best-response value "PRCR"\n {2}hint: accepted \(case-insensitive; '_' and '-' read as spaces\): CR, PR, SD, PD, NE, complete response,/)
    const { table, report } = parseClinicalLines('t.tsv', lines, { lenient: true })
    expect(table.rows.size).toBe(2)
    expect(report.warnings).toEqual([e.format()])
  })

  it('rejects a row with the wrong number of columns; lenient counts it', () => {
    const lines = tsv(['sample', 'x', 'y'], ['a', '1', '2'], ['b', '1'])
    const e = thrown(() => parseClinicalLines('t.tsv', lines))
    expect(e.code).toBe('COLUMN_COUNT')
    expect(e.format()).toBe('t.tsv:3:3: expected 3 tab-separated fields as in the header, found 2\n  hint: the row may be truncated')
    const { report } = parseClinicalLines('t.tsv', lines, { lenient: true })
    expect(report).toMatchObject({ rowsRead: 2, kept: 1, dropped: { 'wrong number of columns': 1 } })
  })

  it('rejects an empty file', () => {
    expect(thrown(() => parseClinicalLines('t.tsv', ['#only a comment'])).code).toBe('EMPTY_FILE')
  })
})
