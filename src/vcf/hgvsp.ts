/**
 * HGVSp → HGVSp_Short the way vcf2maf writes it (mskcc/vcf2maf vcf2maf.pl, commit 17feed0):
 * - drop the protein ID prefix ("ENSP00000263967.3:p.His1047Arg" → "p.His1047Arg");
 * - if the value is a "c.…(p.…)" pair, keep the p. part;
 * - three-letter amino acids → one letter, Ter → '*' ("p.Ser67GlnfsTer12" → "p.S67Qfs*12");
 * - '%3D' is '=' (VEP URL-escapes it; INFO typing already decodes %XX, this is for other callers);
 * - splice_acceptor/donor as the chosen term: "p.X{n}_splice" with n = round((c + c mod 3) / 3)
 *   from the HGVSc c. position (c < 1 → 1);
 * - synonymous "p.=": "p.{aa}{pos}=" from Protein_position and Amino_acids. vcf2maf requires
 *   Protein_position "n/length" (VEP --total_length); we also accept a bare "n".
 * Regex use is per chosen effect only, never per transcript, and the common "ENSP…:p.Arg12His"
 * takes none: three-letter codes are found by a scan (1.6 → 0.3 µs per call measured on 200,000
 * bench HGVSp values; the alternation regex it replaces was the largest single cost per record).
 */
const AA3TO1: Readonly<Record<string, string>> = {
  Ala: 'A', Arg: 'R', Asn: 'N', Asp: 'D', Asx: 'B', Cys: 'C', Glu: 'E', Gln: 'Q', Glx: 'Z', Gly: 'G', His: 'H', Ile: 'I',
  Leu: 'L', Lys: 'K', Met: 'M', Phe: 'F', Pro: 'P', Ser: 'S', Thr: 'T', Trp: 'W', Tyr: 'Y', Val: 'V', Xxx: 'X', Ter: '*',
}

/** The codes by their three char codes (c0 << 16 | c1 << 8 | c2): a look-up without slicing. */
const AA3_BY_CODE: ReadonlyMap<number, string> = new Map(
  Object.entries(AA3TO1).map(([three, one]) => [(three.charCodeAt(0) << 16) | (three.charCodeAt(1) << 8) | three.charCodeAt(2), one]),
)

/**
 * Every three-letter code → its one-letter code, left to right, never overlapping: what
 * `p.replace(/Ala|Arg|…|Ter/g, …)` does (all codes have 3 letters, so the leftmost match at each
 * position is the only one). Codes are an upper-case letter and two lower-case ones, so other
 * positions cost one or two char tests, and candidates are looked up by char codes.
 */
function aa3to1(p: string): string {
  let out = ''
  let from = 0
  const n = p.length - 2
  for (let i = 0; i < n; i++) {
    const c = p.charCodeAt(i)
    if (c < 65 || c > 90) continue
    const c1 = p.charCodeAt(i + 1)
    if (c1 < 97 || c1 > 122) continue
    const c2 = p.charCodeAt(i + 2)
    if (c2 < 97 || c2 > 122) continue
    const one = AA3_BY_CODE.get((c << 16) | (c1 << 8) | c2)
    if (one === undefined) continue
    out += p.slice(from, i) + one
    i += 2
    from = i + 1
  }
  return from === 0 ? p : out + p.slice(from)
}

/** Strip the transcript/protein ID prefix ("ENST…:c.1A>G" → "c.1A>G"). */
export function stripFeatureId(hgvs: string): string {
  const i = hgvs.lastIndexOf(':')
  return i === -1 ? hgvs : hgvs.slice(i + 1)
}

export function shortProtein(hgvsp: string): string {
  let p = stripFeatureId(hgvsp)
  if (p.includes('%')) p = p.replaceAll('%3D', '=')
  if (p.startsWith('c.')) {
    const m = /\((p\.\S+)\)/.exec(p)
    if (m?.[1] !== undefined) p = m[1]
  }
  return aa3to1(p)
}

/**
 * shortProtein of the value buf[a, z), read from bytes and written into `out` (the VCF table
 * path: the result goes to the EventTable as bytes, no string made): its length, or −1 when the
 * value takes the string form's other rules ('%', a "c.…(p.…)" pair). ASCII in, ASCII out; out
 * needs z − a bytes (a code only ever gets shorter).
 */
export function shortProteinInto(buf: Uint8Array, a: number, z: number, out: Uint8Array): number {
  let from = z
  while (from > a && buf[from - 1] !== 58 /* : */) from--
  if (z - from >= 2 && buf[from] === 99 /* c */ && buf[from + 1] === 46 /* . */) return -1
  let n = 0
  for (let i = from; i < z; i++) {
    const c = buf[i] as number
    if (c === 37 /* % */) return -1
    if (c >= 65 && c <= 90 && i + 2 < z) {
      const c1 = buf[i + 1] as number
      const c2 = buf[i + 2] as number
      if (c1 >= 97 && c1 <= 122 && c2 >= 97 && c2 <= 122) {
        const one = AA3_BY_CODE.get((c << 16) | (c1 << 8) | c2)
        if (one !== undefined) {
          out[n++] = one.charCodeAt(0)
          i += 2
          continue
        }
      }
    }
    out[n++] = c
  }
  return n
}

export interface ProteinInputs {
  readonly hgvsp?: string | undefined
  readonly hgvsc?: string | undefined
  readonly term?: string | undefined
  readonly proteinPosition?: string | undefined
  readonly aminoAcids?: string | undefined
}

/**
 * HGVSp_Short for the chosen effect, or undefined when there is none. `term` is the chosen
 * consequence term (default e.term). HGVSc, Protein_position and Amino_acids are read only when
 * the rule needs them (an Effect slices its fields on read).
 */
export function hgvspShort(e: ProteinInputs, term: string = e.term ?? ''): string | undefined {
  const hgvsp = e.hgvsp
  let short = hgvsp ? shortProtein(hgvsp) : undefined
  if ((term === 'splice_acceptor_variant' || term === 'splice_donor_variant') && e.hgvsc) {
    const m = /^c.(\d+)/.exec(stripFeatureId(e.hgvsc))
    if (m?.[1] !== undefined) {
      const c = Math.max(1, Number(m[1]))
      short = `p.X${Math.round((c + (c % 3)) / 3)}_splice`
    }
  }
  if (short === 'p.=') {
    const position = e.proteinPosition
    const aminoAcids = e.aminoAcids
    const m = position && aminoAcids ? /^(\d+)(-\d+)?(\/\d+)?$/.exec(position) : null
    if (m?.[1] !== undefined) short = `p.${aminoAcids}${m[1]}=`
  }
  return short === '' ? undefined : short
}
