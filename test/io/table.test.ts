import { describe, expect, it } from 'vitest'
import { thrownText } from '../helpers.js'
import { parseTableLines, requireColumns, splitCsv } from '../../src/io/table.js'

describe('delimited tables', () => {
  it('skips # preamble, sniffs the delimiter and finds columns case-insensitively', () => {
    const t = parseTableLines('c.csv', ['#version 2.4', 'Sample,Best Response', 'P1,PR', 'P2,"SD, confirmed"'])
    expect(t.header.delimiter).toBe(',')
    expect(t.header.line).toBe(2)
    expect(t.rows.map((r) => r.fields)).toEqual([
      ['P1', 'PR'],
      ['P2', 'SD, confirmed'],
    ])
    expect(requireColumns(t.header, ['sample'], 'clinical')).toEqual([0])
  })

  it('names every missing required column at once', () => {
    const t = parseTableLines('x.tsv', ['a\tb'])
    expect(thrownText(() => requireColumns(t.header, ['a', 'gene', 'sample'], 'not a MAF'))).toContain('x.tsv:1: not a MAF: missing required columns gene, sample')
  })

  it('rejects a row with the wrong number of fields, with line and column', () => {
    expect(thrownText(() => parseTableLines('x.tsv', ['a\tb\tc', '1\t2\t3', '1\t2']))).toMatch(/expected 3 tab-separated fields as in the header, found 2/)
    try {
      parseTableLines('x.tsv', ['a\tb\tc', '1\t2'])
    } catch (e) {
      expect(e).toMatchObject({ code: 'COLUMN_COUNT', file: 'x.tsv', line: 2, column: 3 })
    }
  })

  it('counts rather than throws in lenient mode', () => {
    const t = parseTableLines('x.tsv', ['a\tb', '1', '1\t2', ''], { lenient: true })
    expect(t.rows).toHaveLength(1)
    expect(t.skipped).toEqual({ 'wrong-column-count': 1, 'blank-line': 1 })
  })

  it('rejects duplicate column names unless allowed, and then still rejects a duplicated required one', () => {
    expect(thrownText(() => parseTableLines('d.tsv', ['a\tb\ta']))).toMatch(/duplicate column "a" \(columns 1 and 3\)/)
    // Names that differ only in case are distinct columns (comut writes WGD and wgd).
    expect(parseTableLines('d.tsv', ['WGD\twgd']).header.columns).toEqual(['WGD', 'wgd'])
    const t = parseTableLines('d.tsv', ['a\tb\ta'], { allowDuplicateColumns: true })
    expect(() => requireColumns(t.header, ['b'], 'x')).not.toThrow()
    expect(thrownText(() => requireColumns(t.header, ['a'], 'x'))).toMatch(/required column "a" appears more than once/)
  })

  it('reports an empty file as empty', () => {
    expect(thrownText(() => parseTableLines('e.tsv', [], { what: 'MAF' }))).toContain('e.tsv: no header line found: the MAF is empty')
  })

  it('splits CSV quotes with escaped quotes', () => {
    expect(splitCsv('a,"b ""x"", c",d')).toEqual(['a', 'b "x", c', 'd'])
  })
})
