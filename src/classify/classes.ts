/**
 * Which variant classes count as an alteration.
 *
 * Default = maftools' nine non-synonymous classes (read.maf `vc_nonSyn`), plus copy-number
 * 'Amp'/'Del' and 'Fusion', which are alterations by construction. Overridable as a whole, and per
 * gene by extra classes: TERT promoter mutations are annotated 5'Flank and are the event of
 * interest there (Horn et al., Science 2013), so TERT keeps 5'Flank by default.
 */
import { MAFTOOLS_NONSYNONYMOUS } from '../model/alteration.js'
import type { Alteration, CnState, VariantClass } from '../model/alteration.js'

export { MAFTOOLS_NONSYNONYMOUS } from '../model/alteration.js'
export const COPY_NUMBER_CLASSES: readonly VariantClass[] = ['Amp', 'Del']
export const FUSION_CLASSES: readonly VariantClass[] = ['Fusion']

export const DEFAULT_GENE_EXTRAS: Readonly<Record<string, readonly VariantClass[]>> = {
  TERT: ["5'Flank"],
}

export interface CountedClassesOptions {
  /** Mutation classes that count (default: maftools' nine). */
  readonly classes?: readonly VariantClass[] | undefined
  /** Count 'Amp'/'Del' (default true). */
  readonly copyNumber?: boolean | undefined
  /** Count 'Fusion' (default true). */
  readonly fusions?: boolean | undefined
  /** Gene → extra classes counted for that gene only (default DEFAULT_GENE_EXTRAS). */
  readonly perGene?: Readonly<Record<string, readonly VariantClass[]>> | undefined
}

export interface CountedClasses {
  readonly base: ReadonlySet<VariantClass>
  readonly perGene: ReadonlyMap<string, ReadonlySet<VariantClass>>
}

export function countedClasses(opts: CountedClassesOptions = {}): CountedClasses {
  const base = new Set<VariantClass>(opts.classes ?? MAFTOOLS_NONSYNONYMOUS)
  if (opts.copyNumber ?? true) for (const c of COPY_NUMBER_CLASSES) base.add(c)
  if (opts.fusions ?? true) for (const c of FUSION_CLASSES) base.add(c)
  const perGene = new Map<string, ReadonlySet<VariantClass>>()
  for (const [g, extra] of Object.entries(opts.perGene ?? DEFAULT_GENE_EXTRAS)) perGene.set(g, new Set([...base, ...extra]))
  return { base, perGene }
}

/** Copy-number states that are alterations in gene features (gains and shallow losses are not, as in cBioPortal's frequencies). */
const CN_ALTERED: ReadonlySet<CnState> = new Set<CnState>(['amp', 'deep_del'])

/** The discrete state a copy-number event stands for: its cnState, else its class (Amp → amp, Del → deep_del). */
export function cnStateOf(a: Alteration): CnState | undefined {
  if (a.cnState !== undefined) return a.cnState
  if (a.variantClass === 'Amp') return 'amp'
  if (a.variantClass === 'Del') return 'deep_del'
  return undefined
}

/** Does this event count for its gene? `gene` is the (alias-resolved) symbol. */
export function counts(cc: CountedClasses, gene: string, a: Alteration): boolean {
  const set = cc.perGene.get(gene) ?? cc.base
  if (a.kind === 'cna') {
    const st = cnStateOf(a)
    return st !== undefined && CN_ALTERED.has(st) && set.has(st === 'amp' ? 'Amp' : 'Del')
  }
  return set.has(a.variantClass)
}
