import { describe, expect, it } from 'vitest'
import { codeLabel, lookupResponse, parseResponse, parseResponseMap, responseKey } from '../../src/clinical/index.js'
import { thrown } from './_util.js'

const loc = { file: 'c.tsv', line: 7, column: 3, columnName: 'BOR' }
const read = (raw: string, columnName = 'BOR', map?: ReadonlyMap<string, string>) => {
  const r = lookupResponse(raw, { columnName, map })
  return r.kind === 'response' ? `${codeLabel(r.code)} [${r.code.coding}]` : r.kind
}

describe('best-response codings', () => {
  it.each([
    ['CR', 'CR [RECIST]'],
    ['Complete Response', 'CR [RECIST]'],
    ['PR', 'PR [RECIST]'],
    ['partial_response', 'PR [RECIST]'],
    ['PARTIAL RESPONSE', 'PR [RECIST]'],
    ['Partial-Response', 'PR [RECIST]'],
    ['Stable Disease', 'SD [RECIST]'],
    ['STABLE DISEASE', 'SD [RECIST]'],
    ['non-CR/non-PD', 'SD [RECIST]'],
    ['Progressive disease', 'PD [RECIST]'],
    ['PD ', 'PD [RECIST]'],
    ['PROGRESSION', 'PD [RECIST]'],
    ['NE', 'NE [RECIST]'],
    ['Not Evaluable', 'NE [RECIST]'],
    ['DEATH PRIOR TO DISEASE ASSESSMENT', 'NE [RECIST]'],
    ['irCR', 'CR [irRC]'],
    ['irPR', 'PR [irRC]'],
    ['irSD', 'SD [irRC]'],
    ['irPD', 'PD [irRC]'],
    ['iCR', 'CR [iRECIST]'],
    ['iPR', 'PR [iRECIST]'],
    ['iSD', 'SD [iRECIST]'],
    ['iUPD', 'PD [iRECIST]'],
    ['iCPD', 'PD [iRECIST]'],
    ['PRCR', 'CR/PR [combined]'],
    ['CRPR', 'CR/PR [combined]'],
    ['CR/PR', 'CR/PR [combined]'],
    ['CR+PR', 'CR/PR [combined]'],
    ['SDPD', 'SD/PD [combined]'],
    ['PRCRSD', 'CR/PR/SD [combined]'],
    ['MR', 'SD [mixed response]'],
    ['Mixed Response', 'SD [mixed response]'],
    ['Responder', 'Responder [Responder/Non-responder]'],
    ['NonResponder', 'Non-responder [Responder/Non-responder]'],
    ['Non-Responder', 'Non-responder [Responder/Non-responder]'],
    ['R', 'Responder [R/NR]'],
    ['NR', 'Non-responder [R/NR]'],
    ['DCB', 'Responder [DCB/NDB]'],
    ['NDB', 'Non-responder [DCB/NDB]'],
  ])('%j → %s', (raw, want) => {
    expect(read(raw)).toBe(want)
  })

  it('reads yes/no as a responder coding only under a response- or benefit-named column', () => {
    expect(read('yes', 'responder')).toBe('Responder [yes/no]')
    expect(read('No', 'durable_clinical_benefit')).toBe('Non-responder [yes/no]')
    expect(read('yes', 'smoker')).toBe('unknown')
  })

  it('reads "unknown" as no response, not NE', () => {
    expect(lookupResponse('Unknown')).toEqual({ kind: 'none' })
    expect(parseResponse('Unknown', loc)).toBeUndefined()
    expect(parseResponse(undefined, loc)).toBeUndefined()
  })

  it('collapses separators in the matching key', () => {
    expect(responseKey('  Partial__Response ')).toBe('partial response')
  })

  it('never reads an Object.prototype name as a code', () => {
    for (const raw of ['constructor', 'toString', '__proto__', 'hasOwnProperty']) expect(lookupResponse(raw)).toEqual({ kind: 'unknown' })
  })

  it('rejects typos with a located UNKNOWN_TERM naming --response-map', () => {
    for (const raw of ['partial respnse', 'PRXX', 'CR/NE']) {
      expect(lookupResponse(raw)).toEqual({ kind: 'unknown' })
      const e = thrown(() => parseResponse(raw, loc))
      expect(e.code).toBe('UNKNOWN_TERM')
      expect(e.format().split('\n')[0]).toBe(`c.tsv:7:3: BOR: unknown best-response value ${JSON.stringify(raw)}`)
      expect(e.suggestion).toContain('--response-map')
    }
  })

  it('--response-map reads any code, and overrides a built-in reading (MR=PD)', () => {
    const map = parseResponseMap('MR=PD, Toxicity=NE,weird=na')
    expect(read('MR', 'BR', map)).toBe('PD [response map]')
    expect(read('toxicity', 'BR', map)).toBe('NE [response map]')
    expect(lookupResponse('WEIRD', { map })).toEqual({ kind: 'none' })
    expect(read('PR', 'BR', map)).toBe('PR [RECIST]')
  })

  it('--response-map refuses a target that is not a code, with the exact message', () => {
    const e = thrown(() => parseResponseMap('MR=maybe'))
    expect(e.code).toBe('USAGE')
    expect(e.message).toBe('--response-map: "MR=maybe" is not CODE=TARGET with a known target')
    expect(thrown(() => parseResponseMap('MR')).message).toBe('--response-map: "MR" is not CODE=TARGET with a known target')
  })
})
