import { describe, expect, it } from 'vitest'
import { binaryEndpoint, categoricalLevels, parseClinicalLines } from '../../src/clinical/index.js'
import { thrown, tsv } from './_util.js'

const table = parseClinicalLines(
  'c.tsv',
  tsv(
    ['sample', 'BOR', 'sex', 'stage', 'smoker', 'dead'],
    ['s1', 'CR', 'F', 'II', 'no', 'Alive'],
    ['s2', 'Partial Response', 'M', 'I', 'yes', 'Dead'],
    ['s3', 'SD', 'F', 'III', 'yes', 'Dead'],
    ['s4', 'PD', 'M', 'II', 'NA', 'Alive'],
    ['s5', 'NE', 'NA', 'I', 'no', 'Dead'],
    ['s6', 'NA', 'F', 'II', 'no', 'Alive'],
    ['s7', 'Unknown', 'M', 'IV', 'yes', 'Dead'],
  ),
).table

describe('binaryEndpoint', () => {
  it('orr: CR+PR vs SD+PD, NE and missing excluded by reason', () => {
    const e = binaryEndpoint(table, 'orr')
    expect(e).toMatchObject({ kind: 'binary', name: 'orr', column: 'BOR', positive: 'CR+PR', negative: 'SD+PD' })
    expect([...e.values]).toEqual([['s1', 1], ['s2', 1], ['s3', 0], ['s4', 0]])
    expect(e.excluded).toEqual({ 'not evaluable (NE)': ['s5'], 'missing response': ['s6', 's7'] })
  })

  it('dcr: CR+PR+SD vs PD', () => {
    const e = binaryEndpoint(table, 'dcr')
    expect([...e.values]).toEqual([['s1', 1], ['s2', 1], ['s3', 1], ['s4', 0]])
  })

  it('orr without a response column names the problem', () => {
    const t = parseClinicalLines('n.tsv', tsv(['sample', 'x'], ['a', '1'])).table
    const err = thrown(() => binaryEndpoint(t, 'orr'))
    expect(err.code).toBe('MISSING_COLUMN')
    expect(err.format()).toBe('n.tsv: ORR needs a best-response column and none was found\n  hint: name it with the response-column option; the header has: "sample", "x"')
  })

  it('unknown response words: strict throws at the cell, lenient excludes', () => {
    const t = parseClinicalLines('u.tsv', tsv(['sample', 'BOR'], ['a', 'PR'], ['b', 'PRCR']), { lenient: true }).table
    expect(thrown(() => binaryEndpoint(t, 'orr')).format().split('\n')[0]).toBe('u.tsv:3:2: BOR: unknown best-response value "PRCR"')
    expect(binaryEndpoint(t, 'orr', { lenient: true }).excluded).toEqual({ 'unrecognized response': ['b'] })
  })

  it('two-valued column: second sorted level is 1 unless told', () => {
    const e = binaryEndpoint(table, 'sex')
    expect(e).toMatchObject({ kind: 'binary', positive: 'M', negative: 'F' })
    expect(e.excluded).toEqual({ 'missing value': ['s5'] })
    const f = binaryEndpoint(table, { column: 'SEX', positive: 'F' })
    expect(f).toMatchObject({ kind: 'binary', column: 'sex', positive: 'F', negative: 'M' })
    if (f.kind === 'binary') expect(f.values.get('s1')).toBe(1)
  })

  it('two-valued event-coded column: the event value is 1 whatever the sort order', () => {
    expect(binaryEndpoint(table, 'smoker')).toMatchObject({ positive: 'yes', negative: 'no' })
    expect(binaryEndpoint(table, 'dead')).toMatchObject({ positive: 'Dead', negative: 'Alive' })
  })

  it('k-valued column is categorical with sorted levels; response column normalised', () => {
    const e = binaryEndpoint(table, 'stage')
    expect(e).toMatchObject({ kind: 'categorical', levels: ['I', 'II', 'III', 'IV'] })
    expect(binaryEndpoint(table, 'BOR')).toMatchObject({ kind: 'categorical', levels: ['CR', 'NE', 'PD', 'PR', 'SD'] })
    expect(categoricalLevels(table, 'stage')).toEqual(['I', 'II', 'III', 'IV'])
  })

  it('rejects a positive value that is absent, and an unknown column', () => {
    expect(thrown(() => binaryEndpoint(table, { column: 'sex', positive: 'X' })).format()).toBe(
      'c.tsv: sex: positive value "X" does not occur in the column\n  hint: values present: "F", "M"',
    )
    expect(thrown(() => binaryEndpoint(table, 'age')).code).toBe('MISSING_COLUMN')
  })
})
