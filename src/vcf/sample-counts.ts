/**
 * Which sample column is the tumour, and read depths / VAF for one allele from its FORMAT fields.
 *
 * Tumour/normal roles, first rule that applies:
 *  1. options tumorId / normalId (must name header columns);
 *  2. Mutect2's ##tumor_sample= / ##normal_sample= header lines;
 *  3. column names, each role only when exactly one column matches, trying in turn: the whole
 *     name TUMOR/TUMOUR/NORMAL (any case); a suffix _T/-T/.T/_TUMOR or _N/-N/.N/_NORMAL; the word
 *     TUMOR/NORMAL anywhere (DNA_TUMOR); SnpEff cancer-mode names (Patient_01_Somatic /
 *     Patient_01_Germline). A tumour guessed from names needs a normal guessed too;
 *     two candidates (DNA_TUMOR and RNA_TUMOR, RADIA) are ambiguous → cohort unless tumorId says;
 *  4. one sample column: tumour-only; none: sites-only (sample from sampleOverride / tumorId /
 *     file name);
 *  5. otherwise a multi-sample cohort: an alteration for every sample whose GT carries the allele.
 *
 * Allele depths (t_ref_count / t_alt_count / t_depth), as vcf2maf's FixAlleleDepths where it applies:
 *  - AD with one value per allele: ref = AD[0], alt = AD[i]; AD with a single value: alt = AD and
 *    ref = RD (VarScan); other AD lengths are ignored (vcf2maf blanks them);
 *  - no AD, Strelka SNV tier-1 counts AU/CU/GU/TU: ref/alt = {REF}U/{ALT}U, depth = their sum;
 *  - no AD, Strelka indel TAR/TIR tier 1: ref = TAR, alt = TIR, depth = TAR + TIR;
 *  - no AD, VarDict VD (+ RD forward,reverse) or freebayes AO/RO.
 *  depth = FORMAT DP, else the sum of the allele depths (and that sum when DP is smaller, as
 *  vcf2maf's sanity check does).
 * VAF: FORMAT AF (Mutect2 Number=A, VarDict), else VarScan FREQ ("48.7%"), else alt / depth.
 */
import { InputError } from '../errors.js'
import { parseCountField, parseFloatField, isMissing } from '../io/fields.js'

export type SampleMode = 'paired' | 'tumor-only' | 'sites-only' | 'cohort'

export interface SampleRoles {
  readonly mode: SampleMode
  readonly tumorIdx?: number | undefined
  readonly normalIdx?: number | undefined
  /** Name written into Alteration.sample for paired / tumour-only / sites-only files. */
  readonly tumorName?: string | undefined
}

export interface RoleOptions {
  readonly tumorId?: string | undefined
  readonly normalId?: string | undefined
  readonly sampleOverride?: string | undefined
}

function indexOf(samples: readonly string[], name: string | undefined, what: string, file: string, line: number): number | undefined {
  if (name === undefined) return undefined
  const i = samples.indexOf(name)
  if (i === -1) {
    throw new InputError('USAGE', `${what} ${JSON.stringify(name)} is not a sample column of this VCF`, {
      file,
      line,
      suggestion: samples.length ? `the sample columns are: ${samples.join(', ')}` : 'this VCF has no sample columns',
    })
  }
  return i
}

function uniqueMatch(samples: readonly string[], test: (s: string) => boolean): number | undefined {
  let found: number | undefined
  for (let i = 0; i < samples.length; i++) {
    if (test(samples[i] as string)) {
      if (found !== undefined) return undefined
      found = i
    }
  }
  return found
}

/** Tumour and normal columns guessed from names, each only when exactly one column matches. */
function byName(samples: readonly string[]): { t?: number | undefined; n?: number | undefined } {
  const t =
    uniqueMatch(samples, (s) => /^tumou?r$/i.test(s)) ??
    uniqueMatch(samples, (s) => /[_.-](t|tumou?r)$/i.test(s)) ??
    uniqueMatch(samples, (s) => /tumou?r/i.test(s)) ??
    uniqueMatch(samples, (s) => /somatic/i.test(s))
  const n =
    uniqueMatch(samples, (s) => /^normal$/i.test(s)) ??
    uniqueMatch(samples, (s) => /[_.-](n|normal)$/i.test(s)) ??
    uniqueMatch(samples, (s) => /normal/i.test(s)) ??
    uniqueMatch(samples, (s) => /germline/i.test(s))
  // A lone "_T" column is not enough to call a file tumour/normal: require the normal too.
  return t !== undefined && n !== undefined && t !== n ? { t, n } : { n }
}

export function resolveRoles(
  samples: readonly string[],
  header: { tumorSample?: string | undefined; normalSample?: string | undefined },
  opts: RoleOptions,
  file: string,
  line: number,
): SampleRoles {
  const name = (i: number): string => opts.sampleOverride ?? (samples[i] as string)
  let t = indexOf(samples, opts.tumorId, 'tumorId', file, line)
  let n = indexOf(samples, opts.normalId, 'normalId', file, line)
  if (t === undefined && header.tumorSample !== undefined) {
    t = samples.indexOf(header.tumorSample)
    if (t === -1) t = undefined
  }
  if (n === undefined && header.normalSample !== undefined) {
    n = samples.indexOf(header.normalSample)
    if (n === -1) n = undefined
  }
  if (t === undefined || n === undefined) {
    const guess = byName(samples)
    t ??= guess.t
    if (guess.n !== t) n ??= guess.n
  }
  if (t !== undefined) return { mode: n === undefined ? 'tumor-only' : 'paired', tumorIdx: t, normalIdx: n === t ? undefined : n, tumorName: name(t) }
  if (samples.length === 1) return { mode: 'tumor-only', tumorIdx: 0, tumorName: name(0) }
  if (samples.length === 0) {
    const base = file.replace(/^.*[\\/]/, '').replace(/\.(vcf|bcf)(\.b?gz)?$/i, '')
    return { mode: 'sites-only', tumorName: opts.sampleOverride ?? opts.tumorId ?? base }
  }
  if (opts.sampleOverride !== undefined) {
    throw new InputError('USAGE', `sampleOverride is for single-sample files; this VCF has ${samples.length} sample columns and no tumour/normal pair`, {
      file,
      line,
      suggestion: 'pass tumorId (and normalId) to choose the tumour column',
    })
  }
  return { mode: 'cohort' }
}

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

/** A leading digit cannot be a missing-value spelling: skip isMissing's trim + Set look-up. */
function missing(s: string): boolean {
  const c0 = s.charCodeAt(0)
  return !(c0 >= 48 && c0 <= 57) && isMissing(s)
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
  let depth = strelka ? sum : f.DP === undefined || missing(f.DP) ? undefined : fastCount(f.DP, 'DP', loc)
  if (sum === undefined && ref !== undefined && alt !== undefined) sum = ref + alt
  if (sum !== undefined && (depth === undefined || (ref ?? 0) + (alt ?? 0) > depth)) depth = sum
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
  } else if (alt !== undefined && depth !== undefined && depth > 0) {
    vaf = alt / depth
  }
  return { refCount: ref, altCount: alt, depth, vaf }
}
