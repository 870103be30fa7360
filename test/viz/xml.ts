/**
 * A strict XML 1.0 well-formedness checker for the SVG we emit (no XML parser is a dependency):
 * one root element, matched nesting, unique attributes with quoted values, only the five predefined
 * entities or legal character references, no '<' in text or attributes, no character outside the
 * XML Char production. Returns the first problem, or undefined when well-formed.
 */
const NAME = /^[A-Za-z_:][A-Za-z0-9_.:-]*/
// eslint-disable-next-line no-control-regex -- matching the control characters XML 1.0 forbids is the point
const ILLEGAL = /[\0-\x08\x0B\x0C\x0E-\x1F\uFFFE\uFFFF]|[\uD800-\uDBFF](?![\uDC00-\uDFFF])|(?<![\uD800-\uDBFF])[\uDC00-\uDFFF]/

function legalCodePoint(cp: number): boolean {
  return cp === 0x9 || cp === 0xa || cp === 0xd || (cp >= 0x20 && cp <= 0xd7ff) || (cp >= 0xe000 && cp <= 0xfffd) || (cp >= 0x10000 && cp <= 0x10ffff)
}

function checkText(t: string, where: number): string | undefined {
  if (t.includes('<')) return `'<' in text/attribute at ${where}`
  const re = /&([^;]*);?/g
  for (let m = re.exec(t); m !== null; m = re.exec(t)) {
    if (!m[0].endsWith(';')) return `unterminated entity at ${where + m.index}`
    const e = m[1] ?? ''
    if (['amp', 'lt', 'gt', 'quot', 'apos'].includes(e)) continue
    const num = /^#(\d+)$/.exec(e) ?? /^#x([0-9a-fA-F]+)$/.exec(e)
    if (num === null) return `unknown entity &${e}; at ${where + m.index}`
    const cp = parseInt(num[1] ?? '', e.startsWith('#x') ? 16 : 10)
    if (!legalCodePoint(cp)) return `illegal character reference &${e}; at ${where + m.index}`
  }
  return undefined
}

export function xmlProblem(doc: string): string | undefined {
  const bad = ILLEGAL.exec(doc)
  if (bad) return `illegal character U+${(bad[0].codePointAt(0) ?? 0).toString(16)} at ${bad.index}`
  let i = 0
  if (doc.startsWith('<?xml')) {
    const end = doc.indexOf('?>')
    if (end < 0) return 'unterminated XML declaration'
    i = end + 2
  }
  const stack: string[] = []
  let roots = 0
  while (i < doc.length) {
    const lt = doc.indexOf('<', i)
    const text = doc.slice(i, lt < 0 ? doc.length : lt)
    if (stack.length === 0 && text.trim() !== '') return `text outside the root at ${i}`
    const tp = checkText(text, i)
    if (tp) return tp
    if (lt < 0) break
    if (doc.startsWith('<!--', lt)) {
      const end = doc.indexOf('-->', lt + 4)
      if (end < 0) return 'unterminated comment'
      i = end + 3
      continue
    }
    if (doc[lt + 1] === '/') {
      const m = NAME.exec(doc.slice(lt + 2))
      if (!m) return `bad end tag at ${lt}`
      const after = lt + 2 + m[0].length
      const close = doc.indexOf('>', after)
      if (close < 0 || doc.slice(after, close).trim() !== '') return `bad end tag at ${lt}`
      if (stack.pop() !== m[0]) return `mismatched </${m[0]}> at ${lt}`
      i = close + 1
      continue
    }
    const m = NAME.exec(doc.slice(lt + 1))
    if (!m) return `bad start tag at ${lt}`
    if (stack.length === 0 && ++roots > 1) return `second root element at ${lt}`
    let j = lt + 1 + m[0].length
    const seen = new Set<string>()
    for (;;) {
      const ws = /^\s*/.exec(doc.slice(j))?.[0].length ?? 0
      j += ws
      if (doc.startsWith('/>', j)) {
        j += 2
        break
      }
      if (doc[j] === '>') {
        stack.push(m[0])
        j += 1
        break
      }
      if (ws === 0) return `missing space before attribute at ${j}`
      const an = NAME.exec(doc.slice(j))
      if (!an) return `bad attribute name at ${j}`
      if (seen.has(an[0])) return `duplicate attribute ${an[0]} at ${j}`
      seen.add(an[0])
      j += an[0].length
      if (doc[j] !== '=') return `attribute without '=' at ${j}`
      const q = doc[j + 1]
      if (q !== '"' && q !== "'") return `unquoted attribute at ${j}`
      const end = doc.indexOf(q, j + 2)
      if (end < 0) return `unterminated attribute at ${j}`
      const vp = checkText(doc.slice(j + 2, end), j + 2)
      if (vp) return vp
      j = end + 1
    }
    i = j
  }
  if (stack.length > 0) return `unclosed <${stack[stack.length - 1]}>`
  if (roots !== 1) return 'no root element'
  return undefined
}
