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
import { ALTERED, type AlteredCell } from '../matrix/types.js'
import type { AliasUse } from '../panels/aliases.js'
import type { BuiltMatrix } from '../matrix/build.js'
import { buildWarnings } from '../matrix/build.js'
import { CellStore, forEachCellIn, type CodedCells } from '../matrix/cell-store.js'
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

/** The altered cells of a merged matrix: per cell, its distinct event codes with counts. */
export class CountedCells implements ReadonlyMap<number, AlteredCell>, CodedCells {
  constructor(
    /** Sorted distinct cell indices. */
    private readonly cellIdx: Float64Array | Uint32Array,
    /** starts[i]..starts[i + 1]: cell i's entries. */
    private readonly starts: Uint32Array,
    private readonly codes: Uint16Array,
    private readonly counts: Uint32Array,
    /** Per entry, where in the input its first event was (file × 2^32 + line): the order to merge by. */
    private readonly firstAt: Float64Array,
  ) {}

  eventKeys(): Float64Array {
    return this.firstAt
  }

  get size(): number {
    return this.cellIdx.length
  }

  eventCodes(): Uint16Array {
    return this.codes
  }

  eventCounts(): Uint32Array {
    return this.counts
  }

  forEachCell(from: number, to: number, visit: (idx: number, a: number, b: number) => void): void {
    forEachCellIn(this.cellIdx, this.starts, from, to, visit)
  }

  has(idx: number): boolean {
    let found = false
    this.forEachCell(idx, idx + 1, () => (found = true))
    return found
  }

  *keys(): MapIterator<number> {
    for (let i = 0; i < this.cellIdx.length; i++) yield this.cellIdx[i] as number
  }

  private noRecords(): never {
    throw new Error('a low-memory matrix keeps event counts per cell, not the events: this command needs the default reader')
  }

  get(): AlteredCell | undefined {
    return this.noRecords()
  }

  forEach(): void {
    this.noRecords()
  }

  entries(): MapIterator<[number, AlteredCell]> {
    return this.noRecords()
  }

  values(): MapIterator<AlteredCell> {
    return this.noRecords()
  }

  [Symbol.iterator](): MapIterator<[number, AlteredCell]> {
    return this.noRecords()
  }
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

const byCodeUnit = (a: string, b: string): number => (a < b ? -1 : a > b ? 1 : 0)

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

/** The parts' samples, genes and altered cells on one index (cells several parts hold: merged). */
interface United {
  readonly samples: string[]
  readonly cells: CountedCells
  readonly burden: Uint32Array
  readonly samplePanel: (string | undefined)[]
  readonly panelMb: (number | undefined)[]
  /** Per part: its samples' indices in `samples`. */
  readonly globalOf: Int32Array[]
}

/**
 * Parts → one index: samples (sorted), features (`geneList`, then the `others` rules and pathways
 * every part has), cells in row-major order. A cell held by one part keeps its entries; a cell
 * several parts hold (a sample's rows split between parts: VCF chunks, or a sample in a MAF and a
 * VCF) gets their entries in order of their keys (where in the input each first occurred), a code
 * met in several once, with the counts added — as one build over the whole table lists them.
 * Burden adds up per sample. O(features × samples + entries log entries of shared cells).
 */
function unite(parts: readonly PartBuild[], geneList: readonly string[], others: number): United {
  const samples = [...new Set(parts.flatMap((p) => p.samples))].sort(byCodeUnit)
  const S = samples.length
  const G = geneList.length
  const F = G + others
  const at = new Map<string, number>()
  samples.forEach((s, i) => at.set(s, i))
  const burden = new Uint32Array(S)
  const samplePanel: (string | undefined)[] = new Array<string | undefined>(S)
  const panelMb: (number | undefined)[] = new Array<number | undefined>(S)
  let cellCount = 0
  let entryCount = 0
  const globalOf = parts.map((p) => {
    const gs = Int32Array.from(p.samples, (s) => at.get(s) as number)
    gs.forEach((g, s) => {
      burden[g] = (burden[g] as number) + (p.burden[s] as number)
      samplePanel[g] = p.samplePanel[s]
      panelMb[g] = p.panelMb[s]
    })
    cellCount += p.cells.size
    entryCount += p.cells.eventCodes().length
    return gs
  })
  /** Per part: its local row of each merged feature (−1: none). */
  const localRow = parts.map((p) => {
    const local = new Map(p.genes.map((g, i) => [g, i]))
    return Int32Array.from({ length: F }, (_, f) => (f < G ? (local.get(geneList[f] as string) ?? -1) : p.genes.length + (f - G)))
  })
  const cellIdx = F * S < 2 ** 32 ? new Uint32Array(cellCount) : new Float64Array(cellCount)
  const starts = new Uint32Array(cellCount + 1)
  const codes = new Uint16Array(entryCount)
  const counts = new Uint32Array(entryCount)
  const keys = new Float64Array(entryCount)
  // Row by row: each part's cells of the row scattered to their samples' columns (O(samples)
  // scratch), then read out in column order.
  const fromPart = new Int32Array(S).fill(-1)
  const entryA = new Uint32Array(S)
  const entryB = new Uint32Array(S)
  let shared: Map<number, [number, number, number][]> | undefined
  let c = 0
  let e = 0
  for (let f = 0; f < F; f++) {
    let any = false
    parts.forEach((p, pi) => {
      const lf = (localRow[pi] as Int32Array)[f] as number
      if (lf < 0) return
      const n = p.samples.length
      const gs = globalOf[pi] as Int32Array
      p.cells.forEachCell(lf * n, (lf + 1) * n, (idx, a, b) => {
        const g = gs[idx - lf * n] as number
        any = true
        if (fromPart[g] === -1) {
          fromPart[g] = pi
          entryA[g] = a
          entryB[g] = b
          return
        }
        shared ??= new Map()
        const list = shared.get(g) ?? [[fromPart[g] as number, entryA[g] as number, entryB[g] as number]]
        list.push([pi, a, b])
        shared.set(g, list)
      })
    })
    if (!any) continue
    const row = f * S
    for (let g = 0; g < S; g++) {
      const pi = fromPart[g] as number
      if (pi < 0) continue
      fromPart[g] = -1
      const list = shared?.get(g)
      if (list === undefined) {
        const p = parts[pi] as PartBuild
        const pc = p.cells.eventCodes()
        const pn = p.cells.eventCounts()
        const pk = p.cells.eventKeys()
        for (let j = entryA[g] as number; j < (entryB[g] as number); j++, e++) {
          codes[e] = pc[j] as number
          counts[e] = pn[j] as number
          keys[e] = pk[j] as number
        }
      } else {
        shared?.delete(g)
        const all: { code: number; count: number; key: number }[] = []
        for (const [qi, a, b] of list) {
          const q = (parts[qi] as PartBuild).cells
          for (let j = a; j < b; j++) all.push({ code: q.eventCodes()[j] as number, count: q.eventCounts()[j] as number, key: q.eventKeys()[j] as number })
        }
        all.sort((x, y) => x.key - y.key) // stable: a part's own entries keep their order
        const from = e
        for (const x of all) {
          let k = from
          while (k < e && codes[k] !== x.code) k++
          if (k === e) {
            codes[e] = x.code
            counts[e] = x.count
            keys[e++] = x.key
          } else counts[k] = (counts[k] as number) + x.count
        }
      }
      cellIdx[c++] = row + g
      starts[c] = e
    }
  }
  // Cut to length only when shared cells made them shorter (no copy in the usual case).
  const fit = <T extends Float64Array | Uint32Array | Uint16Array>(a: T, n: number): T => (n === a.length ? a : (a.slice(0, n) as T))
  const cells = new CountedCells(fit(cellIdx, c), fit(starts, c + 1), fit(codes, e), fit(counts, e), fit(keys, e))
  return { samples, cells, burden, samplePanel, panelMb, globalOf }
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
