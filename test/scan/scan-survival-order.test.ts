import fc from 'fast-check'
import { describe, expect, it } from 'vitest'
import { parseClinicalLines } from '../../src/clinical/index.js'
import { ALTERED, NOT_ASSAYED, WILD_TYPE, type CohortMatrix } from '../../src/matrix/types.js'
import { scanSurvival } from '../../src/scan/scan-survival.js'
import { coxph } from '../../src/stats/cox.js'
import { kaplanMeier } from '../../src/stats/km.js'
import { logRank } from '../../src/stats/logrank.js'

/** A matrix with the given per-feature states (rows of 0/1/2), no event details (survival looks at states only). */
function matrix(samples: string[], states: number[][]): CohortMatrix {
  return {
    samples,
    features: states.map((_, f) => ({ id: `G${f}`, label: `G${f}`, type: 'gene' as const, genes: [`G${f}`] })),
    state: Uint8Array.from(states.flat()),
    cells: new Map(),
    samplePanel: samples.map(() => undefined),
    panelMb: samples.map(() => undefined),
    burden: new Uint32Array(samples.length),
  }
}

const sampleArb = fc.array(fc.record({ time: fc.integer({ min: 0, max: 6 }), event: fc.constantFrom<0 | 1>(0, 1), age: fc.integer({ min: 30, max: 80 }), assayed: fc.boolean(), altered: fc.boolean() }), { minLength: 4, maxLength: 40 })

describe('scanSurvival visits samples in time order without changing a number', () => {
  it('rows equal KM / log-rank / Cox computed directly in sample order (ties, not-assayed samples, a covariate)', () => {
    fc.assert(
      fc.property(sampleArb, fc.boolean(), (rows, withCov) => {
        const samples = rows.map((_, i) => `S${String(i).padStart(3, '0')}`)
        const m = matrix(samples, [rows.map((r) => (!r.assayed ? NOT_ASSAYED : r.altered ? ALTERED : WILD_TYPE))])
        const clinical = parseClinicalLines('c.tsv', ['sample\tpfs_months\tpfs_event\tage', ...rows.map((r, i) => `${samples[i]}\t${r.time}\t${r.event}\t${r.age}`)]).table
        const covariates = withCov ? ['age'] : undefined
        const got = scanSurvival(m, clinical, 'pfs', [0], { covariates, curves: false })
        expect(got.curves).toEqual([])
        const row = got.rows[0]
        // Reference: the straightforward per-sample loop, in sample order.
        const inModel = rows.filter((r) => r.assayed)
        const T = inModel.map((r) => r.time)
        const E = inModel.map((r) => r.event)
        const X = inModel.map((r) => (withCov ? [r.altered ? 1 : 0, r.age] : [r.altered ? 1 : 0]))
        const A = inModel.filter((r) => r.altered)
        const W = inModel.filter((r) => !r.altered)
        expect(row?.nAltered).toBe(A.length)
        expect(row?.notAssayed).toBe(rows.length - inModel.length)
        const kmA = A.length > 0 ? kaplanMeier(A.map((r) => r.time), A.map((r) => r.event)) : undefined
        expect(row?.medianAltered?.median).toBe(kmA?.median.estimate)
        if (A.length > 0 && W.length > 0 && E.some((e) => e === 1)) {
          const lr = logRank(T, E, X.map((x) => (x[0] === 1 ? 'altered' : 'wild-type')))
          expect(row?.logrankChisq).toBe(lr.chisq)
          const fit = coxph(T, E, X, { names: withCov ? ['altered', 'age'] : ['altered'] })
          expect(row?.hr).toBe(fit.coefficients[0]?.hr)
          expect(row?.coxP).toBe(fit.coefficients[0]?.p)
        }
        // Curves, when kept, hold the same KM as the rows and one entry per row.
        const withCurves = scanSurvival(m, clinical, 'pfs', [0], { covariates })
        expect(withCurves.rows).toEqual(got.rows)
        expect(withCurves.curves).toHaveLength(1)
        expect(withCurves.curves[0]?.altered?.median.estimate).toBe(kmA?.median.estimate)
      }),
      { numRuns: 80 },
    )
  })
})
