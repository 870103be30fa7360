/**
 * The side-file fast paths held to the general ones: the case-list scan (IDs cut out of the line
 * one at a time) equals split + trim + set, and the panel-matrix reader fed from line batches
 * (tuples matched in place) equals the split-every-line parse, errors included (text, file, line).
 */
import fc from 'fast-check'
import { describe, expect, it } from 'vitest'
import { InputError, quote } from '../../src/errors.js'
import { isMissing } from '../../src/io/fields.js'
import { readSideLines } from '../../src/io/side-file.js'
import { parsePanelMatrix, readPanelMatrix, type PanelMatrix } from '../../src/panels/cbioportal.js'
import { parseCaseList } from '../../src/study/meta.js'
import { tmpFile } from '../helpers.js'

function splitIds(value: string): string[] {
  return [...new Set(value.trim().split('\t').map((s) => s.trim()).filter((s) => s !== ''))]
}

/** The plain parse: every line split (what the fast path must equal). */
function referenceMatrix(lines: readonly { text: string; line: number }[], file: string): PanelMatrix {
  let header: string[] | undefined
  const rows = new Map<string, Readonly<Record<string, string | undefined>>>()
  for (const { text, line } of lines) {
    if (text.startsWith('#') || text.trim() === '') continue
    const f = text.split('\t')
    if (header === undefined) {
      if (f[0]?.trim() !== 'SAMPLE_ID') throw new InputError('MISSING_COLUMN', `first column must be SAMPLE_ID, got ${quote(f[0] ?? '')}`, { file, line, column: 1 })
      header = f.map((h) => h.trim())
      const h = header
      const dup = h.find((x, i) => h.indexOf(x) !== i)
      if (dup !== undefined) throw new InputError('DUPLICATE_COLUMN', `column ${quote(dup)} appears twice`, { file, line })
      if (h.length < 2) throw new InputError('MISSING_COLUMN', 'no profile columns after SAMPLE_ID', { file, line })
      continue
    }
    if (f.length !== header.length) throw new InputError('COLUMN_COUNT', `expected ${header.length} tab-separated fields, got ${f.length}`, { file, line })
    const rec: Record<string, string | undefined> = {}
    for (let c = 1; c < header.length; c++) rec[header[c] as string] = isMissing((f[c] as string).trim()) ? undefined : (f[c] as string).trim()
    const sample = (f[0] as string).trim()
    if (sample === '') throw new InputError('BAD_VALUE', 'empty SAMPLE_ID', { file, line, column: 1 })
    if (rows.has(sample)) throw new InputError('DUPLICATE_SAMPLE', `sample ${quote(sample)} appears twice`, { file, line, column: 1 })
    rows.set(sample, rec)
  }
  if (header === undefined) throw new InputError('EMPTY_FILE', 'no header line', { file })
  return { file, profiles: header.slice(1), rows }
}

const where = (e: unknown): unknown => (e instanceof InputError ? [e.code, e.message, e.file, e.line, e.column] : String(e))

async function outcome<T>(f: () => T | Promise<T>): Promise<{ ok: T } | { error: unknown }> {
  try {
    return { ok: await f() }
  } catch (e) {
    return { error: where(e) }
  }
}

const plain = (m: PanelMatrix) => ({ profiles: m.profiles, rows: [...m.rows].map(([s, r]) => [s, { ...r }]) })

describe('parseCaseList scan', () => {
  it('equals split + trim + dedupe, and its set holds the same IDs', () => {
    const id = fc.constantFrom('S1', 'S2', ' S3', 'S4 ', '', ' ', 'GENIE-P0000001-S1', 'x y')
    fc.assert(
      fc.property(fc.array(id, { maxLength: 30 }), fc.constantFrom('', '\t', ' '), (ids, edge) => {
        const value = edge + ids.join('\t') + edge
        const c = parseCaseList([{ text: 'stable_id: s_sequenced', line: 1 }, { text: `case_list_ids: ${value}`, line: 2 }], 'c.txt')
        expect(c.samples).toEqual(splitIds(value))
        expect([...c.sampleSet]).toEqual(c.samples)
      }),
    )
  })
})

describe('panel matrix: reader and parser against the plain parse', () => {
  it('same rows, profiles and errors, over few and many tuples', async () => {
    let parsed = 0
    let many = 0
    const cell = fc.constantFrom('P1', 'P2', ' P3', 'NA', '', 'P10 ', 'p', 'X1', 'X2', 'X3', 'X4', 'X5', 'X6', 'X7', 'X8', 'X9')
    const sample = fc.constantFrom('S1', 'S2', 'S3', ' S4', 'S5 ', 'S6', 'S7', 'S8', 'S9', 'S10', 'S11', 'S12')
    const row = fc.oneof(
      { weight: 40, arbitrary: fc.tuple(sample, fc.array(cell, { minLength: 2, maxLength: 2 })).map(([s, c]) => [s, ...c].join('\t')) },
      { weight: 1, arbitrary: fc.tuple(sample, fc.array(cell, { minLength: 0, maxLength: 3 })).map(([s, c]) => [s, ...c].join('\t')) },
      { weight: 1, arbitrary: fc.constantFrom('# note', '', '   ', ' \t ', 'S1', '\tP1\tP1', ' \tNA\tNA') },
    )
    const header = fc.constantFrom('SAMPLE_ID\tmutations\tcna', 'SAMPLE_ID\tmutations\tcna', 'SAMPLE_ID\tmutations\tcna', 'SAMPLE_ID\tmutations\tcna', ' SAMPLE_ID \tmutations\tcna', 'SAMPLE_ID\tm\tm', 'SAMPLE_ID', 'ID\tm', '#c\nSAMPLE_ID\tmutations\tcna')
    await fc.assert(
      fc.asyncProperty(header, fc.uniqueArray(row, { maxLength: 40 }), fc.boolean(), async (h, rows, distinct) => {
        // Distinct sample names (most runs), so most files parse and reach the tuple paths.
        const body = distinct ? rows.map((r, i) => (r.startsWith('#') || r.trim() === '' ? r : `T${i}${r}`)) : rows
        const text = [h, ...body].join('\n')
        const path = tmpFile('data_gene_panel_matrix.txt', text)
        const lines = await readSideLines(path, 'sample-panel matrix')
        const want = await outcome(() => plain(referenceMatrix(lines, path)))
        expect(await outcome(async () => plain(await readPanelMatrix(path)))).toEqual(want)
        expect(await outcome(() => plain(parsePanelMatrix(lines, path)))).toEqual(want)
        if ('ok' in want) parsed++
        if ('ok' in want && new Set(want.ok.rows.map(([, r]) => JSON.stringify(r))).size > 8) many++
      }),
      { numRuns: 300 },
    )
    expect(parsed).toBeGreaterThan(50)
    expect(many).toBeGreaterThan(5)
  })
})

describe('readPanelMatrix error order', () => {
  it('a read error further on wins over an earlier format error, as when the file was read first', async () => {
    const bytes = Buffer.concat([Buffer.from('SAMPLE_ID\tmutations\nS1\tP1\nS1\tP1\n'), Buffer.from([0x53, 0xff, 0x0a])])
    const path = tmpFile('data_gene_panel_matrix.txt', bytes)
    const want = await outcome(async () => referenceMatrix(await readSideLines(path, 'sample-panel matrix'), path))
    expect(want).toHaveProperty('error')
    expect(await outcome(() => readPanelMatrix(path))).toEqual(want)
  })
})
