import { createHash } from 'node:crypto'
import { describe, expect, it } from 'vitest'
import { InputError } from '../../src/errors.js'
import { CLIENT_SCRIPT } from '../../viz/report/client-script.js'
import { sig } from '../../viz/report/format.js'
import { esc } from '../../viz/report/html.js'
import { defaultForest, REPORT_CSP, renderReport } from '../../viz/report/render.js'
import { xmlProblem } from '../viz/xml.js'
import { fixtureInput, SAMPLES } from './fixture.js'

const svgs = (html: string): string[] => html.match(/<svg[\s\S]*?<\/svg>/g) ?? []
/** Attribute names actually written (quoted values blanked first, so text inside them is not read as markup). */
const attrNames = (html: string): Set<string> => {
  const out = new Set<string>()
  for (const tag of html.match(/<[A-Za-z][^>]*>/g) ?? []) for (const m of tag.replace(/"[^"]*"/g, '""').matchAll(/\s([A-Za-z_:][A-Za-z0-9_.:-]*)=/g)) out.add((m[1] ?? '').toLowerCase())
  return out
}
const tagNames = (html: string): Set<string> => new Set([...html.matchAll(/<([A-Za-z][A-Za-z0-9-]*)/g)].map((m) => (m[1] ?? '').toLowerCase()))
// Every element the report may contain; anything else would be markup smuggled in through data.
const ALLOWED = new Set(['html', 'head', 'meta', 'title', 'style', 'body', 'h1', 'h2', 'h3', 'div', 'nav', 'a', 'section', 'p', 'table', 'thead', 'tbody', 'tr', 'th', 'td', 'figure', 'figcaption', 'details', 'summary', 'ul', 'li', 'script', 'svg', 'defs', 'pattern', 'g', 'rect', 'path', 'line', 'text'])

describe('HTML report', () => {
  const input = fixtureInput()
  const html = renderReport(input)

  it('is deterministic: the same input gives the same bytes, and no date appears unless passed', () => {
    expect(renderReport(fixtureInput())).toBe(html)
    expect(html).not.toMatch(/20\d\d-\d\d-\d\d/)
    const dated = renderReport({ ...input, provenance: { ...input.provenance, date: '2026-01-02' } })
    expect(dated).toContain('<th scope="row">Date</th><td class="bmk-name">2026-01-02</td>')
  })

  it('runs exactly one script, the constant one, allowed by its SHA-256 in a strict CSP', () => {
    expect(html.match(/<script/g)?.length).toBe(1)
    const body = /<script>([\s\S]*?)<\/script>/.exec(html)?.[1]
    expect(body).toBe(CLIENT_SCRIPT)
    const hash = createHash('sha256').update(body ?? '', 'utf8').digest('base64')
    const csp = /<meta http-equiv="Content-Security-Policy" content="([^"]*)">/.exec(html)?.[1]?.replaceAll('&#39;', "'")
    expect(csp).toBe(REPORT_CSP)
    expect(csp).toBe(`default-src 'none'; style-src 'unsafe-inline'; script-src 'sha256-${hash}'; img-src data:; base-uri 'none'; form-action 'none'`)
    // The policy comes before any style or script, so it governs them.
    expect(html.indexOf('Content-Security-Policy')).toBeLessThan(html.indexOf('<style>'))
    // No inline event handlers (the CSP would block them; none should be written).
    expect([...attrNames(html)].filter((a) => a.startsWith('on'))).toEqual([])
  })

  it('references no network resource', () => {
    expect([...attrNames(html)].filter((a) => ['src', 'srcset', 'action', 'formaction', 'poster', 'data', 'xlink:href'].includes(a))).toEqual([])
    expect(html).not.toMatch(/@import|url\((?!#)/i)
    for (const m of html.matchAll(/\bhref="([^"]*)"/g)) expect(m[1]).toMatch(/^#/)
    // The only URLs are the SVG namespace name, which is an identifier, not something fetched.
    const urls = [...html.matchAll(/https?:\/\/[^\s"'<>]*/g)].map((m) => m[0])
    expect(new Set(urls)).toEqual(new Set(['http://www.w3.org/2000/svg']))
  })

  it('has every section in order, a synthetic banner, and well-formed SVG figures', () => {
    const ids = [...html.matchAll(/<section id="([^"]+)">/g)].map((m) => m[1])
    expect(ids).toEqual(['summary', 'oncoplot', 'associations', 'forest', 'survival', 'read-report', 'interpretation', 'provenance'])
    expect(html).toContain('SYNTHETIC DATA')
    expect(renderReport({ ...input, synthetic: false })).not.toContain('SYNTHETIC')
    const figs = svgs(html)
    // oncoplot + forest + one KM per feature × endpoint
    expect(figs.length).toBe(2 + input.km.length)
    for (const s of figs) expect(xmlProblem(s)).toBeUndefined()
    expect(tagNames(html)).toEqual(new Set([...tagNames(html)].filter((t) => ALLOWED.has(t))))
  })

  it('summarises the cohort, lists every association row with its 2×2 and R-comparable numbers', () => {
    expect(html).toContain(`<th scope="row">Samples sequenced</th><td class="bmk-name">${SAMPLES.length}</td>`)
    expect(html).toContain('<th scope="row">Panels</th><td class="bmk-name">MSK-IMPACT468</td>')
    const table = /<table class="bmk-sortable" id="bmk-assoc"[\s\S]*?<\/table>/.exec(html)?.[0] ?? ''
    expect(table.match(/<th scope="col"/g)?.length).toBe(14)
    expect(table.match(/<tr data-i=/g)?.length).toBe(input.associations.length)
    const tp53 = input.associations[0]
    // TP53: responders P01 P02 P09 altered (a=3), P07 P10 wild type (c=2); P04 altered non-responder
    // (b=1); P03 P06 P08 P11 wild type (d=4); P12 not assayed; P05 not evaluable.
    expect([tp53?.a, tp53?.b, tp53?.c, tp53?.d, tp53?.notAssayed]).toEqual([3, 1, 2, 4, 1])
    expect(table).toContain('<td class="num">3 1 / 2 4</td>')
    expect(table).toContain('<td class="num" data-v="4" title="1 not assayed">4/10</td>')
  })

  it('draws the forest from the rows with the smallest p, ties in a fixed order', () => {
    const f = defaultForest(input.associations)
    expect(f.map((r) => r.label)).toEqual(['KRAS — ORR', 'MYC — ORR', 'TP53 — ORR'])
    expect(defaultForest(input.associations, 1).length).toBe(1)
    expect(renderReport({ ...input, forestMax: 1 })).toContain('The 1 rows with the smallest p of 3.')
  })

  it('shows the survival scan as a table and one KM figure per feature × endpoint, statistics written on it', () => {
    const rows = input.survival ?? []
    expect(rows.length).toBe(2)
    const table = /<table class="bmk-sortable" id="bmk-survival"[\s\S]*?<\/table>/.exec(html)?.[0] ?? ''
    expect(table.match(/<tr data-i=/g)?.length).toBe(2)
    for (const [i, r] of rows.entries()) {
      const k = input.km[i]
      expect(k?.title).toBe(`${r.label} — ${r.endpoint}`)
      expect(k?.curves.map((c) => c.label)).toEqual([`${r.label} altered`, `${r.label} wild-type`])
      expect(k?.curves.map((c) => c.n)).toEqual([r.nAltered, r.nWildType])
      expect(k?.annotations?.[0]).toBe(`Log-rank p = ${sig(r.logrankP)} (q = ${sig(r.q)}, family ${r.family})`)
      expect(html).toContain(esc(k?.annotations?.[0] ?? 'missing'))
    }
  })

  it('shows the read report and provenance (hashes computed by the caller)', () => {
    expect(html).toContain('filtered: not PASS: 3; duplicate: 1')
    expect(html).toContain('<summary>1 warning</summary>')
    expect(html).toContain(`<td class="hash">${'a'.repeat(64)}</td>`)
    expect(html).toContain('biomarkit 0.1.0')
  })

  it('says so when a section has nothing to show', () => {
    const empty = renderReport({ ...input, oncoplotSvg: undefined, associations: [], survival: [], km: [], readReports: [], provenance: { ...input.provenance, inputs: [], parameters: [] } })
    for (const t of ['No oncoplot was drawn.', 'No associations were tested.', 'No odds ratios to draw.', 'No survival endpoint was given.', 'No read report was recorded.', 'Defaults only.']) expect(empty).toContain(t)
  })

  it('refuses an oncoplot with active content', () => {
    expect(() => renderReport({ ...input, oncoplotSvg: '<svg><script>alert(1)</script></svg>' })).toThrow(InputError)
    expect(() => renderReport({ ...input, oncoplotSvg: '<svg><foreignObject><div/></foreignObject></svg>' })).toThrow(/active content/)
    expect(() => renderReport({ ...input, oncoplotSvg: '<p>not svg</p>' })).toThrow(/must be SVG/)
  })
})

describe('HTML report escaping of untrusted names', () => {
  const evil = ['<script>alert(1)</script>', 'A&B "q" \'s', 'x]]>y', 'rtl\u202Eevil', 'L'.repeat(5000), '<img src=x onerror=alert(2)>', 'P07', 'P08', 'P09', 'P10', 'P11', 'P12']
  const input = fixtureInput({ samples: evil, genes: ['<b>G1</b>', 'G&2', '"G3"\u202E'], title: '<script>alert("title")</script> & co' })
  const html = renderReport(input)

  it('writes no element, attribute or bidi override from data', () => {
    expect(html.match(/<script/g)?.length).toBe(1)
    expect(html).not.toContain('<img')
    expect(html).not.toContain('<b>')
    expect(html).not.toContain('\u202E')
    expect([...attrNames(html)].filter((a) => a.startsWith('on') || a === 'src' || a === 'style')).toEqual([])
    expect(attrNames(html)).toEqual(attrNames(renderReport(fixtureInput())))
    expect(tagNames(html)).toEqual(new Set([...tagNames(html)].filter((t) => ALLOWED.has(t))))
    expect(html).toContain('<title>&lt;script&gt;alert(&quot;title&quot;)&lt;/script&gt; &amp; co</title>')
    expect(html).toContain('&lt;script&gt;alert(1)&lt;/script&gt;')
    expect(html).toContain('A&amp;B &quot;q&quot; &#39;s')
    expect(html).toContain('x]]&gt;y')
    expect(html).toContain('rtl&#x202E;evil')
    expect(html).toContain('&lt;b&gt;G1&lt;/b&gt;')
  })

  it('keeps every SVG well-formed and the figures bounded despite a 5,000-character name', () => {
    for (const s of svgs(html)) {
      expect(xmlProblem(s)).toBeUndefined()
      expect(Number(/<svg[^>]* width="([\d.]+)"/.exec(s)?.[1])).toBeLessThan(2000)
    }
  })
})
