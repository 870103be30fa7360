/**
 * Text from data and file names reaches a terminal only escaped: an ESC sequence in a sample name
 * or a file name could otherwise move the cursor, retitle the window or hide a line of a message.
 * C0 controls (except tab and line feed), DEL, C1 controls and the bidirectional overrides
 * (U+202A–U+202E, U+2066–U+2069: they reorder what is shown) are written as \xNN / \uNNNN.
 */
// eslint-disable-next-line no-control-regex
const UNSAFE = /[\x00-\x08\x0b-\x1f\x7f-\x9f\u202a-\u202e\u2066-\u2069]/g

export function escapeTerminal(text: string): string {
  UNSAFE.lastIndex = 0
  if (!UNSAFE.test(text)) return text
  return text.replace(UNSAFE, (c) => {
    const n = c.charCodeAt(0)
    return n < 0x100 ? `\\x${n.toString(16).padStart(2, '0')}` : `\\u${n.toString(16).padStart(4, '0')}`
  })
}
