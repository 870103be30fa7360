import { describe, expect, it } from 'vitest'
import { lookupResponse, parseResponse, responseKey } from '../../src/clinical/index.js'
import { thrown } from './_util.js'

const loc = { file: 'c.tsv', line: 7, column: 3, columnName: 'BOR' }

describe('best-response spellings', () => {
  it.each([
    ['CR', 'CR'],
    ['Complete Response', 'CR'],
    ['iCR', 'CR'],
    ['PR', 'PR'],
    ['partial_response', 'PR'],
    ['PARTIAL RESPONSE', 'PR'],
    ['Partial-Response', 'PR'],
    ['Stable Disease', 'SD'],
    ['non-CR/non-PD', 'SD'],
    ['MR', 'SD'],
    ['Progressive disease', 'PD'],
    ['PD ', 'PD'],
    ['PROGRESSION', 'PD'],
    ['iUPD', 'PD'],
    ['NE', 'NE'],
    ['Not Evaluable', 'NE'],
    ['DEATH PRIOR TO DISEASE ASSESSMENT', 'NE'],
  ])('%j → %s', (raw, want) => {
    expect(lookupResponse(raw)).toEqual({ kind: 'response', value: want })
    expect(parseResponse(raw, loc)).toBe(want)
  })

  it('reads "unknown" as no response, not NE', () => {
    expect(lookupResponse('Unknown')).toEqual({ kind: 'none' })
    expect(parseResponse('Unknown', loc)).toBeUndefined()
    expect(parseResponse(undefined, loc)).toBeUndefined()
  })

  it('collapses separators in the matching key', () => {
    expect(responseKey('  Partial__Response ')).toBe('partial response')
  })

  it('rejects combined labels and typos with a located UNKNOWN_TERM', () => {
    for (const raw of ['PRCR', 'partial respnse', 'CR/PR']) {
      expect(lookupResponse(raw)).toEqual({ kind: 'unknown' })
      const e = thrown(() => parseResponse(raw, loc))
      expect(e.code).toBe('UNKNOWN_TERM')
      expect(e.format().split('\n')[0]).toBe(`c.tsv:7:3: BOR: unknown best-response value ${JSON.stringify(raw)}`)
    }
  })
})
