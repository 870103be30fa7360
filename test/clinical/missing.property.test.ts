/**
 * isClinicalMissing's first-character shortcut (src/clinical/missing.ts) against the plain test it
 * short-cuts: the generic words as written (isMissing) or the clinical words after trim and lower
 * case. Drawn: every missing word in random case with ASCII and Unicode space around it, and
 * strings over an alphabet of the characters the shortcut decides on (the words' first letters,
 * Unicode spaces, the Kelvin sign whose lower case is ASCII "k").
 */
import fc from 'fast-check'
import { describe, expect, it } from 'vitest'
import { clinicalValue, isClinicalMissing } from '../../src/clinical/missing.js'
import { isMissing, MISSING_WORDS } from '../../src/io/fields.js'

const CLINICAL = ['[not available]', '[unknown]', '[not applicable]', '[not evaluated]', '[not reported]', '[discrepancy]', '-inf', '#n/a', 'n/a']
const reference = (raw: string | undefined): boolean => isMissing(raw) || CLINICAL.includes((raw as string).trim().toLowerCase())

const space = fc.constantFrom('', ' ', '\t', '\u00a0', '\u2028', '\ufeff', '  ')
const word = fc.tuple(fc.constantFrom(...CLINICAL, ...MISSING_WORDS, 'Unknown', 'none', 'NA1', '1:DECEASED', 'GENIE-P0000001'), fc.array(fc.boolean(), { maxLength: 20 }), space, space).map(([w, up, a, b]) => a + [...w].map((ch, i) => (up[i] ? ch.toUpperCase() : ch.toLowerCase())).join('') + b)
const alphabet = fc.constantFrom(...'[]-#nN.aAiIfF/0123456789 \tkK'.split(''), '\u00a0', '\u212a', 'é')
const text = fc.oneof(word, fc.array(alphabet, { maxLength: 8 }).map((cs) => cs.join('')), fc.string({ maxLength: 6 }))

describe('isClinicalMissing', () => {
  it('equals the trim / lower-case / word-set test on every drawn cell', () => {
    fc.assert(
      fc.property(text, (s) => {
        expect(isClinicalMissing(s), JSON.stringify(s)).toBe(reference(s))
        expect(clinicalValue(s), JSON.stringify(s)).toBe(reference(s) ? undefined : s.trim())
      }),
      { numRuns: 5000 },
    )
    expect(isClinicalMissing(undefined)).toBe(true)
  })
})
