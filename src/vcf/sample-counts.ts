/**
 * Read depths and VAF for one allele from a sample's FORMAT text (the text path; the byte path reads
 * GT/AD/DP/AF bytes in byte-path/sample-bytes.ts and calls the same depth rule, rules/depth.ts).
 *
 * Allele depths (t_ref_count / t_alt_count / t_depth), as vcf2maf's FixAlleleDepths where it applies:
 *  - AD with one value per allele: ref = AD[0], alt = AD[i]; AD with a single value: alt = AD and
 *    ref = RD (VarScan); other AD lengths are ignored (vcf2maf blanks them);
 *  - no AD, Strelka SNV tier-1 counts AU/CU/GU/TU: ref/alt = {REF}U/{ALT}U, depth = their sum;
 *  - no AD, Strelka indel TAR/TIR tier 1: ref = TAR, alt = TIR, depth = TAR + TIR;
 *  - no AD, VarDict VD (+ RD forward,reverse) or freebayes AO/RO.
 *  depth and the VAF fallback: rules/depth.ts.
 * VAF: FORMAT AF (Mutect2 Number=A, VarDict), else VarScan FREQ ("48.7%"), else alt / depth.
 */
import { parseCountField, parseFloatField, isMissing } from '../io/fields.js'
import { missing } from './rules/genotype.js'
import { alleleDepth, countVaf } from './rules/depth.js'
/** FORMAT keys read per sample; everything else in the sample column is skipped unparsed. */
export const FORMAT_KEYS = ['GT', 'AD', 'DP', 'AF', 'FREQ', 'RD', 'AU', 'CU', 'GU', 'TU', 'TAR', 'TIR', 'VD', 'AO', 'RO', 'CN'] as const
export type FormatKey = (typeof FORMAT_KEYS)[number]
/** A sample's values of FORMAT_KEYS; absent keys are missing or undefined. */
export type FormatValues = { [K in FormatKey]?: string | undefined }

export interface AlleleCounts {
  readonly refCount?: number | undefined
  readonly altCount?: number | undefined
  readonly depth?: number | undefined
  readonly vaf?: number | undefined
}

/** Digits, optionally one '.' and more digits ("0.4", "12", "3."): a subset of parseFloatField's syntax. */
function isPlainDecimal(s: string): boolean {
  const n = s.length
  let i = 0
  while (i < n && s.charCodeAt(i) >= 48 && s.charCodeAt(i) <= 57) i++
  if (i === 0) return false
  if (i < n && s.charCodeAt(i) === 46 /* . */) i++
  while (i < n && s.charCodeAt(i) >= 48 && s.charCodeAt(i) <= 57) i++
  return i === n
}

interface Loc {
  readonly file: string
  readonly line: number
  readonly column: number
}

/** Plain digits (the common case) → number without the regex-based field parser. */
function fastCount(v: string, name: string, loc: Loc): number | undefined {
  const n = v.length
  if (n > 0 && n < 16) {
    // Up to 15 digits: exact in a double, so the sum of digits is what Number(v) gives.
    let x = 0
    let i = 0
    for (; i < n; i++) {
      const c = v.charCodeAt(i)
      if (c < 48 || c > 57) break
      x = x * 10 + (c - 48)
    }
    if (i === n) return x
  }
  return parseCountField(v, { ...loc, name: `FORMAT/${name}` })
}

/**
 * Comma-separated counts. Plain digits ("206,175", nearly every value) are read in one char pass,
 * without split's array and substrings; anything else goes through the field parser.
 */
function counts(s: string | undefined, name: string, loc: Loc): (number | undefined)[] | undefined {
  if (s === undefined) return undefined
  const n = s.length
  const out: number[] = []
  let v = 0
  let len = 0
  for (let i = 0; i <= n; i++) {
    const c = i === n ? 44 : s.charCodeAt(i)
    if (c === 44 /* , */) {
      if (len === 0 || len > 15) return parsedCounts(s, name, loc)
      out.push(v)
      v = 0
      len = 0
    } else if (c >= 48 && c <= 57) {
      v = v * 10 + (c - 48)
      len++
    } else return parsedCounts(s, name, loc)
  }
  return out
}

function parsedCounts(s: string, name: string, loc: Loc): (number | undefined)[] | undefined {
  if (missing(s)) return undefined
  const parts = s.split(',')
  const out: (number | undefined)[] = new Array<number | undefined>(parts.length)
  for (let k = 0; k < parts.length; k++) out[k] = fastCount(parts[k] as string, name, loc)
  return out
}

/** What alleleCounts reads of an AD value: how many counts, the first, the i-th and their sum. */
interface CountSummary {
  n: number
  first: number | undefined
  ith: number | undefined
  sum: number
}

/**
 * Summarise comma-separated counts into `out` (false when the value is missing). Plain digits are
 * read in one char pass without an array; anything else through counts(), errors included.
 */
function summarise(s: string | undefined, i: number, name: string, loc: Loc, out: CountSummary): boolean {
  if (s === undefined) return false
  const len = s.length
  let n = 0
  let v = 0
  let digits = 0
  let sum = 0
  let first = 0
  let ith = 0
  for (let k = 0; k <= len; k++) {
    const c = k === len ? 44 : s.charCodeAt(k)
    if (c === 44 /* , */) {
      if (digits === 0 || digits > 15) return summariseParsed(s, i, name, loc, out)
      if (n === 0) first = v
      if (n === i) ith = v
      sum += v
      n++
      v = 0
      digits = 0
    } else if (c >= 48 && c <= 57) {
      v = v * 10 + (c - 48)
      digits++
    } else return summariseParsed(s, i, name, loc, out)
  }
  out.n = n
  out.first = first
  out.ith = i < n ? ith : undefined
  out.sum = sum
  return true
}

function summariseParsed(s: string, i: number, name: string, loc: Loc, out: CountSummary): boolean {
  const a = parsedCounts(s, name, loc)
  if (a === undefined) return false
  out.n = a.length
  out.first = a[0]
  out.ith = a[i]
  out.sum = a.reduce<number>((x, y) => x + (y ?? 0), 0)
  return true
}

// Scratch for alleleCounts' AD (one call at a time: nothing here is asynchronous).
const AD: CountSummary = { n: 0, first: undefined, ith: undefined, sum: 0 }

function firstCount(s: string | undefined, name: string, loc: Loc): number | undefined {
  return counts(s, name, loc)?.[0]
}

/**
 * A sample's comma-separated FORMAT values split once per record, for a record with many ALTs:
 * reading them again for each ALT made a record of n ALTs cost O(n²) (issue 21: 40,000 ALTs took
 * 16.8 s). Same values and errors as the per-ALT reading (the first bad value throws either way).
 */
export interface PreCounts {
  readonly ad: CountSummary | undefined
  readonly adValues: readonly (number | undefined)[] | undefined
  readonly af: readonly string[] | undefined
  readonly freq: readonly string[] | undefined
}

export function preCounts(f: FormatValues, loc: Loc): PreCounts {
  const adValues = counts(f.AD, 'AD', loc)
  const ad: CountSummary | undefined =
    adValues === undefined ? undefined : { n: adValues.length, first: adValues[0], ith: undefined, sum: adValues.reduce<number>((x, y) => x + (y ?? 0), 0) }
  return {
    ad,
    adValues,
    af: f.AF === undefined || isMissing(f.AF) ? undefined : f.AF.split(','),
    freq: f.FREQ === undefined || isMissing(f.FREQ) ? undefined : f.FREQ.split(','),
  }
}

/**
 * Depths and VAF for ALT index `i` (1-based) of a record whose alleles are [REF, ...ALTs].
 * `pre`: the sample's values split once (preCounts), for records with several ALTs.
 */
export function alleleCounts(f: FormatValues, alleles: readonly string[], i: number, loc: Loc, pre?: PreCounts): AlleleCounts {
  let ref: number | undefined
  let alt: number | undefined
  let sum: number | undefined
  let hasAd: boolean
  if (pre === undefined) hasAd = summarise(f.AD, i, 'AD', loc, AD)
  else {
    hasAd = pre.ad !== undefined
    if (pre.ad !== undefined) {
      AD.n = pre.ad.n
      AD.first = pre.ad.first
      AD.ith = pre.adValues?.[i]
      AD.sum = pre.ad.sum
    }
  }
  // `ad` is AD's presence: the branches below that read other keys apply only without it.
  const ad = hasAd ? AD : undefined
  if (ad !== undefined && ad.n === alleles.length) {
    ref = ad.first
    alt = ad.ith
    sum = ad.sum
  } else if (ad !== undefined && ad.n === 1) {
    alt = ad.first
    const rd = counts(f.RD, 'RD', loc)
    if (rd !== undefined) ref = rd.reduce<number>((a, b) => a + (b ?? 0), 0)
  } else if (ad === undefined && f.AU !== undefined && f.CU !== undefined && f.GU !== undefined && f.TU !== undefined) {
    const tier1: Record<string, number | undefined> = {
      A: firstCount(f.AU, 'AU', loc),
      C: firstCount(f.CU, 'CU', loc),
      G: firstCount(f.GU, 'GU', loc),
      T: firstCount(f.TU, 'TU', loc),
    }
    ref = tier1[alleles[0] ?? '']
    alt = tier1[alleles[i] ?? '']
    sum = (tier1.A ?? 0) + (tier1.C ?? 0) + (tier1.G ?? 0) + (tier1.T ?? 0)
  } else if (ad === undefined && f.TAR !== undefined && f.TIR !== undefined) {
    ref = firstCount(f.TAR, 'TAR', loc)
    alt = firstCount(f.TIR, 'TIR', loc)
    if (ref !== undefined && alt !== undefined) sum = ref + alt
  } else if (ad === undefined && f.VD !== undefined) {
    alt = firstCount(f.VD, 'VD', loc)
    const rd = counts(f.RD, 'RD', loc)
    if (rd !== undefined) ref = rd.reduce<number>((a, b) => a + (b ?? 0), 0)
  } else if (ad === undefined && f.AO !== undefined && f.RO !== undefined) {
    ref = firstCount(f.RO, 'RO', loc)
    alt = counts(f.AO, 'AO', loc)?.[i - 1]
  }
  const strelka = ad === undefined && (f.AU !== undefined || f.TAR !== undefined)
  // Strelka's depth is its tier-1 sum; everyone else's is DP, checked against the allele depths.
  const depth = alleleDepth(strelka ? sum : f.DP === undefined || missing(f.DP) ? undefined : fastCount(f.DP, 'DP', loc), sum, ref, alt)
  let vaf: number | undefined
  const afText = f.AF
  // One plain decimal (Mutect2's "0.4"): what the field parser below gives, without its regex.
  if (afText !== undefined && isPlainDecimal(afText)) return { refCount: ref, altCount: alt, depth, vaf: Number(afText) }
  const af = pre !== undefined ? pre.af : afText === undefined ? undefined : afText.split(',')
  if (af !== undefined && !isMissing(afText)) {
    vaf = parseFloatField(af.length >= i ? af[i - 1] : af[0], { ...loc, name: 'FORMAT/AF' })
  } else if (f.FREQ !== undefined && !isMissing(f.FREQ)) {
    const fr = pre?.freq ?? f.FREQ.split(',')
    vaf = parseFloatField(fr.length >= i ? fr[i - 1] : fr[0], { ...loc, name: 'FORMAT/FREQ' }, true)
  } else vaf = countVaf(alt, depth)
  return { refCount: ref, altCount: alt, depth, vaf }
}
