import fc from 'fast-check'
import { describe, expect, it } from 'vitest'
import { parseClinicalLines } from '../../src/clinical/index.js'
import { ALTERED, NOT_ASSAYED, WILD_TYPE, type StateMatrix } from '../../src/matrix/types.js'
import { scanSurvival } from '../../src/scan/scan-survival.js'
import { coxph } from '../../src/stats/cox.js'
import { kaplanMeier, type ConfType } from '../../src/stats/km.js'
import { logRank } from '../../src/stats/logrank.js'

/** A matrix with the given per-feature states (rows of 0/1/2), no event details (survival looks at states only). */
function matrix(samples: string[], states: number[][]): StateMatrix {
  return {
    samples,
    features: states.map((_, f) => ({ id: `G${f}`, label: `G${f}`, type: 'gene' as const, genes: [`G${f}`] })),
    state: Uint8Array.from(states.flat()),
    samplePanel: samples.map(() => undefined),
    panelMb: samples.map(() => undefined),
    burden: new Uint32Array(samples.length),
  }
}

const sampleArb = fc.array(
  fc.record({
    time: fc.integer({ min: 0, max: 6 }),
    event: fc.constantFrom<0 | 1>(0, 1),
    followUp: fc.boolean(),
    age: fc.integer({ min: 30, max: 80 }),
    stage: fc.constantFrom('I', 'II', 'III'),
    states: fc.array(fc.constantFrom(ALTERED, WILD_TYPE, WILD_TYPE, NOT_ASSAYED), { minLength: 3, maxLength: 3 }),
  }),
  { minLength: 4, maxLength: 40 },
)
const covariateSets: (readonly string[] | undefined)[] = [undefined, ['age'], ['stage', 'age']]

describe('scanSurvival visits samples in time order without changing a number', () => {
  it('rows equal KM / log-rank / Cox computed directly in sample order (ties, not-assayed samples, covariates)', () => {
    fc.assert(
      fc.property(sampleArb, fc.constantFrom(...covariateSets), fc.constantFrom<ConfType>('log', 'log-log'), (drawn, covariates, confType) => {
        // The first three samples carry every stage and three ages, so age stays numeric and stage has three levels.
        const rows = drawn.map((r, i) => (i < 3 ? { ...r, age: 30 + i, stage: ['I', 'II', 'III'][i] as string } : r))
        const samples = rows.map((_, i) => `S${String(i).padStart(3, '0')}`)
        const m = matrix(samples, [0, 1, 2].map((f) => rows.map((r) => r.states[f] as number)))
        const clinical = parseClinicalLines('c.tsv', ['sample\tpfs_months\tpfs_event\tage\tstage', ...rows.map((r, i) => `${samples[i]}\t${r.followUp ? r.time : 'NA'}\t${r.event}\t${r.age}\t${r.stage}`)]).table
        const got = scanSurvival(m, clinical, 'pfs', [0, 1, 2], { covariates, confType, curves: false })
        expect(got.curves).toEqual([])
        expect(got.rows).toHaveLength(3)
        const withCurves = scanSurvival(m, clinical, 'pfs', [0, 1, 2], { covariates, confType })
        expect(withCurves.rows).toEqual(got.rows)
        expect(withCurves.curves).toHaveLength(3)
        const covColumns = (r: (typeof rows)[number]) => (covariates ?? []).flatMap((c) => (c === 'age' ? [r.age] : [r.stage === 'II' ? 1 : 0, r.stage === 'III' ? 1 : 0]))
        got.rows.forEach((row, f) => {
          // Reference: the straightforward per-sample loop, in sample order.
          const inModel = rows.filter((r) => r.followUp && r.states[f] !== NOT_ASSAYED)
          const isAltered = (r: (typeof rows)[number]) => r.states[f] === ALTERED
          const T = inModel.map((r) => r.time)
          const E = inModel.map((r) => r.event)
          const X = inModel.map((r) => [isAltered(r) ? 1 : 0, ...covColumns(r)])
          const A = inModel.filter(isAltered)
          const W = inModel.filter((r) => !isAltered(r))
          expect([row.nAltered, row.nWildType]).toEqual([A.length, W.length])
          // Samples without follow-up are excluded from the endpoint, so never counted as not assayed.
          expect(row.notAssayed).toBe(rows.filter((r) => r.followUp && r.states[f] === NOT_ASSAYED).length)
          expect(got.tested).toBe(rows.filter((r) => r.followUp).length)
          expect([row.eventsAltered, row.eventsWildType]).toEqual([A.filter((r) => r.event === 1).length, W.filter((r) => r.event === 1).length])
          const median = (g: typeof rows) => {
            if (g.length === 0) return undefined
            const km = kaplanMeier(g.map((r) => r.time), g.map((r) => r.event), { confType })
            return { median: km.median.estimate, lower: km.median.lower, upper: km.median.upper }
          }
          expect(row.medianAltered).toEqual(median(A))
          expect(row.medianWildType).toEqual(median(W))
          expect(withCurves.curves[f]?.altered?.median.estimate).toBe(median(A)?.median)
          expect(withCurves.curves[f]?.wildTypeData.time).toEqual([...W].sort((a, b) => a.time - b.time).map((r) => r.time))
          if (A.length > 0 && W.length > 0 && E.some((e) => e === 1)) {
            const lr = logRank(T, E, X.map((x) => (x[0] === 1 ? 'altered' : 'wild-type')))
            expect([row.logrankChisq, row.logrankP]).toEqual([lr.chisq, lr.p])
            const fit = coxph(T, E, X)
            const c = fit.coefficients[0]
            expect([row.hr, row.hrLower, row.hrUpper, row.coxP]).toEqual([c?.hr, c?.lower, c?.upper, c?.p])
            expect(row.p).toBe(covariates ? c?.p : lr.p)
          } else {
            expect(row.hr).toBeUndefined()
            expect(row.note).toMatch(/^no /)
          }
        })
      }),
      { numRuns: 150 },
    )
  })
})
