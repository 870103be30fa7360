import { describe, expect, it } from 'vitest'
import { binaryEndpoint, categoricalLevels, parseClinicalLines } from '../../src/clinical/index.js'
import { DEFAULT_READING, type ClinicalReading } from '../../src/model/clinical.js'
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
    expect(e).toMatchObject({ kind: 'binary', name: 'orr', column: 'BOR', positive: 'responders (CR+PR)', negative: 'non-responders (SD+PD)' })
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
    expect(err.format()).toBe('n.tsv: ORR needs a best-response column and none was found\n  hint: name it with --response-column; the header has: "sample", "x"')
  })

  it('unknown response words: strict throws at the cell, lenient excludes', () => {
    const t = parseClinicalLines('u.tsv', tsv(['sample', 'BOR'], ['a', 'PR'], ['b', 'PRXR']), { lenient: true }).table
    expect(thrown(() => binaryEndpoint(t, 'orr')).format().split('\n')[0]).toBe('u.tsv:3:2: BOR: unknown best-response value "PRXR"')
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

  const withReading = (lines: string[], reading: Partial<ClinicalReading>) => {
    const t = parseClinicalLines('r.tsv', lines).table
    return { ...t, reading: { ...DEFAULT_READING, ...reading } }
  }

  it('--ne non-responder counts NE patients as 0 (intention to treat); the reading says which rule and how many', () => {
    const ex = binaryEndpoint(table, 'orr')
    expect(ex.reading).toContain('orr: NE rule exclude (--ne exclude): NE patients leave the denominator; 1 NE patient(s)')
    const itt = binaryEndpoint({ ...table, reading: { ...DEFAULT_READING, ne: 'non-responder' } }, 'orr')
    expect([...itt.values]).toEqual([['s1', 1], ['s2', 1], ['s3', 0], ['s4', 0], ['s5', 0]])
    expect(itt.excluded).toEqual({ 'missing response': ['s6', 's7'] })
    expect(itt.reading).toContain('orr: NE rule non-responder (--ne non-responder): NE patients count as 0; 1 NE patient(s)')
  })

  it('combined codings (Riaz myBOR3 PRCR/SDPD) give the ORR of the CR/PR vs SD/PD coding; PRCRSD serves DCR only', () => {
    const t = parseClinicalLines('m.tsv', tsv(['sample', 'BOR', 'myBOR3', 'myBOR2'], ['a', 'PR', 'PRCR', 'PRCRSD'], ['b', 'CR', 'PRCR', 'PRCRSD'], ['c', 'SD', 'SDPD', 'PRCRSD'], ['d', 'PD', 'SDPD', 'PD']), { responseColumn: 'myBOR3' }).table
    const viaBOR = binaryEndpoint({ ...t, responseColumn: 'BOR' }, 'orr')
    const viaMy = binaryEndpoint(t, 'orr')
    expect([...viaMy.values]).toEqual([...viaBOR.values])
    // As a plain column: responders vs non-responders, whatever the sort order says.
    expect(binaryEndpoint(t, 'myBOR3')).toMatchObject({ kind: 'binary', positive: 'CR/PR', negative: 'SD/PD' })
    expect(binaryEndpoint(t, 'myBOR2')).toMatchObject({ kind: 'binary', positive: 'CR/PR/SD', negative: 'PD' })
    const e = thrown(() => binaryEndpoint({ ...t, responseColumn: 'myBOR2' }, 'orr'))
    expect(e.format().split('\n')[0]).toBe('m.tsv:2:4: myBOR2: "CR/PR/SD" cannot be read for ORR: it groups responders and non-responders together')
    expect([...binaryEndpoint({ ...t, responseColumn: 'myBOR2' }, 'dcr').values]).toEqual([['a', 1], ['b', 1], ['c', 1], ['d', 0]])
  })

  it('binary responder codings serve ORR; DCR is refused with the reason', () => {
    const t = parseClinicalLines('b.tsv', tsv(['sample', 'response'], ['a', 'Responder'], ['b', 'NonResponder'], ['c', 'responder'])).table
    expect([...binaryEndpoint(t, 'orr').values]).toEqual([['a', 1], ['b', 0], ['c', 1]])
    expect(thrown(() => binaryEndpoint(t, 'dcr')).message).toBe('response: "Responder" cannot be read for DCR: a responder coding does not separate stable disease')
    const dcb = parseClinicalLines('d.tsv', tsv(['sample', 'durable_benefit'], ['a', 'DCB'], ['b', 'NDB']), { responseColumn: 'durable_benefit' }).table
    expect([...binaryEndpoint(dcb, 'orr').values]).toEqual([['a', 1], ['b', 0]])
    expect(binaryEndpoint(dcb, 'orr').reading).toContain('durable_benefit read as: "DCB" → Responder (DCB/NDB) ×1; "NDB" → Non-responder (DCB/NDB) ×1')
  })

  it('refuses a column mixing a responder coding and RECIST categories', () => {
    const t = parseClinicalLines('x.tsv', tsv(['sample', 'BOR'], ['a', 'PR'], ['b', 'NR'])).table
    expect(thrown(() => binaryEndpoint(t, 'orr')).message).toBe('BOR: mixes a responder coding and RECIST categories ("PR" at line 2, "NR" at line 3)')
  })

  it('MR reads as SD by default, and as the map says with --response-map', () => {
    const lines = tsv(['sample', 'BR'], ['a', 'MR'], ['b', 'PR'], ['c', 'PD'])
    const t = withReading(lines, {})
    expect([...binaryEndpoint(t, 'dcr').values]).toEqual([['a', 1], ['b', 1], ['c', 0]])
    expect(binaryEndpoint(t, 'dcr').reading).toContain('BR read as: "MR" → SD (mixed response) ×1; PD (RECIST) ×1; PR (RECIST) ×1')
    const m = withReading(lines, { responseMap: new Map([['mr', 'PD']]) })
    expect([...binaryEndpoint(m, 'dcr').values]).toEqual([['a', 0], ['b', 1], ['c', 0]])
  })

  it('--reference sets the 0 level of a two-level column; the reading states the direction and why', () => {
    const t = withReading(tsv(['sample', 'arm'], ['a', 'PRCR'], ['b', 'SDPD'], ['c', 'x']).slice(0, 3), {})
    expect(binaryEndpoint(t, 'arm')).toMatchObject({ positive: 'CR/PR', negative: 'SD/PD' })
    const u = withReading(tsv(['sample', 'arm'], ['a', 'B'], ['b', 'A']), { reference: 'B' })
    expect(binaryEndpoint(u, 'arm')).toMatchObject({ positive: 'A', negative: 'B' })
    expect(binaryEndpoint(u, 'arm').reading).toEqual(['arm: A = 1 vs B = 0 (reference "B" (--reference))'])
    const v = withReading(tsv(['sample', 'arm'], ['a', 'B'], ['b', 'A']), {})
    expect(binaryEndpoint(v, 'arm').reading).toEqual(['arm: B = 1 vs A = 0 (second level in sorted order first, as R factor(); set it with --reference)'])
    expect(thrown(() => binaryEndpoint(withReading(tsv(['sample', 'arm'], ['a', 'B'], ['b', 'A']), { reference: 'C' }), 'arm')).format()).toBe(
      'r.tsv: arm: --reference "C" does not occur in the column\n  hint: values present: "A", "B"',
    )
  })

  it('a numeric column with many values is refused as a categorical endpoint, with the exact message', () => {
    const rows = Array.from({ length: 12 }, (_, i) => [`s${i}`, String(100 + i * 7)])
    const t = parseClinicalLines('n.tsv', tsv(['sample', 'mutation_count'], ...rows)).table
    const e = thrown(() => binaryEndpoint(t, 'mutation_count'))
    expect(e.code).toBe('BAD_VALUE')
    expect(e.format().split('\n')[0]).toBe('n.tsv: mutation_count: numeric column with 12 distinct values; it is not tested level by level (continuous endpoints are not supported yet)')
    // A small numeric coding (stage 1-4) is still categorical.
    const s = parseClinicalLines('s.tsv', tsv(['sample', 'stage'], ['a', '1'], ['b', '2'], ['c', '3'], ['d', '4'])).table
    expect(binaryEndpoint(s, 'stage')).toMatchObject({ kind: 'categorical', levels: ['1', '2', '3', '4'] })
  })

  it('values named like Object.prototype members are levels like any other', () => {
    const t = parseClinicalLines('p.tsv', tsv(['sample', '__proto__'], ['a', 'constructor'], ['b', 'toString'], ['c', 'constructor'])).table
    expect(binaryEndpoint(t, '__proto__')).toMatchObject({ kind: 'binary', positive: 'toString', negative: 'constructor' })
    expect(t.rows.get('a')?.values.get('__proto__')).toBe('constructor')
  })
})
