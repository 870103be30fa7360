import { describe, expect, it } from 'vitest'
import fc from 'fast-check'
import { jsonErrorOffset } from '../../src/panels/json-locate.js'

describe('jsonErrorOffset', () => {
  it('agrees with JSON.parse on validity for arbitrary JSON values and their truncations', () => {
    fc.assert(
      fc.property(fc.json(), fc.nat(), (text, cut) => {
        expect(jsonErrorOffset(text)).toBeUndefined()
        const t = text.slice(0, cut % (text.length + 1))
        let valid = true
        try {
          JSON.parse(t)
        } catch {
          valid = false
        }
        expect(jsonErrorOffset(t) === undefined).toBe(valid)
      }),
    )
  })

  it('points at the offending character', () => {
    expect(jsonErrorOffset('[1,]')).toBe(3)
    expect(jsonErrorOffset('{"a" 1}')).toBe(5)
    expect(jsonErrorOffset('{"a": tru}')).toBe(6)
    expect(jsonErrorOffset('{"a": 1} x')).toBe(9)
    expect(jsonErrorOffset('"\\x"')).toBe(1)
  })
})
