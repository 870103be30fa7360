import { describe, expect, it } from 'vitest'
import { compareCodePoints, memoSort, orderMatrix } from '../../viz/order.js'
import { InputError } from '../../src/errors.js'
import { buildMatrix, clinicalTable } from './helpers.js'

const ids = (m: { samples: readonly string[] }, cols: readonly number[]) => cols.map((c) => m.samples[c])
const rowIds = (m: { features: readonly { id: string }[] }, rows: readonly number[]) => rows.map((r) => m.features[r]?.id)

describe('memo sort (maftools createOncoMatrix rule)', () => {
  const m = buildMatrix({
    samples: ['S1', 'S2', 'S3', 'S4', 'S5', 'S6'],
    rows: {
      C: { S3: 'Missense_Mutation' },
      B: { S1: 'Nonsense_Mutation', S4: 'Missense_Mutation' },
      A: { S2: 'Missense_Mutation', S4: 'Frame_Shift_Del', S5: 'Missense_Mutation;Nonsense_Mutation' },
    },
  })

  it('orders rows by altered count, columns by the altered pattern, ties by sample ID, drops unaltered', () => {
    const o = orderMatrix(m)
    expect(rowIds(m, o.rows)).toEqual(['A', 'B', 'C'])
    // S4 = (1,1,0) first; S2, S5 = (1,0,0) tie → by ID (S5's Multi_Hit does not rank it higher); S1 = (0,1,0); S3 = (0,0,1).
    expect(ids(m, o.columns)).toEqual(['S4', 'S2', 'S5', 'S1', 'S3'])
    expect(o.altered).toEqual([3, 2, 1])
  })

  it('keeps unaltered samples last, by ID, when asked', () => {
    expect(ids(m, orderMatrix(m, { removeUnaltered: false }).columns)).toEqual(['S4', 'S2', 'S5', 'S1', 'S3', 'S6'])
  })

  it('breaks row ties by feature id and ignores the class inside a cell', () => {
    const t = buildMatrix({ samples: ['b', 'a'], rows: { ZZ: { a: 'Amp' }, AA: { b: 'Missense_Mutation' } } })
    const o = orderMatrix(t)
    expect(rowIds(t, o.rows)).toEqual(['AA', 'ZZ'])
    expect(ids(t, o.columns)).toEqual(['b', 'a'])
  })

  it('treats NOT_ASSAYED as not altered when sorting', () => {
    const t = buildMatrix({ samples: ['x', 'y', 'z'], rows: { G: { x: 'NA', y: 'Missense_Mutation' }, H: { x: 'Missense_Mutation', z: 'Missense_Mutation' } } })
    const o = orderMatrix(t)
    expect(rowIds(t, o.rows)).toEqual(['H', 'G'])
    expect(ids(t, o.columns)).toEqual(['x', 'z', 'y'])
    expect(o.assayed).toEqual([3, 2])
  })

  it('memoSort works on any subset of columns', () => {
    expect(ids(m, memoSort(m, [2, 1, 0], [5, 0, 3]))).toEqual(['S4', 'S1', 'S6'])
  })

  it('compares IDs in code-point (C-locale) order', () => {
    const sorted = ['b', 'a', 'Z', 'é', '😀', '\uFFFD', '10', '9'].sort(compareCodePoints)
    expect(sorted).toEqual(['10', '9', 'Z', 'a', 'b', 'é', '\uFFFD', '😀'])
  })
})

describe('feature selection', () => {
  const m = buildMatrix({
    samples: ['s1', 's2', 's3', 's4'],
    rows: {
      // 2 altered of 2 assayed (100%) beats 3 of 4 (75%) for top-N, but rows are drawn by count.
      PANEL: { s1: 'Missense_Mutation', s2: 'Missense_Mutation', s3: 'NA', s4: 'NA' },
      WIDE: { s1: 'Missense_Mutation', s2: 'Missense_Mutation', s3: 'Missense_Mutation' },
      RARE: { s4: 'Missense_Mutation' },
      NONE: {},
    },
  })
  it('takes top N by altered fraction n/N over assayed samples, then orders rows by count', () => {
    const o = orderMatrix(m, { top: 2 })
    expect(rowIds(m, o.rows)).toEqual(['WIDE', 'PANEL'])
    expect(o.assayed).toEqual([4, 2])
  })
  it('never selects a feature with no altered sample', () => {
    expect(rowIds(m, orderMatrix(m, { top: 10 }).rows)).toEqual(['WIDE', 'PANEL', 'RARE'])
  })
  it('draws an explicit list, in given order with keepFeatureOrder', () => {
    expect(rowIds(m, orderMatrix(m, { features: ['RARE', 'NONE', 'WIDE'], keepFeatureOrder: true }).rows)).toEqual(['RARE', 'NONE', 'WIDE'])
    expect(rowIds(m, orderMatrix(m, { features: ['RARE', 'NONE', 'WIDE'] }).rows)).toEqual(['WIDE', 'RARE', 'NONE'])
  })
  it('rejects an unknown feature with a located, typed error', () => {
    expect(() => orderMatrix(m, { features: ['NOPE'] })).toThrow(InputError)
  })
})

describe('sortBy a clinical value and explicit sample order', () => {
  const m = buildMatrix({
    samples: ['p1', 'p2', 'p3', 'p4', 'p5'],
    rows: { G: { p1: 'Missense_Mutation', p3: 'Missense_Mutation', p5: 'Missense_Mutation' }, H: { p2: 'Missense_Mutation', p4: 'Missense_Mutation', p5: 'Missense_Mutation' } },
  })
  const clin = clinicalTable(['sample', 'bor', 'site'], [['p1', 'PD', 'liver'], ['p2', 'CR', 'lung'], ['p3', 'PD', 'lung'], ['p4', '', 'lung'], ['p5', 'SD', 'skin']], 'bor')

  it('groups a response column in CR/PR/SD/PD/NE order, memo order inside groups, missing last', () => {
    const o = orderMatrix(m, { sortBy: { column: 'bor' } }, clin)
    expect(ids(m, o.columns)).toEqual(['p2', 'p5', 'p1', 'p3', 'p4'])
    expect(o.groups?.map((g) => [g.value, g.start, g.end])).toEqual([['CR', 0, 1], ['SD', 1, 2], ['PD', 2, 4], [undefined, 4, 5]])
  })
  it('groups other columns largest first (maftools groupAnnotationBySize), or by given levels', () => {
    expect(ids(m, orderMatrix(m, { sortBy: { column: 'site' } }, clin).columns)).toEqual(['p3', 'p2', 'p4', 'p1', 'p5'])
    expect(ids(m, orderMatrix(m, { sortBy: { column: 'site', levels: ['skin'] } }, clin).columns)).toEqual(['p5', 'p3', 'p2', 'p4', 'p1'])
  })
  it('rejects an unknown sort column', () => {
    expect(() => orderMatrix(m, { sortBy: { column: 'nope' } }, clin)).toThrow(/no such clinical column/)
  })
  it('follows an explicit sample order and rejects unknown IDs', () => {
    expect(ids(m, orderMatrix(m, { sampleOrder: ['p4', 'p1', 'p5'] }).columns)).toEqual(['p4', 'p1', 'p5'])
    expect(() => orderMatrix(m, { sampleOrder: ['zz'] })).toThrow(/not in the matrix/)
  })
})
