import { describe, expect, it } from 'vitest'
import { escapeXml, fmt, toSvg } from '../../viz/svg.js'
import { layoutOncoplot } from '../../viz/layout.js'
import { buildMatrix } from './helpers.js'
import { small, smallClinical, smallTracks } from './fixture-small.js'
import { xmlProblem } from './xml.js'

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
