/**
 * Byte-class tables for the byte readers' scan loops (../vcf/byte-path/row-reader.ts, ../vcf/byte-path/entry-bytes.ts): one
 * lookup per byte instead of a chain of comparisons. Printable ASCII (0x20-0x7e) is class 0, every
 * other byte `other`, and the listed bytes their own class. O(256) once per table, at load.
 */
export function byteClasses(other: number, special: Readonly<Record<number, number>>): Uint8Array {
  const t = new Uint8Array(256).fill(other)
  t.fill(0, 32, 127)
  for (const [b, c] of Object.entries(special)) t[Number(b)] = c
  return t
}
