/**
 * Field values read without a string per field: plain digits from text or from bytes, and the
 * "is there surrounding white space" test. The MAF text path (./text-row.ts) and byte path
 * (./byte-row.ts) read a million rows' counts and positions through these; anything they do not
 * read exactly (a sign, a decimal point, spaces) goes to the careful parsers of ../io/fields.ts.
 */

/** Plain decimal digits (no sign, no spaces, ≤ 15 digits) as a number; −1 for anything else. */
export function plainUint(s: string | undefined): number {
  if (s === undefined) return -1
  const n = s.length
  if (n === 0 || n > 15) return -1
  let v = 0
  for (let i = 0; i < n; i++) {
    const d = s.charCodeAt(i) - 48
    if (d < 0 || d > 9) return -1
    v = v * 10 + d
  }
  return v
}

/** `s` without surrounding whitespace; the same string (no copy) in the usual case of none. */
export function trimmed(s: string): string {
  const n = s.length
  return n === 0 || (s.charCodeAt(0) > 32 && s.charCodeAt(n - 1) > 32) ? s : s.trim()
}

/** A non-empty byte field with surrounding whitespace (the text path trims it). */
export function spaced(buf: Uint8Array, a: number, z: number): boolean {
  return a < z && ((buf[a] as number) <= 32 || (buf[z - 1] as number) <= 32)
}

/** Plain decimal digits (1–15) in buf[a, z) → value; −1 for an empty field; −2 for anything else. */
export function digits(buf: Uint8Array, a: number, z: number): number {
  if (a === z) return -1
  if (z - a > 15) return -2
  let v = 0
  for (let i = a; i < z; i++) {
    const d = (buf[i] as number) - 48
    if (d < 0 || d > 9) return -2
    v = v * 10 + d
  }
  return v
}
