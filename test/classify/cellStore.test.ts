import { describe, expect, it } from 'vitest'
import { collectCells } from '../../src/classify/collect.js'
import { buildMatrix } from '../../src/matrix/build.js'
import { alt } from './helpers.js'

describe('collectCells', () => {
  it('groups pairs by cell, keeps input order within a cell, drops genes that are not features', () => {
    const c = collectCells({
      n: 3,
      G: 2,
      R: 1,
      M: 5,
      features: 4,
      gKey: [1 * 3 + 2, 0 * 3 + 1, 1 * 3 + 2, 2 * 3 + 0],
      gEv: [3, 0, 1, 4],
      rKey: [0 * 3 + 2],
      rEv: [2],
      pKey: [],
      pEv: [],
      geneRow: Int32Array.from([1, 0, -1]), // gene 0 → row 1, gene 1 → row 0, gene 2 not a feature
    })
    // gene1/sample2 → row 0 cell 2 (events 1, 3 in order); gene0/sample1 → row 1 cell 4; rule 0/sample 2 → cell 2*3+2 = 8
    expect(Array.from(c.cellIdx)).toEqual([2, 4, 8])
    expect(Array.from(c.starts)).toEqual([0, 2, 3, 4])
    expect(Array.from(c.events)).toEqual([1, 3, 0, 2])
  })

  it('stays exact near the top of the double range', () => {
    const M = 2 ** 26 + 3
    const n = 2 ** 20
    const c = collectCells({ n, G: 64, R: 0, M, features: 64, gKey: [63 * n + (n - 1)], gEv: [M - 1], rKey: [], rEv: [], pKey: [], pEv: [], geneRow: Int32Array.from({ length: 64 }, (_, i) => i) })
    expect(Array.from(c.cellIdx)).toEqual([63 * n + (n - 1)])
    expect(Array.from(c.events)).toEqual([M - 1])
  })
})

describe('lazy cell store', () => {
  it('behaves as a ReadonlyMap: get/has/size/iteration agree and are in cell order', () => {
    const m = buildMatrix(
      [alt('B', 'TP53', 'Missense_Mutation'), alt('A', 'KRAS', 'Missense_Mutation'), alt('A', 'TP53', 'Nonsense_Mutation')],
      { samples: ['A', 'B'] },
    )
    expect(m.cells.size).toBe(3)
    const keys = [...m.cells.keys()]
    expect(keys).toEqual([0, 2, 3]) // KRAS/A, TP53/A, TP53/B
    for (const [k, cell] of m.cells) expect(m.cells.get(k)).toEqual(cell)
    expect(m.cells.has(1)).toBe(false)
    expect(m.cells.get(1)).toBeUndefined()
    expect([...m.cells.values()].map((c) => c.classes)).toEqual([['Missense_Mutation'], ['Nonsense_Mutation'], ['Missense_Mutation']])
    let n = 0
    m.cells.forEach(() => n++)
    expect(n).toBe(3)
  })
})

describe('CellStore.forEachEvents', () => {
  it('visits exactly the cells of an index range, in order, with the events get() gives', () => {
    const samples = ['S1', 'S2', 'S3', 'S4']
    const m = buildMatrix(
      [
        alt('S3', 'TP53', 'Missense_Mutation'),
        alt('S1', 'KRAS', 'Missense_Mutation'),
        alt('S3', 'TP53', 'Nonsense_Mutation'),
        alt('S4', 'KRAS', 'Frame_Shift_Del'),
        alt('S2', 'TP53', 'Splice_Site'),
      ],
      { samples },
    )
    const store = m.cells
    const n = samples.length
    for (let f = 0; f < m.features.length; f++) {
      const seen: [number, string[]][] = []
      store.forEachEvents(f * n, (f + 1) * n, (idx, events) => seen.push([idx, events.map((e) => `${e.sample}:${e.variantClass}`)]))
      const want = [...store.entries()].filter(([idx]) => idx >= f * n && idx < (f + 1) * n).map(([idx, c]) => [idx, c.events.map((e) => `${e.sample}:${e.variantClass}`)])
      expect(seen).toEqual(want)
      expect(seen.length).toBeGreaterThan(0)
    }
    // An empty range and one past the end visit nothing.
    let calls = 0
    store.forEachEvents(1, 1, () => calls++)
    store.forEachEvents(m.features.length * n, m.features.length * n + 10, () => calls++)
    expect(calls).toBe(0)
  })
})
