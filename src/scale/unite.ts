/**
 * The parts' samples, genes and altered cells on one index, for the merge (./merge.ts): cells
 * several parts hold get their entries in input order. See ./merge.ts for the whole contract.
 */
import { CountedCells } from '../matrix/counted-cells.js'
import type { PartBuild } from './merge.js'

export const byCodeUnit = (a: string, b: string): number => (a < b ? -1 : a > b ? 1 : 0)

/** The parts' samples, genes and altered cells on one index (cells several parts hold: merged). */
export interface United {
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
export function unite(parts: readonly PartBuild[], geneList: readonly string[], others: number): United {
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

