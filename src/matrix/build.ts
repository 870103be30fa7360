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
 * Complexity: one pass over the A rows of the cohort's EventTable reading its columns (sample and
 * gene ids map to matrix indices through arrays indexed by pool id; counted classes are a bitmask
 * per gene), building a record only for rules, panel checks and copy-number states; plus
 * O(rules + pathways touching the gene) per event; O(P log P) to group the P (cell, event) pairs
 * (./collect.ts); O(F × S) to fill the Uint8Array state. Cells hold table rows; records are built
 * on access (./cellStore.ts). Memory O(F × S) bytes + 4 bytes per table row + 8 bytes per pair (4 + 4 while
 * cell keys fit 32 bits) while collecting, plus the grouping in ./collect.ts.
 * test/classify/scale.test.ts builds 10,000 samples × 500 genes from 1,000,000 events (and logs
 * the time; no timing assertion).
 */
import { InputError, quote } from '../errors.js'
import type { Alteration } from '../model/alteration.js'
import { EventTable, KIND_CODE, ORIGINS, ORIGIN_CODE } from '../model/events.js'
import { ALTERED, type CohortMatrix, type Feature, type MatrixCells } from './types.js'
import type { AliasResolver } from '../panels/aliases.js'
import type { PanelAssignment } from '../panels/assign.js'
import type { Pathway } from '../panels/pathways.js'
import type { GeneAssay, Panel } from '../panels/schema.js'
import { assayOf } from '../panels/profiled.js'
import { kindRefusal, onPanelHotspot, refusal, type Refusal } from '../classify/assay.js'
import { CellStore } from './cell-store.js'
import { DEFAULT_PATHWAY_COVERAGE, usedMembers, type PathwayCoverage, type Used } from '../classify/coverage.js'
import { NumList, collectCells } from '../classify/collect.js'
import { countedClasses, counts, type CountedClasses } from '../classify/classes.js'
import { MATCH, NO_EVIDENCE, matchRule, originAccepts, type CompiledRule, type OriginFilter } from '../classify/rule-match.js'
import { applyCnNotAssayed, type CnNotAssayed } from './unassayed.js'
import { assertCellCount } from './cell-limit.js'
import { buildWarnings, type BuildNotes } from './build-notes.js'
import { classMask, fillState, indexByGene, samplePanels } from './build-state.js'

export { buildWarnings, type BuildNotes } from './build-notes.js'

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
  /** `genes` are already alias-resolved (and their rewrites counted). */
  readonly genesResolved?: boolean | undefined
  /** Copy number "Not Available" per (sample, gene): never wild-type (./unassayed.ts). */
  readonly cnNotAssayed?: CnNotAssayed | undefined
  /** Which members a rule or pathway is judged on per panel (./coverage.ts); default 'any'. */
  readonly coverage?: PathwayCoverage | undefined
  /** For 'common': `rule:ID` / `pathway:ID` → the members every panel covers (from the whole cohort's panels). */
  readonly coverageCommon?: ReadonlyMap<string, ReadonlySet<string>> | undefined
}

/**
 * Facts of one build beside its notes: the table row where each refusal reason and each rule's
 * missing evidence was first met (insertion order = the order met), and whether any copy-number
 * event was read. The notes' records keep first-seen order, so whoever combines builds of parts of
 * a table (../scale/merge.ts) orders them by these rows as one build over the whole table would.
 */
export interface BuildTrace {
  readonly firstRefused: ReadonlyMap<string, number>
  readonly firstMissingEvidence: ReadonlyMap<string, number>
  readonly sawCopyNumber: boolean
}

export interface BuiltMatrix<C extends MatrixCells = MatrixCells> extends CohortMatrix<C> {
  readonly notes: BuildNotes
}

const OK = 0
const HOTSPOTS = 1
type Verdict = Refusal | typeof OK | typeof HOTSPOTS

export function buildMatrix(alterations: Iterable<Alteration> | EventTable, opts: BuildOptions): BuiltMatrix<CellStore> & { readonly trace: BuildTrace } {
  const table = alterations instanceof EventTable ? alterations : EventTable.from(alterations)
  const pool = table.pool
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
  // Per (rule or pathway, panel): the members it is judged on (null = all; ./coverage.ts). Events on
  // other members are not counted for the feature; `restricted` skips the check when none is narrowed.
  const mode = opts.coverage ?? DEFAULT_PATHWAY_COVERAGE
  const usedOf = (key: string, genes: readonly string[], rule: CompiledRule | undefined): Used[] =>
    [...panelIds.keys()].map((p) => usedMembers(p, { genes, rule }, mode, opts.coverageCommon?.get(key)))
  const ruleUsed = rules.map((r) => usedOf(`rule:${r.id}`, r.genes, r))
  const pathwayUsed = pathways.map((pw) => usedOf(`pathway:${pw.id}`, pw.genes, undefined))
  const restricted = [...ruleUsed, ...pathwayUsed].some((u) => u.some((x) => x !== null))

  // Appended in place: copying the gene's list for every rule made 100k rules on 4 genes quadratic (105 s).
  const rulesByGene = indexByGene(rules)
  const pathwaysByGene = indexByGene(pathways)

  // One pass over the table's columns. Accepted events are table rows; (preliminary cell key,
  // row) pairs go to flat number arrays per feature type, so no per-cell arrays are allocated here
  // (see ./cellStore.ts). A record is built only for the few checks that need a whole one (rules,
  // panel hotspots, copy-number states, fusion partners).
  const geneIdx = new Map<string, number>()
  const geneNames: string[] = []
  const geneCounted: boolean[] = []
  /** Per interned gene: bitmask of counted class codes, rule and pathway ids. */
  const countedMask: number[] = []
  const geneRules: (readonly number[] | undefined)[] = []
  const genePathways: (readonly number[] | undefined)[] = []
  const baseMask = classMask(cc.base)
  const acceptOrigin = ORIGINS.map((o) => originAccepts(origin, o))
  const germline = ORIGIN_CODE.germline
  // Codes as locals: the row loop reads them a million times (an imported object's fields are not folded).
  const { snv: SNV, indel: INDEL, cna: CNA, fusion: FUSION } = KIND_CODE
  const rowGene = new Int32Array(table.length).fill(-1)
  const gKey = new NumList(table.length)
  const gEv = new NumList(table.length)
  const rKey = new NumList()
  const rEv = new NumList()
  const pKey = new NumList()
  const pEv = new NumList()
  const burden = new Uint32Array(n)
  const refused: Record<string, number> = {}
  const missingEvidence: Record<string, number> = {}
  let outsideUniverse = 0
  let offHotspot = 0
  let sawCopyNumber = false
  const firstRefused = new Map<string, number>()
  const firstMissingEvidence = new Map<string, number>()
  // Pool id → sample index (−1: outside the universe; −2: not looked up yet) and → interned gene
  // index (alias resolution once per distinct symbol; later rewrites are counted and added at the end).
  const sampleOfId = new Int32Array(pool.size).fill(-2)
  const geneOfId = new Int32Array(pool.size).fill(-1)
  const renamed = new Uint8Array(pool.size)
  const extraAliasUses = new Map<number, number>()
  // A mutation's or copy-number event's panel verdict per (distinct panel, gene, kind), found once:
  // two Map lookups a row (kindRefusal, then the hotspot check) were ~0.1 s of 1.5M MAF rows.
  // OK: assayed; HOTSPOTS: assayed at hotspots only (each event is checked); else the refusal.
  const verdicts: Verdict[][] = [...panelIds.keys()].map(() => [])

  for (let i = 0; i < table.length; i++) {
    const sid = table.sampleOf(i)
    let s = sampleOfId[sid] as number
    if (s === -2) {
      s = sampleIdx.get(pool.values[sid] as string) ?? -1
      sampleOfId[sid] = s
    }
    if (s < 0) {
      if (opts.outside === 'drop') {
        outsideUniverse++
        continue
      }
      throw new InputError('NOT_FOUND', `sample ${quote(pool.values[sid] as string)} is not in the sample universe`, {
        file: table.fileOf(i),
        line: table.lineOf(i),
        suggestion: 'add it to the sample list, or drop such rows explicitly (outside: "drop")',
      })
    }
    const gid = table.geneOf(i)
    let gi = geneOfId[gid] as number
    if (gi < 0) {
      const raw = pool.values[gid] as string
      const gene = aliases ? aliases.resolve(raw, 'data') : raw
      renamed[gid] = gene !== raw ? 1 : 0
      let k = geneIdx.get(gene)
      if (k === undefined) {
        k = geneNames.length
        geneIdx.set(gene, k)
        geneNames.push(gene)
        geneCounted.push(false)
        const set = cc.perGene.get(gene)
        countedMask.push(set === undefined ? baseMask : classMask(set))
        geneRules.push(rulesByGene.get(gene))
        genePathways.push(pathwaysByGene.get(gene))
      }
      gi = k
      geneOfId[gid] = gi
    } else if (renamed[gid] === 1) extraAliasUses.set(gid, (extraAliasUses.get(gid) ?? 0) + 1)
    const gene = geneNames[gi] as string
    const kind = table.kindCode(i)
    let rec: Alteration | undefined
    if (kind === CNA) sawCopyNumber = true
    const panel = opts.panels === undefined ? undefined : panelOf[s]
    if (panel !== undefined) {
      // A record only for fusions (the partner) and hotspot-only genes: ~1 µs a row saved on big cohorts.
      let why: ReturnType<typeof refusal>
      if (kind === FUSION) {
        rec = table.get(i)
        const partner = rec.partner === undefined ? undefined : (aliases?.resolve(rec.partner, 'data') ?? rec.partner)
        why = refusal(panel, gene, rec, partner)
      } else {
        const slot = 2 * gi + (kind === CNA ? 1 : 0)
        const known = (verdicts[samplePanelIdx[s] as number] as Verdict[])[slot]
        why = known === undefined ? kindRefusal(panel, gene, kind === CNA) : known === OK || known === HOTSPOTS ? undefined : known
        if (known === undefined) {
          const hot = why === undefined && kind !== CNA && assayOf(panel, gene)?.mutations === 'hotspots'
          ;(verdicts[samplePanelIdx[s] as number] as Verdict[])[slot] = why ?? (hot ? HOTSPOTS : OK)
        }
      }
      if (why !== undefined) {
        if (refused[why] === undefined) firstRefused.set(why, i)
        refused[why] = (refused[why] ?? 0) + 1
        continue
      }
      if (kind !== CNA && kind !== FUSION && (verdicts[samplePanelIdx[s] as number] as Verdict[])[2 * gi] === HOTSPOTS) {
        const ga = assayOf(panel, gene) as GeneAssay
        if (!onPanelHotspot(ga, (rec ??= table.get(i)))) offHotspot++
      }
    }
    const cls = table.classCode(i)
    let used = false
    const counted = kind === CNA ? counts(cc, gene, (rec ??= table.get(i))) : ((countedMask[gi] as number) >>> cls) & 1
    const oc = table.originCode(i)
    if (counted && acceptOrigin[oc]) {
      used = true
      geneCounted[gi] = true
      gKey.push(gi * n + s)
      gEv.push(i)
      const pws = genePathways[gi]
      if (pws) {
        for (let k = 0; k < pws.length; k++) {
          const pw = pws[k] as number
          if (restricted) {
            const u = (pathwayUsed[pw] as Used[])[samplePanelIdx[s] as number]
            if (u !== null && u !== undefined && !u.has(gene)) continue
          }
          pKey.push(pw * n + s)
          pEv.push(i)
        }
      }
    }
    // Burden (TMB) counts the base classes only: per-gene extras such as TERT 5'Flank are not coding.
    if ((kind === SNV || kind === INDEL) && oc !== germline && ((baseMask >>> cls) & 1) === 1) burden[s] = (burden[s] as number) + 1
    const rs = geneRules[gi]
    if (rs) {
      rec ??= table.get(i)
      for (const r of rs) {
        const rule = rules[r] as CompiledRule
        const m = matchRule(rule, rec)
        if (m === MATCH) {
          if (restricted) {
            const u = (ruleUsed[r] as Used[])[samplePanelIdx[s] as number]
            if (u !== null && u !== undefined && !u.has(gene)) continue
          }
          used = true
          rKey.push(r * n + s)
          rEv.push(i)
        } else if (m === NO_EVIDENCE) {
          if (missingEvidence[rule.id] === undefined) firstMissingEvidence.set(rule.id, i)
          missingEvidence[rule.id] = (missingEvidence[rule.id] ?? 0) + 1
        }
      }
    }
    if (used) rowGene[i] = gi
  }
  if (aliases) for (const [gid, k] of extraAliasUses) aliases.resolve(pool.values[gid] as string, 'data', k)

  // Gene features: the given list (alias-resolved, de-duplicated) or every gene with a counted event.
  const geneList = opts.genes
    ? [...new Set(opts.genes.map((g) => (aliases && !opts.genesResolved ? aliases.resolve(g, 'data') : g)))]
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

  assertCellCount(features.length, n)
  const state = fillState({ features, genes: geneList, rules, pathways, panelIds, samplePanelIdx, n, ruleUsed, pathwayUsed })
  applyCnNotAssayed(state, { n, sampleIdx, genes: geneList, rules, pathways }, opts.cnNotAssayed)

  const geneRow = new Int32Array(geneNames.length).fill(-1)
  geneList.forEach((g, f) => {
    const gi = geneIdx.get(g)
    if (gi !== undefined) geneRow[gi] = f
  })
  const cells = collectCells({
    n, G, R, M: table.length, features: features.length,
    gKey: gKey.view(), gEv: gEv.view(), rKey: rKey.view(), rEv: rEv.view(), pKey: pKey.view(), pEv: pEv.view(), geneRow,
  })
  const altered = cells.cellIdx
  for (let k = 0; k < altered.length; k++) state[altered[k] as number] = ALTERED
  const store = new CellStore(cells.cellIdx, cells.starts, cells.events, table, rowGene, geneNames, G * n)

  const warnings = buildWarnings(offHotspot, rules, sawCopyNumber, missingEvidence)

  return {
    samples,
    features,
    state,
    cells: store,
    samplePanel: panelOf.map((p) => p?.id),
    panelMb: panelOf.map((p) => p?.sizeMb),
    burden,
    notes: { outsideUniverse, refused, offHotspot, missingEvidence, aliases: aliases?.report() ?? [], warnings },
    trace: { firstRefused, firstMissingEvidence, sawCopyNumber },
  }
}
