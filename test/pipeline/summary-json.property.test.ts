/**
 * summary --json written as text pieces (src/pipeline/summary-json.ts) against JSON.stringify of
 * the summary document: byte-identical on random matrices, including samples with no panel, panels
 * of size 0 (TMB Infinity or NaN → null), ids that need escaping, empty cohorts and low-memory
 * style counted cells.
 */
import fc from 'fast-check'
import { describe, expect, it } from 'vitest'
import { MapCells } from '../../src/matrix/cells.js'
import { CountedCells } from '../../src/matrix/counted-cells.js'
import { codeClass, recordCode } from '../../src/model/events-codes.js'
import { makeCell } from '../../src/matrix/cell.js'
import { buildMatrix } from '../../src/matrix/build.js'
import type { BuiltMatrix } from '../../src/matrix/build.js'
import { ALTERED, NOT_ASSAYED, WILD_TYPE, type AlteredCell, type Feature } from '../../src/matrix/types.js'
import { MAF_CLASSES, type Alteration, type VariantClass } from '../../src/model/alteration.js'
import { summaryJsonText } from '../../src/pipeline/summary-json.js'
import { summaryJson, type SummaryInput } from '../../src/pipeline/summary-report.js'
import { sampleSummary } from '../../src/matrix/summary.js'
import { assignAll } from '../../src/panels/assign.js'
import { panelFromGenes } from '../../src/panels/load.js'
import { alt } from '../classify/helpers.js'

const NOTES = { outsideUniverse: 0, refused: { 'not on panel': 2 }, offHotspot: 0, missingEvidence: {}, aliases: [], warnings: ['a "quoted"\nwarning'] }

function same(input: SummaryInput): void {
  const want = JSON.stringify(summaryJson(input), null, 1) + '\n'
  expect([...summaryJsonText(input)].join('')).toBe(want)
}

const sampleId = fc.oneof(fc.string({ minLength: 1, maxLength: 6 }), fc.constantFrom('S"1', 'S\\2', 'é-3', 'S\n4', '\u2028', '\ud800'))

const matrixArb = fc
  .record({
    ids: fc.uniqueArray(sampleId, { maxLength: 12 }),
    types: fc.array(fc.constantFrom<Feature['type']>('gene', 'gene', 'rule', 'pathway'), { minLength: 1, maxLength: 5 }),
    seed: fc.integer({ min: 1, max: 2 ** 30 }),
    panels: fc.array(fc.oneof(fc.constant(undefined), fc.constantFrom('P1', 'P"2', 'WES')), { minLength: 12, maxLength: 12 }),
    sizes: fc.array(fc.oneof(fc.constant(undefined), fc.constantFrom(0, 1.2, 0.7, 3)), { minLength: 12, maxLength: 12 }),
    level: fc.oneof(fc.constant(undefined), fc.constant('counts are per sample: 2 samples of 1 patients')),
    counted: fc.boolean(),
  })
  .map(({ ids, types, seed, panels, sizes, level, counted }) => {
    let x = seed
    const rnd = (k: number): number => {
      x = (Math.imul(x, 1103515245) + 12345) >>> 0
      return (x >>> 8) % k
    }
    const samples = [...ids].sort()
    const n = samples.length
    const features = types.map((type, i) => ({ id: `F${i}`, label: `F ${i}`, type, genes: [`G${i}`] }))
    const state = Uint8Array.from({ length: features.length * n }, () => [WILD_TYPE, ALTERED, NOT_ASSAYED][rnd(3)] as number)
    const cells = new Map<number, AlteredCell>()
    state.forEach((v, i) => {
      if (v !== ALTERED) return
      const events: Alteration[] = Array.from({ length: 1 + rnd(4) }, (_, k) => {
        const variantClass = MAF_CLASSES[rnd(MAF_CLASSES.length)] as VariantClass
        return alt(samples[i % n] as string, 'G', variantClass, { line: k } as Partial<Alteration>)
      })
      cells.set(i, makeCell(events))
    })
    const matrix: BuiltMatrix = {
      samples,
      features,
      state,
      cells: counted ? countedCells(cells) : new MapCells(cells),
      samplePanel: samples.map((_, s) => panels[s]),
      panelMb: samples.map((_, s) => sizes[s]),
      burden: Uint32Array.from(samples, () => rnd(3) * rnd(40)),
      notes: NOTES,
    }
    return { matrix, reports: [], countedClasses: ['Missense_Mutation', 'Amp'], levelNote: level }
  })

/** The low-memory path's store: per cell, its distinct event codes with counts (first-seen order). */
function countedCells(cells: ReadonlyMap<number, AlteredCell>): CountedCells {
  const keys = [...cells.keys()].sort((a, b) => a - b)
  const starts = [0]
  const codes: number[] = []
  const counts: number[] = []
  for (const k of keys) {
    const by = new Map<number, number>()
    for (const e of (cells.get(k) as AlteredCell).events) by.set(recordCode(e), (by.get(recordCode(e)) ?? 0) + 1)
    for (const [c, w] of by) {
      codes.push(c)
      counts.push(w)
    }
    starts.push(codes.length)
  }
  return new CountedCells(Float64Array.from(keys), Uint32Array.from(starts), Uint16Array.from(codes), Uint32Array.from(counts), new Float64Array(codes.length))
}

describe('summaryJsonText', () => {
  it('is JSON.stringify(summaryJson(input), null, 1) + newline, byte for byte', () => {
    fc.assert(fc.property(matrixArb, same), { numRuns: 300 })
  })

  it('per-sample class counts are a walk down every gene cell of the sample, keys in first-seen order', () => {
    fc.assert(
      fc.property(matrixArb, ({ matrix: m }) => {
        const n = m.samples.length
        const got = sampleSummary(m).map((r) => Object.entries(r.classCounts))
        const want = m.samples.map((_, s) => {
          const r: Record<string, number> = {}
          m.features.forEach((f, fi) => {
            if (f.type !== 'gene' || m.state[fi * n + s] !== ALTERED) return
            const a = fi * n + s
            m.cells.forEachCell(a, a + 1, (_idx, from, to) => {
              const w = m.cells.eventCounts()
              for (let j = from; j < to; j++) {
                const k = MAF_CLASSES[codeClass(m.cells.eventCodes()[j] as number)] as string
                r[k] = (r[k] ?? 0) + (w === undefined ? 1 : (w[j] as number))
              }
            })
          })
          return Object.entries(r)
        })
        expect(got).toEqual(want)
      }),
      { numRuns: 200 },
    )
  })

  it('the same for a built matrix with a panel, pieces past the first few thousand samples', () => {
    const samples = Array.from({ length: 9001 }, (_, i) => `S${String(i).padStart(5, '0')}`)
    const panel = { ...panelFromGenes('P', 'P', ['KRAS', 'TP53'], { mutations: 'exons', hotspots: [], copyNumber: true, fusions: true }), sizeMb: 1.1 }
    const alts = samples.flatMap((s, i) => (i % 3 === 0 ? [alt(s, 'KRAS', 'Missense_Mutation'), alt(s, 'TP53', i % 2 ? 'Nonsense_Mutation' : 'Missense_Mutation')] : i % 7 === 0 ? [alt(s, 'MYC', 'Amp')] : []))
    const matrix = buildMatrix(alts, { samples, genes: ['KRAS', 'TP53', 'MYC'], panels: assignAll(panel, samples) })
    same({ matrix, reports: [], countedClasses: ['Missense_Mutation'] })
    expect([...summaryJsonText({ matrix, reports: [], countedClasses: [] })].length).toBeGreaterThan(3)
  })
})
