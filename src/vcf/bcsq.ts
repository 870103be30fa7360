/**
 * bcftools csq INFO/BCSQ (or a CSQ key declared as "BCFtools/csq") → Effect records.
 *
 * Entry layout, as bcftools csq.c kput_vcsq writes it (samtools/bcftools at 06f34eb):
 *   [*]consequence[&consequence…]|gene|transcript|biotype[|strand[|amino_acid_change|dna_change]]
 * or "@POS" alone. Entries are ','-separated, one per transcript and haplotype consequence. Fields are
 * read by position: bcftools has one fixed layout, and the header's "Format:" text only lists it
 * (bcftools' own split-vep tests add columns after it; they are ignored).
 * - consequence words are bcftools' short SO names, translated here with BCSQ_TERMS
 *   (annotator-terms.ts); an unknown word is kept as written so the reader reports it, with its
 *   line, as an UNKNOWN_TERM. "NMD_transcript" can be '&'-appended; it ranks as VEP's.
 * - '*' prefix: the consequence lies after a stop codon that another variant of the same haplotype
 *   introduced upstream. We keep the consequence of this variant itself (the '*' is dropped):
 *   the upstream stop is its own record and its own Nonsense_Mutation.
 * - "@POS": the allele is part of a compound consequence (e.g. two SNVs in one codon) that bcftools
 *   wrote once, at the record at POS, with both changes in its dna_change ("3630T>A+3632A>C").
 *   We do not reach across records to copy it: the entry becomes an Effect with compoundAt, which
 *   small.ts never picks; an allele with nothing else is dropped with its own counted reason, and
 *   the compound event is the record at POS.
 * - Allele: an entry with a dna_change ("69428T>G", compound "121ACG>A+124TA>T", written with the
 *   full VCF REF and ALT) belongs to the ALT of the part at this record's POS and REF; an entry
 *   without one (intron, non_coding, UTR, splice) is written once for the site and applies to
 *   every ALT.
 * - Haplotypes: INFO/BCSQ is the union over all samples' haplotypes; the per-sample FORMAT/BCSQ
 *   bitmask that says which entry each haplotype carries is not read. For tumour-only and
 *   tumour/normal VCFs the union is the tumour's; in a multi-sample cohort a sample carrying only
 *   part of a compound haplotype is classified from the site's entries all the same.
 * - Transcript choice is effect.ts pickEffect (biotype, then severity; bcftools writes no
 *   canonical flag or transcript length, so the most severe consequence of the most relevant
 *   biotype wins, ties by the order written).
 * - Protein change: bcftools writes "{pos}{ref aa}[>{pos}{alt aa}]" (see bcsqProtein).
 * No protein change for non-coding entries.
 *
 * Complexity: O(entry bytes) per record; one split('|') per entry, one regex per amino-acid change.
 */
import { InputError, quote, type Location } from '../errors.js'
import type { AnnotationDecoder } from './annotation-decoder.js'
import { BCSQ_TERMS } from '../model/annotator-terms.js'
import type { Effect } from './effect.js'

function termsOf(consequence: string): string[] {
  const c = consequence.startsWith('*') ? consequence.slice(1) : consequence
  if (c === '') return []
  return c.split('&').map((w) => BCSQ_TERMS[w] ?? w)
}

/** The ALT of this record's part of a dna_change ("69428T>G+69430A>C"), or '' when none is this record's. */
function alleleOf(dna: string | undefined, pos: number, ref: string): string {
  if (dna === undefined || dna === '') return ''
  const head = `${pos}${ref}>`
  for (const part of dna.split('+')) if (part.startsWith(head)) return part.slice(head.length)
  return ''
}

interface AaSide {
  readonly pos: number
  readonly aa: string
  /** bcftools --brief-predictions shortened the sequence ("120KLMN..135"). */
  readonly cut: boolean
}

const SIDE = /^(\d+)([A-Z*]+)(\.\.\d+)?$/

function side(s: string): AaSide | undefined {
  const m = SIDE.exec(s)
  if (m === null) return undefined
  return { pos: Number(m[1]), aa: m[2] as string, cut: m[3] !== undefined }
}

function span(aa: string, pos: number): string {
  return aa.length === 1 ? `${aa}${pos}` : `${aa[0] ?? ''}${pos}_${aa[aa.length - 1] ?? ''}${pos + aa.length - 1}`
}

/**
 * bcftools amino_acid_change → HGVSp_Short. bcftools gives the reference protein position and the
 * reference and altered amino-acid strings of the changed codons ('*' = stop); positions are those
 * of the reference protein. The conversion trims the common prefix and suffix, then:
 * - "60S" (synonymous, no '>') → p.S60=; several codons → p.S60_L61=;
 * - one residue each → substitution: "113F>113C" → p.F113C, "210S>210*" → p.S210*, "260*>260G" → p.*260G;
 * - frameshift: first changed residue, its replacement and the distance to the new stop when the
 *   altered string reaches one: "120KLMN>120KRST*" → p.L121Rfs*4; without a stop (or shortened
 *   by --brief-predictions) → p.L121Rfs; a stop as the first change → p.L121*; no '>' → p.K120fs;
 * - deletion: "5PLA>5P" → p.L6_A7del (p.L6del for one residue);
 * - insertion: "5P>5PLA" → p.P5delinsPLA, because bcftools does not give the residue after the
 *   insertion that HGVS "p.P5_Q6insLA" needs; when a common suffix gives it, "5PQ>5PLAQ" → p.P5_Q6insLA;
 * - anything else → delins: "74EDG>74D" → p.E74_G76delinsD.
 * A shortened (--brief-predictions) non-frameshift change, or text not in this form, gives undefined.
 */
export function bcsqProtein(change: string | undefined, frameshift: boolean): string | undefined {
  if (change === undefined || change === '') return undefined
  const gt = change.indexOf('>')
  const ref = side(gt === -1 ? change : change.slice(0, gt))
  if (ref === undefined) return undefined
  if (gt === -1) {
    if (frameshift) return `p.${ref.aa[0] ?? ''}${ref.pos}fs`
    return ref.cut ? undefined : `p.${span(ref.aa, ref.pos)}=`
  }
  const alt = side(change.slice(gt + 1))
  if (alt === undefined) return undefined
  const r = ref.aa
  const a = alt.aa
  let k = 0
  while (k < r.length && k < a.length && r[k] === a[k]) k++
  const p = ref.pos + k
  if (frameshift) {
    const first = r[k] ?? r[r.length - 1] ?? ''
    const at = k < r.length ? p : ref.pos + r.length - 1
    const to = a[k]
    if (to === undefined) return `p.${first}${at}fs`
    if (to === '*') return `p.${first}${at}*`
    const stop = a.indexOf('*', k)
    return stop === -1 || alt.cut ? `p.${first}${at}${to}fs` : `p.${first}${at}${to}fs*${stop - k + 1}`
  }
  if (ref.cut || alt.cut) return undefined
  let j = 0
  while (j < r.length - k && j < a.length - k && r[r.length - 1 - j] === a[a.length - 1 - j]) j++
  const del = r.slice(k, r.length - j)
  const ins = a.slice(k, a.length - j)
  if (del === '' && ins === '') return `p.${span(r, ref.pos)}=`
  if (del.length === 1 && ins.length === 1) return `p.${del}${p}${ins}`
  if (ins === '') return `p.${span(del, p)}del`
  if (del === '') {
    const before = r[k - 1]
    const after = r[k]
    if (before !== undefined && after !== undefined) return `p.${before}${p - 1}_${after}${p}ins${ins}`
    if (before !== undefined) return `p.${before}${p - 1}delins${before}${ins}`
    return `p.${after ?? ''}${p}delins${ins}${after ?? ''}`
  }
  return `p.${span(del, p)}delins${ins}`
}

function malformedBcsq(entry: string, got: number, where: Location): InputError {
  return new InputError('FORMAT', `malformed bcftools csq entry: ${got} '|'-separated fields, expected at least 4 (consequence|gene|transcript|biotype) or "@POS": ${quote(entry)}`, {
    ...where,
    suggestion: 'the INFO value is not bcftools csq output; re-run bcftools csq or fix the header',
  })
}

const AT_POS = /^@(\d+)$/

export function bcsqDecoder(key: string): AnnotationDecoder {
  return {
    key,
    decode(values, where, record) {
      const out: Effect[] = []
      for (const v of values) {
        if (v === undefined) continue
        const entry = String(v)
        if (entry.startsWith('@')) {
          const m = AT_POS.exec(entry)
          if (m === null) throw malformedBcsq(entry, 1, where)
          out.push({ allele: '', terms: [], canonical: false, pick: false, transcriptLength: 0, compoundAt: Number(m[1]) })
          continue
        }
        const p = entry.split('|')
        if (p.length < 4) throw malformedBcsq(entry, p.length, where)
        const terms = termsOf(p[0] as string)
        const opt = (i: number): string | undefined => (p[i] === undefined || p[i] === '' ? undefined : p[i])
        out.push({
          allele: alleleOf(opt(6), record.pos, record.ref),
          terms,
          symbol: opt(1),
          feature: opt(2),
          biotype: opt(3),
          canonical: false,
          pick: false,
          hgvsp: bcsqProtein(opt(5), terms.includes('frameshift_variant')),
          transcriptLength: 0,
        })
      }
      return out
    },
  }
}
