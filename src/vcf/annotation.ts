/**
 * Annotation entries (one per transcript) → Effect records, for VEP CSQ, SnpEff ANN, SnpEff EFF and
 * Illumina CSQT here; bcftools csq (bcsq.ts), Funcotator (funcotator.ts) and Oncotator
 * (oncotator.ts) have their own decoders behind the same interface.
 *
 * Field positions are looked up by name once per file (AnnotationDecoder), so each entry costs one
 * `split('|')` and a few array reads; no regex runs per entry. A VEP/ANN entry whose field count
 * differs from the header's Format is a located error (the header and data disagree, and every
 * later column would be misread). VEP writes ',' inside a field as '&' and the field is otherwise
 * verbatim; @gmod/vcf has already percent-decoded %XX escapes (e.g. %3D → '=').
 */
import { InputError, quote, type Location } from '../errors.js'
import type { Dialect } from './dialect.js'
import type { Effect } from './effect.js'
import type { RecordFields } from './record.js'
import { splitTerms } from './consequence.js'
import { bcsqDecoder } from './bcsq.js'
import { funcotatorDecoder } from './funcotator.js'
import { oncotatorDecoder } from './oncotator.js'

export type Raw = readonly (string | number | undefined)[]

/** What of the record a decoder may need besides the key's values (bcftools matches POS/REF, Funcotator reads raw INFO). */
export type DecodeContext = Pick<RecordFields, 'pos' | 'ref' | 'infoText'>

function idx(fields: readonly string[], ...names: string[]): number {
  for (const n of names) {
    const i = fields.indexOf(n)
    if (i !== -1) return i
  }
  return -1
}

function at(parts: readonly (string | undefined)[], i: number): string | undefined {
  if (i < 0) return undefined
  const v = parts[i]
  return v === undefined || v === '' || v === '.' ? undefined : v
}

/** cDNA position "1480/5971" → 5971 (vcf2maf's Transcript_Length); 0 when absent. */
function lengthAfterSlash(s: string | undefined): number {
  if (s === undefined) return 0
  const i = s.lastIndexOf('/')
  if (i === -1) return 0
  const n = Number(s.slice(i + 1))
  return Number.isFinite(n) ? n : 0
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

export interface AnnotationDecoder {
  readonly key: string
  /** All entries of one record's annotation INFO value. */
  decode(values: Raw, where: Location, record: DecodeContext): Effect[]
}

function malformed(what: string, entry: string, got: number, want: number, where: Location): InputError {
  return new InputError('FORMAT', `malformed ${what} entry: ${got} '|'-separated fields, the header declares ${want}: ${quote(entry)}`, {
    ...where,
    suggestion: 'the INFO header line and the records disagree; re-run the annotator or fix the header',
  })
}

function vepLike(key: string, fields: readonly string[], what: string, names: Record<string, readonly string[]>): AnnotationDecoder {
  const col = (k: string): number => idx(fields, ...(names[k] ?? [k]))
  const c = {
    allele: col('allele'),
    consequence: col('consequence'),
    symbol: col('symbol'),
    gene: col('gene'),
    feature: col('feature'),
    biotype: col('biotype'),
    canonical: col('canonical'),
    pick: col('pick'),
    hgvsc: col('hgvsc'),
    hgvsp: col('hgvsp'),
    protein: col('protein'),
    aa: col('aa'),
    cdna: col('cdna'),
    alleleNum: col('alleleNum'),
  }
  const n = fields.length
  // Only the ~14 columns we read are sliced out of an entry; the others (VEP writes 30-80) are
  // skipped with indexOf instead of being allocated by split('|'). Measured with
  // test/vcf/bench/vep-synthetic.mjs under --cpu-prof: decode is ~10% of reader CPU time.
  const wanted = new Uint8Array(n)
  for (const i of Object.values(c)) if (i >= 0) wanted[i] = 1
  const p: (string | undefined)[] = new Array<string | undefined>(n)
  return {
    key,
    decode(values, where) {
      const out: Effect[] = []
      for (const entry of rejoin(values)) {
        let start = 0
        let k = 0
        for (;;) {
          const bar = entry.indexOf('|', start)
          const end = bar === -1 ? entry.length : bar
          if (k < n) p[k] = wanted[k] === 1 ? entry.slice(start, end) : undefined
          k++
          if (bar === -1) break
          start = bar + 1
        }
        if (k !== n) throw malformed(what, entry, k, n, where)
        const num = at(p, c.alleleNum)
        out.push({
          allele: p[c.allele] ?? '',
          alleleNum: num === undefined ? undefined : Number(num),
          terms: splitTerms(p[c.consequence] ?? ''),
          symbol: at(p, c.symbol),
          geneId: at(p, c.gene),
          feature: at(p, c.feature),
          biotype: at(p, c.biotype),
          canonical: at(p, c.canonical) === 'YES',
          pick: at(p, c.pick) === '1',
          hgvsc: at(p, c.hgvsc),
          hgvsp: at(p, c.hgvsp),
          proteinPosition: at(p, c.protein),
          aminoAcids: at(p, c.aa),
          transcriptLength: lengthAfterSlash(at(p, c.cdna)),
        })
      }
      return out
    },
  }
}

const VEP_NAMES: Record<string, readonly string[]> = {
  allele: ['Allele'],
  consequence: ['Consequence'],
  symbol: ['SYMBOL'],
  gene: ['Gene'],
  feature: ['Feature'],
  biotype: ['BIOTYPE'],
  canonical: ['CANONICAL'],
  pick: ['PICK'],
  hgvsc: ['HGVSc'],
  hgvsp: ['HGVSp'],
  protein: ['Protein_position'],
  aa: ['Amino_acids'],
  cdna: ['cDNA_position'],
  alleleNum: ['ALLELE_NUM'],
}

// vcf2maf renames SnpEff's ANN fields to VEP's (Annotation → Consequence, Gene_Name → SYMBOL, …).
const ANN_NAMES: Record<string, readonly string[]> = {
  allele: ['Allele'],
  consequence: ['Annotation'],
  symbol: ['Gene_Name'],
  gene: ['Gene_ID'],
  feature: ['Feature_ID'],
  biotype: ['Transcript_BioType'],
  canonical: [],
  pick: [],
  hgvsc: ['HGVS.c'],
  hgvsp: ['HGVS.p'],
  protein: ['AA.pos/AA.length'],
  aa: [],
  cdna: ['cDNA.pos/cDNA.length'],
  alleleNum: [],
}

// Illumina Isaac (IONA) "HGNC|TranscriptID|Consequence" and Nirvana "GenotypeIndex|HGNC|Transcript ID|
// Consequence" (GenotypeIndex: the 1-based ALT). No protein change, biotype or canonical flag is written.
const CSQT_NAMES: Record<string, readonly string[]> = {
  allele: [],
  consequence: ['Consequence'],
  symbol: ['HGNC'],
  gene: [],
  feature: ['TranscriptID'],
  biotype: [],
  canonical: [],
  pick: [],
  hgvsc: [],
  hgvsp: [],
  protein: [],
  aa: [],
  cdna: [],
  alleleNum: ['GenotypeIndex'],
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
