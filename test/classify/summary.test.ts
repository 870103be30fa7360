import { describe, expect, it } from 'vitest'
import { buildMatrix } from '../../src/classify/matrix.js'
import { featureSummary, geneSummary, sampleSummary } from '../../src/classify/summary.js'
import { ALTERED, NOT_ASSAYED, WILD_TYPE, countsFromTotals, featureCounts, stateTotals, type CohortMatrix } from '../../src/matrix/types.js'
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

describe('stateTotals', () => {
  it('counts every row and every gene column as featureCounts and a per-cell walk do', () => {
    const samples = Array.from({ length: 37 }, (_, i) => `S${String(i).padStart(2, '0')}`)
    const types = ['gene', 'gene', 'rule', 'gene', 'pathway', 'gene'] as const
    const features = types.map((type, i) => ({ id: `F${i}`, label: `F${i}`, type, genes: [`G${i}`] }))
    let x = 12345
    const state = Uint8Array.from({ length: features.length * samples.length }, () => {
      x = (Math.imul(x, 1103515245) + 12345) >>> 0
      return [WILD_TYPE, ALTERED, NOT_ASSAYED][x % 3] as number
    })
    const m: CohortMatrix = { samples, features, state, cells: new Map(), samplePanel: samples.map(() => undefined), panelMb: samples.map(() => undefined), burden: new Uint32Array(samples.length) }
    const t = stateTotals(m)
    features.forEach((_, f) => expect(countsFromTotals(m, t, f)).toEqual(featureCounts(m, f)))
    samples.forEach((_, s) => {
      const col = features.flatMap((f, i) => (f.type === 'gene' ? [state[i * samples.length + s]] : []))
      expect([t.geneAltered[s], t.geneNotAssayed[s]]).toEqual([col.filter((v) => v === ALTERED).length, col.filter((v) => v === NOT_ASSAYED).length])
    })
    expect(Math.min(...t.altered)).toBeGreaterThan(0)
    expect(Math.min(...t.notAssayed)).toBeGreaterThan(0)
  })
})
