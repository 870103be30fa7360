/**
 * Panel-aware "was this assayed?" decisions, one table per (panel, feature), computed once per
 * distinct panel (a cohort has a handful), never per sample.
 *
 * - Gene feature: assayed when the gene is on the sample's panel for any event kind. Mutation-only
 *   panels still give gene wild-type calls; their copy-number events are refused (below).
 *   A hotspot-only gene counts as assayed for the whole-gene feature; a called variant outside the
 *   panel's hotspots is still counted and reported in the build notes.
 * - Rule: wild-type only if every (gene, kind) the rule looks at is assayed; an event accepted on a
 *   partially assayed rule still makes it ALTERED, otherwise the cell is NOT_ASSAYED.
 * - Pathway: wild-type only if every member gene is assayed (gene-feature sense).
 * - No panel information: everything is assayed.
 */
import type { Alteration } from '../model/alteration.js'
import { assayOf } from '../panels/profiled.js'
import type { GeneAssay, Panel } from '../panels/schema.js'
import { compileHotspots, matchesHotspot, type HotspotSet } from './protein.js'
import type { CompiledRule } from './rule-match.js'

export function geneAssayed(ga: GeneAssay | undefined): boolean {
  return ga !== undefined && (ga.mutations !== 'none' || ga.copyNumber || ga.fusions)
}

export function ruleFullyAssayed(panel: Panel | undefined, r: CompiledRule): boolean {
  if (panel === undefined) return true
  for (const g of r.genes) {
    const ga = assayOf(panel, g)
    if (ga === undefined) return false
    if (r.looksAt.mutations && ga.mutations === 'none') return false
    if (r.looksAt.copyNumber && !ga.copyNumber) return false
    if (r.looksAt.fusions && !ga.fusions) return false
  }
  return true
}

export function allGenesAssayed(panel: Panel | undefined, genes: readonly string[]): boolean {
  if (panel === undefined) return true
  for (const g of genes) if (!geneAssayed(assayOf(panel, g))) return false
  return true
}

/** Why an event was refused by the sample's panel, or undefined when accepted. */
export type Refusal = 'gene not on panel' | 'mutations not assayed' | 'copy number not assayed' | 'fusions not assayed'

export function refusal(panel: Panel | undefined, gene: string, a: Alteration, partner?: string): Refusal | undefined {
  if (panel === undefined) return undefined
  const ga = assayOf(panel, gene)
  if (a.kind === 'fusion') {
    // A fusion is seen when either partner's breakpoints are covered.
    if (ga?.fusions) return undefined
    if (partner !== undefined && assayOf(panel, partner)?.fusions) return undefined
    return ga === undefined ? 'gene not on panel' : 'fusions not assayed'
  }
  return kindRefusal(panel, gene, a.kind === 'cna')
}

/** refusal() for a mutation (`cna` false) or copy-number event: needs no record. */
export function kindRefusal(panel: Panel, gene: string, cna: boolean): Refusal | undefined {
  const ga = assayOf(panel, gene)
  if (ga === undefined) return 'gene not on panel'
  if (cna) return ga.copyNumber ? undefined : 'copy number not assayed'
  return ga.mutations === 'none' ? 'mutations not assayed' : undefined
}

interface CompiledPanelHotspots {
  readonly protein: HotspotSet
  readonly intervals: readonly { readonly chrom: string; readonly start: number; readonly end: number }[]
}

const hotspotCache = new WeakMap<GeneAssay, CompiledPanelHotspots>()

function stripChr(c: string): string {
  return c.startsWith('chr') ? c.slice(3) : c
}

function compilePanelHotspots(ga: GeneAssay): CompiledPanelHotspots {
  const prot: string[] = []
  const intervals: { chrom: string; start: number; end: number }[] = []
  for (const h of ga.hotspots) {
    const m = /^(.+):(\d+)-(\d+)$/.exec(h)
    if (m) intervals.push({ chrom: stripChr(m[1] as string), start: Number(m[2]), end: Number(m[3]) })
    else prot.push(h)
  }
  return { protein: compileHotspots(prot), intervals }
}

/** On a hotspot-only gene: is this variant one of the panel's hotspots (protein or genomic interval)? */
export function onPanelHotspot(ga: GeneAssay, a: Alteration): boolean {
  let c = hotspotCache.get(ga)
  if (c === undefined) {
    c = compilePanelHotspots(ga)
    hotspotCache.set(ga, c)
  }
  if (matchesHotspot(c.protein, a.protein)) return true
  if (a.chrom === undefined || a.start === undefined) return false
  const chrom = stripChr(a.chrom)
  const end = a.end ?? a.start
  return c.intervals.some((iv) => iv.chrom === chrom && a.start !== undefined && a.start <= iv.end && end >= iv.start)
}
