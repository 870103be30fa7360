/**
 * Allele handlers for copy-number and structural records (rules in structural.ts).
 *
 * Breakends are paired by position: each waits under its own "chrom:pos" until a record appears
 * at its mate position (from the bracket ALT, VCF 4.3 §5.4), so files without MATEID pair too.
 * A pair's two records are accounted together when the pair resolves; finish() drops the rest as
 * "breakend: mate not found".
 */
import { InputError, quote } from '../errors.js'
import { isMissing, parseFloatField } from '../io/fields.js'
import type { Alteration, CnState } from '../model/alteration.js'
import { pickEffect } from './effect.js'
import type { CnThresholds } from './options.js'
import type { DropCode } from '../model/report.js'
import { carries, sampleColumn, type AlleleResult, type RecordContext, type SampleTarget } from './record.js'
import { effectsForAllele } from './small.js'
import type { GeneIndex} from './structural.js';
import { cnStateOf, fusionPairs, FUSION_TERMS, impliedCn } from './structural.js'
import { breakendMate } from './rules/breakend.js'

const NOT_IN_GENE: ReadonlySet<string> = new Set(['intergenic_region', 'intergenic_variant', 'upstream_gene_variant', 'downstream_gene_variant'])

/** Breakend position key: chromosome names compared without case or a "chr" prefix. */
function posKey(chrom: string, pos: string | number): string {
  const c = chrom.toLowerCase()
  return `${c.startsWith('chr') ? c.slice(3) : c}:${pos}`
}

interface PendingBnd {
  readonly ctx: RecordContext
  readonly gene: string | undefined
  readonly targets: readonly SampleTarget[]
}

export interface SvSettings {
  readonly thresholds: CnThresholds
  readonly lowLevel: boolean
  readonly genes: GeneIndex | undefined
}

/** The INFO value as written (only on the error path: typing has already turned "two" into NaN). */
function rawInfo(ctx: RecordContext, key: string): string {
  const info = ctx.text.split('\t', 8)[7] ?? ''
  const pair = info.split(';').find((p) => p.startsWith(`${key}=`))
  return pair === undefined ? '' : pair.slice(key.length + 1)
}

function infoNumber(ctx: RecordContext, key: string, i: number): number | undefined {
  const v = ctx.info[key]
  if (v === undefined || v === true) return undefined
  // Per-allele values (VCF 4.3 §1.6.2): Number=A lists one per ALT, Number=R REF first.
  const number = ctx.infoMeta[key]?.Number
  const raw = number === 'A' && i >= 1 ? v[i - 1] : number === 'R' ? v[i] : v[0]
  if (raw === undefined) return undefined
  const loc = { file: ctx.file, line: ctx.line, column: 8, name: `INFO/${key}` }
  if (typeof raw === 'number') {
    if (Number.isFinite(raw)) return raw
    throw new InputError('BAD_NUMBER', `${loc.name}: expected a number, got ${quote(rawInfo(ctx, key))}`, loc)
  }
  return parseFloatField(raw, loc)
}

function carriers(ctx: RecordContext, i: number): SampleTarget[] {
  return ctx.targets.filter((t, k) => {
    const c = i === 0 ? undefined : carries(ctx, k, t.fmt.GT, i)
    // A cohort sample with no called GT still counts when it has its own CN value (GATK gCNV).
    return ctx.mode === 'cohort' ? c === true || (c === undefined && !isMissing(t.fmt.CN)) : c !== false
  })
}

export class SvHandler {
  private readonly pending = new Map<string, PendingBnd>()
  private readonly reported = new Set<string>()
  /** Rows resolved or dropped after their own push (breakend pairs): the reader adds these. */
  lateKept = 0
  readonly lateDropped: Partial<Record<DropCode, number>> = {}
  /** Structural records seen (breakend pairs carry state from record to record; copy-number records do not). */
  structuralSeen = 0

  constructor(private readonly s: SvSettings) {}

  private symbols(ctx: RecordContext, i: number): string[] {
    const out: string[] = []
    for (const e of effectsForAllele(ctx.effects, ctx.ref, ctx.alts, i, ctx.shared)) {
      // Flanking and intergenic entries name neighbours (SnpEff "A-B"), not genes the event hits.
      if (e.terms.length > 0 && e.terms.every((t) => NOT_IN_GENE.has(t))) continue
      if (e.symbol !== undefined && !e.symbol.includes('&') && !out.includes(e.symbol)) out.push(e.symbol)
    }
    return out
  }

  cna(ctx: RecordContext, i: number): AlleleResult {
    const alt = i === 0 ? '.' : (ctx.alts[i - 1] as string)
    const endRaw = infoNumber(ctx, 'END', 0)
    if (endRaw !== undefined && !Number.isSafeInteger(endRaw)) {
      throw new InputError('BAD_NUMBER', `INFO/END: expected an integer, got ${endRaw}`, { file: ctx.file, line: ctx.line, column: 8 })
    }
    if (endRaw !== undefined && endRaw < ctx.pos) {
      throw new InputError('BAD_VALUE', `INFO/END ${endRaw} is before POS ${ctx.pos}`, { file: ctx.file, line: ctx.line, column: 8 })
    }
    const start = ctx.pos + 1
    const end = endRaw ?? ctx.pos + ctx.ref.length - 1
    let genes = this.symbols(ctx, i)
    if (genes.length === 0 && this.s.genes) genes = this.s.genes.overlapping(ctx.chrom, start, end)
    if (genes.length === 0) return 'vcf-cn-no-gene'
    const infoCn = infoNumber(ctx, 'CN', i)
    const out: Alteration[] = []
    let reason: DropCode = 'vcf-cn-no-value'
    const who = carriers(ctx, i)
    if (who.length === 0) return ctx.mode === 'cohort' ? 'genotype-no-sample' : 'genotype-not-tumour'
    for (const t of who) {
      let cn = infoCn ?? (t.fmt.CN === undefined ? undefined : parseFloatField(t.fmt.CN, { file: ctx.file, line: ctx.line, column: sampleColumn(t.idx), name: 'FORMAT/CN' }))
      cn ??= impliedCn(alt)
      if (cn === undefined && alt === '<DEL>' && t.fmt.GT !== undefined) {
        const calls = t.fmt.GT.split(/[/|]/).filter((a) => a !== '.')
        if (calls.length > 0) cn = calls.length - calls.filter((a) => Number(a) === i).length
      }
      let state: CnState | undefined = cn === undefined ? undefined : cnStateOf(cn, this.s.thresholds)
      if (cn === undefined && alt === '<AMP>') state = 'amp'
      if (state === undefined) {
        if (cn !== undefined) reason = 'vcf-cn-neutral'
        continue
      }
      if (!this.s.lowLevel && (state === 'gain' || state === 'shallow_del')) {
        reason = 'vcf-cn-low-level'
        continue
      }
      for (const gene of genes) {
        out.push({
          sample: t.name,
          gene,
          kind: 'cna',
          variantClass: state === 'amp' || state === 'gain' ? 'Amp' : 'Del',
          variantType: 'CNV',
          chrom: ctx.chrom,
          start,
          end,
          origin: ctx.origin,
          copyNumber: cn,
          cnState: state,
          filter: ctx.filter,
          source: { file: ctx.file, line: ctx.line },
        })
      }
    }
    return out.length > 0 ? out : reason
  }

  private fusionAlterations(ctx: RecordContext, targets: readonly SampleTarget[], pairs: readonly (readonly [string, string])[]): Alteration[] {
    const out: Alteration[] = []
    for (const t of targets) {
      for (const [gene, partner] of pairs) {
        const key = `${t.name}\t${gene}\t${partner}`
        if (this.reported.has(key)) continue
        this.reported.add(key)
        out.push({
          sample: t.name,
          gene,
          kind: 'fusion',
          variantClass: 'Fusion',
          variantType: 'SV',
          chrom: ctx.chrom,
          start: ctx.pos,
          end: ctx.pos,
          origin: ctx.origin,
          partner,
          filter: ctx.filter,
          source: { file: ctx.file, line: ctx.line },
        })
      }
    }
    return out
  }

  /** Structural allele (<INV>, <TRA>, breakend, …). undefined: buffered until its mate arrives. */
  structural(ctx: RecordContext, i: number, isBnd: boolean): AlleleResult | undefined {
    this.structuralSeen++
    const alt = ctx.alts[i - 1] as string
    const targets = carriers(ctx, i)
    if (targets.length === 0) return 'genotype-not-tumour'
    const effs = effectsForAllele(ctx.effects, ctx.ref, ctx.alts, i, ctx.shared)
    const fusionSymbols = effs.filter((e) => e.terms.some((t) => FUSION_TERMS.has(t))).map((e) => e.symbol)
    if (fusionSymbols.length > 0) {
      const out = this.fusionAlterations(ctx, targets, fusionPairs(fusionSymbols))
      return out.length > 0 ? out : 'fusion-mate-reported'
    }
    const gene = pickEffect(effs)?.symbol ?? this.s.genes?.at(ctx.chrom, ctx.pos)
    if (!isBnd) {
      const end = infoNumber(ctx, 'END', 0)
      const chr2 = ctx.info.CHR2
      const chrom2 = Array.isArray(chr2) && chr2[0] !== undefined ? String(chr2[0]) : ctx.chrom
      const other = end === undefined ? undefined : this.s.genes?.at(chrom2, end)
      if (gene === undefined || other === undefined) return 'sv-no-genes'
      if (gene === other) return 'sv-same-gene'
      return this.fusionAlterations(ctx, targets, [
        [gene, other],
        [other, gene],
      ])
    }
    const matePos = breakendMate(alt)
    const colon = matePos === undefined ? -1 : matePos.lastIndexOf(':')
    if (matePos === undefined || colon === -1) return 'bnd-no-mate'
    const mate = posKey(matePos.slice(0, colon), matePos.slice(colon + 1))
    const self = posKey(ctx.chrom, ctx.pos)
    const waiting = this.pending.get(mate)
    if (waiting === undefined) {
      this.pending.set(self, { ctx, gene, targets })
      return undefined
    }
    this.pending.delete(mate)
    if (waiting.gene === undefined || gene === undefined) return this.lateDrop('bnd-no-gene')
    if (waiting.gene === gene) return this.lateDrop('bnd-same-gene')
    this.lateKept++
    return this.fusionAlterations(waiting.ctx, waiting.targets, [
      [waiting.gene, gene],
      [gene, waiting.gene],
    ])
  }

  /** The waiting mate is dropped too (its own push returned nothing). */
  private lateDrop(reason: DropCode): DropCode {
    this.lateDropped[reason] = (this.lateDropped[reason] ?? 0) + 1
    return reason
  }

  /** Breakends whose mate never came; call once after the last record. */
  finish(): void {
    const n = this.pending.size
    if (n > 0) this.lateDropped['bnd-mate-missing'] = (this.lateDropped['bnd-mate-missing'] ?? 0) + n
    this.pending.clear()
  }
}
