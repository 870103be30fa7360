/**
 * Which ALT of a multi-allelic record is reported: one per record by default, as vcf2maf writes
 * MAFs (mskcc/vcf2maf vcf2maf.pl, "By default, the variant allele is the first…" block), so mutation
 * counts and TMB match MAFs made by the established pipeline. Re-implemented rule:
 *
 *  1. The tumour GT has a called allele: the first GT allele (in GT order) that is not 0 and, when
 *     the normal GT has a called allele, not among the normal's alleles. It must name an ALT.
 *  2. Otherwise (no GT, only '.', every tumour allele also in the normal, or an index past the
 *     ALTs): the ALT with the most tumour reads in AD (one value per allele), scanning ALT 1, 2, …
 *     and moving only on strictly more reads, so ties go to the lower index; without such an AD,
 *     ALT 1.
 *
 * E.g. Mutect2 GT 0/1/2/3 with normal 0/0 and AD 28,3,11,12: ALT 1, as vcf2maf, although ALT 3 has
 * more reads. A GT whose parts are all '.' counts as no GT (vcf2maf tells ".|." from "./." by its
 * text; the byte path keeps no text).
 * Applies to paired, tumour-only and sites-only files (vcf2maf's inputs); a multi-sample cohort VCF
 * keeps one row per sample and carried allele. `splitMultiallelic` keeps one row per carried
 * allele everywhere. Both record paths (reader.ts text, byte-path/row-reader.ts bytes) call these functions.
 *
 * Complexity: O(GT parts + AD values) per record.
 */
import type { ReadNote } from '../model/report.js'

/** A GT's allele indices in order: −1 for '.'; `n` of them are used. */
export interface GtParts {
  readonly parts: ArrayLike<number>
  readonly n: number
}

function called(g: GtParts | undefined): boolean {
  if (g === undefined) return false
  for (let k = 0; k < g.n; k++) if ((g.parts[k] as number) >= 0) return true
  return false
}

function has(g: GtParts, v: number): boolean {
  for (let k = 0; k < g.n; k++) if (g.parts[k] === v) return true
  return false
}

/**
 * The reported ALT (1-based) of a record with `alts` ALTs. `ad`: the tumour's AD values (`adN` of
 * them; used only when there is one per allele).
 */
export function chooseAlt(alts: number, tumour: GtParts | undefined, normal: GtParts | undefined, ad: ArrayLike<number> | undefined, adN: number): number {
  if (alts <= 1) return 1
  if (tumour !== undefined && called(tumour)) {
    const useNormal = normal !== undefined && called(normal)
    let pick = -2
    for (let k = 0; k < tumour.n; k++) {
      const p = tumour.parts[k] as number
      if (p === 0) continue
      // vcf2maf's normal set holds every GT part, '.' included.
      if (useNormal && has(normal, p)) continue
      pick = p
      break
    }
    if (pick >= 1 && pick <= alts) return pick
  }
  let v = 1
  if (ad !== undefined && adN === alts + 1) for (let i = 2; i <= alts; i++) if ((ad[i] as number) > (ad[v] as number)) v = i
  return v
}

/**
 * The ALTs a one-row-per-record MAF leaves out, counted in the read report: the distinct ALTs
 * other than `chosen` that the tumour GT carries, or every other ALT when there is no called GT
 * (sites-only files, no GT: they may be carried). O(GT parts), with a set past a few parts.
 */
export function otherCarried(tumour: GtParts | undefined, chosen: number, alts: number): number {
  if (tumour === undefined || !called(tumour)) return alts - 1
  const seen = tumour.n > 8 ? new Set<number>() : undefined
  let n = 0
  for (let k = 0; k < tumour.n; k++) {
    const p = tumour.parts[k] as number
    if (p < 1 || p > alts || p === chosen) continue
    if (seen !== undefined) {
      if (seen.has(p)) continue
      seen.add(p)
    } else {
      let dup = false
      for (let j = 0; j < k; j++) if (tumour.parts[j] === p) dup = true
      if (dup) continue
    }
    n++
  }
  return n
}

/** GT text ("0/1", "1|2", "./1") → parts; undefined for a missing GT. The text path's reading of GT. */
export function gtParts(gt: string | undefined): GtParts | undefined {
  if (gt === undefined) return undefined
  const parts: number[] = []
  let from = 0
  for (let k = 0; k <= gt.length; k++) {
    const c = k === gt.length ? 47 : gt.charCodeAt(k)
    if (c !== 47 /* / */ && c !== 124 /* | */) continue
    const s = gt.slice(from, k)
    // Plain digits name an allele; '.', '' and anything else are "no allele".
    parts.push(/^\d{1,9}$/.test(s) ? Number(s) : -1)
    from = k + 1
  }
  return { parts, n: parts.length }
}

/** Records where the tumour carried more ALTs than the one reported; summed over a file's parts. */
export interface MultiAllelicTally {
  records: number
  alleles: number
}

/** The file's one note on them (worded in ../model/report.ts), or undefined when there were none. */
export function multiAllelicNote(file: string, t: MultiAllelicTally): ReadNote | undefined {
  if (t.records === 0) return undefined
  return { code: 'vcf-multiallelic-unreported', location: { file }, detail: `${t.records} ${t.alleles}` }
}

/**
 * A tumour AD for chooseAlt, read leniently (a value that is not plain digits counts 0, as Perl's
 * numeric comparison reads it); a bad AD is still an error where the counts are read (samples.ts).
 */
export function adForChoice(ad: string): number[] {
  const out: number[] = []
  let v = 0
  let ok = true
  let len = 0
  for (let k = 0; k <= ad.length; k++) {
    const c = k === ad.length ? 44 : ad.charCodeAt(k)
    if (c === 44 /* , */) {
      out.push(ok && len > 0 ? v : 0)
      v = 0
      ok = true
      len = 0
    } else if (c >= 48 && c <= 57) {
      v = v * 10 + (c - 48)
      len++
    } else ok = false
  }
  return out
}
