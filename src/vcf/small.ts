/**
 * Small variants (SNV, MNP, indel): one ALT of a record → one Alteration per carrying sample.
 *
 * Annotation entry for the allele: VEP ALLELE_NUM when written; otherwise the entries whose Allele
 * is this ALT in VEP's trimmed form or as written (SnpEff); a single-ALT record whose entries match
 * neither (VEP --minimal, symbolic names) uses all of them. Which ALTs of a record get here: one,
 * as vcf2maf chooses it, or each one with splitMultiallelic (multiallelic.ts, reader.ts).
 * Per-record work every ALT shares (entries by ALT, the allele list, each sample's split counts) is
 * done once in ctx.shared, so a record of n ALTs costs O(n + its bytes), not O(n²).
 * Hugo_Symbol as vcf2maf: SYMBOL, else the transcript ID, else "Unknown".
 */
import type { Alteration } from '../model/alteration.js'
import type { DropCode } from '../model/report.js'
import { kindOfType } from '../model/alteration.js'
import { toMafAlleles, vepAllele, vepTrimmed, vepTrims } from './rules/maf-alleles.js'
import { interpretAnnovar, type AnnovarFields } from './annovar.js'
import { checkTerms, classifyConsequence } from '../model/consequence.js'
import { pickEffect, type Effect } from './effect.js'
import { hgvspShort } from './hgvsp.js'
import { alleleCounts, preCounts, type PreCounts } from './sample-counts.js'
import { carries, sampleColumn, type AlleleResult, type RecordContext, type RecordShared } from './record.js'

export function effectsForAllele(all: readonly Effect[], ref: string, alts: readonly string[], i: number, shared?: RecordShared): readonly Effect[] {
  // One ALT: the entries that match it, or all when none does; with one entry that is all of them.
  if (all.length === 1 && alts.length === 1) return all
  let out: readonly Effect[]
  if (shared !== undefined && alts.length > 1) out = (shared.effectsByAlt ??= groupEffects(all, ref, alts))[i - 1] as readonly Effect[]
  else {
    const alt = alts[i - 1] as string
    const trimmed = vepAllele(ref, alts, alt)
    out = all.filter((e) => (e.alleleNum !== undefined ? e.alleleNum === i : e.allele === '' || e.allele === alt || e.allele === trimmed))
  }
  return out.length === 0 && alts.length === 1 ? [...all] : out
}

/**
 * The filter above for every ALT at once, each group in entry order: O(entries + ALTs) instead of
 * O(entries × ALTs) (an entry with an empty Allele still joins every group, as the rule says).
 */
function groupEffects(all: readonly Effect[], ref: string, alts: readonly string[]): Effect[][] {
  const groups: Effect[][] = alts.map(() => [])
  const trims = vepTrims(ref, alts)
  const byAllele = new Map<string, number[]>()
  const add = (s: string, i: number): void => {
    const l = byAllele.get(s)
    if (l === undefined) byAllele.set(s, [i])
    else if (l[l.length - 1] !== i) l.push(i)
  }
  alts.forEach((a, k) => {
    add(a, k + 1)
    add(vepTrimmed(a, trims), k + 1)
  })
  for (const e of all) {
    if (e.alleleNum !== undefined) groups[e.alleleNum - 1]?.push(e)
    else if (e.allele === '') for (const g of groups) g.push(e)
    else for (const i of byAllele.get(e.allele) ?? []) (groups[i - 1] as Effect[]).push(e)
  }
  return groups
}

interface Called {
  readonly gene: string
  readonly variantClass: Alteration['variantClass']
  /** The consequence term that decided the class. */
  readonly term: string
  readonly protein?: string | undefined
}

function callFromEffects(ctx: RecordContext, i: number, ref: string, alt: string): Called | DropCode {
  if (ctx.effects.length === 0) return 'annotation-none'
  let effs = effectsForAllele(ctx.effects, ctx.ref, ctx.alts, i, ctx.shared)
  // bcftools csq "@POS" entries are pointers to a compound consequence written at POS (bcsq.ts).
  if (effs.some((e) => e.compoundAt !== undefined)) {
    effs = effs.filter((e) => e.compoundAt === undefined)
    if (effs.length === 0) return 'annotation-elsewhere'
  }
  const where = { file: ctx.file, line: ctx.line, column: 8 }
  // vcf2maf warns about an unknown term on any transcript and ranks it last; we stop (or, lenient,
  // skip the row), so a new annotator term is never silently out-ranked.
  // (One entry: classifyConsequence below checks the same terms in the same order.)
  if (effs.length > 1) for (const x of effs) checkTerms(x.terms, where)
  const e = pickEffect(effs)
  if (e === undefined) return 'annotation-no-entry'
  // vcf2maf: an entry with no Consequence counts as intergenic_variant.
  const terms = e.terms.length > 0 ? e.terms : ['intergenic_variant']
  const cls = classifyConsequence(terms, ref, alt, where)
  const protein = hgvspShort(e, cls.term)
  return { gene: e.symbol ?? e.feature ?? 'Unknown', variantClass: cls.variantClass, term: cls.term, protein }
}

function callFromAnnovar(ctx: RecordContext, block: AnnovarFields | undefined, ref: string, alt: string): Called | DropCode {
  if (block === undefined) return 'annotation-no-entry'
  const call = interpretAnnovar(block)
  const cls = classifyConsequence(call.terms, ref, alt, { file: ctx.file, line: ctx.line, column: 8 })
  return { gene: call.gene ?? 'Unknown', variantClass: cls.variantClass, term: cls.term, protein: call.protein }
}

/** `annovar`: this record's per-ALT ANNOVAR blocks, when the file is ANNOVAR-annotated. */
export function smallVariant(ctx: RecordContext, i: number, annovar: readonly AnnovarFields[] | undefined): AlleleResult {
  const alt = ctx.alts[i - 1] as string
  const maf = toMafAlleles(ctx.pos, ctx.ref, alt)
  const called =
    annovar === undefined
      ? callFromEffects(ctx, i, maf.ref, maf.alt)
      : callFromAnnovar(ctx, annovar[i - 1] ?? (annovar.length === 1 && ctx.alts.length === 1 ? annovar[0] : undefined), maf.ref, maf.alt)
  if (typeof called === 'string') return called
  const out: Alteration[] = []
  const many = ctx.alts.length > 1
  for (const [k, t] of ctx.targets.entries()) {
    const c0 = carries(ctx, k, t.fmt.GT, i)
    if (ctx.mode === 'cohort' ? c0 !== true : c0 === false) continue
    // Several ALTs: the alleles and each sample's counts are split once per record, not per ALT.
    const alleles = many ? (ctx.shared.alleles ??= [ctx.ref, ...ctx.alts]) : [ctx.ref, alt]
    const loc = { file: ctx.file, line: ctx.line, column: sampleColumn(t.idx) }
    let pre: PreCounts | undefined
    if (many && t.idx >= 0) {
      const cache = (ctx.shared.counts ??= new Map<number, unknown>())
      pre = cache.get(k) as PreCounts | undefined
      if (pre === undefined) cache.set(k, (pre = preCounts(t.fmt, loc)))
    }
    const c = t.idx < 0 ? {} : alleleCounts(t.fmt, alleles, i, loc, pre)
    out.push({
      sample: t.name,
      gene: called.gene,
      kind: kindOfType(maf.variantType),
      variantClass: called.variantClass,
      variantType: maf.variantType,
      chrom: ctx.chrom,
      start: maf.start,
      end: maf.end,
      ref: maf.ref,
      alt: maf.alt,
      protein: called.protein,
      origin: ctx.origin,
      vaf: c.vaf,
      depth: c.depth,
      altCount: c.altCount,
      refCount: c.refCount,
      filter: ctx.filter,
      source: { file: ctx.file, line: ctx.line },
    })
  }
  if (out.length === 0) return ctx.mode === 'cohort' ? 'genotype-no-sample' : 'genotype-not-tumour'
  ;(ctx.shared.notes ??= []).push({ term: called.term, cls: called.variantClass, gene: called.gene, rows: out.length })
  return out
}
