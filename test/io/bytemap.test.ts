import fc from 'fast-check'
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

describe('ByteMap against a Map of strings', () => {
  it('answers every get as a Map<string> does, for runs and shuffles of keys sharing prefixes and lengths, through rehashes', () => {
    // Keys from a small alphabet (many share a prefix and a length, hashes of 1–9 bytes cover every tail length);
    // each step gets a key and sets it when missing, or repeats the previous key (the last-found shortcut).
    const key = fc.stringMatching(/^(GENIE-P0|A|é)?[AB0-2]{0,6}$/)
    const step = fc.oneof(key, fc.constant(null))
    fc.assert(
      fc.property(fc.array(step, { maxLength: 400 }), (steps) => {
        const m = new ByteMap()
        const ref = new Map<string, number>()
        let prev = ''
        steps.forEach((st, i) => {
          const k = st ?? prev
          prev = k
          const b = enc(`x\t${k}\ty`)
          const got = m.get(b, 2, b.length - 2)
          expect(got).toBe(ref.get(k) ?? MISSING)
          if (got === MISSING) {
            m.set(b, 2, b.length - 2, i)
            ref.set(k, i)
          }
        })
        expect(m.size).toBe(ref.size)
        for (const [k, v] of ref) expect(m.get(enc(k), 0, enc(k).length)).toBe(v)
      }),
      { numRuns: 300 },
    )
  })

  it('hashes bytes, not their alignment: the same key at every offset of a buffer is one entry', () => {
    const m = new ByteMap()
    const k = 'GENIE-P0000003-S2'
    for (let pad = 0; pad < 9; pad++) {
      const b = enc(`${'-'.repeat(pad)}${k}`)
      if (m.get(b, pad, b.length) === MISSING) m.set(b, pad, b.length, pad)
    }
    expect(m.size).toBe(1)
    expect(m.get(enc(k), 0, k.length)).toBe(0)
  })
})
