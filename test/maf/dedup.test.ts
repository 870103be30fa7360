import fc from 'fast-check'
import { describe, expect, it } from 'vitest'
import { DuplicateIndex, keyHash, laterDuplicates } from '../../src/maf/dedup.js'

type Key = [number, number, number | undefined, number, number]

describe('DuplicateIndex', () => {
  it('answers exactly as a Set of joined keys, through growth and rehashing', () => {
    // Small id ranges force many true duplicates; 3,000 keys pass the first growth (1,024 rows) twice.
    const key = fc.tuple(fc.nat(6), fc.nat(3), fc.option(fc.oneof(fc.nat(5), fc.constant(2 ** 32 + 3), fc.constant(2 ** 40)), { nil: undefined }), fc.nat(4), fc.nat(4))
    fc.assert(
      fc.property(fc.array(key, { maxLength: 3000 }), (keys: Key[]) => {
        const idx = new DuplicateIndex()
        const ref = new Set<string>()
        for (const k of keys) {
          const s = k.map((v) => (v === undefined ? 'NA' : String(v))).join('\t')
          const isNew = !ref.has(s)
          ref.add(s)
          if (idx.add(...k) !== isNew) return false
        }
        return idx.size === ref.size
      }),
      { numRuns: 60 },
    )
  })

  it('tells an NA start from position 1 and positions that differ by 2^32', () => {
    const idx = new DuplicateIndex()
    expect(idx.add(0, 0, undefined, 0, 0)).toBe(true)
    expect(idx.add(0, 0, 1, 0, 0)).toBe(true)
    expect(idx.add(0, 0, 1 + 2 ** 32, 0, 0)).toBe(true)
    expect(idx.add(0, 0, undefined, 0, 0)).toBe(false)
    expect(idx.add(0, 0, 1 + 2 ** 32, 0, 0)).toBe(false)
    expect(idx.size).toBe(3)
  })

  it('keeps 200,000 distinct keys distinct', () => {
    const idx = new DuplicateIndex()
    let fresh = 0
    for (let i = 0; i < 200_000; i++) if (idx.add(i % 1000, i % 24, i, i % 7, i % 5)) fresh++
    expect(fresh).toBe(200_000)
    expect(idx.add(5, 5, 5, 5, 0)).toBe(false) // i = 5 again
  })
})

describe('laterDuplicates (the check once all rows are in)', () => {
  const firstOfKey = (keys: Key[]): number[] => {
    const seen = new Set<string>()
    return keys.map((k) => {
      const s = k.map((v) => (v === undefined ? 'NA' : String(v))).join('\t')
      const fresh = !seen.has(s)
      seen.add(s)
      return fresh ? 1 : 0
    })
  }
  const same = (keys: Key[]) => (i: number, j: number) => {
    const a = keys[i] as Key
    const b = keys[j] as Key
    return a.every((v, x) => v === b[x])
  }

  it('keeps the first row of each key, as DuplicateIndex does row by row', () => {
    const key = fc.tuple(fc.nat(6), fc.nat(3), fc.option(fc.oneof(fc.nat(5), fc.constant(2 ** 32 + 3)), { nil: undefined }), fc.nat(4), fc.nat(4))
    fc.assert(
      fc.property(fc.array(key, { maxLength: 6000 }), (keys: Key[]) => {
        const { keep, repeats } = laterDuplicates(Int32Array.from(keys, (k) => keyHash(...k)), same(keys))
        const want = firstOfKey(keys)
        return [...keep].join() === want.join() && repeats === want.filter((w) => w === 0).length
      }),
      { numRuns: 40 },
    )
  })

  it('compares keys, not hashes: every row colliding on one hash', () => {
    const keys: Key[] = Array.from({ length: 3000 }, (_, i) => [i % 50, 0, i % 7, 0, 0])
    const { keep } = laterDuplicates(new Int32Array(keys.length), same(keys))
    expect([...keep]).toEqual(firstOfKey(keys))
  })

  it('spreads a million distinct keys over many parts and finds the repeats among them', () => {
    const n = 1_000_000
    const keys: Key[] = Array.from({ length: n }, (_, i) => [i % 10_000, i % 24, i, 0, 1])
    keys[999_999] = [...keys[12_345] as Key]
    keys[500_000] = [...keys[499_999] as Key]
    const { keep, repeats } = laterDuplicates(Int32Array.from(keys, (k) => keyHash(...k)), same(keys))
    expect(repeats).toBe(2)
    expect([keep[999_999], keep[500_000], keep[12_345], keep[499_999]]).toEqual([0, 0, 1, 1])
  })
})

