/**
 * The mate position a breakend ALT names (VCF 4.3 §5.4), as written ("chr2:321682"), or undefined.
 * The SV handler (../sv.ts) pairs breakends by it. The same answer as @gmod/vcf 7's
 * parseBreakend(alt)?.MatePosition, branch by branch (test/vcf/breakend.test.ts holds the two equal on
 * generated ALTs and on every breakend of the real VCFs):
 * - bracket notation (t[p[, t]p], ]p]t, [p[t: a first or last character '[' or ']'): the pieces
 *   between brackets; the mate is the last piece with a ':', given a piece without one (the bases t);
 * - single breakends (".t", "t."): no mate;
 * - an insertion from an assembly contig ("<ctg1>t", "t<ctg1>"): the contig, position 1, given the
 *   bases beside it.
 */
export function breakendMate(alt: string): string | undefined {
  const first = alt.charCodeAt(0)
  const last = alt.charCodeAt(alt.length - 1)
  if (first === 91 || first === 93 || last === 91 || last === 93 /* [ ] */) {
    let mate: string | undefined
    let bases = false
    let from = 0
    for (let i = 0; i <= alt.length; i++) {
      const c = i === alt.length ? 91 : alt.charCodeAt(i)
      if (c !== 91 && c !== 93) continue
      if (i > from) {
        const piece = alt.slice(from, i)
        if (piece.includes(':')) mate = piece
        else bases = true
      }
      from = i + 1
    }
    return bases ? mate : undefined
  }
  if (first === 46 || last === 46 /* . */) return undefined
  // "<ctg>t": the contig runs to the last '>'; "t<ctg>": from the last '<' that a '>' follows.
  const gt = alt.lastIndexOf('>')
  if (first === 60 /* < */) return gt !== -1 && gt < alt.length - 1 ? `<${alt.slice(1, gt)}>:1` : undefined
  const lt = gt < 1 ? -1 : alt.lastIndexOf('<', gt - 1)
  return lt > 0 ? `<${alt.slice(lt + 1, gt)}>:1` : undefined
}
