/**
 * Builds of parts of a cohort → one matrix (the low-memory path, ./low-memory.ts). A part
 * is a sample partition of MAF rows (every row of its samples) or a chunk of a VCF's rows (a
 * sample's rows may span chunks, files and partitions).
 *
 * A part's build decides its cells as a build of the whole cohort would, from its own rows; what it
 * cannot know is the cohort's gene list (genes with a counted event anywhere) and the events of
 * its cells held by other parts. The merge takes the union of genes, starts every cell at what a
 * build gives a cell without events (wild type, or not assayed by the sample's panel: `fill`, the
 * same build run on an empty table) and sets the altered ones from the parts' cells; a cell several
 * parts hold gets their entries in input order.
 *
 * A part keeps, between its build and the merge, only its samples' burden and panel and, per
 * altered cell, the distinct event codes (class, kind, copy-number state) in first-seen order with
 * their counts and where in the input each was first met (`CountedCells`) — not its rows, not its
 * state. The summaries read counts where they read one code per event (./summary.ts), so they come
 * out as the whole-cohort build's: per-gene and per-sample class counts and their key order, n/N,
 * burden (test/pipeline/low-memory.test.ts). A VCF's chunks are folded as they come (`foldParts`),
 * so a file holds at most its samples × features cells.
 *
 * Notes: counts add up; the refusal and missing-evidence records keep their keys in the order of
 * the input row that first met each (file, then line), as one build over the whole table does.
 *
 * Complexity: O(events) to compact a part; O(features × samples + altered cells) to merge, row by
 * row with an O(samples) scatter (plus a sort of the entries of cells several parts share).
 * Memory: 1 byte per sample × feature (the merged state), ~22 bytes per altered cell held by the
 * parts and ~22 in the merged cells (26 past 2^32 cells); an altered cell is a sample × feature
 * pair, so all of it is bounded by samples × features, not by rows.
 */
import { ALTERED } from '../matrix/types.js'
import type { AliasUse } from '../panels/aliases.js'
import type { BuiltMatrix } from '../matrix/build.js'
import { buildWarnings } from '../matrix/build.js'
import { CellStore } from '../matrix/cell-store.js'
import type { Classifier } from '../matrix/classifier.js'
import type { EventTable } from '../model/events.js'
import { CountedCells } from '../matrix/counted-cells.js'
import { byCodeUnit, unite } from './unite.js'
import type { CompiledRule } from '../classify/rule-match.js'
import { assertCellCount } from '../matrix/cell-limit.js'

/** Where an input row is, in the order the whole-cohort table would hold it. */
export interface RowOrder {
  readonly file: number
  readonly line: number
  /** Order among reasons first met on the same row (one build's insertion order). */
  readonly rank: number
}

/** Earlier in the input: file, then line, then the order one build met them in. */
function earlier(a: RowOrder, b: RowOrder): number {
  return a.file - b.file || a.line - b.line || a.rank - b.rank
}

/** The key of `first` for a refusal reason or a rule's missing evidence (a rule id could read like a reason). */
export function firstKey(what: 'refused' | 'missingEvidence', key: string): string {
  return `${what}\t${key}`
}

/** What a partition keeps from its build for the merge. */
export interface PartBuild {
  readonly samples: readonly string[]
  /** Its gene features, in its order (the other features are the options' rules and pathways, the same in every partition). */
  readonly genes: readonly string[]
  readonly cells: CountedCells
  readonly burden: Uint32Array
  readonly samplePanel: readonly (string | undefined)[]
  readonly panelMb: readonly (number | undefined)[]
  readonly outsideUniverse: number
  readonly offHotspot: number
  readonly refused: Readonly<Record<string, number>>
  readonly missingEvidence: Readonly<Record<string, number>>
  /** Where each refusal reason / rule id was first met (keys: firstKey). */
  readonly first: ReadonlyMap<string, RowOrder>
  readonly sawCopyNumber: boolean
}

/** Where a table row is in the input, as one number (file × 2^32 + line): orders events across parts. */
export type RowKey = (row: number) => number

/** A matrix's cells compacted to distinct codes per cell (first-seen order) with counts. O(events). */
function countCells(m: BuiltMatrix, rowKey: RowKey): CountedCells {
  const store = m.cells
  if (!(store instanceof CellStore)) throw new Error('countCells: the build has no CellStore')
  const codes = store.eventCodes()
  const cells = store.size
  const idx = m.features.length * m.samples.length < 2 ** 32 ? new Uint32Array(cells) : new Float64Array(cells)
  const starts = new Uint32Array(cells + 1)
  const out = new Uint16Array(codes.length)
  const cnt = new Uint32Array(codes.length)
  const keys = new Float64Array(codes.length)
  let c = 0
  let e = 0
  store.forEachCell(0, m.features.length * m.samples.length, (cell, a, b) => {
    const from = e
    for (let j = a; j < b; j++) {
      const code = codes[j] as number
      let k = from
      while (k < e && out[k] !== code) k++
      if (k === e) {
        out[e] = code
        keys[e] = rowKey(store.eventRow(j))
        cnt[e++] = 1
      } else cnt[k] = (cnt[k] as number) + 1
    }
    idx[c++] = cell
    starts[c] = e
  })
  return new CountedCells(idx, starts, out.slice(0, e), cnt.slice(0, e), keys.slice(0, e))
}

/** Keep what the merge needs of a partition's build (its rows can then go). */
export function partBuild(m: BuiltMatrix, first: ReadonlyMap<string, RowOrder>, sawCopyNumber: boolean, rowKey: RowKey): PartBuild {
  const genes = m.features.filter((f) => f.type === 'gene').map((f) => f.id)
  const { notes } = m
  return {
    samples: m.samples,
    genes,
    cells: countCells(m, rowKey),
    burden: m.burden,
    samplePanel: m.samplePanel,
    panelMb: m.panelMb,
    outsideUniverse: notes.outsideUniverse,
    offHotspot: notes.offHotspot,
    refused: notes.refused,
    missingEvidence: notes.missingEvidence,
    first,
    sawCopyNumber,
  }
}

export interface MergeOptions {
  /** The template of non-gene features and the given gene list: any partition's build (they share them). */
  readonly template: BuiltMatrix
  /** Whether the gene features were given (--genes): then every partition has the same ones. */
  readonly genesGiven: boolean
  readonly rules: readonly CompiledRule[]
  /** The state a build gives `samples` with no events, for gene features `genes` then the rules and pathways. */
  readonly fill: (samples: readonly string[], genes: readonly string[]) => Uint8Array
  readonly aliases: AliasUse[]
}

/** The parts' `what` records added up, keys in the order of the input row that first met each. */
function orderedSum(parts: readonly PartBuild[], what: 'refused' | 'missingEvidence', first: ReadonlyMap<string, RowOrder>): Record<string, number> {
  const total = new Map<string, number>()
  for (const p of parts) for (const [k, v] of Object.entries(p[what])) total.set(k, (total.get(k) ?? 0) + v)
  const at = (k: string): RowOrder | undefined => first.get(firstKey(what, k))
  const keys = [...total.keys()].sort((a, b) => {
    const x = at(a)
    const y = at(b)
    if (x === undefined || y === undefined) return x === y ? 0 : x === undefined ? 1 : -1
    return earlier(x, y)
  })
  const out: Record<string, number> = {}
  for (const k of keys) out[k] = total.get(k) as number
  return out
}

/** Where each reason was first met, over all parts (the earliest). */
function earliest(parts: readonly PartBuild[]): Map<string, RowOrder> {
  const first = new Map<string, RowOrder>()
  for (const p of parts) {
    for (const [k, at] of p.first) {
      const was = first.get(k)
      if (was === undefined || earlier(at, was) < 0) first.set(k, at)
    }
  }
  return first
}

function geneUnion(parts: readonly PartBuild[]): string[] {
  return [...new Set(parts.flatMap((p) => p.genes))].sort(byCodeUnit)
}

/**
 * Several parts folded into one (a VCF read chunk by chunk: its running total). `others`: how many
 * rule and pathway features follow the genes; `genesGiven`: the genes were given, every part has
 * them in the same order.
 */
export function foldParts(parts: readonly PartBuild[], others: number, genesGiven: boolean): PartBuild {
  const genes = genesGiven ? (parts[0]?.genes ?? []) : geneUnion(parts)
  const u = unite(parts, genes, others)
  const first = earliest(parts)
  return { samples: u.samples, genes, cells: u.cells, burden: u.burden, samplePanel: u.samplePanel, panelMb: u.panelMb, ...notesOf(parts, first), first }
}

/** The parts' notes added up (reason records in input order). */
function notesOf(parts: readonly PartBuild[], first = earliest(parts)): Pick<PartBuild, 'outsideUniverse' | 'offHotspot' | 'sawCopyNumber' | 'refused' | 'missingEvidence'> {
  let outsideUniverse = 0
  let offHotspot = 0
  let sawCopyNumber = false
  for (const p of parts) {
    outsideUniverse += p.outsideUniverse
    offHotspot += p.offHotspot
    sawCopyNumber ||= p.sawCopyNumber
  }
  return { outsideUniverse, offHotspot, sawCopyNumber, refused: orderedSum(parts, 'refused', first), missingEvidence: orderedSum(parts, 'missingEvidence', first) }
}

/** The merged matrix. Consumes `parts` (emptied once their cells are merged, so they can go before the state is built). */
export function mergeBuilds(parts: PartBuild[], opts: MergeOptions): BuiltMatrix {
  const tpl = opts.template
  const others = tpl.features.filter((f) => f.type !== 'gene')
  const geneList = opts.genesGiven ? tpl.features.filter((f) => f.type === 'gene').map((f) => f.id) : geneUnion(parts)
  const features = [...geneList.map((g) => ({ id: g, label: g, type: 'gene' as const, genes: [g] })), ...others]
  const F = features.length
  const u = unite(parts, geneList, others.length)
  const { outsideUniverse, offHotspot, sawCopyNumber, refused, missingEvidence } = notesOf(parts)
  const sampleLists = parts.map((p) => p.samples)
  parts.length = 0
  const S = u.samples.length
  // Every cell as a build without events gives it (wild type, or not assayed by the panel), then
  // the altered ones.
  assertCellCount(F, S)
  const state = new Uint8Array(F * S)
  sampleLists.forEach((samples, pi) => {
    const n = samples.length
    if (n === 0) return
    const gs = u.globalOf[pi] as Int32Array
    const filled = opts.fill(samples, geneList)
    for (let f = 0; f < F; f++) {
      const row = f * S
      const from = f * n
      for (let s = 0; s < n; s++) state[row + (gs[s] as number)] = filled[from + s] as number
    }
  })
  for (const idx of u.cells.keys()) state[idx] = ALTERED
  return {
    samples: u.samples,
    features,
    state,
    cells: u.cells,
    samplePanel: u.samplePanel,
    panelMb: u.panelMb,
    burden: u.burden,
    notes: { outsideUniverse, refused, offHotspot, missingEvidence, aliases: opts.aliases, warnings: buildWarnings(offHotspot, opts.rules, sawCopyNumber, missingEvidence) },
  }
}

/**
 * A build of `table` kept as a part: what the merge needs to put its notes and its cells' events
 * in input order (`fileOf(row)`: the input file a table row came from).
 */
export function buildPart(classifier: Classifier, table: EventTable, samples: readonly string[], fileOf: (row: number) => number): PartBuild {
  const m = classifier.build(table, samples)
  const first = new Map<string, RowOrder>()
  const at = (what: 'refused' | 'missingEvidence', rows: ReadonlyMap<string, number>): void => {
    let rank = 0
    for (const [key, row] of rows) first.set(firstKey(what, key), { file: fileOf(row), line: table.lineOf(row), rank: rank++ })
  }
  at('refused', m.trace.firstRefused)
  at('missingEvidence', m.trace.firstMissingEvidence)
  return partBuild(m, first, m.trace.sawCopyNumber, (row) => fileOf(row) * 2 ** 32 + table.lineOf(row))
}
