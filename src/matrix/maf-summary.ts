/**
 * What maftools' plotmafSummary draws, from the matrix's gene cells: counted mutation events by
 * Variant_Classification, by Variant_Type, SNVs by their six base-change classes (a change and its
 * reverse complement are one class: G>A is C>T, as maftools' titv), events per sample by class, and
 * the top genes by class. Copy number and fusions are not mutations and are left out, as maftools
 * leaves its CNV rows out of this plot. Pure: matrix in, counts out. Needs event records (the
 * default read path), O(altered cells + events).
 */
import { MAF_CLASSES, type Alteration, type VariantClass, type VariantType } from '../model/alteration.js'
import { ALTERED, type RecordMatrix } from './types.js'
import { geneSummary } from './summary.js'

export const SNV_CLASSES = ['C>A', 'C>G', 'C>T', 'T>A', 'T>C', 'T>G'] as const
export type SnvClass = (typeof SNV_CLASSES)[number]

export interface MafSummaryData {
  /** Counted mutation events per class, most frequent first (ties: MAF_CLASSES order). */
  readonly classes: readonly { readonly variantClass: VariantClass; readonly count: number }[]
  readonly types: readonly { readonly type: VariantType | 'unknown'; readonly count: number }[]
  readonly snv: readonly { readonly change: SnvClass; readonly count: number }[]
  /** SNPs whose alleles are not single bases A/C/G/T (not classed). */
  readonly snvUnclassed: number
  /** Per sample (every sample of the cohort, most events first, ties by ID): events by class. */
  readonly samples: readonly { readonly sample: string; readonly total: number; readonly byClass: ReadonlyMap<VariantClass, number> }[]
  /** Median events per sample, over samples with at least one (maftools' sample summary). */
  readonly medianPerSample: number
  /** Top genes (geneSummary order): events by class and samples mutated. */
  readonly genes: readonly { readonly gene: string; readonly mutatedSamples: number; readonly byClass: ReadonlyMap<VariantClass, number> }[]
  readonly events: number
}

const COMPLEMENT: Readonly<Record<string, string>> = { A: 'T', C: 'G', G: 'C', T: 'A' }

/** C>T for C>T and G>A; undefined when the alleles are not one base each. */
export function snvClass(ref: string | undefined, alt: string | undefined): SnvClass | undefined {
  const r = ref?.toUpperCase()
  const a = alt?.toUpperCase()
  if (r === undefined || a === undefined || COMPLEMENT[r] === undefined || COMPLEMENT[a] === undefined || r === a) return undefined
  const change = r === 'C' || r === 'T' ? `${r}>${a}` : `${COMPLEMENT[r]}>${COMPLEMENT[a]}`
  return change as SnvClass
}

const CLASS_RANK: ReadonlyMap<string, number> = new Map(MAF_CLASSES.map((c, i) => [c, i]))
const byCodeUnit = (a: string, b: string): number => (a < b ? -1 : a > b ? 1 : 0)

export function mafSummaryData(m: RecordMatrix, topGenes = 10): MafSummaryData {
  const n = m.samples.length
  const classes = new Map<VariantClass, number>()
  const types = new Map<VariantType | 'unknown', number>()
  const snv = new Map<SnvClass, number>()
  const perSample = m.samples.map(() => new Map<VariantClass, number>())
  const perGene = new Map<string, Map<VariantClass, number>>()
  let snvUnclassed = 0
  let events = 0
  const bump = <K>(map: Map<K, number>, k: K): void => void map.set(k, (map.get(k) ?? 0) + 1)
  m.features.forEach((f, fi) => {
    if (f.type !== 'gene') return
    const g = new Map<VariantClass, number>()
    for (let s = 0; s < n; s++) {
      const i = fi * n + s
      if (m.state[i] !== ALTERED) continue
      const evs: readonly Alteration[] = m.cells.get(i)?.events ?? []
      for (const e of evs) {
        if (e.kind !== 'snv' && e.kind !== 'indel') continue
        events++
        bump(classes, e.variantClass)
        bump(types, e.variantType ?? 'unknown')
        bump(perSample[s] as Map<VariantClass, number>, e.variantClass)
        bump(g, e.variantClass)
        if (e.variantType === 'SNP') {
          const c = snvClass(e.ref, e.alt)
          if (c === undefined) snvUnclassed++
          else bump(snv, c)
        }
      }
    }
    if (g.size > 0) perGene.set(f.id, g)
  })
  const sum = (mp: ReadonlyMap<unknown, number>): number => [...mp.values()].reduce((a, b) => a + b, 0)
  const samples = m.samples.map((sample, s) => ({ sample, total: sum(perSample[s] as Map<VariantClass, number>), byClass: perSample[s] as Map<VariantClass, number> })).sort((a, b) => b.total - a.total || byCodeUnit(a.sample, b.sample))
  // Over samples with a counted mutation, as maftools' sample summary (it has no row for the others).
  const totals = samples.map((s) => s.total).filter((t) => t > 0).sort((a, b) => a - b)
  const mid = totals.length / 2
  const medianPerSample = totals.length === 0 ? 0 : totals.length % 2 === 1 ? (totals[Math.floor(mid)] as number) : ((totals[mid - 1] as number) + (totals[mid] as number)) / 2
  const genes = geneSummary(m)
    .filter((g) => g.mutatedSamples > 0)
    .slice(0, topGenes)
    .map((g) => ({ gene: g.gene, mutatedSamples: g.mutatedSamples, byClass: perGene.get(g.gene) ?? new Map<VariantClass, number>() }))
  return {
    classes: [...classes].sort((a, b) => b[1] - a[1] || (CLASS_RANK.get(a[0]) ?? 99) - (CLASS_RANK.get(b[0]) ?? 99)).map(([variantClass, count]) => ({ variantClass, count })),
    types: [...types].sort((a, b) => b[1] - a[1] || byCodeUnit(a[0], b[0])).map(([type, count]) => ({ type, count })),
    snv: SNV_CLASSES.map((change) => ({ change, count: snv.get(change) ?? 0 })),
    snvUnclassed,
    samples,
    medianPerSample,
    genes,
    events,
  }
}
