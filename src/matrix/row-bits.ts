/**
 * Counting a state matrix's ALTERED (bit 0) and NOT_ASSAYED (bit 1) cells four at a time, shared
 * by stateTotals (every row) and featureCounts (one row).
 */

/** st's bytes as 32-bit words, or an empty view when st is not 4-byte aligned (rowBits then counts byte by byte). */
export function stateWords(st: Uint8Array): Uint32Array {
  return (st.byteOffset & 3) === 0 ? new Uint32Array(st.buffer, st.byteOffset, st.length >>> 2) : new Uint32Array(0)
}

/**
 * ALTERED and NOT_ASSAYED cells in st[from, to) into out[0], out[1]: four cells at a time through
 * `words` (st's bytes as 32-bit words, empty when st is not 4-byte aligned), each byte lane of
 * the two accumulators counting up to 127 before they are summed.
 */
export function rowBits(st: Uint8Array, words: Uint32Array, from: number, to: number, out: number[]): void {
  let a = 0
  let na = 0
  let i = from
  // Indices may pass 2^31 (a state of over 2 GB): >>> and & 3 keep to unsigned 32-bit arithmetic.
  const head = words.length === 0 ? to : Math.min(to, from + ((4 - (from & 3)) & 3))
  for (; i < head; i++) {
    const v = st[i] as number
    a += v & 1
    na += v >> 1
  }
  const lastWord = words.length === 0 ? i >>> 2 : to >>> 2
  for (let w = i >>> 2; w < lastWord; ) {
    const stop = Math.min(lastWord, w + 127)
    let x = 0
    let y = 0
    for (; w < stop; w++) {
      const v = words[w] as number
      x += v & 0x01010101
      y += (v >>> 1) & 0x01010101
    }
    a += (x & 0xff) + ((x >>> 8) & 0xff) + ((x >>> 16) & 0xff) + (x >>> 24)
    na += (y & 0xff) + ((y >>> 8) & 0xff) + ((y >>> 16) & 0xff) + (y >>> 24)
  }
  for (i = Math.max(i, lastWord * 4); i < to; i++) {
    const v = st[i] as number
    a += v & 1
    na += v >> 1
  }
  out[0] = a
  out[1] = na
}
