import { describe, expect, it } from 'vitest'
import { MISSING } from '../../src/io/bytemap.js'
import { RecentBytes } from '../../src/io/recent-bytes.js'

const enc = (s: string) => Buffer.from(s, 'utf8')

describe('RecentBytes', () => {
  it('answers what its map holds for thousands of keys in random order (slots collide and are overwritten)', () => {
    const c = new RecentBytes()
    const keys = Array.from({ length: 3000 }, (_, i) => `G${(i * 7919) % 10_007}${i % 5 === 0 ? 'é' : ''}${'x'.repeat(i % 40)}`)
    keys.forEach((k, i) => {
      const b = enc(`|${k}|`)
      c.set(b, 1, b.length - 1, i)
    })
    let seed = 7
    for (let n = 0; n < 30_000; n++) {
      seed = (seed * 1103515245 + 12345) & 0x7fffffff
      const i = seed % keys.length
      const b = enc(keys[i] as string)
      expect(c.get(b, 0, b.length)).toBe(i)
    }
    expect(c.get(enc('G-none'), 0, 6)).toBe(MISSING)
    expect(c.get(enc(''), 0, 0)).toBe(MISSING)
    expect(c.map.size).toBe(3000)
  })

  it('a key of the same slot and length but other bytes is never answered from the slot', () => {
    const c = new RecentBytes()
    // Same length, first, middle and last byte: the same slot.
    c.set(enc('AxBzC'), 0, 5, 1)
    expect(c.get(enc('AyBwC'), 0, 5)).toBe(MISSING)
    c.set(enc('AyBwC'), 0, 5, 2)
    expect([c.get(enc('AxBzC'), 0, 5), c.get(enc('AyBwC'), 0, 5), c.get(enc('AxBzC'), 0, 5)]).toEqual([1, 2, 1])
  })
})
