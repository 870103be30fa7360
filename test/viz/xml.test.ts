import { describe, expect, it } from 'vitest'
import { xmlProblem } from './xml.js'

describe('the XML well-formedness checker (test helper) itself', () => {
  it('accepts a well-formed document with entities and character references', () => {
    expect(xmlProblem('<svg a="1" b=\'x &amp; y\'><g><text>&lt;&#x200F;&#39;</text></g><rect/></svg>\n')).toBeUndefined()
  })
  it.each([
    ['<svg><g></svg>', 'mismatched'],
    ['<svg>a < b</svg>', 'bad start tag'],
    ['<svg>a & b</svg>', 'unterminated entity'],
    ['<svg>&nbsp;</svg>', 'unknown entity'],
    ['<svg a="1" a="2"/>', 'duplicate attribute'],
    ['<svg a=1/>', 'unquoted'],
    ['<svg/><svg/>', 'second root'],
    ['<svg>\u0001</svg>', 'illegal character'],
    ['<svg>&#0;</svg>', 'illegal character reference'],
    ['<svg a="<"/>', "'<'"],
    ['<svg>', 'unclosed'],
    ['text<svg/>', 'outside the root'],
  ])('rejects %j', (doc, why) => {
    expect(xmlProblem(doc)).toContain(why)
  })
})
