import { describe, expect, it } from 'vitest'
import type { Alteration } from '../../src/model/alteration.js'
import { EventTable } from '../../src/model/events.js'
import { StringPool } from '../../src/model/events-row.js'

const base: Alteration = { sample: 'S1', gene: 'TP53', kind: 'snv', variantClass: 'Missense_Mutation', origin: 'somatic', source: { file: 'a.maf', line: 2 } }

const records: Alteration[] = [
  { ...base, variantType: 'SNP', chrom: '17', start: 7675088, end: 7675088, ref: 'C', alt: 'T', protein: 'p.R175H', altCount: 12, refCount: 30, depth: 42, vaf: 12 / 42, filter: 'PASS' },
  // VAF from an AF field, not altCount / depth: stored in its own column.
  { ...base, sample: 'S2', altCount: 3, depth: 10, vaf: 0.31 },
  { ...base, sample: 'S3', vaf: 0.5 },
  // Counts and an end beyond the compact columns' range go to the overflow maps.
  { ...base, sample: 'S4', start: 1, end: 2 ** 33, depth: 2 ** 33, altCount: 2 ** 32, refCount: 2 ** 32 - 1 },
  { ...base, sample: 'S5', gene: 'MYC', kind: 'cna', variantClass: 'Amp', cnState: 'amp', copyNumber: 9.5, origin: 'unknown' },
  { ...base, sample: 'S6', gene: 'ERBB2', kind: 'fusion', variantClass: 'Fusion', partner: 'GRB7', origin: 'germline' },
  { ...base, sample: 'S7', gene: 'FLT3', variantClass: 'Unknown', rawClass: 'ITD', extra: { Center: 'X' }, start: 100 },
  // Protein changes are stored as UTF-8 bytes: non-ASCII, long, and one UTF-8 cannot carry (kept aside).
  { ...base, sample: 'S8', protein: 'p.Ä12Ö' },
  { ...base, sample: 'S9', protein: `p.${'A'.repeat(200)}` },
  { ...base, sample: 'S10', protein: 'p.\ud800X' },
  { ...base, sample: 'S11', protein: '' },
]

describe('EventTable', () => {
  it('gives back every field of every record it was given', () => {
    const t = EventTable.from(records)
    expect(t.length).toBe(records.length)
    expect(t.toArray()).toEqual(records)
    expect([...t]).toEqual(records)
  })

  it('grows past its first capacity and keeps rows in order', () => {
    const t = new EventTable()
    for (let i = 0; i < 5000; i++) t.push({ ...base, sample: `S${i % 97}`, start: i + 1, end: i + 1, altCount: i, depth: i + 1, vaf: i / (i + 1) })
    expect(t.get(4321)).toEqual({ ...base, sample: `S${4321 % 97}`, start: 4322, end: 4322, altCount: 4321, depth: 4322, vaf: 4321 / 4322 })
    expect(t.pool.size).toBeLessThan(120)
  })

  it('truncate drops rows and their sparse fields; clear empties it', () => {
    const t = EventTable.from(records)
    t.truncate(3)
    expect(t.toArray()).toEqual(records.slice(0, 3))
    for (const r of records.slice(3)) t.push(r)
    expect(t.toArray()).toEqual(records)
    t.clear()
    expect(t.length).toBe(0)
  })

  it('moves to another thread as plain data and back (toPart / fromPart, through structured clone)', () => {
    const t = EventTable.from(records)
    const { part, transfer } = t.toPart()
    expect(transfer.length).toBeGreaterThan(10)
    const back = EventTable.fromPart(structuredClone(part))
    expect(back.toArray()).toEqual(records)
    // Its pool takes the values as sent; strings interned later find them (no second id) or are added after.
    expect(back.pool.values).toEqual(t.pool.values)
    for (const r of [...records, { ...(records[0] as Alteration), sample: 'NEW-SAMPLE', gene: 'NEWGENE' }]) {
      back.push(r)
      t.push(r)
    }
    expect(back.pool.values).toEqual(t.pool.values)
    expect(back.toArray()).toEqual(t.toArray())
  })

  it('sends columns whole when they are nearly full, cut when not; either way the rows come back and can grow', () => {
    for (const spare of [1, 5000]) {
      const t = new EventTable()
      t.reserve(1024 * 16 + spare)
      const many = Array.from({ length: 1024 * 16 }, (_, i) => records[i % records.length] as Alteration)
      for (const r of many) t.push(r)
      const { part } = t.toPart()
      expect(part.sample.length).toBe(spare === 1 ? 1024 * 16 + 1 : 1024 * 16)
      const back = EventTable.fromPart(structuredClone(part))
      expect(back.toArray()).toEqual(many)
      for (const r of records) back.push(r)
      expect(back.toArray()).toEqual([...many, ...records])
    }
  })

  it('appends another table with its ids translated and its lines shifted, sparse fields included', () => {
    const first = EventTable.from(records.slice(0, 2))
    const second = EventTable.from([...records.slice(2), ...records.slice(0, 2)])
    first.appendTable(second, first.idMap(second), 100)
    const shifted = (r: Alteration) => ({ ...r, source: { ...r.source, line: r.source.line + 100 } })
    expect(first.toArray()).toEqual([...records.slice(0, 2), ...[...records.slice(2), ...records.slice(0, 2)].map(shifted)])
    // Strings already in the pool keep their ids; new ones are added in the other table's order.
    expect(first.pool.values.filter((v) => v === 'TP53')).toHaveLength(1)
  })

  it('retain keeps the chosen rows of a range in order, with their sparse fields', () => {
    const all = [...records, ...records]
    const keep = Uint8Array.from(all.slice(3), (_, i) => (i % 3 === 1 ? 0 : 1))
    const t = EventTable.from(all)
    t.retain(3, keep)
    expect(t.toArray()).toEqual([...all.slice(0, 3), ...all.slice(3).filter((_, i) => keep[i] === 1)])
    t.retain(0, new Uint8Array(t.length).fill(1))
    expect(t.length).toBe(3 + keep.filter((k) => k === 1).length)
  })
})

describe('StringPool', () => {
  it('interns a string given as detached and one given as a slice to the same id and value', () => {
    const pool = new StringPool()
    const chunk = `x\tGENIE-P0000001-S1\tGENIE-P0000002-S1\n`
    const decoded = Buffer.from(chunk).toString('utf8', 2, 19)
    expect(pool.idDetached(decoded)).toBe(0)
    expect(pool.id(chunk.slice(2, 19))).toBe(0)
    expect(pool.id(chunk.slice(20, 37))).toBe(1)
    expect(pool.idDetached('GENIE-P0000002-S1')).toBe(1)
    expect(pool.values).toEqual(['GENIE-P0000001-S1', 'GENIE-P0000002-S1'])
    expect(pool.size).toBe(2)
  })
})
