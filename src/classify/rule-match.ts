/**
 * Compiled rules: gene list resolved (aliases, pathway ids), classes expanded, hotspots indexed;
 * `matchRule` decides whether one alteration counts for a rule.
 *
 * Copy-number semantics: an event's state is its cnState, else its class (Amp → amp,
 * Del → deep_del). When the event carries an absolute copy number and the rule gives a threshold,
 * the number decides: copyNumber ≥ minCopyNumber is an amplification (whatever the caller's label),
 * and an 'amp' label below the threshold is not; likewise maxCopyNumber for deep deletion.
 *
 * Origin: 'somatic' accepts 'somatic' and 'unknown' (a MAF without Mutation_Status is a somatic
 * MAF for every tool that reads it); 'germline' accepts only 'germline'; 'any' accepts all.
 */
import { InputError, quote } from '../errors.js'
import { MAF_CLASSES, type Alteration, type CnState, type Origin, type VariantClass } from '../model/alteration.js'
import { COLLAPSE, type CollapsedClass } from './collapse.js'
import { cnStateOf, MAFTOOLS_NONSYNONYMOUS } from './classes.js'
import { compileHotspots, matchesHotspot, type HotspotSet } from './protein.js'
import type { RuleFile } from './rules.js'
import type { Pathway } from '../panels/pathways.js'
import type { AliasResolver } from '../panels/aliases.js'

export type OriginFilter = 'somatic' | 'germline' | 'any'

export interface CompiledRule {
  readonly id: string
  readonly label: string
  readonly genes: readonly string[]
  readonly origin: OriginFilter
  /** Mutation and fusion classes that count. */
  readonly classes: ReadonlySet<VariantClass>
  readonly cnStates: ReadonlySet<CnState>
  readonly hotspots?: HotspotSet | undefined
  readonly minVaf?: number | undefined
  readonly minDepth?: number | undefined
  readonly minCopyNumber?: number | undefined
  readonly maxCopyNumber?: number | undefined
  /** Event kinds the rule looks at: a sample is wild-type only if its panel assays all of them. */
  readonly looksAt: { readonly mutations: boolean; readonly copyNumber: boolean; readonly fusions: boolean }
}

const CN_COLLAPSED: Readonly<Partial<Record<CollapsedClass, CnState>>> = {
  amp: 'amp',
  gain: 'gain',
  shallow_del: 'shallow_del',
  deep_del: 'deep_del',
}

export function originAccepts(filter: OriginFilter, o: Origin): boolean {
  if (filter === 'any') return true
  if (filter === 'germline') return o === 'germline'
  return o !== 'germline'
}

export interface CompileContext {
  readonly pathways?: readonly Pathway[] | undefined
  readonly aliases?: AliasResolver | undefined
}

export function compileRules(file: RuleFile, source: string, ctx: CompileContext = {}): CompiledRule[] {
  const pathways = new Map((ctx.pathways ?? []).map((p) => [p.id, p]))
  return file.rules.map((r, i) => {
    let genes: readonly string[]
    if (r.pathway !== undefined) {
      const p = pathways.get(r.pathway)
      if (p === undefined) {
        const known = [...pathways.keys()].join(', ') || 'none loaded'
        throw new InputError('SCHEMA', `rules[${i}].pathway: unknown pathway ${quote(r.pathway)} (known: ${known})`, { file: source })
      }
      genes = p.genes
    } else {
      const raw = r.gene !== undefined ? [r.gene] : (r.genes ?? [])
      genes = [...new Set(raw.map((g) => (ctx.aliases ? ctx.aliases.resolve(g, file.id) : g)))]
    }
    const classes = new Set<VariantClass>(r.classes ?? [])
    const cnStates = new Set<CnState>(r.copyNumber ?? [])
    for (const c of r.collapsed ?? []) {
      const st = CN_COLLAPSED[c]
      if (st !== undefined) cnStates.add(st)
      else for (const v of MAF_CLASSES) if (COLLAPSE[v] === c && v !== 'Amp' && v !== 'Del') classes.add(v)
    }
    // 'Amp'/'Del' named as classes mean the copy-number states.
    if (classes.delete('Amp')) cnStates.add('amp')
    if (classes.delete('Del')) cnStates.add('deep_del')
    if (r.classes === undefined && r.collapsed === undefined && r.copyNumber === undefined) {
      for (const c of MAFTOOLS_NONSYNONYMOUS) classes.add(c)
    }
    const mutations = [...classes].some((c) => c !== 'Fusion')
    return {
      id: r.id,
      label: r.label,
      genes,
      origin: r.origin ?? 'any',
      classes,
      cnStates,
      hotspots: r.hotspots ? compileHotspots(r.hotspots) : undefined,
      minVaf: r.minVaf,
      minDepth: r.minDepth,
      minCopyNumber: r.minCopyNumber,
      maxCopyNumber: r.maxCopyNumber,
      looksAt: { mutations, copyNumber: cnStates.size > 0, fusions: classes.has('Fusion') },
    }
  })
}

export const NO_MATCH = 0
export const MATCH = 1
/** The event would match but lacks the evidence a threshold asks for (VAF or depth unknown). */
export const NO_EVIDENCE = 2
export type MatchResult = typeof NO_MATCH | typeof MATCH | typeof NO_EVIDENCE

function vafOf(a: Alteration): number | undefined {
  if (a.vaf !== undefined) return a.vaf
  const d = depthOf(a)
  return a.altCount !== undefined && d !== undefined && d > 0 ? a.altCount / d : undefined
}

function depthOf(a: Alteration): number | undefined {
  if (a.depth !== undefined) return a.depth
  return a.altCount !== undefined && a.refCount !== undefined ? a.altCount + a.refCount : undefined
}

/** The copy-number state under this rule's thresholds (see file header). */
export function ruleCnState(r: CompiledRule, a: Alteration): CnState | undefined {
  let st = cnStateOf(a)
  const cn = a.copyNumber
  if (cn === undefined) return st
  if (r.minCopyNumber !== undefined) {
    if (cn >= r.minCopyNumber) return 'amp'
    if (st === 'amp') st = undefined
  }
  if (r.maxCopyNumber !== undefined) {
    if (cn <= r.maxCopyNumber) return 'deep_del'
    if (st === 'deep_del') st = undefined
  }
  return st
}

/** Does `a` (already known to be on one of the rule's genes) count for rule `r`? */
export function matchRule(r: CompiledRule, a: Alteration): MatchResult {
  if (!originAccepts(r.origin, a.origin)) return NO_MATCH
  if (a.kind === 'cna') {
    const st = ruleCnState(r, a)
    return st !== undefined && r.cnStates.has(st) ? MATCH : NO_MATCH
  }
  if (!r.classes.has(a.variantClass)) return NO_MATCH
  if (r.hotspots !== undefined && !matchesHotspot(r.hotspots, a.protein)) return NO_MATCH
  if (r.minVaf !== undefined) {
    const v = vafOf(a)
    if (v === undefined) return NO_EVIDENCE
    if (v < r.minVaf) return NO_MATCH
  }
  if (r.minDepth !== undefined) {
    const d = depthOf(a)
    if (d === undefined) return NO_EVIDENCE
    if (d < r.minDepth) return NO_MATCH
  }
  return MATCH
}
