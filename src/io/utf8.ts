/**
 * UTF-8 at chunk edges, for the line source (lines.ts): where a chunk cuts a character, and where
 * the first ill-formed sequence starts (to name its line and column).
 *
 * Complexity: unfinishedTail O(1); firstInvalidUtf8 O(bytes), on the error path only.
 */

/**
 * How many bytes at the end of buf begin a character buf does not finish (0-3): a lead byte and
 * fewer continuation bytes than it announces. Only their number is read here; whether they are
 * valid is found once the next chunk completes them (or the file ends).
 */
export function unfinishedTail(buf: Uint8Array): number {
  const n = buf.length
  for (let k = 1; k <= 3 && k <= n; k++) {
    const c = buf[n - k] as number
    if (c < 0x80) return 0
    if (c >= 0xc0) return k < (c >= 0xf0 ? 4 : c >= 0xe0 ? 3 : 2) ? k : 0
  }
  return 0
}

/**
 * Offset of the first byte that does not begin a complete, well-formed UTF-8 character (buf.length
 * if there is none): the byte the WHATWG decoder reports. Well-formed as in Unicode §3.9 table 3-7,
 * so overlong forms (C0, C1, E0 80-9F, F0 80-8F), surrogates (ED A0-BF) and code points past
 * U+10FFFF (F4 90-BF, F5-FF) are caught here as the decoder catches them.
 */
export function firstInvalidUtf8(buf: Uint8Array): number {
  let i = 0
  while (i < buf.length) {
    const c = buf[i] as number
    if (c < 0x80) {
      i++
      continue
    }
    let n: number // continuation bytes
    let lo = 0x80 // range of the first continuation byte
    let hi = 0xbf
    if (c >= 0xc2 && c <= 0xdf) n = 1
    else if (c >= 0xe0 && c <= 0xef) {
      n = 2
      if (c === 0xe0) lo = 0xa0
      else if (c === 0xed) hi = 0x9f
    } else if (c >= 0xf0 && c <= 0xf4) {
      n = 3
      if (c === 0xf0) lo = 0x90
      else if (c === 0xf4) hi = 0x8f
    } else return i
    for (let k = 1; k <= n; k++) {
      const d = buf[i + k]
      if (d === undefined || d < lo || d > hi) return i
      lo = 0x80
      hi = 0xbf
    }
    i += n + 1
  }
  return buf.length
}
