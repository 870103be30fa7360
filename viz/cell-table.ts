/**
 * Glyphs of every shown cell, computed once and interned: a typed array maps (row, sample) to a
 * small integer "signature", and each signature holds the cell's glyphs and its events counted by
 * top-bar key. Drawing and the bars then compare small integers per cell instead of hashing.
 *
 * A cell's signature is the multiset of its events' codes (class, kind, CN state, origin:
 * everything the glyph grammar and the top bar read from an event, ./cell-events.ts). A cell's
 * sorted codes walk a small trie, so no string or record is built per cell; glyphs and top-bar
 * counts are computed once per signature, from one record per code.
 *
 * Complexity: O(rows × samples) to scan the shown rows + O(events in the shown altered cells), each
 * read once (the layout used to read them twice, once here and once for the top bar, and to build
 * a key string per cell and per event: together ~60% of layout CPU on the 10,000-sample bench
 * oncoplot, node --cpu-prof).
 */
import type { Alteration } from '../src/model/alteration.js'
import type { RecordMatrix } from '../src/matrix/types.js'
import { EVENT_CODES, forEachAlteredCell } from './cell-events.js'
import { cellGlyphs, eventKey, type CellGlyphs, type Palette } from './glyphs.js'

export interface CellTable {
  /** (row r, sample s) at r * samples + s → 1 + index into `sigs`, 0 when the cell is not altered. */
  readonly sig: Int32Array
  /** Per signature: the glyphs (signatures that draw alike share one object). */
  readonly sigs: readonly CellGlyphs[]
  /** Per signature: its events counted by top-bar key (`eventKey`), keys in first-seen order. */
  readonly sigEvents: readonly (readonly (readonly [key: string, count: number])[])[]
  /** Altered cells in the shown rows. */
  readonly altered: number
}

interface TrieNode {
  /** 1 + signature index, 0 until a cell with exactly this multiset is seen. */
  sig: number
  readonly next: (TrieNode | undefined)[]
}

export function buildCellTable(m: RecordMatrix, rows: readonly number[], palette: Palette): CellTable {
  const n = m.samples.length
  const sig = new Int32Array(rows.length * n)
  const sigs: CellGlyphs[] = []
  const sigEvents: (readonly [string, number])[][] = []
  const byGlyphs = new Map<string, CellGlyphs>()
  const unknown: CellGlyphs = { keys: [palette.name === 'maftools' ? 'mut:Unknown' : 'mut:other'], label: 'Unknown', mutations: 1 }
  // Event code → dense id in first-seen order, so trie nodes index small arrays; per dense id one
  // record, which stands for every event of its code when a new signature's glyphs are computed.
  const dense = new Int32Array(EVENT_CODES).fill(-1)
  const rep: Alteration[] = []
  const root: TrieNode = { sig: 0, next: [] }
  let ids = new Int32Array(8)

  const newSig = (events: readonly Alteration[]): number => {
    const computed = events.length === 0 ? unknown : cellGlyphs({ events }, palette)
    const gk = `${computed.keys.join('|')}\t${computed.label}`
    let g = byGlyphs.get(gk)
    if (g === undefined) byGlyphs.set(gk, (g = computed))
    const counts = new Map<string, number>()
    for (const e of events) {
      const k = eventKey(palette, e)
      counts.set(k, (counts.get(k) ?? 0) + 1)
    }
    sigs.push(g)
    sigEvents.push([...counts])
    return sigs.length
  }

  let altered = 0
  rows.forEach((f, r) => {
    forEachAlteredCell(m, f, (cell) => {
      altered++
      const ne = cell.n
      if (ne > ids.length) ids = new Int32Array(2 * ne)
      // Insertion sort: cells hold a handful of events.
      for (let a = 0; a < ne; a++) {
        const code = cell.code(a)
        let v = dense[code] as number
        if (v < 0) {
          dense[code] = v = rep.length
          rep.push(cell.record(a))
        }
        let b = a
        for (; b > 0 && (ids[b - 1] as number) > v; b--) ids[b] = ids[b - 1] as number
        ids[b] = v
      }
      let node = root
      for (let a = 0; a < ne; a++) {
        const v = ids[a] as number
        let next = node.next[v]
        if (next === undefined) node.next[v] = next = { sig: 0, next: [] }
        node = next
      }
      if (node.sig === 0) node.sig = newSig(Array.from({ length: ne }, (_, a) => rep[dense[cell.code(a)] as number] as Alteration))
      sig[r * n + cell.s] = node.sig
    })
  })
  return { sig, sigs, sigEvents, altered }
}

export function glyphsAt(t: CellTable, samples: number, r: number, s: number): CellGlyphs | undefined {
  const id = t.sig[r * samples + s] ?? 0
  return id === 0 ? undefined : t.sigs[id - 1]
}
