import fc from 'fast-check'
import { describe, expect, it } from 'vitest'
import { escapeXml, fmt, toSvg } from '../../viz/svg.js'
import { layoutOncoplot } from '../../viz/layout.js'
import { buildMatrix } from './helpers.js'
import { small, smallClinical, smallTracks } from './fixture-small.js'
import { xmlProblem } from './xml.js'
import type { Scene } from '../../viz/scene.js'

describe('number formatting', () => {
  it.each([
    [0, '0'], [-0, '0'], [1, '1'], [1.5, '1.5'], [1.25, '1.25'], [-2.5, '-2.5'], [-0.001, '0'], [1e-7, '0'], [123456.789, '123456.79'], [1e6, '1000000'],
  ])('fmt(%s) = %s', (n, s) => {
    expect(fmt(n)).toBe(s)
  })
  it('refuses non-finite numbers instead of writing NaN into the SVG', () => {
    expect(() => fmt(NaN)).toThrow(RangeError)
    expect(() => fmt(Infinity)).toThrow(RangeError)
  })
})

describe('rectangle runs as one path', () => {
  /** The serializer before integer hundredths: every number through fmt, deltas between rounded doubles. */
  function reference(r: readonly number[]): string {
    const round2 = (n: number): number => Math.round(n * 100) / 100
    let d = ''
    let px = 0
    let py = 0
    for (let i = 0; i + 3 < r.length; i += 4) {
      const w = r[i + 2] as number
      const x = round2(r[i] as number)
      const y = round2(r[i + 1] as number)
      d += i === 0 ? `M${fmt(x)} ${fmt(y)}` : `m${fmt(x - px)} ${fmt(y - py)}`
      d += `h${fmt(w)}v${fmt(r[i + 3] as number)}h${fmt(-w)}z`
      px = x
      py = y
    }
    return d
  }
  const scene = (rects: number[]): Scene => ({ width: 10, height: 10, background: '#FFF', fontFamily: 'x', patterns: [], groups: [{ id: 'g', shapes: [{ kind: 'rects', rects, fill: '#000' }] }] })
  const pathOf = (svg: string): string => /<path d="([^"]*)" fill="#000"\/>/.exec(svg)?.[1] ?? ''

  it('writes the same bytes as formatting every coordinate, on matrix grids and on arbitrary numbers', () => {
    // Grid coordinates x0 + j·w as the layout makes them, with half-hundredth widths (0.125, 0.005)
    // where rounding w and −w separately matters, and arbitrary doubles up to 10^7.
    const grid = fc.tuple(fc.double({ min: 0, max: 500, noNaN: true }), fc.constantFrom(0.09, 0.125, 0.005, 900 / 7, 14, 1 / 3), fc.array(fc.tuple(fc.nat(20_000), fc.nat(40), fc.nat(5)), { maxLength: 60 }))
      .map(([x0, w, cells]) => cells.flatMap(([j, r, k]) => [x0 + j * w, 50 + r * (14 + 2) + k / 3, (k + 1) * w, 14 * (1 - (2 * k) / 15)]))
    const loose = fc.array(fc.double({ min: -1e7, max: 1e7, noNaN: true }), { maxLength: 80 }).map((a) => a.slice(0, a.length - (a.length % 4)))
    fc.assert(
      fc.property(fc.oneof(grid, loose), (rects) => {
        expect(pathOf(toSvg(scene(rects)))).toBe(reference(rects))
      }),
      { numRuns: 500 },
    )
    expect(pathOf(toSvg(scene([1, 2, 0.125, 4, 1.09, 2, 0.125, 4])))).toBe('M1 2h0.13v4h-0.12zm0.09 0h0.13v4h-0.12z')
  })
  it('refuses a non-finite rectangle coordinate', () => {
    expect(() => toSvg(scene([0, 0, 1, 1, NaN, 0, 1, 1]))).toThrow(RangeError)
  })
})

describe('escaping', () => {
  it('escapes the five XML specials and makes bidi controls visible', () => {
    expect(escapeXml(`<a href="x">'&'</a>\u200F`)).toBe('&lt;a href=&quot;x&quot;&gt;&#39;&amp;&#39;&lt;/a&gt;&#x200F;')
  })
  it('drops characters XML 1.0 forbids, keeps tab/newline and astral characters', () => {
    expect(escapeXml('a\u0000b\u0008c\u001Fd\uFFFEe\uD800f\tg\nh😀')).toBe('abcdef\tg\nh😀')
  })

  const evil = ['<script>alert(1)</script> & "quoted"', 'x'.repeat(5000), 'abc\u200Fdef', "it's\u0007"]
  const m = buildMatrix({
    samples: evil,
    rows: { 'G&<1>': { [evil[0] as string]: 'Missense_Mutation@p.<b>', [evil[1] as string]: 'Nonsense_Mutation', [evil[2] as string]: 'Missense_Mutation', [evil[3] as string]: 'Missense_Mutation' } },
  })
  const svg = toSvg(layoutOncoplot(m, { tooltips: true, sampleNames: 'show', title: 'T & <t>' }))

  it('hostile sample and gene names come out escaped and the SVG is well-formed', () => {
    expect(xmlProblem(svg)).toBeUndefined()
    expect(svg).not.toContain('<script>')
    expect(svg).not.toContain('<b>')
    expect(svg).toContain('&lt;script&gt;alert(1)&lt;/script&gt; &amp; &quot;quoted&quot;')
    expect(svg).toContain('G&amp;&lt;1&gt;')
    expect(svg).toContain('abc&#x200F;def')
    expect(svg).toContain('it&#39;s')
    expect(svg).not.toContain('\u0007')
    expect(svg).not.toContain('\u200F')
  })
  it('a 5,000-character name is shortened on the figure and kept whole only in tooltips', () => {
    const long = 'x'.repeat(5000)
    expect(svg).toContain(`>${'x'.repeat(29)}…</text>`)
    const whole = svg.split(long).length - 1
    // label <title> + cell tooltip <title> + data-sample attribute
    expect(whole).toBe(3)
  })
})

describe('oncoplot SVG', () => {
  it('is well-formed and byte-for-byte deterministic', () => {
    const a = toSvg(layoutOncoplot(small, { tracks: smallTracks, tooltips: true }, smallClinical))
    const b = toSvg(layoutOncoplot(small, { tracks: smallTracks, tooltips: true }, smallClinical))
    expect(xmlProblem(a)).toBeUndefined()
    expect(a).toBe(b)
  })
  it('writes tooltips and data-* for every altered cell only when asked', () => {
    const withTips = toSvg(layoutOncoplot(small, { tooltips: true }))
    const without = toSvg(layoutOncoplot(small))
    const altered = [...small.state].filter((v) => v === 1).length
    expect(withTips.match(/data-sample=/g)).toHaveLength(altered)
    expect(withTips).toContain('data-protein="p.R175H"')
    expect(withTips).toContain('P01 · TP53\nTP53 p.R175H (Missense_Mutation) VAF 0.25, somatic')
    expect(without).not.toContain('data-sample=')
    expect(() => layoutOncoplot(small, { tooltips: true, maxTooltipCells: 3 })).toThrow(/too many/)
  })
  it('passes the same checks for the cBioPortal palette', () => {
    const svg = toSvg(layoutOncoplot(small, { palette: 'cbioportal', tracks: smallTracks }, smallClinical))
    expect(xmlProblem(svg)).toBeUndefined()
    expect(svg).toContain('>Truncating</text>')
    expect(svg).toContain('fill="#008000"')
  })
})
