/**
 * collapseToPatients (src/study/patients.ts) against the plain implementation it replaced: a map
 * of sample lists per patient, the patients sorted, and each cell decided member by member
 * (ALTERED wins, then WILD_TYPE). The fast one groups by a counting sort and folds members in
 * rounds with bit operations; the test asks for exact equality of everything returned (states,
 * patients, panels, burden, unlinked samples, the multi counts) and of the errors.
 * Cases drawn: patients with one to four samples, samples with no patient, patient IDs whose
 * first-seen order is or is not sorted, a rank for `first` that covers some samples only.
 */
import fc from 'fast-check'
import { describe, expect, it } from 'vitest'
import { ALTERED, NOT_ASSAYED, WILD_TYPE, type StateMatrix } from '../../src/matrix/types.js'
import { collapseToPatients, type PatientLink, type PerPatient } from '../../src/study/patients.js'

function reference(m: StateMatrix, link: PatientLink, mode: PerPatient) {
  const bySample = new Map<string, number[]>()
  const unlinked: string[] = []
  m.samples.forEach((s, i) => {
    const p = link.patientOf.get(s)
    if (p === undefined) return void unlinked.push(s)
    const list = bySample.get(p)
    if (list) list.push(i)
    else bySample.set(p, [i])
  })
  const patients = [...bySample.keys()].sort((a, b) => (a < b ? -1 : a > b ? 1 : 0))
  let multiP = 0
  let multiS = 0
  const rank = (i: number): number => link.rank?.get(m.samples[i] as string) ?? Number.MAX_SAFE_INTEGER
  const members = patients.map((p) => {
    const list = bySample.get(p) as number[]
    if (list.length > 1) {
      multiP++
      multiS += list.length
      if (mode === 'error') throw new Error(`patient "${p}" has ${list.length} sequenced samples (${list.map((i) => m.samples[i]).join(', ')}); --per-patient error refuses that`)
      if (mode === 'first') list.sort((a, b) => rank(a) - rank(b) || a - b)
    }
    return list
  })
  const n = m.samples.length
  const P = patients.length
  const state = new Uint8Array(m.features.length * P)
  for (let f = 0; f < m.features.length; f++) {
    members.forEach((list, p) => {
      let v: number = m.state[f * n + (list[0] as number)] as number
      if (mode === 'any' && list.length > 1) {
        v = NOT_ASSAYED
        for (const i of list) {
          const x = m.state[f * n + i]
          if (x === ALTERED) {
            v = ALTERED
            break
          }
          if (x === WILD_TYPE) v = WILD_TYPE
        }
      }
      state[f * P + p] = v
    })
  }
  const firstOf = members.map((l) => l[0] as number)
  return {
    matrix: { samples: patients, features: m.features, state, samplePanel: firstOf.map((i) => m.samplePanel[i]), panelMb: firstOf.map((i) => m.panelMb[i]), burden: Uint32Array.from(firstOf.map((i) => m.burden[i] as number)) },
    unlinked,
    multi: { patients: multiP, samples: multiS },
    mode,
  }
}

const caseArb = fc
  .record({
    // per sample: its patient (an index into a few IDs; -1 none), its panel, its burden
    samples: fc.array(fc.record({ patient: fc.integer({ min: -1, max: 12 }), panel: fc.constantFrom(undefined, 'A', 'B'), burden: fc.nat({ max: 50 }), ranked: fc.option(fc.nat({ max: 40 })) }), { minLength: 0, maxLength: 40 }),
    features: fc.integer({ min: 0, max: 4 }),
    // patient IDs: sorted with the samples, or reversed (first-seen order then unsorted)
    reversed: fc.boolean(),
    mode: fc.constantFrom<PerPatient>('any', 'first', 'error'),
    seed: fc.nat(),
  })
  .map((c) => {
    const samples = c.samples.map((_, i) => `S${String(i).padStart(3, '0')}`)
    const patientName = (k: number): string => (c.reversed ? `P${String(99 - k).padStart(2, '0')}` : `P${String(k).padStart(2, '0')}`)
    const patientOf = new Map<string, string>()
    const rank = new Map<string, number>()
    c.samples.forEach((s, i) => {
      if (s.patient >= 0) patientOf.set(samples[i] as string, patientName(s.patient))
      if (s.ranked !== null) rank.set(samples[i] as string, s.ranked)
    })
    let x = c.seed
    const state = new Uint8Array(c.features * samples.length).map(() => {
      x = (x * 1103515245 + 12345) >>> 0
      return (x >>> 16) % 3
    })
    const m: StateMatrix = {
      samples,
      features: Array.from({ length: c.features }, (_, i) => ({ id: `G${i}`, label: `G${i}`, type: 'gene' as const, genes: [`G${i}`] })),
      state,
      samplePanel: c.samples.map((s) => s.panel),
      panelMb: c.samples.map((s) => (s.panel === undefined ? undefined : s.panel === 'A' ? 1.5 : 0.8)),
      burden: Uint32Array.from(c.samples, (s) => s.burden),
    }
    const link: PatientLink = { patientOf, rank, source: 'test' }
    return { m, link, mode: c.mode }
  })

describe('collapseToPatients equals the member-by-member reference', () => {
  it('exactly, for every mode, with unlinked samples, unsorted patients and partial ranks', () => {
    fc.assert(
      fc.property(caseArb, ({ m, link, mode }) => {
        let want: ReturnType<typeof reference> | Error
        try {
          want = reference(m, link, mode)
        } catch (e) {
          want = e as Error
        }
        if (want instanceof Error) {
          expect(() => collapseToPatients(m, link, mode)).toThrow(want.message)
          return
        }
        const got = collapseToPatients(m, link, mode)
        expect(got).toEqual(want)
        expect(Array.from(got.matrix.state)).toEqual(Array.from(want.matrix.state))
      }),
      { numRuns: 500 },
    )
  })
})
