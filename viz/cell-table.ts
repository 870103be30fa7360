/**
 * Glyphs of every shown cell, computed once and interned: a typed array maps (row, sample) to a
 * small integer "signature", and each signature holds the cell's glyphs and its events counted by
 * top-bar key. Drawing and the bars then compare small integers per cell instead of hashing.
 *
 * A cell's signature is the multiset of its events' kinds (kind, class, CN state, germline flag):
 * everything the glyph grammar and the top bar read from an event. Each event is mapped to a kind id
 * with three Map lookups on its existing strings, and a cell's sorted kind ids walk a small trie, so
 * no string is built per cell. Glyphs are computed once per signature.
 *
 * Complexity: O(rows × samples) to scan the shown rows + O(events in the shown altered cells); every
 * altered cell's events are read once (the layout used to read them twice, once here and once for
 * the top bar, and to build a key string per cell and per event: together ~60% of layout CPU on the
 * 10,000-sample bench oncoplot, node --cpu-prof).
 */
import { CellStore } from '../src/classify/cellStore.js'
import type { Alteration, AlterationKind, CnState } from '../src/model/alteration.js'
import { ALTERED, type CohortMatrix } from '../src/matrix/types.js'
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

// Exhaustive switches (a new kind or state is a compile error), not lookup tables: keyed property
// loads per event cost more than comparing interned strings.
const KIND_SLOTS = 4
function kindSlot(k: AlterationKind): number {
  switch (k) {
    case 'snv':
      return 0
    case 'indel':
      return 1
    case 'cna':
      return 2
    case 'fusion':
      return 3
  }
}

const CN_SLOTS = 5
function cnSlot(cn: CnState | undefined): number {
  switch (cn) {
    case undefined:
      return 0
    case 'amp':
      return 1
    case 'gain':
      return 2
    case 'shallow_del':
      return 3
    case 'deep_del':
      return 4
  }
}

/**
 * Event → small integer; events with equal ids draw and count alike. One Map lookup when the class
 * differs from the previous event's, the rest by comparing interned strings: on the bench's 381,316
 * shown events, three nested Map lookups per event took ~90 ms more (min of 15 runs).
 */
class EventKinds {
  /** Per variant class: ids by slot (kind × CN state × germline), -1 until seen. */
  private readonly byClass = new Map<string, Int32Array>()
  private lastClass: string | undefined
  private lastTable: Int32Array = new Int32Array(0)
  private count = 0

  id(e: Alteration): number {
    const vc = e.variantClass
    let t = this.lastTable
    if (vc !== this.lastClass) {
      const found = this.byClass.get(vc)
      if (found === undefined) this.byClass.set(vc, (t = new Int32Array(KIND_SLOTS * CN_SLOTS * 2).fill(-1)))
      else t = found
      this.lastClass = vc
      this.lastTable = t
    }
    const slot = (kindSlot(e.kind) * CN_SLOTS + cnSlot(e.cnState)) * 2 + (e.origin === 'germline' ? 1 : 0)
    let id = t[slot] as number
    if (id < 0) t[slot] = id = this.count++
    return id
  }
}

const NO_EVENTS: readonly Alteration[] = []

/**
 * Visit feature row `f`'s ALTERED cells in sample order with their events (none when the store has
 * no record for the cell). A CellStore is walked along the row (one binary search per row, no
 * AlteredCell records); other maps are asked per cell. Measured on the bench cohort's top 30 rows
 * (170,297 altered cells, 381,316 events): `cells.get` per cell 385–590 ms, the row walk 53–79 ms.
 */
export function forEachAlteredCell(m: CohortMatrix, f: number, visit: (s: number, events: readonly Alteration[]) => void): void {
  const n = m.samples.length
  const base = f * n
  if (m.cells instanceof CellStore) {
    let s = 0
    m.cells.forEachEvents(base, base + n, (idx, events) => {
      const t = idx - base
      for (; s < t; s++) if (m.state[base + s] === ALTERED) visit(s, NO_EVENTS)
      if (m.state[idx] === ALTERED) visit(t, events)
      s = t + 1
    })
    for (; s < n; s++) if (m.state[base + s] === ALTERED) visit(s, NO_EVENTS)
    return
  }
  for (let s = 0; s < n; s++) if (m.state[base + s] === ALTERED) visit(s, m.cells.get(base + s)?.events ?? NO_EVENTS)
}

export function buildCellTable(m: CohortMatrix, rows: readonly number[], palette: Palette): CellTable {
  const n = m.samples.length
  const sig = new Int32Array(rows.length * n)
  const sigs: CellGlyphs[] = []
  const sigEvents: (readonly [string, number])[][] = []
  const byGlyphs = new Map<string, CellGlyphs>()
  const unknown: CellGlyphs = { keys: [palette.name === 'maftools' ? 'mut:Unknown' : 'mut:other'], label: 'Unknown', mutations: 1 }
  const kinds = new EventKinds()
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
    forEachAlteredCell(m, f, (s, events) => {
      altered++
      const ne = events.length
      if (ne > ids.length) ids = new Int32Array(2 * ne)
      // Insertion sort: cells hold a handful of events.
      for (let a = 0; a < ne; a++) {
        const v = kinds.id(events[a] as Alteration)
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
      if (node.sig === 0) node.sig = newSig(events)
      sig[r * n + s] = node.sig
    })
  })
  return { sig, sigs, sigEvents, altered }
}

export function glyphsAt(t: CellTable, samples: number, r: number, s: number): CellGlyphs | undefined {
  const id = t.sig[r * samples + s] ?? 0
  return id === 0 ? undefined : t.sigs[id - 1]
}
