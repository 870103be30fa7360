import { describe, expect, it } from 'vitest'
import { ByteMap, MISSING } from '../../src/io/bytemap.js'

const enc = (s: string) => Buffer.from(s, 'utf8')

describe('ByteMap', () => {
  it('maps 20,000 byte strings (through several rehashes) and knows what it lacks', () => {
    const m = new ByteMap()
    const keys = Array.from({ length: 20_000 }, (_, i) => `S-${(i * 7919) % 100_003}-${i % 7 === 0 ? 'é' : ''}`)
    keys.forEach((k, i) => {
      const b = enc(`\t${k}\t`)
      m.set(b, 1, b.length - 1, i)
    })
    expect(m.size).toBe(20_000)
    keys.forEach((k, i) => {
      const b = enc(k)
      expect(m.get(b, 0, b.length)).toBe(i)
    })
    expect(m.get(enc('S-1-x'), 0, 5)).toBe(MISSING)
    expect(m.get(enc(''), 0, 0)).toBe(MISSING)
  })

  it('the last-found shortcut never answers for a different key of the same length', () => {
    const m = new ByteMap()
    for (const [k, v] of [['AAA', 1], ['AAB', 2], ['', 3]] as const) m.set(enc(k), 0, k.length, v)
    const seq = ['AAA', 'AAA', 'AAB', 'AAB', 'AAC', 'AAA', '', 'AAB']
    expect(seq.map((k) => m.get(enc(k), 0, k.length))).toEqual([1, 1, 2, 2, MISSING, 1, 3, 2])
  })

  it('set on an existing key replaces its value', () => {
    const m = new ByteMap()
    m.set(enc('x'), 0, 1, 1)
    m.set(enc('x'), 0, 1, 5)
    expect(m.get(enc('x'), 0, 1)).toBe(5)
    expect(m.size).toBe(1)
  })
})

describe('ByteMap with empty keys', () => {
  it('an empty field is one entry, found again (not re-added per row)', () => {
    const m = new ByteMap()
    for (let i = 0; i < 1000; i++) if (m.get(enc(''), 0, 0) === MISSING) m.set(enc(''), 0, 0, 7)
    expect(m.size).toBe(1)
    expect(m.get(enc('a\t\tb'), 2, 2)).toBe(7)
  })
})
