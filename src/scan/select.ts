/**
 * Which matrix features a scan tests: by type (genes / rules / pathways), an explicit gene list,
 * and a minimum number of altered samples for discovery genes. Rules and pathways are named by the
 * user, so they are always tested when altered at least once.
 */
import { featureCounts, type StateMatrix, type FeatureType } from '../matrix/types.js'

export interface SelectOptions {
  readonly types: readonly FeatureType[]
  /** Genes altered in at least this many assayed samples (default 6: maftools' minMut = 5 keeps "more than 5"). */
  readonly minAltered?: number | undefined
  readonly genes?: readonly string[] | undefined
}

export const DEFAULT_MIN_ALTERED = 6

export function selectFeatures(m: StateMatrix, opts: SelectOptions): number[] {
  const min = opts.minAltered ?? DEFAULT_MIN_ALTERED
  const genes = opts.genes ? new Set(opts.genes) : undefined
  const out: number[] = []
  m.features.forEach((f, i) => {
    if (!opts.types.includes(f.type)) return
    const { altered } = featureCounts(m, i)
    if (f.type === 'gene') {
      if (genes && !genes.has(f.id)) return
      if (!genes && altered < min) return
    } else if (altered < 1) return
    out.push(i)
  })
  return out
}
