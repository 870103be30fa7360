/**
 * Annotation entries (one per transcript) → Effect records, for VEP CSQ, SnpEff ANN, SnpEff EFF and
 * Illumina CSQT here; bcftools csq (bcsq.ts), Funcotator (funcotator.ts) and Oncotator
 * (oncotator.ts) have their own decoders behind the same interface.
 *
 * Field positions are looked up by name once per file (AnnotationDecoder). A VEP/ANN entry is
 * located, not split: an indexOf per field up to the last column we read, one sticky regex that
 * counts the rest, and a field is sliced only when read (VepEntry), so choosing among transcripts
 * slices the few columns the choice needs. The reader hands entries over as spans of the line
 * (decodeSpan) when the INFO value is the text as written; decode() takes the typed values (rules/info.ts).
 * A VEP/ANN entry whose field count differs from the header's Format is a located error (the header
 * and data disagree, and every later column would be misread). VEP writes ',' inside a field as '&'
 * and the field is otherwise verbatim; INFO typing (rules/info.ts) has already percent-decoded %XX escapes (%3D → '=').
 *
 * Complexity: O(entry length) per entry. Measured with test/vcf/bench/reader.mjs on a real
 * Mutect2 + VEP VCF (../shared camutqc WES_EA_T_1_mutect2.vep.vcf repeated to 100,050 records; 56
 * columns, ~14 transcripts a record): 36.7 → 21.5 µs/record (min; median ratio 2.2).
 */
import { InputError, quote, type Location } from '../errors.js'
import type { Dialect } from './dialect.js'
import { splitTerms } from '../model/consequence.js'
import type { Effect } from './effect.js'
import type { AnnotationDecoder, DecodeContext, Raw } from './annotation-decoder.js'
import { bcsqDecoder } from './bcsq.js'
import { funcotatorDecoder } from './funcotator.js'
import { oncotatorDecoder } from './oncotator.js'
import { ANN_NAMES, CSQT_NAMES, VEP_NAMES, idx, layout, type SlotName } from './entry-layout.js'
import { VepEntry } from './vep-entry.js'

export type { AnnotationDecoder, DecodeContext, Raw }
export { SLOT, SLOTS, entryLayout, type EntryLayout } from './entry-layout.js'



function at(parts: readonly (string | undefined)[], i: number): string | undefined {
  if (i < 0) return undefined
  const v = parts[i]
  return v === undefined || v === '' || v === '.' ? undefined : v
}


/**
 * Entries as written, with unescaped commas repaired: a fragment containing no '|' cannot be an
 * entry of a multi-field format, so it is a piece of the previous entry's last field that the
 * annotator failed to escape (LOFTEE's LoF_info, bcftools test split-vep.broken-LoF.vcf) and is
 * joined back with ','.
 */
function rejoin(values: Raw): string[] {
  const out: string[] = []
  for (const v of values) {
    if (v === undefined) continue
    const s = String(v)
    if (!s.includes('|') && out.length > 0) out[out.length - 1] += `,${s}`
    else out.push(s)
  }
  return out
}


function malformed(what: string, entry: string, got: number, want: number, where: Location): InputError {
  return new InputError('FORMAT', `malformed ${what} entry: ${got} '|'-separated fields, the header declares ${want}: ${quote(entry)}`, {
    ...where,
    suggestion: 'the INFO header line and the records disagree; re-run the annotator or fix the header',
  })
}




function vepLike(key: string, fields: readonly string[], what: string, names: Record<SlotName, readonly string[]>): AnnotationDecoder {
  const { n, slotOf, lastRead } = layout(fields, names)
  // Past the last column we read, fields are only counted (the entry must have n of them): one
  // sticky regex over the rest of the entry instead of an indexOf per field. It stops at the
  // characters that end a CSQ entry or INFO value, so a match ending exactly at the entry's end
  // proves the count; anything else is counted again field by field (and reported if wrong).
  const rest = n - lastRead - 2
  const tail = rest >= 0 ? new RegExp(`(?:[^|,;\\t\\r\\n]*\\|){${rest}}[^|,;\\t\\r\\n]*`, 'y') : undefined
  /** Field bounds of the entry src[from, to) into a new slot array; undefined unless it has n fields. */
  const locate = (src: string, from: number, to: number): number[] | undefined => {
    // A literal: new Array(28).fill(-1) measured 35× slower to make (186 vs 5 ns, test/vcf/bench).
    const at = [-1, -1, -1, -1, -1, -1, -1, -1, -1, -1, -1, -1, -1, -1, -1, -1, -1, -1, -1, -1, -1, -1, -1, -1, -1, -1, -1, -1]
    let start = from
    let k = 0
    let counted = false
    for (;;) {
      let bar = src.indexOf('|', start)
      if (bar === -1 || bar > to) bar = to
      if (k < n) {
        const slot = slotOf[k] as number
        if (slot >= 0) {
          at[2 * slot] = start
          at[2 * slot + 1] = bar
        }
      }
      k++
      if (bar === to) break
      start = bar + 1
      if (k === lastRead + 1 && tail !== undefined && !counted) {
        counted = true
        tail.lastIndex = start
        if (tail.test(src) && tail.lastIndex === to) return at
      }
    }
    // A column the header declares but the entry lacks cannot happen here (k === n).
    return k === n ? at : undefined
  }
  return {
    key,
    decode(values, where) {
      const out: Effect[] = []
      for (const entry of rejoin(values)) {
        const at = locate(entry, 0, entry.length)
        if (at === undefined) throw malformed(what, entry, entry.split('|').length, n, where)
        out.push(new VepEntry(entry, at))
      }
      return out
    },
    decodeSpan(text, from, to) {
      // Entries are the ','-separated pieces; a piece without '|' continues the previous entry's
      // last field (rejoin's repair), which in the line is simply a longer span. A '.' piece
      // (dropped by rejoin) or a malformed entry goes through decode, for its exact error text.
      const out: Effect[] = []
      let lastAt: number[] | undefined
      let p = from
      for (;;) {
        let comma = text.indexOf(',', p)
        if (comma === -1 || comma > to) comma = to
        const bar = text.indexOf('|', p)
        if (bar === -1 || bar > comma) {
          if (comma - p === 1 && text.charCodeAt(p) === 46) return undefined
          if (lastAt !== undefined) {
            // The last field (index n - 1) now ends at this piece's end.
            const slot = slotOf[n - 1] as number
            if (slot >= 0) lastAt[2 * slot + 1] = comma
          } else {
            lastAt = locate(text, p, comma)
            if (lastAt === undefined) return undefined
            out.push(new VepEntry(text, lastAt))
          }
        } else {
          lastAt = locate(text, p, comma)
          if (lastAt === undefined) return undefined
          out.push(new VepEntry(text, lastAt))
        }
        if (comma === to) break
        p = comma + 1
      }
      return out
    },
  }
}

// SnpEff EFF layouts by field count, for files that do not declare EFF (see dialect.ts).
const EFF_V2 = ['Effect_Impact', 'Functional_Class', 'Codon_Change', 'Amino_Acid_Change', 'Gene_Name', 'Transcript_BioType', 'Gene_Coding', 'Transcript_ID', 'Exon_Rank']
const EFF_V3 = [...EFF_V2.slice(0, 4), 'Amino_Acid_Length', ...EFF_V2.slice(4), 'Genotype_Number', 'ERRORS', 'WARNINGS']

/** "NEXT_PROT[glycosylation_site:N-linked_(GlcNAc...)](HIGH|…)" → ["NEXT_PROT", "HIGH|…"]. */
function splitEff(entry: string): [string, string] | undefined {
  let s = entry
  const lb = s.indexOf('[')
  if (lb !== -1) {
    const rb = s.indexOf(']', lb)
    if (rb !== -1) s = s.slice(0, lb) + s.slice(rb + 1)
  }
  const open = s.indexOf('(')
  const close = s.lastIndexOf(')')
  if (open <= 0 || close < open) return undefined
  return [s.slice(0, open), s.slice(open + 1, close)]
}

function effDecoder(key: string, declared: readonly string[] | undefined): AnnotationDecoder {
  return {
    key,
    decode(values, where) {
      const out: Effect[] = []
      for (const v of values) {
        if (v === undefined) continue
        const entry = String(v)
        const parts = splitEff(entry)
        if (parts === undefined) {
          throw new InputError('FORMAT', `malformed EFF entry (expected Effect(…|…)): ${quote(entry)}`, where)
        }
        const [effect, inner] = parts
        const p = inner.split('|')
        // Undeclared, or declared but the data has no Amino_Acid_Length (older SnpEff): by count.
        const fields = declared ?? (p.length <= 9 ? EFF_V2 : EFF_V3)
        const gi = idx(fields, 'Gene_Name')
        if (p.length <= gi) throw malformed('EFF', entry, p.length, fields.length, where)
        const gt = at(p, idx(fields, 'Genotype_Number', 'GenotypeNum'))
        const aa = at(p, idx(fields, 'Amino_Acid_Change', 'Amino_Acid_change'))
        out.push({
          // Genotype_Number is an ALT index, or an allele ("G", cancer "G-C") in SnpEff 4.
          allele: gt !== undefined && !/^\d+$/.test(gt) ? gt : '',
          alleleNum: gt !== undefined && /^\d+$/.test(gt) ? Number(gt) : undefined,
          terms: splitTerms(effect),
          symbol: at(p, gi),
          feature: at(p, idx(fields, 'Transcript_ID', 'Transcript')),
          biotype: at(p, idx(fields, 'Transcript_BioType', 'Gene_BioType')),
          canonical: false,
          pick: false,
          // "M1V" (old) or "p.Met1Val" / "p.Gln3_Pro9del/c.7_27del…" (SnpEff 4 -hgvs).
          hgvsp: aa === undefined ? undefined : normaliseEffProtein(aa),
          transcriptLength: 0,
        })
      }
      return out
    },
  }
}

function normaliseEffProtein(aa: string): string {
  const slash = aa.indexOf('/c.')
  const p = slash === -1 ? aa : aa.slice(0, slash)
  return p.startsWith('p.') ? p : `p.${p}`
}

export function decoderFor(d: Dialect): AnnotationDecoder | undefined {
  switch (d.kind) {
    case 'vep':
      return vepLike(d.key, d.fields, 'VEP CSQ', VEP_NAMES)
    case 'snpeff-ann':
      return vepLike(d.key, d.fields, 'SnpEff ANN', ANN_NAMES)
    case 'snpeff-eff':
      return effDecoder(d.key, d.fields)
    case 'csqt':
      return vepLike(d.key, d.fields, 'Illumina CSQT', CSQT_NAMES)
    case 'bcsq':
      return bcsqDecoder(d.key)
    case 'funcotator':
      return funcotatorDecoder(d.key, d.fields)
    case 'oncotator':
      return oncotatorDecoder()
    case 'annovar':
      return undefined
  }
}
