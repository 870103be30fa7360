import { describe, expect, it } from 'vitest'
import { lookupEvent } from '../../src/clinical/index.js'

describe('event codings', () => {
  it.each([
    ['1', '0/1', 1],
    ['0', '0/1', 0],
    ['TRUE', 'TRUE/FALSE', 1],
    ['false', 'TRUE/FALSE', 0],
    ['Yes', 'yes/no', 1],
    ['no', 'yes/no', 0],
    ['1:DECEASED', 'cBioPortal n:LABEL', 1],
    ['0:LIVING', 'cBioPortal n:LABEL', 0],
    ['1:PROGRESSED', 'cBioPortal n:LABEL', 1],
    ['0:CENSORED', 'cBioPortal n:LABEL', 0],
    ['1:Recurred/Progressed', 'cBioPortal n:LABEL', 1],
    ['Dead', 'status words', 1],
    ['Alive', 'status words', 0],
    ['Deceased', 'status words', 1],
    ['Living', 'status words', 0],
    ['Progressed', 'status words', 1],
    ['Censored', 'status words', 0],
    ['event', 'status words', 1],
  ])('%j → %s %d', (raw, family, event) => {
    expect(lookupEvent(raw)).toEqual({ family, event })
  })

  it('does not accept R survival 2 = event, nor a bare prefix', () => {
    expect(lookupEvent('2')).toBeUndefined()
    expect(lookupEvent('1:')).toBeUndefined()
    expect(lookupEvent('maybe')).toBeUndefined()
  })
})
