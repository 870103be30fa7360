/**
 * Where a JSON path points in the text it was parsed from, so a schema error in a hand-edited panel
 * or rules file names its line (`rules.json:9:7: rules[0].minCopyNumber: …`), not only its path.
 *
 * The text is already known to be valid JSON (JSON.parse accepted it), so this only skips values;
 * it validates nothing. For an object member the offset is that of its key (the line a reader looks
 * for); for an array element, the element's first character. Duplicate keys: the first one is
 * found (JSON.parse keeps the last; a schema error there is rare enough not to matter).
 * Returns undefined when the path does not exist in the text (e.g. a missing required key).
 * O(length of the text before the target).
 */
const WS = ' \t\n\r'

export function jsonPathOffset(text: string, path: readonly PropertyKey[]): number | undefined {
  let i = 0
  const ws = (): void => {
    while (i < text.length && WS.includes(text[i] as string)) i++
  }
  const skipString = (): void => {
    i++ // opening quote
    while (i < text.length) {
      const c = text[i]
      if (c === '\\') i += 2
      else {
        i++
        if (c === '"') return
      }
    }
  }
  const skipValue = (): void => {
    ws()
    const c = text[i]
    if (c === '"') return skipString()
    if (c === '{' || c === '[') {
      let depth = 0
      while (i < text.length) {
        const d = text[i]
        if (d === '"') {
          skipString()
          continue
        }
        if (d === '{' || d === '[') depth++
        else if (d === '}' || d === ']') {
          depth--
          if (depth === 0) {
            i++
            return
          }
        }
        i++
      }
      return
    }
    while (i < text.length && !`,}]${WS}`.includes(text[i] as string)) i++ // number or literal
  }

  ws()
  let at = i
  for (const seg of path) {
    ws()
    if (typeof seg === 'number') {
      if (text[i] !== '[') return undefined
      i++
      for (let k = 0; ; k++) {
        ws()
        if (text[i] === ']') return undefined
        if (k === seg) break
        skipValue()
        ws()
        if (text[i] !== ',') return undefined
        i++
      }
      at = i
    } else {
      if (text[i] !== '{') return undefined
      i++
      for (;;) {
        ws()
        if (text[i] !== '"') return undefined
        const keyAt = i
        skipString()
        const key = JSON.parse(text.slice(keyAt, i)) as string
        ws()
        i++ // ':'
        if (key === String(seg)) {
          at = keyAt
          break
        }
        skipValue()
        ws()
        if (text[i] !== ',') return undefined
        i++
      }
    }
  }
  return at
}
