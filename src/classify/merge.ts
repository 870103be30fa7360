/**
 * Builds of sample partitions → one matrix (the low-memory path, ../pipeline/low-memory.ts).
 *
 * Each partition holds every row of its samples, so its build decides its samples' cells exactly
 * as a build of the whole cohort would; what a partition cannot know is the cohort's gene list
 * (genes with a counted event anywhere). The merge takes the union, starts every cell at what a
 * build gives a cell without events (wild type, or not assayed by the sample's panel: `fill`, the
 * same build run on an empty table) and sets the altered ones from the partitions' cells.
 *
 * A partition keeps, between its build and the merge, only its samples' burden and panel and, per
 * altered cell, the distinct event codes (class, kind, copy-number state) in first-seen order with
 * their counts (`CountedCells`) — not its rows, not its state. The summaries read counts where they
 * read one code per event (./summary.ts), so they come out as the whole-cohort build's: per-gene
 * and per-sample class counts and their key order, n/N, burden (test/pipeline/low-memory.test.ts).
 *
 * Notes: counts add up; the refusal and missing-evidence records keep their keys in the order of
 * the input row that first met each (file, then line), as one build over the whole table does.
 *
 * Complexity: O(events) to compact a partition; O(features × samples + altered cells) to merge,
 * row by row with an O(samples) scatter. Memory: 1 byte per sample × feature (the merged state),
 * ~14 bytes per altered cell held by the partitions and ~14 in the merged cells (18 past 2^32
 * cells); an altered cell is a sample × feature pair, so all of it is bounded by samples ×
 * features, not by rows.
 */
import { ALTERED, type AlteredCell } from '../matrix/types.js'
import type { AliasUse } from '../panels/aliases.js'
import type { BuiltMatrix } from './matrix.js'
import { buildWarnings } from './matrix.js'
import { codedCells, forEachCellIn, type CodedCells } from './cellStore.js'
import type { CompiledRule } from './ruleMatch.js'

/** Where an input row is, in the order the whole-cohort table would hold it. */
export interface RowOrder {
  readonly file: number
  readonly line: number
  /** Order among reasons first met on the same row (one build's insertion order). */
  readonly rank: number
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
  /** Where each refusal reason / rule id was first met. */
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
  ) {}

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

/** A matrix's cells compacted to distinct codes per cell (first-seen order) with counts. O(events). */
function countCells(m: BuiltMatrix): CountedCells {
  const store = codedCells(m.cells)
  if (store === undefined) throw new Error('countCells: the build has no coded cells')
  const codes = store.eventCodes()
  const weights = store.eventCounts()
  const cells = m.cells.size
  const idx = m.features.length * m.samples.length < 2 ** 32 ? new Uint32Array(cells) : new Float64Array(cells)
  const starts = new Uint32Array(cells + 1)
  const out = new Uint16Array(codes.length)
  const cnt = new Uint32Array(codes.length)
  let c = 0
  let e = 0
  store.forEachCell(0, m.features.length * m.samples.length, (cell, a, b) => {
    const from = e
    for (let j = a; j < b; j++) {
      const code = codes[j] as number
      const w = weights === undefined ? 1 : (weights[j] as number)
      let k = from
      while (k < e && out[k] !== code) k++
      if (k === e) {
        out[e] = code
        cnt[e++] = w
      } else cnt[k] = (cnt[k] as number) + w
    }
    idx[c++] = cell
    starts[c] = e
  })
  return new CountedCells(idx, starts, out.slice(0, e), cnt.slice(0, e))
}

/** Keep what the merge needs of a partition's build (its rows can then go). */
export function partBuild(m: BuiltMatrix, first: ReadonlyMap<string, RowOrder>, sawCopyNumber: boolean): PartBuild {
  const genes = m.features.filter((f) => f.type === 'gene').map((f) => f.id)
  const { notes } = m
  return {
    samples: m.samples,
    genes,
    cells: countCells(m),
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

function orderedSum(parts: readonly PartBuild[], pick: (p: PartBuild) => Readonly<Record<string, number>>): Record<string, number> {
  const total = new Map<string, number>()
  const first = new Map<string, RowOrder>()
  for (const p of parts) {
    for (const [k, v] of Object.entries(pick(p))) {
      total.set(k, (total.get(k) ?? 0) + v)
      const at = p.first.get(k)
      const was = first.get(k)
      if (at !== undefined && (was === undefined || at.file < was.file || (at.file === was.file && (at.line < was.line || (at.line === was.line && at.rank < was.rank))))) first.set(k, at)
    }
  }
  const keys = [...total.keys()].sort((a, b) => {
    const x = first.get(a)
    const y = first.get(b)
    if (x === undefined || y === undefined) return x === y ? 0 : x === undefined ? 1 : -1
    return x.file - y.file || x.line - y.line || x.rank - y.rank
  })
  const out: Record<string, number> = {}
  for (const k of keys) out[k] = total.get(k) as number
  return out
}

export function mergeBuilds(parts: readonly PartBuild[], opts: MergeOptions): BuiltMatrix {
  const tpl = opts.template
  const tplGenes = tpl.features.filter((f) => f.type === 'gene')
  const others = tpl.features.filter((f) => f.type !== 'gene')
  const geneList = opts.genesGiven ? tplGenes.map((f) => f.id) : [...new Set(parts.flatMap((p) => p.genes))].sort(byCodeUnit)
  const features = [...geneList.map((g) => ({ id: g, label: g, type: 'gene' as const, genes: [g] })), ...others]
  const G = geneList.length
  const F = features.length
  const samples = parts.flatMap((p) => p.samples).sort(byCodeUnit)
  const S = samples.length
  const at = new Map<string, number>()
  samples.forEach((s, i) => at.set(s, i))

  const state = new Uint8Array(F * S)
  const burden = new Uint32Array(S)
  const samplePanel: (string | undefined)[] = new Array<string | undefined>(S)
  const panelMb: (number | undefined)[] = new Array<number | undefined>(S)
  let cellCount = 0
  let entryCount = 0
  const globalOf: Int32Array[] = []
  for (const p of parts) {
    const n = p.samples.length
    const gs = Int32Array.from(p.samples, (s) => at.get(s) as number)
    globalOf.push(gs)
    for (let s = 0; s < n; s++) {
      const g = gs[s] as number
      burden[g] = p.burden[s] as number
      samplePanel[g] = p.samplePanel[s]
      panelMb[g] = p.panelMb[s]
    }
    // Every cell as a build without events gives it (wild type, or not assayed by the panel);
    // the altered ones are set below from the cells.
    if (n > 0) {
      const filled = opts.fill(p.samples, geneList)
      for (let f = 0; f < F; f++) {
        const row = f * S
        const from = f * n
        for (let s = 0; s < n; s++) state[row + (gs[s] as number)] = filled[from + s] as number
      }
    }
    cellCount += p.cells.size
    entryCount += p.cells.eventCodes().length
  }

  // Altered cells in row-major order of the merged matrix: row by row, each partition's cells of
  // the row scattered to their samples' columns (O(samples) scratch), then read out in order.
  const cellIdx = F * S < 2 ** 32 ? new Uint32Array(cellCount) : new Float64Array(cellCount)
  const starts = new Uint32Array(cellCount + 1)
  const codes = new Uint16Array(entryCount)
  const counts = new Uint32Array(entryCount)
  const fromPart = new Int32Array(S).fill(-1)
  const entryA = new Uint32Array(S)
  const entryB = new Uint32Array(S)
  /** Per partition: local row of each merged feature (−1: none). */
  const localRow = parts.map((p) => {
    const local = new Map(p.genes.map((g, i) => [g, i]))
    return Int32Array.from(features, (f, fi) => (fi < G ? (local.get(f.id) ?? -1) : p.genes.length + (fi - G)))
  })
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
        fromPart[g] = pi
        entryA[g] = a
        entryB[g] = b
        any = true
      })
    })
    if (!any) continue
    const row = f * S
    for (let g = 0; g < S; g++) {
      const pi = fromPart[g] as number
      if (pi < 0) continue
      fromPart[g] = -1
      const p = parts[pi] as PartBuild
      const pc = p.cells.eventCodes()
      const pn = p.cells.eventCounts()
      for (let j = entryA[g] as number; j < (entryB[g] as number); j++, e++) {
        codes[e] = pc[j] as number
        counts[e] = pn[j] as number
      }
      cellIdx[c++] = row + g
      starts[c] = e
      state[row + g] = ALTERED
    }
  }

  let offHotspot = 0
  let outsideUniverse = 0
  let sawCopyNumber = false
  for (const p of parts) {
    offHotspot += p.offHotspot
    outsideUniverse += p.outsideUniverse
    sawCopyNumber ||= p.sawCopyNumber
  }
  const refused = orderedSum(parts, (p) => p.refused)
  const missingEvidence = orderedSum(parts, (p) => p.missingEvidence)
  return {
    samples,
    features,
    state,
    cells: new CountedCells(cellIdx, starts, codes, counts),
    samplePanel,
    panelMb,
    burden,
    notes: { outsideUniverse, refused, offHotspot, missingEvidence, aliases: opts.aliases, warnings: buildWarnings(offHotspot, opts.rules, sawCopyNumber, missingEvidence) },
  }
}
