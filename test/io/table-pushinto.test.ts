import fc from 'fast-check'
import { describe, expect, it } from 'vitest'
import { TableParser, type TableOptions } from '../../src/io/table.js'

/** Run both entry points over the same lines; return rows (wanted columns only), skips and the error text. */
function run(lines: readonly string[], want: Uint8Array, opts: TableOptions, into: boolean) {
  const p = new TableParser('t.tsv', opts)
  const rows: string[][] = []
  const out: string[] = []
  try {
    lines.forEach((t, i) => {
      if (into) {
        if (p.pushInto(t, i + 1, want, out)) rows.push([...want].flatMap((w, k) => (w === 1 ? [out[k] as string] : [])))
      } else {
        const r = p.push(t, i + 1)
        if (r) rows.push(r.fields.filter((_, k) => want[k] === 1))
      }
    })
    return { rows, skipped: p.skipped, error: undefined }
  } catch (e) {
    return { rows, skipped: p.skipped, error: String(e) }
  }
}

describe('TableParser.pushInto (the MAF hot path)', () => {
  it('slices only the wanted columns, skips blank lines and unwraps quotes as push does', () => {
    const want = Uint8Array.from([1, 0, 1])
    const lines = ['# preamble', 'a\tb\tc', 'x\ty\tz', '', '   ', '"q"\t"r"\t"s ""t"""', '1\t\t3']
    const r = run(lines, want, {}, true)
    expect(r.rows).toEqual([
      ['x', 'z'],
      ['q', 's "t"'],
      ['1', '3'],
    ])
    expect(r).toEqual(run(lines, want, {}, false))
  })

  it('raises the same located error for a short or long row', () => {
    const want = Uint8Array.from([1, 1, 0])
    for (const bad of ['1\t2', '1\t2\t3\t4']) {
      const into = run(['a\tb\tc', bad], want, {}, true)
      expect(into.error).toMatch(/COLUMN_COUNT|expected 3 tab-separated fields/)
      expect(into).toEqual(run(['a\tb\tc', bad], want, {}, false))
    }
  })

  it('agrees with push on arbitrary tab/quote/space lines, strict, lenient and short-row modes', () => {
    const cell = fc.stringMatching(/^[ab" \t]{0,4}$/)
    const opts = fc.constantFrom<TableOptions>({}, { lenient: true }, { allowShortRows: true }, { allowShortRows: true, lenient: true })
    fc.assert(
      fc.property(fc.array(cell, { maxLength: 12 }), opts, fc.uint8Array({ minLength: 3, maxLength: 3, max: 1 }), (body, o, want) => {
        const lines = ['h1\th2\th3', ...body]
        expect(run(lines, want, o, true)).toEqual(run(lines, want, o, false))
      }),
      { numRuns: 300 },
    )
  })
})
