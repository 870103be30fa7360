import fc from 'fast-check'
import { describe, expect, it } from 'vitest'
import { ACCEPTED_RESPONSE_WORDS, lookupResponse, lookupEvent, parseClinicalLines } from '../../src/clinical/index.js'
import { totalDropped } from '../../src/model/report.js'

/** Re-spell a word: random case per letter, spaces as '_' / '-' / runs of spaces, padding. */
const respell = (word: string) =>
  fc
    .tuple(fc.array(fc.boolean(), { minLength: word.length, maxLength: word.length }), fc.constantFrom(' ', '_', '-', '  ', ' _ '), fc.constantFrom('', ' ', '  '))
    .map(([upper, sep, pad]) => pad + [...word].map((c, i) => (upper[i] ? c.toUpperCase() : c.toLowerCase())).join('').replace(/ /g, sep) + pad)

describe('properties', () => {
  it('every accepted response word is recognised in any case and with any separator', () => {
    for (const word of ACCEPTED_RESPONSE_WORDS) {
      const want = lookupResponse(word)
      fc.assert(
        fc.property(respell(word), (s) => {
          expect(lookupResponse(s), JSON.stringify(s)).toEqual(want)
        }),
        { numRuns: 20, seed: 42 },
      )
    }
  })

  it('event codes ignore case', () => {
    fc.assert(
      fc.property(fc.constantFrom('Dead', 'alive', 'TRUE', 'no', '1:DECEASED', 'Censored'), fc.boolean(), (w, up) => {
        expect(lookupEvent(up ? w.toUpperCase() : w.toLowerCase())).toEqual(lookupEvent(w))
      }),
      { seed: 7 },
    )
  })

  it('every data row is kept or dropped by reason, and sample IDs come back in file order', () => {
    const id = fc.stringMatching(/^[A-Za-z0-9-]{1,8}$/)
    fc.assert(
      fc.property(fc.uniqueArray(id, { maxLength: 30 }), fc.array(fc.nat(3), { maxLength: 30 }), (ids, blanks) => {
        const lines = ['sample\tage']
        ids.forEach((s, i) => {
          lines.push(`${s}\t${i}`)
          if ((blanks[i] ?? 0) === 0) lines.push('NA\tNA')
        })
        const { table, report } = parseClinicalLines('p.tsv', lines)
        expect([...table.rows.keys()]).toEqual(ids)
        const dropped = totalDropped(report)
        expect(report.kept + dropped).toBe(report.rowsRead)
        expect(report.rowsRead).toBe(lines.length - 1)
      }),
      { seed: 3 },
    )
  })
})
