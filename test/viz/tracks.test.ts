import { describe, expect, it } from 'vitest'
import { buildTracks, detectType, pairedEventColumn, RESPONSE_COLORS } from '../../viz/tracks.js'
import { layoutOncoplot } from '../../viz/layout.js'
import { toSvg } from '../../viz/svg.js'
import { InputError } from '../../src/errors.js'
import { buildMatrix, clinicalTable } from './helpers.js'

const table = clinicalTable(
  ['sample', 'bor', 'os_months', 'os_status', 'age', 'sex', 'stage'],
  [
    ['a', 'PR', '10.5', '1:DECEASED', '61', 'F', '2'],
    ['b', 'pd', '3', '0:LIVING', '', 'M', 'IIIA'],
    ['c', '', 'NA', '', '70', 'F', '1'],
  ],
)

describe('track type detection', () => {
  it('calls all-numeric columns numeric, RECIST columns response, the rest categorical', () => {
    expect(detectType(table, 'age')).toBe('numeric')
    expect(detectType(table, 'os_months')).toBe('numeric')
    expect(detectType(table, 'bor')).toBe('response')
    expect(detectType(table, 'sex')).toBe('categorical')
    expect(detectType(table, 'stage')).toBe('categorical')
  })
  it('pairs a time column with its event column', () => {
    expect(pairedEventColumn(table, 'os_months')).toBe('os_status')
    expect(pairedEventColumn(table, 'age')).toBeUndefined()
  })
})

describe('building tracks', () => {
  const samples = ['c', 'a', 'b', 'zz']
  it('reads values in column order, missing (and absent samples) as undefined', () => {
    const [bor, os, sex] = buildTracks(table, samples, [{ column: 'bor' }, { column: 'os_months' }, { column: 'sex' }])
    expect(bor?.values).toEqual([undefined, 'PR', 'PD', undefined])
    expect(bor?.type === 'response' && bor.levels).toEqual([{ value: 'PR', color: RESPONSE_COLORS.PR }, { value: 'PD', color: RESPONSE_COLORS.PD }])
    expect(os?.type === 'numeric' && [os.values, os.events, os.max, os.eventColumn]).toEqual([[undefined, 10.5, 3, undefined], [undefined, true, false, undefined], 10.5, 'os_status'])
    expect(sex?.values).toEqual(['F', 'F', 'M', undefined])
  })
  it('honours a type override and custom colours', () => {
    const [stage] = buildTracks(table, samples, [{ column: 'age', type: 'categorical' }], { age: { '61': '#010203' } })
    expect(stage?.type).toBe('categorical')
    expect(stage?.type !== 'numeric' && stage?.levels[0]).toEqual({ value: '61', color: '#010203' })
  })
  it('rejects an unknown column, a non-number in a numeric override and an unreadable event, with locations', () => {
    expect(() => buildTracks(table, samples, [{ column: 'nope' }])).toThrow(InputError)
    try {
      buildTracks(table, samples, [{ column: 'stage', type: 'numeric' }])
      expect.unreachable()
    } catch (e) {
      expect((e as InputError).line).toBe(3)
      expect((e as InputError).column).toBe(7)
    }
    expect(() => buildTracks(table, samples, [{ column: 'os_months', eventColumn: 'sex' }])).toThrow('sex: "M" is not an event code')
    expect(() => buildTracks(table, samples, [{ column: 'sex', type: 'response' }])).toThrow('sex: unknown best-response value "F"')
  })
  it('asks for a clinical table when tracks are requested without one', () => {
    const m = buildMatrix({ samples: ['a'], rows: { G: { a: 'Missense_Mutation' } } })
    expect(() => layoutOncoplot(m, { tracks: [{ column: 'bor' }] })).toThrow(/no clinical table/)
  })
})

describe('top bar mode', () => {
  it('draws TMB per Mb when every shown sample has a panel size', () => {
    const m = buildMatrix({ samples: ['a', 'b'], rows: { G: { a: 'Missense_Mutation', b: 'Missense_Mutation' } }, panelMb: { a: 1.5, b: 1.5 }, burden: { a: 30, b: 15 } })
    const svg = toSvg(layoutOncoplot(m))
    expect(svg).toContain('data-mode="tmb"')
    expect(svg).toContain('>TMB/Mb</text>')
    expect(svg).toContain('>20</text>')
  })
  it('falls back to event counts otherwise', () => {
    const m = buildMatrix({ samples: ['a', 'b'], rows: { G: { a: 'Missense_Mutation', b: 'Missense_Mutation' } }, panelMb: { a: 1.5 }, burden: { a: 30, b: 15 } })
    expect(toSvg(layoutOncoplot(m))).toContain('data-mode="events"')
  })
})

describe('sorted by a clinical value', () => {
  it('rules off each group boundary and records the group order', () => {
    const m = buildMatrix({ samples: ['a', 'b', 'c'], rows: { G: { a: 'Missense_Mutation', b: 'Missense_Mutation', c: 'Missense_Mutation' } } })
    const scene = layoutOncoplot(m, { sortBy: { column: 'bor' }, tracks: [{ column: 'bor' }] }, table)
    const rules = scene.groups.find((g) => g.id === 'group-rules')
    expect(rules?.shapes).toHaveLength(2)
    expect(rules?.data).toEqual({ groups: 'PR;PD;NA' })
  })
})
