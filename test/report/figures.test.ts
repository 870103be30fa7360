/** The report's extra figures, the KM "not drawn" sentence and the provenance rows: every new string escaped. */
import { Command } from 'commander'
import { describe, expect, it } from 'vitest'
import { optionParameters } from '../../cli/report-provenance.js'
import { renderReport } from '../../viz/report/render.js'
import { escapeXml } from '../../viz/svg.js'
import { fixtureInput } from './fixture.js'
import { thrownText } from '../helpers.js'

const EVIL = '<script>alert(1)</script>&"\''
const SVG = '<svg xmlns="http://www.w3.org/2000/svg" width="10" height="10"></svg>'

describe('report figures section', () => {
  it('escapes hostile figure titles and captions, and the KM rule sentence', () => {
    const html = renderReport({
      ...fixtureInput(),
      figures: [{ kind: 'lollipop', title: `Lollipop: ${EVIL}`, svg: SVG, caption: [EVIL, 'second line'] }],
      kmNotDrawn: 3,
      kmRule: `rule ${EVIL}`,
    })
    expect(html).not.toContain('<script>alert')
    expect(html).toContain(`<h3>Lollipop: ${escapeXml(EVIL)}</h3>`)
    expect(escapeXml(EVIL)).toMatch(/^&lt;script&gt;/)
    expect(html).toContain(`${escapeXml(EVIL)}<br>second line</figcaption>`)
    expect(html).toContain('3 further Kaplan–Meier plots were not drawn')
    expect(html).toContain('<a href="#figures">')
  })

  it('has no Figures entry when no figure list was given', () => {
    expect(renderReport(fixtureInput())).not.toContain('<a href="#figures">')
  })

  it('refuses a figure SVG with active content', () => {
    const svg = '<svg xmlns="http://www.w3.org/2000/svg"><script>alert(1)</script></svg>'
    expect(thrownText(() => renderReport({ ...fixtureInput(), figures: [{ kind: 'summary', title: 't', svg, caption: [] }] }))).toMatch(/active content/)
  })

  it('records every option with its value and whether it was the default; hostile values are escaped in the report', () => {
    const cmd = new Command('x').option('--genes <list>', '', (v: string) => v.split(',')).option('--top-plots <n>', '', '12').option('--title <t>')
    cmd.parse(['--genes', `TP53,${EVIL}`, '--title', EVIL], { from: 'user' })
    const params = optionParameters(cmd, cmd.opts())
    expect(params).toEqual([
      ['--genes', `TP53,${EVIL}`],
      ['--top-plots', '12 (default)'],
      ['--title', EVIL],
    ])
    const input = fixtureInput()
    const html = renderReport({ ...input, provenance: { ...input.provenance, parameters: params } })
    expect(html).not.toContain('<script>alert')
    expect(html).toContain('12 (default)')
  })
})
