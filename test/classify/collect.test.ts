import { describe, expect, it } from 'vitest'
import { NumList, collectCells, type CollectInput } from '../../src/classify/collect.js'

/** The grouping by definition: pairs sorted by (cell, event), cells listed once. */
function naive(c: CollectInput) {
  const pairs: [number, number][] = []
  for (let i = 0; i < c.gKey.length; i++) {
    const key = c.gKey[i] as number
    const gi = Math.floor(key / c.n)
    const row = c.geneRow[gi] as number
    if (row >= 0) pairs.push([row * c.n + (key % c.n), c.gEv[i] as number])
  }
  for (let i = 0; i < c.rKey.length; i++) pairs.push([c.G * c.n + (c.rKey[i] as number), c.rEv[i] as number])
  for (let i = 0; i < c.pKey.length; i++) pairs.push([(c.G + c.R) * c.n + (c.pKey[i] as number), c.pEv[i] as number])
  pairs.sort((a, b) => a[0] - b[0] || a[1] - b[1])
  const cellIdx: number[] = []
  const starts: number[] = []
  pairs.forEach(([cell], i) => {
    if (cellIdx[cellIdx.length - 1] !== cell) {
      cellIdx.push(cell)
      starts.push(i)
    }
  })
  starts.push(pairs.length)
  return { cellIdx, starts, events: pairs.map((p) => p[1]) }
}

/** Pairs as buildMatrix makes them: one pass over events in order, each event to its gene cell, some rules and pathways. */
function input(n: number, genes: number, rules: number, pathways: number, events: number, seed: number): CollectInput {
  let x = seed
  const rnd = (k: number) => (x = (Math.imul(x, 1103515245) + 12345) >>> 0) % k
  const gKey: number[] = []
  const gEv: number[] = []
  const rKey: number[] = []
  const rEv: number[] = []
  const pKey: number[] = []
  const pEv: number[] = []
  for (let e = 0; e < events; e++) {
    const s = rnd(n)
    const g = rnd(genes + 2) // two interned genes are not features
    gKey.push(g * n + s)
    gEv.push(e)
    if (rules > 0 && rnd(4) === 0) {
      rKey.push(rnd(rules) * n + s)
      rEv.push(e)
    }
    if (pathways > 0 && rnd(3) === 0) {
      pKey.push(rnd(pathways) * n + s)
      pEv.push(e)
    }
  }
  const geneRow = Int32Array.from({ length: genes + 2 }, (_, g) => (g < genes ? genes - 1 - g : -1))
  return { n, G: genes, R: rules, M: events, features: genes + rules + pathways, gKey, gEv, rKey, rEv, pKey, pEv, geneRow }
}

const plain = (r: ReturnType<typeof collectCells>) => ({ cellIdx: [...r.cellIdx], starts: [...r.starts], events: [...r.events] })

describe('collectCells', () => {
  it('groups pairs by cell, events in input order within a cell (radix path)', () => {
    for (const [n, g, r, p, e] of [[1, 1, 0, 0, 5], [7, 3, 2, 1, 500], [300, 40, 3, 5, 20_000], [5000, 600, 2, 10, 60_000]] as const) {
      const c = input(n, g, r, p, e, n + e)
      expect(plain(collectCells(c)), `${n} samples`).toEqual(naive(c))
    }
  })

  it('the same past 2^32 cells (the double-key path)', () => {
    const c = { ...input(200_000, 30, 1, 1, 3000, 9), features: 30_000 } // 6e9 cells: most rows empty
    expect(plain(collectCells(c))).toEqual(naive(c))
  })

  it('NumList keeps 32-bit numbers in 4 bytes and moves to doubles, values intact, when one is larger', () => {
    const l = new NumList(2)
    const want = [0, 1, 0xffffffff, 7, 2 ** 40 + 3, -5, 2 ** 52 + 1]
    want.slice(0, 4).forEach((v) => l.push(v))
    expect(l.view()).toBeInstanceOf(Uint32Array)
    want.slice(4).forEach((v) => l.push(v))
    expect(l.view()).toBeInstanceOf(Float64Array)
    expect([...l.view()]).toEqual(want)
    for (let i = 0; i < 100; i++) l.push(i)
    expect(l.length).toBe(want.length + 100)
    expect(l.view()[want.length + 99]).toBe(99)
    const neg = new NumList()
    neg.push(3)
    neg.push(-1)
    expect([...neg.view()]).toEqual([3, -1])
  })
})
