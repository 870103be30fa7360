/**
 * REF and ALT bytes for the byte path (row-reader.ts): the ALT column split into bounds, read only
 * when every allele is letters (so every ALT is a small variant; symbolic, breakend and '*' ALTs
 * go to the text path).
 */

export class AltBounds {
  /** [start, end) of each ALT of the current record. */
  start = new Int32Array(8)
  end = new Int32Array(8)

  /** Split the ALT column buf[a, z): the ALT count, 0 unless every ALT is letters. */
  split(buf: Buffer, a: number, z: number): number {
    let k = 0
    let from = a
    for (let p = a; p <= z; p++) {
      if (p === z || buf[p] === 44) {
        if (p === from || !letters(buf, from, p)) return 0
        if (k === this.start.length) {
          const s = new Int32Array(2 * k)
          s.set(this.start)
          this.start = s
          const e = new Int32Array(2 * k)
          e.set(this.end)
          this.end = e
        }
        this.start[k] = from
        this.end[k] = p
        k++
        from = p + 1
      }
    }
    return k
  }
}

/** Whether buf[a, z) is letters only (A-Z, a-z). */
export function letters(buf: Buffer, a: number, z: number): boolean {
  for (let p = a; p < z; p++) {
    const c = (buf[p] as number) | 32
    if (c < 97 || c > 122) return false
  }
  return true
}

export function bytesEqual(buf: Buffer, a: number, b: number, n: number): boolean {
  for (let i = 0; i < n; i++) if (buf[a + i] !== buf[b + i]) return false
  return true
}
