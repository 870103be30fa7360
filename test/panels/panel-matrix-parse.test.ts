/**
 * The sample → panel matrix parser: rows share one record per distinct panel tuple, and every
 * malformed row is still refused at its line (the checks run once per tuple, the duplicate check
 * once per row).
 */
import { describe, expect, it } from 'vitest'
import { parsePanelMatrix } from '../../src/panels/cbioportal.js'
import { thrown } from '../helpers.js'

const lines = (...t: string[]) => t.map((text, i) => ({ text, line: i + 1 }))

describe('parsePanelMatrix', () => {
  it('reads NA as not profiled, trims, and shares one frozen record per tuple', () => {
    const m = parsePanelMatrix(lines('SAMPLE_ID\tmutations\tcna', 'S1\tP1\tNA', ' S2 \tP1\tNA', 'S3\tP2\t P2 ', '# comment', ''), 'm.txt')
    expect(m.profiles).toEqual(['mutations', 'cna'])
    expect(m.rows.get('S1')).toEqual({ mutations: 'P1', cna: undefined })
    expect(m.rows.get('S2')).toBe(m.rows.get('S1'))
    expect(m.rows.get('S3')).toEqual({ mutations: 'P2', cna: 'P2' })
    expect(Object.isFrozen(m.rows.get('S1'))).toBe(true)
  })

  it('refuses a wrong field count at its line, also for a tuple seen before with the right count', () => {
    expect(thrown(() => parsePanelMatrix(lines('SAMPLE_ID\tmutations\tcna', 'S1\tP1'), 'm.txt')).format()).toMatch(/m\.txt:2.*expected 3 tab-separated fields, got 2/)
    expect(thrown(() => parsePanelMatrix(lines('SAMPLE_ID\tmutations', 'S1\tP1', 'S2'), 'm.txt')).format()).toMatch(/m\.txt:3.*expected 2 tab-separated fields, got 1/)
    expect(thrown(() => parsePanelMatrix(lines('SAMPLE_ID\tmutations', 'S1\tP1', 'S2\tP1\tP1'), 'm.txt')).format()).toMatch(/m\.txt:3.*expected 2 tab-separated fields, got 3/)
  })

  it('refuses a repeated or empty sample at its line', () => {
    expect(thrown(() => parsePanelMatrix(lines('SAMPLE_ID\tmutations', 'S1\tP1', 'S1\tP2'), 'm.txt')).format()).toMatch(/m\.txt:3.*sample "?S1"? appears twice/)
    expect(thrown(() => parsePanelMatrix(lines('SAMPLE_ID\tmutations', ' \tP1'), 'm.txt')).format()).toMatch(/m\.txt:2.*empty SAMPLE_ID/)
  })
})
