/** The one zod-error formatter: where, what was expected, what was found, in every caller's style. */
import { describe, expect, it } from 'vitest'
import { z } from 'zod'
import { InputError } from '../../src/errors.js'
import { validate } from '../../src/io/zod-issues.js'
import { parseTheme } from '../../viz/theme.js'

const thrown = (f: () => unknown): InputError => {
  try {
    f()
  } catch (e) {
    if (e instanceof InputError) return e
    throw e
  }
  throw new Error('did not throw')
}

describe('validate', () => {
  const S = z.object({ side: z.enum(['less', 'greater']), n: z.coerce.number().int().nonnegative(), genes: z.array(z.string().min(1)) }).strict()

  it('an enum lists its values and the value found; a number states its bound and the value', () => {
    expect(thrown(() => validate(S, { side: 'both', n: 1, genes: [] })).message).toBe('side: expected one of less, greater, got "both"')
    // The value as given, before coercion: the option's text.
    expect(thrown(() => validate(S, { side: 'less', n: '-2', genes: [] })).message).toBe('n: Too small: expected number to be >=0, got "-2"')
    expect(thrown(() => validate(S, { side: 'less', n: 'abc', genes: [] })).message).toBe('n: Invalid input: expected number, got "abc"')
  })

  it('lists every issue (JSON files), an unknown key at its own path, and a missing value as missing', () => {
    const e = thrown(() => validate(S, { side: 'less', n: -1, genes: ['TP53', ''], extra: 1 }))
    expect(e.message).toBe('n: Too small: expected number to be >=0, got -1; genes[1]: Too small: expected string to have >=1 characters, got ""; extra: unknown key')
    expect(thrown(() => validate(z.object({ a: z.string() }), {})).message).toBe('a: missing')
  })

  it('names paths and locates them as the caller says', () => {
    const e = thrown(() => validate(S, { side: 'x', n: 1, genes: [] }, { code: 'USAGE', file: 'f.json', where: (p) => `--${String(p[0])}`, locate: () => ({ line: 3, column: 7 }), max: 1, suggestion: 'less or greater' }))
    expect(e.code).toBe('USAGE')
    expect(e.format()).toBe('f.json:3:7: --side: expected one of less, greater, got "x"\n  hint: less or greater')
  })
})

describe('theme errors', () => {
  it('carry the line and column of the bad key and the value found', () => {
    const e = thrown(() => parseTheme('{\n  "fontSize": 1000\n}', 't.json'))
    expect(e.file).toBe('t.json')
    expect(e.line).toBe(2)
    expect(e.column).toBe(3)
    expect(e.message).toMatch(/^theme: fontSize: .*, got 1000$/)
  })
})
