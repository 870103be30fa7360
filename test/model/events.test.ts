import { describe, expect, it } from 'vitest'
import type { Alteration } from '../../src/model/alteration.js'
import { EventTable } from '../../src/model/events.js'

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
})
