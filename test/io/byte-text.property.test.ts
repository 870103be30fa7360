import fc from 'fast-check'
import { describe, expect, it } from 'vitest'
import { ByteText } from '../../src/io/byte-text.js'

describe('ByteText', () => {
  it('writes strings, JSON string literals and integers as String / JSON.stringify do, growing past its capacity', () => {
    const piece = fc.oneof(
      fc.string({ unit: 'binary', maxLength: 20 }).map((s) => ({ kind: 'text' as const, s })),
      fc.string({ unit: 'binary', maxLength: 20 }).map((s) => ({ kind: 'json' as const, s })),
      fc.oneof(fc.integer({ min: 0, max: 2 ** 32 - 1 }), fc.constantFrom(0, 9, 10, 99, 100, 2 ** 32 - 1)).map((x) => ({ kind: 'uint' as const, x })),
    )
    fc.assert(
      fc.property(fc.array(piece, { maxLength: 40 }), fc.integer({ min: 1, max: 64 }), (pieces, capacity) => {
        const out = new ByteText(capacity)
        let want = ''
        for (const p of pieces) {
          if (p.kind === 'text') out.text(p.s)
          else if (p.kind === 'json') out.jsonString(p.s)
          else out.uint(p.x)
          want += p.kind === 'text' ? p.s : p.kind === 'json' ? JSON.stringify(p.s) : String(p.x)
        }
        // Lone surrogates cannot be UTF-8: compare with what Buffer makes of the same text.
        expect(out.take()).toBe(Buffer.from(want, 'utf8').toString('utf8'))
        expect(out.length).toBe(0)
      }),
      { numRuns: 500 },
    )
  })
})
