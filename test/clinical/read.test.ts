import { describe, expect, it } from 'vitest'
import { parseClinicalLines } from '../../src/clinical/index.js'
import { sampleStatements, sampleWarnings } from '../../src/clinical/provenance.js'
import { thrown, tsv } from './_util.js'
import { readReportJson, warningsText } from '../../src/model/report.js'

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
    expect(readReportJson(report)).toMatchObject({ format: 'clinical', rowsRead: 3, kept: 3, dropped: {} })
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
    expect(readReportJson(report)).toMatchObject({ rowsRead: 3, kept: 1, dropped: { 'empty row': 1, 'blank line': 1 } })
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
    expect(readReportJson(report)).toMatchObject({ rowsRead: 2, kept: 1, dropped: { 'missing sample ID': 1 } })
  })

  it('does not validate a column nobody uses: a response column of unknown words reads fine', () => {
    const lines = tsv(['sample', 'age', 'best_response'], ['a', '1', 'PR'], ['b', '2', 'PRXR'])
    const { table, report } = parseClinicalLines('t.tsv', lines)
    expect(table.rows.size).toBe(2)
    expect(warningsText(report)).toEqual([])
  })

  it('chooses the sample column by overlap with the calls, and says how', () => {
    const lines = tsv(['PatientID', 'Sample', 'BOR'], ['Pt1', 'Pt1_pre', 'PR'], ['Pt2', 'Pt2_pre', 'PD'], ['Pt3', 'Pt3_pre', 'SD'])
    const { table } = parseClinicalLines('r.csv', lines, { samples: ['Pt1', 'Pt2', 'Pt9'] })
    expect(table.sampleColumn).toBe('PatientID')
    expect(table.sampleMatch).toEqual({ column: 'PatientID', chosenBy: 'overlap', tried: [{ column: 'PatientID', overlap: 2 }, { column: 'Sample', overlap: 0 }], matched: 2, callsOnly: 1, clinicalOnly: 1, nearMisses: [] })
    expect(sampleStatements(table)).toEqual([
      'sample IDs: clinical column "PatientID" (chosen by overlap with the calls\' sample IDs: PatientID 2, Sample 0); 2 matched; 1 in the calls, not in the table; 1 in the table, not sequenced',
    ])
  })

  it('no shared sample is an error with examples from both sides and the columns tried', () => {
    const lines = tsv(['PatientID', 'Sample'], ['Pt1', 'Pt1_pre'], ['Pt2', 'Pt2_pre'])
    const e = thrown(() => parseClinicalLines('r.csv', lines, { samples: ['X1', 'X2'] }))
    expect(e.code).toBe('NOT_FOUND')
    expect(e.format()).toBe(
      'r.csv: no sample in common between the calls and the clinical table\n  hint: calls: "X1", "X2"; clinical column(s) tried: "PatientID" ("Pt1", "Pt2"); "Sample" ("Pt1_pre", "Pt2_pre")\n  hint: name the clinical column holding the calls\' sample IDs with --sample-column, or fix the IDs',
    )
    const named = thrown(() => parseClinicalLines('r.csv', lines, { samples: ['X1'], sampleColumn: 'Sample' }))
    expect(named.format().split('\n')[0]).toBe('r.csv: no sample in common between the calls and the clinical table')
  })

  it('IDs differing only in case, white space or look-alike letters are reported, never merged', () => {
    // "pt1" (case), "Pt2 " (trailing space), "Рt3" (Cyrillic Р) against the calls' Pt1, Pt2, Pt3.
    const lines = tsv(['sample', 'BOR'], ['pt1', 'PR'], ['Pt2 ', 'PD'], ['\u0420t3', 'SD'], ['Pt4', 'PR'])
    const { table, report } = parseClinicalLines('c.tsv', lines, { samples: ['Pt1', 'Pt2', 'Pt3', 'Pt4'] })
    expect(table.sampleMatch).toMatchObject({ matched: 1, callsOnly: 3, clinicalOnly: 3 })
    expect(table.sampleMatch?.nearMisses).toEqual([
      { clinical: 'pt1', calls: 'Pt1' },
      { clinical: 'Pt2 ', calls: 'Pt2' },
      { clinical: '\u0420t3', calls: 'Pt3' },
    ])
    const w = '3 clinical sample ID(s) differ from the calls\' only in case, white space or look-alike characters ("pt1" vs "Pt1", "Pt2 " vs "Pt2", "\u0420t3" vs "Pt3"); they are not merged'
    expect(sampleWarnings(table)).toEqual([w])
    expect(warningsText(report)).toEqual([`c.tsv: ${w}`])
    // When they make the overlap empty: an error that says so.
    const e = thrown(() => parseClinicalLines('c.tsv', lines.slice(0, 3), { samples: ['Pt1', 'Pt2'] }))
    expect(e.format()).toMatch(/^c\.tsv: no sample in common between the calls and the clinical table\n {2}hint: 2 clinical sample ID\(s\) differ from the calls' only in case, white space or look-alike characters \("pt1" vs "Pt1", "Pt2 " vs "Pt2"\); they are not merged\n/)
  })

  it('a column named __proto__ and values named like Object members are data', () => {
    const { table } = parseClinicalLines('p.tsv', tsv(['sample', '__proto__', 'constructor'], ['toString', 'constructor', 'x']), { samples: ['toString'] })
    expect(table.sampleColumn).toBe('sample')
    expect(table.rows.get('toString')?.values.get('__proto__')).toBe('constructor')
    expect(Object.getPrototypeOf(table.rows.get('toString')?.values)).toBe(Map.prototype)
  })

  it('reads time units declared in cBioPortal header rows', () => {
    const { table } = parseClinicalLines('data_clinical_patient.txt', ['#Patient Identifier\tOverall Survival (Months)\tStatus', '#x\ty\tz', '#STRING\tNUMBER\tSTRING', '#1\t1\t1', 'PATIENT_ID\tOS_TIME\tOS_STATUS', 'P1\t3.5\t1:DECEASED'])
    expect([...(table.declaredUnits ?? [])]).toEqual([['OS_TIME', 'months']])
  })

  it('rejects a row with the wrong number of columns; lenient counts it', () => {
    const lines = tsv(['sample', 'x', 'y'], ['a', '1', '2'], ['b', '1'])
    const e = thrown(() => parseClinicalLines('t.tsv', lines))
    expect(e.code).toBe('COLUMN_COUNT')
    expect(e.format()).toBe('t.tsv:3:3: expected 3 tab-separated fields as in the header, found 2\n  hint: the row may be truncated')
    const { report } = parseClinicalLines('t.tsv', lines, { lenient: true })
    expect(readReportJson(report)).toMatchObject({ rowsRead: 2, kept: 1, dropped: { 'wrong number of columns': 1 } })
  })

  it('rejects an empty file', () => {
    expect(thrown(() => parseClinicalLines('t.tsv', ['#only a comment'])).code).toBe('EMPTY_FILE')
  })
})
