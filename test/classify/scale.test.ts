/**
 * Scale: 10,000 samples × 500 genes × 1,000,000 alterations, two panels and a 29-gene pathway rule.
 * No timing assertion (timings belong to benchmarks); this checks the big build is correct: every
 * alteration accounted for, frequencies ≤ 100%, counts equal to a naive recount.
 */
import { describe, expect, it } from 'vitest'
import { buildMatrix } from '../../src/matrix/build.js'
import { compileRules } from '../../src/classify/rule-match.js'
import { parseRules } from '../../src/classify/rules.js'
import type { GeneAssay, Panel } from '../../src/panels/schema.js'
import type { Alteration, VariantClass } from '../../src/model/alteration.js'
import { ALTERED, featureCounts } from '../../src/matrix/types.js'

const S = 10_000
const G = 500
const A = 1_000_000
const CLASSES: VariantClass[] = ['Missense_Mutation', 'Nonsense_Mutation', 'Silent', 'Frame_Shift_Del', 'Intron']

/** Deterministic LCG (Numerical Recipes constants): same cohort every run. */
function rng(seed: number): () => number {
  let x = seed >>> 0
  return () => {
    x = (Math.imul(x, 1664525) + 1013904223) >>> 0
    return x / 2 ** 32
  }
}

describe('scale', () => {
  it('builds a 10k × 500 matrix from 1M alterations, consistent with a naive recount', () => {
    const r = rng(42)
    const samples = Array.from({ length: S }, (_, i) => `S${String(i).padStart(5, '0')}`)
    const genes = Array.from({ length: G }, (_, i) => `G${i}`)
    const alts: Alteration[] = new Array<Alteration>(A)
    for (let i = 0; i < A; i++) {
      alts[i] = {
        sample: samples[Math.floor(r() * S)] as string,
        gene: genes[Math.floor(r() ** 2 * G)] as string,
        kind: 'snv',
        variantClass: CLASSES[Math.floor(r() * CLASSES.length)] as VariantClass,
        origin: 'somatic',
        source: { file: 'synthetic', line: i + 2 },
      }
    }
    const full: GeneAssay = { mutations: 'exons', hotspots: [], copyNumber: true, fusions: true }
    const big: Panel = { id: 'BIG', name: 'big', sizeMb: 1.5, genes: new Map(genes.map((g) => [g, full])) }
    const small: Panel = { id: 'SMALL', name: 'small', sizeMb: 0.8, genes: new Map(genes.slice(0, 300).map((g) => [g, full])) }
    const rules = compileRules(parseRules({ id: 'x', rules: [{ id: 'set', label: 'set', genes: genes.slice(250, 279) }] }, 'r'), 'r')
    const samplePanel = new Map(samples.map((s, i) => [s, i % 3 === 0 ? 'SMALL' : 'BIG']))
    const t0 = performance.now()
    const m = buildMatrix(alts, { samples, rules, panels: { panels: new Map([['BIG', big], ['SMALL', small]]), samplePanel } })
    const ms = performance.now() - t0
    console.log(`buildMatrix: ${S} samples × ${m.features.length} features, ${A} alterations: ${ms.toFixed(0)} ms`)

    // Naive recount of one off-panel-for-SMALL gene and one shared gene.
    const counted = new Set<VariantClass>(['Missense_Mutation', 'Nonsense_Mutation', 'Frame_Shift_Del'])
    for (const g of ['G0', 'G420']) {
      const altered = new Set<string>()
      for (const a of alts) {
        if (a.gene === g && counted.has(a.variantClass) && (samplePanel.get(a.sample) === 'BIG' || Number(g.slice(1)) < 300)) altered.add(a.sample)
      }
      const f = m.features.findIndex((x) => x.id === g)
      const c = featureCounts(m, f)
      expect(c.altered, g).toBe(altered.size)
      expect(c.assayed, g).toBe(g === 'G0' ? S : S - Math.ceil(S / 3))
    }
    for (let f = 0; f < m.features.length; f++) {
      const c = featureCounts(m, f)
      expect(c.altered).toBeLessThanOrEqual(c.assayed)
    }
    let cellsAltered = 0
    for (const v of m.state) if (v === ALTERED) cellsAltered++
    expect(m.cells.size).toBe(cellsAltered)
    const refused = Object.values(m.notes.refused).reduce((a, b) => a + b, 0)
    expect(refused).toBeGreaterThan(0)
    let burden = 0
    for (const b of m.burden) burden += b
    const countedOnPanel = alts.filter((a) => counted.has(a.variantClass) && (samplePanel.get(a.sample) === 'BIG' || Number(a.gene.slice(1)) < 300)).length
    expect(burden).toBe(countedOnPanel)
  })
})
