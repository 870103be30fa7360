/**
 * buildMatrix: alterations + sample universe (+ panels, rules, pathways) → CohortMatrix.
 *
 * Features, in this order: genes (the given list, or every gene with ≥1 counted event, sorted),
 * then rules (file order), then pathways (file order).
 *
 * Cells: ALTERED when ≥1 qualifying event was accepted by the sample's panel; otherwise WILD_TYPE
 * or NOT_ASSAYED by the panel tables in ./assay.ts. A sample with only silent variants is
 * WILD_TYPE, never missing. Alterations of samples outside the universe are an error by default
 * (a typo in a sample list must not silently empty a column); `outside: 'drop'` counts and drops
 * them instead.
 *
 * Gene symbols pass through the alias resolver (scope 'data'); cells keep the original records.
 * Gene and pathway features use `origin` (default 'any'); rules carry their own origin.
 * Burden counts accepted somatic/unknown-origin mutation events (not CN, not fusions) of the base
 * counted classes (no per-gene extras) over all genes.
 *
 * Complexity: one pass over A alterations with O(1) Map lookups (interned sample and gene ids,
 * numeric cell keys in flat number arrays) plus O(rules + pathways touching the gene) per event;
 * O(P log P) to group the P (cell, event) pairs (./collect.ts); O(F × S) to fill the Uint8Array
 * state. Cell records are built lazily on access (./cellStore.ts). Memory O(F × S) bytes + O(A + P).
 * test/classify/scale.test.ts builds 10,000 samples × 500 genes from 1,000,000 events (and logs
 * the time; no timing assertion).
 */
import { InputError, quote } from '../errors.js'
import type { Alteration } from '../model/alteration.js'
import { ALTERED, NOT_ASSAYED, WILD_TYPE, type CohortMatrix, type Feature } from '../matrix/types.js'
import type { AliasResolver, AliasUse } from '../panels/aliases.js'
import type { PanelAssignment } from '../panels/assign.js'
import type { Pathway } from '../panels/pathways.js'
import type { Panel } from '../panels/schema.js'
import { allGenesAssayed, geneAssayed, onPanelHotspot, refusal, ruleFullyAssayed } from './assay.js'
import { CellStore } from './cellStore.js'
import { collectCells } from './collect.js'
import { countedClasses, counts, type CountedClasses } from './classes.js'
import { MATCH, NO_EVIDENCE, matchRule, originAccepts, type CompiledRule, type OriginFilter } from './ruleMatch.js'

export interface BuildOptions {
  /** Sample universe (sequenced samples). Output is sorted by ID. */
  readonly samples: readonly string[]
  /** Gene features; default: every gene with ≥1 counted, accepted event. */
  readonly genes?: readonly string[] | undefined
  readonly rules?: readonly CompiledRule[] | undefined
  readonly pathways?: readonly Pathway[] | undefined
  readonly classes?: CountedClasses | undefined
  /** Origin filter for gene and pathway features (default 'any'). */
  readonly origin?: OriginFilter | undefined
  /** Sample → panel. Absent: every gene and kind assayed for every sample. */
  readonly panels?: PanelAssignment | undefined
  readonly aliases?: AliasResolver | undefined
  /** Alterations of samples not in `samples`: 'error' (default) or 'drop' (counted). */
  readonly outside?: 'error' | 'drop' | undefined
}

export interface BuildNotes {
  /** Alterations dropped because their sample is outside the universe. */
  readonly outsideUniverse: number
  /** Events refused by the sample's panel, by reason. */
  readonly refused: Readonly<Record<string, number>>
  /** Called variants on hotspot-only genes that are not a listed hotspot (counted anyway). */
  readonly offHotspot: number
  /** Rule id → events that lacked the VAF/depth a threshold needs (not counted). */
  readonly missingEvidence: Readonly<Record<string, number>>
  readonly aliases: readonly AliasUse[]
  readonly warnings: readonly string[]
}

export interface BuiltMatrix extends CohortMatrix {
  readonly notes: BuildNotes
}

function samplePanels(samples: readonly string[], assign: PanelAssignment | undefined): (Panel | undefined)[] {
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

export function buildMatrix(alterations: Iterable<Alteration>, opts: BuildOptions): BuiltMatrix {
  const samples = [...opts.samples].sort((a, b) => (a < b ? -1 : a > b ? 1 : 0))
  const n = samples.length
  const sampleIdx = new Map<string, number>()
  samples.forEach((s, i) => {
    if (sampleIdx.has(s)) throw new InputError('DUPLICATE_SAMPLE', `sample ${quote(s)} appears twice in the sample list`)
    sampleIdx.set(s, i)
  })
  const panelOf = samplePanels(samples, opts.panels)
  const cc = opts.classes ?? countedClasses()
  const origin = opts.origin ?? 'any'
  const aliases = opts.aliases
  const rules = opts.rules ?? []
  const pathways = opts.pathways ?? []

  const rulesByGene = new Map<string, number[]>()
  rules.forEach((r, i) => r.genes.forEach((g) => rulesByGene.set(g, [...(rulesByGene.get(g) ?? []), i])))
  const pathwaysByGene = new Map<string, number[]>()
  pathways.forEach((p, i) => p.genes.forEach((g) => pathwaysByGene.set(g, [...(pathwaysByGene.get(g) ?? []), i])))

  // One pass. Accepted events go to `acc`; (preliminary cell key, event id) pairs go to flat
  // number arrays per feature type, so no per-cell arrays are allocated here (see ./cellStore.ts).
  const geneIdx = new Map<string, number>()
  const geneNames: string[] = []
  const geneCounted: boolean[] = []
  const acc: Alteration[] = []
  const accGene: number[] = []
  const gKey: number[] = []
  const gEv: number[] = []
  const rKey: number[] = []
  const rEv: number[] = []
  const pKey: number[] = []
  const pEv: number[] = []
  const burden = new Uint32Array(n)
  const refused: Record<string, number> = {}
  const missingEvidence: Record<string, number> = {}
  let outsideUniverse = 0
  let offHotspot = 0
  let sawCopyNumber = false
  // Alias resolution once per distinct symbol; later rewrites are counted here and added at the end.
  const resolved = new Map<string, string>()
  const extraAliasUses = new Map<string, number>()

  for (const a of alterations) {
    const s = sampleIdx.get(a.sample)
    if (s === undefined) {
      if (opts.outside === 'drop') {
        outsideUniverse++
        continue
      }
      throw new InputError('NOT_FOUND', `sample ${quote(a.sample)} is not in the sample universe`, {
        file: a.source.file,
        line: a.source.line,
        suggestion: 'add it to the sample list, or drop such rows explicitly (outside: "drop")',
      })
    }
    let gene = resolved.get(a.gene)
    if (gene === undefined) {
      gene = aliases ? aliases.resolve(a.gene, 'data') : a.gene
      resolved.set(a.gene, gene)
    } else if (gene !== a.gene) extraAliasUses.set(a.gene, (extraAliasUses.get(a.gene) ?? 0) + 1)
    if (a.kind === 'cna') sawCopyNumber = true
    const panel = panelOf[s]
    const partner = a.partner === undefined ? undefined : (aliases?.resolve(a.partner, 'data') ?? a.partner)
    const why = refusal(panel, gene, a, partner)
    if (why !== undefined) {
      refused[why] = (refused[why] ?? 0) + 1
      continue
    }
    if (panel !== undefined && a.kind !== 'cna' && a.kind !== 'fusion') {
      const ga = panel.genes.get(gene)
      if (ga?.mutations === 'hotspots' && !onPanelHotspot(ga, a)) offHotspot++
    }
    let gi = geneIdx.get(gene)
    if (gi === undefined) {
      gi = geneNames.length
      geneIdx.set(gene, gi)
      geneNames.push(gene)
      geneCounted.push(false)
    }
    const ev = acc.length
    let used = false
    const counted = counts(cc, gene, a)
    if (counted && originAccepts(origin, a.origin)) {
      used = true
      geneCounted[gi] = true
      gKey.push(gi * n + s)
      gEv.push(ev)
      const pws = pathwaysByGene.get(gene)
      if (pws) {
        for (const p of pws) {
          pKey.push(p * n + s)
          pEv.push(ev)
        }
      }
    }
    // Burden (TMB) counts the base classes only: per-gene extras such as TERT 5'Flank are not coding.
    if ((a.kind === 'snv' || a.kind === 'indel') && a.origin !== 'germline' && cc.base.has(a.variantClass)) burden[s] = (burden[s] ?? 0) + 1
    const rs = rulesByGene.get(gene)
    if (rs) {
      for (const r of rs) {
        const rule = rules[r] as CompiledRule
        const m = matchRule(rule, a)
        if (m === MATCH) {
          used = true
          rKey.push(r * n + s)
          rEv.push(ev)
        } else if (m === NO_EVIDENCE) missingEvidence[rule.id] = (missingEvidence[rule.id] ?? 0) + 1
      }
    }
    if (used) {
      acc.push(a)
      accGene.push(gi)
    }
  }
  if (aliases) for (const [raw, k] of extraAliasUses) aliases.resolve(raw, 'data', k)

  // Gene features: the given list (alias-resolved, de-duplicated) or every gene with a counted event.
  const geneList = opts.genes
    ? [...new Set(opts.genes.map((g) => (aliases ? aliases.resolve(g, 'data') : g)))]
    : geneNames.filter((_, i) => geneCounted[i]).sort((a, b) => (a < b ? -1 : a > b ? 1 : 0))
  const features: Feature[] = [
    ...geneList.map((g): Feature => ({ id: g, label: g, type: 'gene', genes: [g] })),
    ...rules.map((r): Feature => ({ id: r.id, label: r.label, type: 'rule', genes: r.genes })),
    ...pathways.map((p): Feature => ({ id: p.id, label: p.label, type: 'pathway', genes: p.genes })),
  ]
  const ids = new Set<string>()
  for (const f of features) {
    const k = `${f.type}:${f.id}`
    if (ids.has(k)) throw new InputError('USAGE', `feature ${quote(f.id)} (${f.type}) is defined twice`)
    ids.add(k)
  }
  const G = geneList.length
  const R = rules.length

  // Per distinct panel, per feature: assayed? (1 byte each; panels are few.)
  const panelIds = new Map<Panel | undefined, number>()
  const samplePanelIdx = new Int32Array(n)
  panelOf.forEach((p, s) => {
    let pi = panelIds.get(p)
    if (pi === undefined) {
      pi = panelIds.size
      panelIds.set(p, pi)
    }
    samplePanelIdx[s] = pi
  })
  const P = panelIds.size
  const assayed = new Uint8Array(features.length * P)
  for (const [p, pi] of panelIds) {
    geneList.forEach((g, f) => (assayed[f * P + pi] = p === undefined || geneAssayed(p.genes.get(g)) ? 1 : 0))
    rules.forEach((r, i) => (assayed[(G + i) * P + pi] = ruleFullyAssayed(p, r) ? 1 : 0))
    pathways.forEach((pw, i) => (assayed[(G + R + i) * P + pi] = allGenesAssayed(p, pw.genes) ? 1 : 0))
  }
  const state = new Uint8Array(features.length * n)
  for (let f = 0; f < features.length; f++) {
    const row = f * n
    for (let s = 0; s < n; s++) state[row + s] = assayed[f * P + (samplePanelIdx[s] as number)] ? WILD_TYPE : NOT_ASSAYED
  }

  const geneRow = new Int32Array(geneNames.length).fill(-1)
  geneList.forEach((g, f) => {
    const gi = geneIdx.get(g)
    if (gi !== undefined) geneRow[gi] = f
  })
  const cells = collectCells({ n, G, R, M: acc.length, features: features.length, gKey, gEv, rKey, rEv, pKey, pEv, geneRow })
  for (const idx of cells.cellIdx) state[idx] = ALTERED
  const store = new CellStore(cells.cellIdx, cells.starts, cells.events, acc, Int32Array.from(accGene), geneNames, G * n)

  const warnings: string[] = []
  if (offHotspot > 0) warnings.push(`${offHotspot} called variant(s) on hotspot-only panel genes are outside the listed hotspots; counted anyway`)
  for (const r of rules) {
    if (r.looksAt.copyNumber && !sawCopyNumber && !r.looksAt.mutations && !r.looksAt.fusions) {
      warnings.push(`rule ${r.id} looks only at copy number, but the input has no copy-number events: its wild-type calls assume copy number was assayed`)
    }
  }
  for (const [id, k] of Object.entries(missingEvidence)) warnings.push(`rule ${id}: ${k} event(s) lacked the VAF/depth its thresholds need and were not counted`)

  return {
    samples,
    features,
    state,
    cells: store,
    samplePanel: panelOf.map((p) => p?.id),
    panelMb: panelOf.map((p) => p?.sizeMb),
    burden,
    notes: { outsideUniverse, refused, offHotspot, missingEvidence, aliases: aliases?.report() ?? [], warnings },
  }
}
