import { describe, expect, it } from 'vitest'
import { buildMatrix } from '../../src/matrix/build.js'
import { countsFromTotals, featureSummary, geneSummary, sampleSummary, stateTotals } from '../../src/matrix/summary.js'
import { ALTERED, NOT_ASSAYED, WILD_TYPE, featureCounts, type AlteredCell, type CohortMatrix } from '../../src/matrix/types.js'
import { MapCells } from '../../src/matrix/cells.js'
import { makeCell } from '../../src/matrix/cell.js'
import { assignAll } from '../../src/panels/assign.js'
import { panelFromGenes } from '../../src/panels/load.js'
import { alt } from './helpers.js'

describe('summaries', () => {
  const m = buildMatrix(
    [
      alt('A', 'KRAS', 'Missense_Mutation'),
      alt('B', 'KRAS', 'Missense_Mutation'),
      alt('A', 'TP53', 'Nonsense_Mutation'),
      alt('A', 'TP53', 'Missense_Mutation'),
      alt('B', 'TP53', 'Missense_Mutation'),
      alt('C', 'MYC', 'Amp'),
      alt('D', 'MYC', 'Amp'),
      alt('E', 'MYC', 'Amp'),
      alt('C', 'EGFR', 'Missense_Mutation'),
      alt('D', 'EGFR', 'Fusion', { kind: 'fusion', partner: 'SEPT14' }),
    ],
    { samples: ['A', 'B', 'C', 'D', 'E'] },
  )

  it('gene summary sorts like maftools: MutatedSamples, then total, then name; CN kept apart', () => {
    const g = geneSummary(m)
    // TP53: 2 mutated samples, 3 events; KRAS: 2 samples, 2 events; EGFR: 2 samples (missense + fusion), 2 events;
    // MYC: amplified in 3 samples but 0 mutated samples → last despite most altered samples.
    expect(g.map((r) => r.gene)).toEqual(['TP53', 'EGFR', 'KRAS', 'MYC'])
    const myc = g[3]
    expect(myc).toMatchObject({ total: 0, cnvTotal: 3, mutatedSamples: 0, alteredSamples: 3, assayed: 5 })
    expect(g[0]).toMatchObject({ classCounts: { Nonsense_Mutation: 1, Missense_Mutation: 2 }, samplesByClass: { Nonsense_Mutation: 1, Missense_Mutation: 2 } })
  })

  it('feature summary: n/N and altered samples by collapsed class', () => {
    const tp53 = featureSummary(m).find((f) => f.id === 'TP53')
    expect(tp53).toMatchObject({ altered: 2, assayed: 5, fraction: 0.4, samplesByCollapsed: { truncating: 1, missense: 2 } })
    expect(featureSummary(m).find((f) => f.id === 'EGFR')?.samplesByCollapsed).toEqual({ missense: 1, fusion: 1 })
  })

  it('sample summary: burden counts mutation events only, TMB undefined without a panel size', () => {
    const s = sampleSummary(m)
    expect(s.map((r) => [r.sample, r.burden, r.alteredGenes])).toEqual([
      ['A', 3, 2],
      ['B', 2, 2],
      ['C', 1, 2],
      ['D', 0, 2],
      ['E', 0, 1],
    ])
    expect(s[0]?.tmb).toBeUndefined()
    expect(s[0]?.classCounts).toEqual({ Missense_Mutation: 2, Nonsense_Mutation: 1 })
  })
})

/** stateTotals against featureCounts and a walk down each sample's gene cells. */
function agrees(m: CohortMatrix): ReturnType<typeof stateTotals> {
  const t = stateTotals(m)
  const n = m.samples.length
  m.features.forEach((_, f) => expect(countsFromTotals(m, t, f)).toEqual(featureCounts(m, f)))
  m.samples.forEach((_, s) => {
    const col = m.features.flatMap((f, i) => (f.type === 'gene' ? [m.state[i * n + s]] : []))
    expect([t.geneAltered[s], t.geneNotAssayed[s]]).toEqual([col.filter((v) => v === ALTERED).length, col.filter((v) => v === NOT_ASSAYED).length])
  })
  return t
}

describe('stateTotals', () => {
  it('counts every row and every gene column as featureCounts and a per-cell walk do', () => {
    // Sizes a multiple of 4 take the word-lane path for per-sample NOT_ASSAYED counts; 600 rows pass its 255-row flush.
    for (const [size, rows] of [[1, 6], [3, 6], [4, 6], [37, 6], [1003, 6], [1004, 6], [8, 600], [12, 300]] as const) {
      const samples = Array.from({ length: size }, (_, i) => `S${String(i).padStart(4, '0')}`)
      const types = Array.from({ length: rows }, (_, i) => (['gene', 'gene', 'rule', 'gene', 'pathway', 'gene'] as const)[i % 6] as 'gene' | 'rule' | 'pathway')
      const features = types.map((type, i) => ({ id: `F${i}`, label: `F${i}`, type, genes: [`G${i}`] }))
      let x = 12345
      const state = Uint8Array.from({ length: features.length * samples.length }, () => {
        x = (Math.imul(x, 1103515245) + 12345) >>> 0
        return [WILD_TYPE, ALTERED, NOT_ASSAYED][x % 3] as number
      })
      // Every ALTERED cell holds one event (as a build's cells do): stateTotals walks the stored cells.
      const events = new Map<number, AlteredCell>()
      state.forEach((v, i) => {
        if (v === ALTERED) events.set(i, makeCell([{ sample: samples[i % size] as string, gene: 'G', kind: 'snv', variantClass: 'Missense_Mutation', origin: 'somatic', source: { file: 't', line: i + 1 } }]))
      })
      const m: CohortMatrix = { samples, features, state, cells: new MapCells(events), samplePanel: samples.map(() => undefined), panelMb: samples.map(() => undefined), burden: new Uint32Array(samples.length) }
      const t = agrees(m)
      if (size >= 37) {
        expect(Math.min(...t.altered)).toBeGreaterThan(0)
        expect(Math.min(...t.notAssayed)).toBeGreaterThan(0)
      }
      // An unaligned state (a view from byte 1) takes the byte path.
      const shifted = new Uint8Array(state.length + 1).subarray(1)
      shifted.set(state)
      agrees({ ...m, state: shifted })
    }
  })

  it('the same for a built matrix (altered cells read from its CellStore) with a panel leaving a gene unassayed', () => {
    const samples = ['A', 'B', 'C', 'D']
    const panel = panelFromGenes('P', 'P', ['KRAS', 'TP53'], { mutations: 'exons', hotspots: [], copyNumber: true, fusions: true })
    const alts = [alt('A', 'KRAS', 'Missense_Mutation'), alt('B', 'TP53', 'Nonsense_Mutation'), alt('B', 'KRAS', 'Missense_Mutation'), alt('D', 'TP53', 'Silent')]
    const m = buildMatrix(alts, { samples, genes: ['KRAS', 'TP53', 'MYC'], panels: assignAll(panel, samples) })
    const t = agrees(m)
    expect([...t.geneAltered]).toEqual([1, 2, 0, 0])
    expect([...t.geneNotAssayed]).toEqual([1, 1, 1, 1])
  })
})
