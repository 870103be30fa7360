import { describe, expect, it } from 'vitest'
import { parseClinicalLines, survivalEndpoint } from '../../src/clinical/index.js'
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
    expect(thrown(() => survivalEndpoint(t, 'os')).format().split('\n')[0]).toBe('m.tsv:3:3: os_event: "2" is not an event code')
    expect(survivalEndpoint(t, 'os', { lenient: true }).excluded).toEqual({ 'unrecognized event': ['b'] })
  })
})
