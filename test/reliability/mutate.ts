/**
 * Mutations of a valid file, as fast-check values: byte flips, line deletion / duplication / swap,
 * field truncation, inserted tabs, quotes and random bytes. Applied in order to a Buffer.
 */
import fc from 'fast-check'

export type Mutation =
  | { readonly op: 'flip'; readonly at: number; readonly byte: number }
  | { readonly op: 'deleteLine' | 'duplicateLine' | 'truncateLine'; readonly at: number; readonly cut: number }
  | { readonly op: 'swapLines'; readonly at: number; readonly other: number }
  | { readonly op: 'insert'; readonly at: number; readonly bytes: readonly number[] }

const at = fc.nat({ max: 1 << 20 })
export const mutationArb: fc.Arbitrary<Mutation> = fc.oneof(
  fc.record({ op: fc.constant('flip' as const), at, byte: fc.integer({ min: 0, max: 255 }) }),
  fc.record({ op: fc.constantFrom('deleteLine' as const, 'duplicateLine' as const, 'truncateLine' as const), at, cut: at }),
  fc.record({ op: fc.constant('swapLines' as const), at, other: at }),
  fc.record({ op: fc.constant('insert' as const), at, bytes: fc.constantFrom([9], [34], [39], [9, 9], [34, 9, 34], [13], [0]) }),
  fc.record({ op: fc.constant('insert' as const), at, bytes: fc.array(fc.integer({ min: 0, max: 255 }), { minLength: 1, maxLength: 8 }) }),
)

function lines(buf: Buffer): Buffer[] {
  const out: Buffer[] = []
  let start = 0
  for (let i = buf.indexOf(10); i !== -1; i = buf.indexOf(10, start)) {
    out.push(buf.subarray(start, i + 1))
    start = i + 1
  }
  if (start < buf.length) out.push(buf.subarray(start))
  return out
}

export function applyMutation(buf: Buffer, m: Mutation): Buffer {
  if (m.op === 'flip') {
    if (buf.length === 0) return buf
    const b = Buffer.from(buf)
    b[m.at % b.length] = m.byte
    return b
  }
  if (m.op === 'insert') {
    const i = buf.length === 0 ? 0 : m.at % (buf.length + 1)
    return Buffer.concat([buf.subarray(0, i), Buffer.from(m.bytes), buf.subarray(i)])
  }
  const ls = lines(buf)
  if (ls.length === 0) return buf
  const i = m.at % ls.length
  const line = ls[i] as Buffer
  if (m.op === 'deleteLine') ls.splice(i, 1)
  else if (m.op === 'duplicateLine') ls.splice(i, 0, line)
  else if (m.op === 'truncateLine') ls[i] = Buffer.concat([line.subarray(0, m.cut % (line.length + 1)), Buffer.from('\n')])
  else if (m.op === 'swapLines') {
    const j = m.other % ls.length
    ls[i] = ls[j] as Buffer
    ls[j] = line
  }
  return Buffer.concat(ls)
}

export function applyMutations(buf: Buffer, ms: readonly Mutation[]): Buffer {
  return ms.reduce(applyMutation, buf)
}
