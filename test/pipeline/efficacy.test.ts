import { describe, expect, it } from 'vitest'
import { parseClinicalLines } from '../../src/clinical/read.js'
import { efficacyTable } from '../../src/pipeline/efficacy.js'

const rows = (event: string[]) => [
  'patient_id\tbest_response\tos_months\tos_event\tarm',
  ...event.map((e, i) => `P${i}\t${['PR', 'SD', 'PD', 'CR'][i % 4]}\t${i + 1}\t${e}\t${i % 2 ? 'a' : 'b'}`),
]

describe('efficacy table', () => {
  it('counts ORR/DCR and the OS median overall and by level, and omits PFS when the table has none', () => {
    const t = parseClinicalLines('c.tsv', rows(['1', '1', '0', '1'])).table
    const [all, a, b] = efficacyTable(t, ['arm'])
    expect(all).toMatchObject({ patients: 4, orr: { x: 2, n: 4 }, dcr: { x: 3, n: 4 }, pfs: undefined, os: { n: 4, events: 3 } })
    expect([a?.group, a?.patients, b?.group, b?.patients]).toEqual(['arm = a', 2, 'arm = b', 2])
  })

  it('stops on a bad value instead of silently leaving the row out', () => {
    const t = parseClinicalLines('c.tsv', rows(['1', 'Dead', 'TRUE', '0'])).table
    expect(() => efficacyTable(t)).toThrow(/os_event/)
  })
})
