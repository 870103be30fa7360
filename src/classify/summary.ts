/**
 * Summaries of a CohortMatrix.
 *
 * geneSummary mirrors maftools getGeneSummary (summarizeMaf in R/summarizeMaf.R): per gene, event
 * counts per Variant_Classification, `total` = mutation events (Amp/Del excluded, as maftools
 * moves them to CNV_total), MutatedSamples (samples with a non-CN event), AlteredSamples (any
 * event). Order as maftools: MutatedSamples desc, then total desc; ties keep data.table's keyed
 * (C-locale) gene order, i.e. gene name by code unit. biomarkit adds panel-aware denominators.
 *
 * Complexity: O(features × samples) for the counts + O(events in altered cells).
 */
import type { VariantClass } from '../model/alteration.js'
import { ALTERED, NOT_ASSAYED, featureCounts, type CohortMatrix, type FeatureType } from '../matrix/types.js'
import { collapseClass, type CollapsedClass } from './collapse.js'

export interface GeneSummaryRow {
  readonly gene: string
  /** Events per class over the gene's altered cells (maftools' dcast columns). */
  readonly classCounts: Readonly<Partial<Record<VariantClass, number>>>
  /** Samples with ≥1 event of the class. */
  readonly samplesByClass: Readonly<Partial<Record<VariantClass, number>>>
  /** Mutation events (copy number excluded). */
  readonly total: number
  /** Amp + Del events. */
  readonly cnvTotal: number
  readonly mutatedSamples: number
  readonly alteredSamples: number
  readonly assayed: number
  readonly notAssayed: number
}

function bump<K extends string>(r: Partial<Record<K, number>>, k: K): void {
  r[k] = (r[k] ?? 0) + 1
}

const byCodeUnit = (a: string, b: string): number => (a < b ? -1 : a > b ? 1 : 0)

export function geneSummary(m: CohortMatrix): GeneSummaryRow[] {
  const n = m.samples.length
  const rows: GeneSummaryRow[] = []
  m.features.forEach((f, fi) => {
    if (f.type !== 'gene') return
    const classCounts: Partial<Record<VariantClass, number>> = {}
    const samplesByClass: Partial<Record<VariantClass, number>> = {}
    let total = 0
    let cnvTotal = 0
    let mutatedSamples = 0
    let alteredSamples = 0
    for (let s = 0; s < n; s++) {
      const idx = fi * n + s
      if (m.state[idx] !== ALTERED) continue
      const cell = m.cells.get(idx)
      if (cell === undefined) continue
      alteredSamples++
      let mutated = false
      for (const e of cell.events) {
        bump(classCounts, e.variantClass)
        if (e.kind === 'cna') cnvTotal++
        else {
          total++
          mutated = true
        }
      }
      if (mutated) mutatedSamples++
      for (const c of cell.classes) bump(samplesByClass, c)
    }
    const { assayed, notAssayed } = featureCounts(m, fi)
    rows.push({ gene: f.id, classCounts, samplesByClass, total, cnvTotal, mutatedSamples, alteredSamples, assayed, notAssayed })
  })
  return rows.sort((a, b) => b.mutatedSamples - a.mutatedSamples || b.total - a.total || byCodeUnit(a.gene, b.gene))
}

export interface FeatureSummaryRow {
  readonly id: string
  readonly label: string
  readonly type: FeatureType
  readonly altered: number
  readonly assayed: number
  readonly notAssayed: number
  /** altered / assayed; undefined when no sample was assayed. Never above 1. */
  readonly fraction: number | undefined
  /** Altered samples per collapsed OncoPrint class (a sample counts once per class). */
  readonly samplesByCollapsed: Readonly<Partial<Record<CollapsedClass, number>>>
}

/** n/N per feature, in feature order. */
export function featureSummary(m: CohortMatrix): FeatureSummaryRow[] {
  const n = m.samples.length
  return m.features.map((f, fi) => {
    const c = featureCounts(m, fi)
    const samplesByCollapsed: Partial<Record<CollapsedClass, number>> = {}
    for (let s = 0; s < n; s++) {
      const cell = m.cells.get(fi * n + s)
      if (cell === undefined) continue
      const seen = new Set<CollapsedClass>()
      for (const e of cell.events) seen.add(collapseClass(e.variantClass, e.cnState))
      for (const k of seen) bump(samplesByCollapsed, k)
    }
    return {
      id: f.id,
      label: f.label,
      type: f.type,
      altered: c.altered,
      assayed: c.assayed,
      notAssayed: c.notAssayed,
      fraction: c.assayed === 0 ? undefined : c.altered / c.assayed,
      samplesByCollapsed,
    }
  })
}

export interface SampleSummaryRow {
  readonly sample: string
  readonly panel: string | undefined
  /** Counted somatic mutation events, all genes (the matrix burden). */
  readonly burden: number
  /** burden / panel Mb, when the panel size is known. */
  readonly tmb: number | undefined
  /** Altered gene features. */
  readonly alteredGenes: number
  /** Gene features not assayed for this sample. */
  readonly notAssayedGenes: number
  /** Events per class over gene features (maftools getSampleSummary columns). */
  readonly classCounts: Readonly<Partial<Record<VariantClass, number>>>
}

/** Per-sample counts, in sample order. */
export function sampleSummary(m: CohortMatrix): SampleSummaryRow[] {
  const n = m.samples.length
  const geneRows = m.features.map((f, i) => (f.type === 'gene' ? i : -1)).filter((i) => i >= 0)
  return m.samples.map((sample, s) => {
    let alteredGenes = 0
    let notAssayedGenes = 0
    const classCounts: Partial<Record<VariantClass, number>> = {}
    for (const fi of geneRows) {
      const st = m.state[fi * n + s]
      if (st === NOT_ASSAYED) notAssayedGenes++
      if (st !== ALTERED) continue
      alteredGenes++
      for (const e of m.cells.get(fi * n + s)?.events ?? []) bump(classCounts, e.variantClass)
    }
    const burden = m.burden[s] ?? 0
    const mb = m.panelMb[s]
    return { sample, panel: m.samplePanel[s], burden, tmb: mb === undefined ? undefined : burden / mb, alteredGenes, notAssayedGenes, classCounts }
  })
}
