/**
 * Cells a copy-number table says were not assayed ("Not Available" for a gene in a sample): they
 * must never be counted as wild-type. Applied to the panel-derived state before altered cells are
 * set, so an event still makes its cell ALTERED (as on a partially assayed rule, ./assay.ts).
 *
 * - Rules that look at copy number of the gene: NOT_ASSAYED in that sample.
 * - The gene feature, and pathways with the gene: NOT_ASSAYED only when the cohort has no mutation
 *   input (copy-number and fusion tables only). With mutation calls read, the gene was assayed by
 *   sequencing in every sample of the universe, as on a panel that calls its mutations but not its
 *   copy number (./assay.ts: "mutation-only panels still give gene wild-type calls").
 *
 * O(cells × features touching the gene); a table holds a handful of such cells.
 */
import { NOT_ASSAYED } from './types.js'
import type { CnNotAssayed } from '../model/cn-not-assayed.js'
import type { Pathway } from '../panels/pathways.js'
import type { CompiledRule } from '../classify/rule-match.js'

export interface FeatureLayout {
  readonly n: number
  readonly sampleIdx: ReadonlyMap<string, number>
  readonly genes: readonly string[]
  readonly rules: readonly CompiledRule[]
  readonly pathways: readonly Pathway[]
}

export type { CnNotAssayed }

export function applyCnNotAssayed(state: Uint8Array, l: FeatureLayout, u: CnNotAssayed | undefined): void {
  if (u === undefined || u.cells.length === 0) return
  const G = l.genes.length
  const R = l.rules.length
  const geneRow = new Map(l.genes.map((g, f) => [g, f]))
  const set = (f: number, s: number): void => {
    state[f * l.n + s] = NOT_ASSAYED
  }
  for (const c of u.cells) {
    const s = l.sampleIdx.get(c.sample)
    if (s === undefined) continue
    l.rules.forEach((r, i) => {
      if (r.looksAt.copyNumber && r.genes.includes(c.gene)) set(G + i, s)
    })
    if (u.mutationsRead) continue
    const f = geneRow.get(c.gene)
    if (f !== undefined) set(f, s)
    l.pathways.forEach((p, i) => {
      if (p.genes.includes(c.gene)) set(G + R + i, s)
    })
  }
}
