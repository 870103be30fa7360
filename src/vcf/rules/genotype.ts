/**
 * Which ALTs a genotype (FORMAT/GT) carries: one rule for both record paths (the text path's
 * record.ts; the byte path reads GT bytes into the same allele indices, byte-path/sample-bytes.ts).
 * A GT's called allele indices are the parts between '/' and '|'; '.' parts are not called.
 */
import { isMissing } from '../../io/fields.js'

/** A leading digit cannot be a missing-value spelling: skip isMissing's trim + Set look-up. */
export function missing(s: string): boolean {
  const c0 = s.charCodeAt(0)
  return !(c0 >= 48 && c0 <= 57) && isMissing(s)
}

/**
 * Walk the called allele indices of a GT ("0/1", "1|2", "1", "./1"), parts between '/' and '|', by
 * char scan (a regex split here was 0.27 µs of every record). `visit` returning true stops the walk.
 * Returns true when stopped, false when some allele was called, undefined for a missing GT.
 */
function walkGt(gt: string | undefined, visit: (allele: number) => boolean): boolean | undefined {
  if (gt === undefined || missing(gt)) return undefined
  let called = false
  let from = 0
  const n = gt.length
  for (let k = 0; k <= n; k++) {
    const c = k === n ? 47 : gt.charCodeAt(k)
    if (c !== 47 /* / */ && c !== 124 /* | */) continue
    const len = k - from
    if (len > 0 && !(len === 1 && gt.charCodeAt(from) === 46) /* . */) {
      called = true
      const d = gt.charCodeAt(from) - 48
      if (visit(len === 1 && d >= 0 && d <= 9 ? d : Number(gt.slice(from, k)))) return true
    }
    from = k + 1
  }
  return called ? false : undefined
}

/** Does a GT carry allele index i? Missing GT (or no called allele) → undefined. */
export function gtCarries(gt: string | undefined, i: number): boolean | undefined {
  return walkGt(gt, (a) => a === i)
}

/**
 * gtCarries for every ALT of a record at once (a record of n ALTs asks n times; re-reading a GT
 * that names them all was O(n²)): `has[i]` is 1 when the GT carries ALT i; undefined for a missing
 * GT, as gtCarries. The same walk as gtCarries.
 */
export function gtCarriedSet(gt: string | undefined, alts: number): Uint8Array | undefined {
  const has = new Uint8Array(alts + 1)
  const r = walkGt(gt, (v) => {
    if (Number.isInteger(v) && v >= 1 && v <= alts) has[v] = 1
    return false
  })
  return r === undefined ? undefined : has
}

