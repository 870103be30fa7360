/**
 * Offset of the first JSON syntax error. Node 20's JSON.parse often says only "Unexpected token"
 * with a snippet and no position, so a hand-edited panel file would get no line number; this
 * small recursive-descent scanner (RFC 8259 grammar, no value building) finds it.
 * Returns undefined when the text is valid JSON. O(length).
 */
class SyntaxAt extends Error {
  constructor(readonly offset: number) {
    super(`JSON syntax error at ${offset}`)
  }
}

export function jsonErrorOffset(text: string): number | undefined {
  let i = 0
  const ws = (): void => {
    while (i < text.length && ' \t\n\r'.includes(text[i] as string)) i++
  }
  const fail = (): never => {
    throw new SyntaxAt(i)
  }
  const lit = (w: string): void => {
    if (text.startsWith(w, i)) i += w.length
    else fail()
  }
  const str = (): void => {
    i++ // opening quote
    while (i < text.length) {
      const c = text.charCodeAt(i)
      if (c === 0x22) {
        i++
        return
      }
      if (c < 0x20) fail()
      if (c === 0x5c) {
        const e = text[i + 1] ?? ''
        if (e === 'u') {
          if (!/^[0-9a-fA-F]{4}$/.test(text.slice(i + 2, i + 6))) fail()
          i += 6
          continue
        }
        if (!'"\\/bfnrt'.includes(e) || e === '') fail()
        i += 2
        continue
      }
      i++
    }
    fail()
  }
  const num = (): void => {
    const m = /^-?(?:0|[1-9]\d*)(?:\.\d+)?(?:[eE][+-]?\d+)?/.exec(text.slice(i, i + 400))
    if (!m) fail()
    else i += m[0].length
  }
  const value = (): void => {
    ws()
    const c = text[i]
    if (c === '{') {
      i++
      ws()
      if (text[i] === '}') {
        i++
        return
      }
      for (;;) {
        ws()
        if (text[i] !== '"') fail()
        str()
        ws()
        if (text[i] !== ':') fail()
        i++
        value()
        ws()
        if (text[i] === ',') {
          i++
          continue
        }
        if (text[i] === '}') {
          i++
          return
        }
        fail()
      }
    }
    if (c === '[') {
      i++
      ws()
      if (text[i] === ']') {
        i++
        return
      }
      for (;;) {
        value()
        ws()
        if (text[i] === ',') {
          i++
          continue
        }
        if (text[i] === ']') {
          i++
          return
        }
        fail()
      }
    }
    if (c === '"') return str()
    if (c === 't') return lit('true')
    if (c === 'f') return lit('false')
    if (c === 'n') return lit('null')
    if (c === '-' || (c !== undefined && c >= '0' && c <= '9')) return num()
    fail()
  }
  try {
    value()
    ws()
    if (i < text.length) fail()
    return undefined
  } catch (e) {
    if (e instanceof SyntaxAt) return e.offset
    throw e
  }
}
