/**
 * The parts of buildMatrix (./build.ts) that do not walk the events: the sample → panel lookup,
 * per-gene indices of rules and pathways, class bitmasks, and the state every cell starts from
 * (wild type, or not assayed by the sample's panel) before the altered cells are set.
 */
import { InputError, quote } from '../errors.js'
import { MAF_CLASSES, type VariantClass } from '../model/alteration.js'
import type { PanelAssignment } from '../panels/assign.js'
import type { Pathway } from '../panels/pathways.js'
import { assayOf } from '../panels/profiled.js'
import type { Panel } from '../panels/schema.js'
import { geneAssayed } from '../classify/assay.js'
import type { Used } from '../classify/coverage.js'
import type { CompiledRule } from '../classify/rule-match.js'
import { NOT_ASSAYED, WILD_TYPE, type Feature } from './types.js'

/** gene → indices of the items (rules, pathways) that list it, in item order. O(total genes listed). */
export function indexByGene(items: readonly { readonly genes: readonly string[] }[]): Map<string, number[]> {
  const m = new Map<string, number[]>()
  items.forEach((item, i) => {
    for (const g of item.genes) {
      const list = m.get(g)
      if (list === undefined) m.set(g, [i])
      else list.push(i)
    }
  })
  return m
}

/** Row templates kept while filling the state (n bytes each): a cohort has few panel patterns. */
const MAX_TEMPLATES = 32

/** Bit i set when MAF_CLASSES[i] is in the set (30 classes fit a 31-bit mask). */
export function classMask(set: ReadonlySet<VariantClass>): number {
  let m = 0
  MAF_CLASSES.forEach((c, i) => {
    if (set.has(c)) m |= 1 << i
  })
  return m
}

export function samplePanels(samples: readonly string[], assign: PanelAssignment | undefined): (Panel | undefined)[] {
  if (assign === undefined) return samples.map(() => undefined)
  const missing = samples.filter((s) => !assign.samplePanel.has(s))
  if (missing.length > 0) {
    throw new InputError('NOT_FOUND', `${missing.length} sample(s) have no panel assignment: ${missing.slice(0, 5).map((s) => quote(s)).join(', ')}`, {
      suggestion: 'add them to the panel matrix (use NA for profiles they were not assayed for)',
    })
  }
  return samples.map((s) => {
    const id = assign.samplePanel.get(s) as string
    const p = assign.panels.get(id)
    if (p === undefined) throw new InputError('NOT_FOUND', `sample ${quote(s)}: panel ${quote(id)} is not defined`)
    return p
  })
}

/** What fillState needs: the features, and per distinct panel (panelIds) what each one judges. */
export interface StateInput {
  readonly features: readonly Feature[]
  /** The gene features' symbols (the first features). */
  readonly genes: readonly string[]
  readonly rules: readonly CompiledRule[]
  readonly pathways: readonly Pathway[]
  /** Distinct panels (undefined: no panel information) → index. */
  readonly panelIds: ReadonlyMap<Panel | undefined, number>
  /** Per sample: its panel's index. */
  readonly samplePanelIdx: Int32Array
  readonly n: number
  /** Per rule / pathway, per panel index: the members it is judged on (null = all). */
  readonly ruleUsed: readonly (readonly Used[])[]
  readonly pathwayUsed: readonly (readonly Used[])[]
}

/**
 * Every cell's state before any event: WILD_TYPE where the sample's panel assays the feature,
 * NOT_ASSAYED elsewhere. O(features × samples) bytes written; rows alike by panel share a template.
 */
export function fillState(x: StateInput): Uint8Array {
  const { features, genes, rules, pathways, panelIds, samplePanelIdx, n, ruleUsed, pathwayUsed } = x
  const P = panelIds.size
  const G = genes.length
  const R = rules.length
  const assayed = new Uint8Array(features.length * P)
  for (const [p, pi] of panelIds) {
    genes.forEach((g, f) => (assayed[f * P + pi] = p === undefined || geneAssayed(assayOf(p, g)) ? 1 : 0))
    const judged = (u: Used | undefined): 0 | 1 => (u === null || (u !== undefined && u.size > 0) ? 1 : 0)
    rules.forEach((_r, i) => (assayed[(G + i) * P + pi] = judged((ruleUsed[i] as Used[])[pi])))
    pathways.forEach((_pw, i) => (assayed[(G + R + i) * P + pi] = judged((pathwayUsed[i] as Used[])[pi])))
  }
  const state = new Uint8Array(features.length * n)
  const templates = new Map<string, Uint8Array>()
  for (let f = 0; f < features.length; f++) {
    const row = f * n
    // One panel (or every panel alike for this feature): the whole row has one state.
    let uniform = true
    for (let pi = 1; pi < P && uniform; pi++) uniform = assayed[f * P + pi] === assayed[f * P]
    if (uniform) {
      state.fill(assayed[f * P] ? WILD_TYPE : NOT_ASSAYED, row, row + n)
      continue
    }
    // Rows whose panels agree share one template, copied whole: a feature's row depends only on
    // which panels assay it (GENIE-like 200,000 samples × 500 genes on 3 panels: the per-sample
    // loop was ~2 s of CPU, the copies ~0.05 s). Templates are capped; past the cap, the loop.
    const key = String.fromCharCode(...assayed.subarray(f * P, f * P + P))
    let tpl = templates.get(key)
    if (tpl === undefined && templates.size < MAX_TEMPLATES) {
      tpl = new Uint8Array(n)
      for (let s = 0; s < n; s++) tpl[s] = assayed[f * P + (samplePanelIdx[s] as number)] ? WILD_TYPE : NOT_ASSAYED
      templates.set(key, tpl)
    }
    if (tpl !== undefined) state.set(tpl, row)
    else for (let s = 0; s < n; s++) state[row + s] = assayed[f * P + (samplePanelIdx[s] as number)] ? WILD_TYPE : NOT_ASSAYED
  }
  return state
}
