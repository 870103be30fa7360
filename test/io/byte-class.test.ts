import { describe, expect, it } from 'vitest'
import { byteClasses } from '../../src/io/byte-class.js'

describe('byteClasses', () => {
  it('printable ASCII is 0, other bytes `other`, listed bytes their class', () => {
    const t = byteClasses(5, { 9: 3, 59: 3, 124: 1 })
    expect(t.length).toBe(256)
    expect([t[32], t[65], t[126]]).toEqual([0, 0, 0])
    expect([t[0], t[10], t[31], t[127], t[200], t[255]]).toEqual([5, 5, 5, 5, 5, 5])
    expect([t[9], t[59], t[124]]).toEqual([3, 3, 1])
  })
})
