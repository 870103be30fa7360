import { describe, expect, it } from 'vitest'
import { parseClinicalLines, survivalEndpoint } from '../../src/clinical/index.js'
import { DEFAULT_READING, type ClinicalReading } from '../../src/model/clinical.js'
import { thrown, tsv } from './_util.js'

describe('survivalEndpoint', () => {
  it('finds cBioPortal PFS_MONTHS / PFS_STATUS and excludes missing by reason', () => {
    const t = parseClinicalLines(
      'p.tsv',
      tsv(['SAMPLE_ID', 'PFS_MONTHS', 'PFS_STATUS'], ['a', '3.5', '1:PROGRESSED'], ['b', '12', '0:CENSORED'], ['c', '[Not Available]', '1:PROGRESSED'], ['d', '0', 'NA']),
    ).table
    const e = survivalEndpoint(t, 'pfs')
    expect(e).toMatchObject({ name: 'pfs', timeColumn: 'PFS_MONTHS', eventColumn: 'PFS_STATUS', eventMeansCensored: false })
    expect([...e.values]).toEqual([['a', { time: 3.5, event: 1 }], ['b', { time: 12, event: 0 }]])
    expect(e.excluded).toEqual({ 'missing time': ['c'], 'missing event': ['d'] })
  })

  it('explicit { time, event, eventMeansCensored } flips a censoring indicator', () => {
    const t = parseClinicalLines('r.csv', ['Sample,PFS,PFS_SOR', 'a,54,0', 'b,742,1']).table
    const e = survivalEndpoint(t, { time: 'pfs', event: 'pfs_sor', eventMeansCensored: true })
    expect(e.name).toBe('PFS~PFS_SOR')
    expect([...e.values]).toEqual([['a', { time: 54, event: 1 }], ['b', { time: 742, event: 0 }]])
  })

  it('rejects an absent endpoint listing the header', () => {
    const t = parseClinicalLines('x.tsv', tsv(['sample', 'age'], ['a', '1'])).table
    const e = thrown(() => survivalEndpoint(t, 'os'))
    expect(e.code).toBe('MISSING_COLUMN')
    expect(e.format()).toBe(
      'x.tsv: OS: no time column (looked for os_months, os_days, os_time, os, overall_survival_months, overall_survival, days_to_last_followup, days_to_last_follow_up)\n' +
        '  hint: name the columns explicitly ({ time, event }); the header has: "sample", "age"',
    )
  })

  it('rejects an ambiguous endpoint', () => {
    const t = parseClinicalLines('x.tsv', tsv(['sample', 'os_months', 'os_days', 'os_status'], ['a', '1', '30', '1'])).table
    expect(thrown(() => survivalEndpoint(t, 'os')).message).toBe('OS: ambiguous time column: "os_months" and "os_days" all match')
  })

  it('rejects a negative time at its cell; lenient excludes it', () => {
    const t = parseClinicalLines('n.tsv', tsv(['sample', 'os_months', 'os_status'], ['a', '5', '1'], ['b', '-2', '0'])).table
    const e = thrown(() => survivalEndpoint(t, 'os'))
    expect(e.code).toBe('BAD_NUMBER')
    expect(e.format()).toBe('n.tsv:3:2: os_months: expected a non-negative time, got -2')
    expect(survivalEndpoint(t, 'os', { lenient: true }).excluded).toEqual({ 'invalid time': ['b'] })
  })

  it('rejects a non-numeric time at its cell', () => {
    const t = parseClinicalLines('n.tsv', tsv(['sample', 'os_months', 'os_status'], ['a', '5 mo', '1'])).table
    const e = thrown(() => survivalEndpoint(t, 'os'))
    expect(e.code).toBe('BAD_NUMBER')
    expect(e.format()).toBe('n.tsv:2:2: os_months: expected a number, got "5 mo"')
  })

  it('rejects Inf (only -Inf is maftools\' missing marker)', () => {
    const t = parseClinicalLines('n.tsv', tsv(['sample', 'os', 'dead'], ['a', 'Inf', '1'], ['b', '-Inf', '1'])).table
    expect(thrown(() => survivalEndpoint(t, 'os')).format()).toBe('n.tsv:2:2: os: expected a number, got "Inf"')
  })

  it('rejects a column that mixes event codings, naming the families seen', () => {
    const t = parseClinicalLines('m.tsv', tsv(['sample', 'os_days', 'vital_status'], ['a', '1', '1'], ['b', '2', 'Dead'], ['c', '3', 'TRUE'])).table
    const e = thrown(() => survivalEndpoint(t, 'os', { lenient: true }))
    expect(e.code).toBe('BAD_VALUE')
    expect(e.format().split('\n')[0]).toBe('m.tsv:3:3: vital_status: mixes event codings: 0/1 ("1" at line 2), status words ("Dead" at line 3)')
  })

  it('rejects an unknown event code; lenient excludes it', () => {
    const t = parseClinicalLines('m.tsv', tsv(['sample', 'os_days', 'os_event'], ['a', '1', '1'], ['b', '2', '2'])).table
    const e = thrown(() => survivalEndpoint(t, 'os'))
    expect(e.format().split('\n')[0]).toBe('m.tsv:3:3: os_event: "2" is not an event code (values found: "1", "2")')
    expect(e.suggestion).toMatch(/^name the value\(s\) meaning the event with --event-value V \(repeatable\)/)
    expect(survivalEndpoint(t, 'os', { lenient: true }).excluded).toEqual({ 'unrecognized event': ['b'] })
  })

  const withReading = (lines: string[], reading: Partial<ClinicalReading>) => {
    const t = parseClinicalLines('r.tsv', lines).table
    return { ...t, reading: { ...DEFAULT_READING, ...reading } }
  }
  const riazLike = tsv(['PatientID', 'OS', 'OS_SOR'], ['Pt1', '160', '0'], ['Pt2', '300', '1'], ['Pt3', '90', '0'])

  it('--event-value names the event value; the coding and counts are stated', () => {
    const e = survivalEndpoint(withReading(riazLike, { eventValues: ['0'], timeUnit: 'days' }), { time: 'OS', event: 'OS_SOR' })
    expect([...e.values.values()].map((v) => v.event)).toEqual([1, 0, 1])
    expect(e.coding).toBe('OS_SOR: event = "0" (2); censored = "1" (1) [--event-value]')
    expect(e.reading).toEqual(['OS~OS_SOR: time column "OS" in days (--time-unit)', 'OS~OS_SOR: OS_SOR: event = "0" (2); censored = "1" (1) [--event-value]: 2 events, 1 censored among 3 patients with follow-up'])
    const d = survivalEndpoint(withReading(riazLike, {}), { time: 'OS', event: 'OS_SOR' })
    expect(d.coding).toBe('OS_SOR: event = "1" (1); censored = "0" (2) [0/1 coding]')
    expect(d.unit).toMatchObject({ unit: undefined, source: 'unknown' })
    expect(d.reading[0]).toBe('OS~OS_SOR: time column "OS" in time with no stated unit (give --time-unit)')
  })

  it('--event-value absent from the column is an error listing the values', () => {
    const e = thrown(() => survivalEndpoint(withReading(riazLike, { eventValues: ['dead'] }), { time: 'OS', event: 'OS_SOR' }))
    expect(e.format()).toBe('r.tsv: OS_SOR: --event-value "dead" does not occur in the column\n  hint: values present: "0", "1"')
  })

  it('--display-unit converts (30.4375 days a month) and needs a known unit', () => {
    const e = survivalEndpoint(withReading(riazLike, { timeUnit: 'days', displayUnit: 'months', eventValues: ['0'] }), { time: 'OS', event: 'OS_SOR' })
    expect(e.values.get('Pt1')?.time).toBeCloseTo(160 / 30.4375, 14)
    expect(e.unit).toMatchObject({ unit: 'days', shown: 'months' })
    expect(thrown(() => survivalEndpoint(withReading(riazLike, { displayUnit: 'months' }), { time: 'OS', event: 'OS_SOR' })).format()).toBe(
      'r.tsv: --display-unit months: the unit of "OS" is not known\n  hint: say it with --time-unit days|weeks|months|years',
    )
    const w = parseClinicalLines('w.tsv', tsv(['sample', 'OSWK', 'dead'], ['a', '7', '1'])).table
    expect(survivalEndpoint({ ...w, reading: { ...DEFAULT_READING, displayUnit: 'days' } }, { time: 'OSWK', event: 'dead' }).values.get('a')?.time).toBe(49)
  })
})
