/**
 * Patient level: sample-level calls → one matrix column per patient, for association tests whose
 * endpoint is a patient attribute (OS, PFS in cBioPortal's patient file). Without this, a patient
 * with two sequenced samples would be two observations of one survival time.
 *
 * `--per-patient`:
 * | mode | a patient's cell |
 * |---|---|
 * | `any` (default) | altered if any of its samples is; else wild-type if any is assayed; else not assayed |
 * | `first` | its first sequenced sample's cell (first in the clinical sample file's row order, else by sample ID) |
 * | `error` | a patient with more than one sequenced sample is an error |
 *
 * Sequenced samples with no patient are left out of patient-level tests and counted.
 * Complexity O(features × samples); memory one byte per feature × patient.
 */
import { InputError, quote } from '../errors.js'
import { ALTERED, NOT_ASSAYED, WILD_TYPE, type StateMatrix } from '../matrix/types.js'

export type PerPatient = 'any' | 'first' | 'error'
export const PER_PATIENT_MODES: readonly PerPatient[] = ['any', 'first', 'error']

export interface PatientMatrix {
  /** Columns are patients (sorted); cells collapsed by `mode`: states only (no events), which is what scans read. */
  readonly matrix: StateMatrix
  /** Sequenced samples whose patient is unknown (left out). */
  readonly unlinked: readonly string[]
  /** Patients with more than one sequenced sample, and how many samples those are. */
  readonly multi: { readonly patients: number; readonly samples: number }
  readonly mode: PerPatient
}

export interface PatientLink {
  /** Sample → patient. */
  readonly patientOf: ReadonlyMap<string, string>
  /** Sample → rank in the clinical sample file (for `first`); samples not in it come after, by ID. */
  readonly rank?: ReadonlyMap<string, number> | undefined
  /** Where the link came from, for messages ("data_clinical_samples.txt PATIENT_ID"). */
  readonly source: string
}

export function collapseToPatients(m: StateMatrix, link: PatientLink, mode: PerPatient): PatientMatrix {
  const bySample = new Map<string, number[]>()
  const unlinked: string[] = []
  m.samples.forEach((s, i) => {
    const p = link.patientOf.get(s)
    if (p === undefined) {
      unlinked.push(s)
      return
    }
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
      if (mode === 'error') {
        throw new InputError('USAGE', `patient ${quote(p)} has ${list.length} sequenced samples (${list.map((i) => m.samples[i]).join(', ')}); --per-patient error refuses that`, {
          suggestion: 'use --per-patient any (altered if any sample is) or first',
        })
      }
      if (mode === 'first') list.sort((a, b) => rank(a) - rank(b) || a - b)
    }
    return list
  })
  const n = m.samples.length
  const P = patients.length
  const F = m.features.length
  // Flat, typed: each patient's first sample, and (for the few with several) its member range in
  // `flat`. 510 features × 159,000 patients is 81M cells; arrays of arrays made this 2+ s.
  const first = new Int32Array(P)
  const multiAt: number[] = []
  const starts: number[] = [0]
  const flat: number[] = []
  for (let p = 0; p < P; p++) {
    const list = members[p] as number[]
    first[p] = list[0] as number
    if (mode !== 'first' && list.length > 1) {
      multiAt.push(p)
      for (const i of list) flat.push(i)
      starts.push(flat.length)
    }
  }
  const src = m.state
  const state = new Uint8Array(F * P)
  for (let f = 0; f < F; f++) {
    const row = f * n
    const out = f * P
    for (let p = 0; p < P; p++) state[out + p] = src[row + (first[p] as number)] as number
    for (let k = 0; k < multiAt.length; k++) {
      let v = NOT_ASSAYED
      for (let j = starts[k] as number; j < (starts[k + 1] as number); j++) {
        const x = src[row + (flat[j] as number)] as number
        if (x === ALTERED) {
          v = ALTERED
          break
        }
        if (x === WILD_TYPE) v = WILD_TYPE
      }
      state[out + (multiAt[k] as number)] = v
    }
  }
  const firstOf = members.map((l) => l[0] as number)
  return {
    matrix: {
      samples: patients,
      features: m.features,
      state,
      samplePanel: firstOf.map((i) => m.samplePanel[i]),
      panelMb: firstOf.map((i) => m.panelMb[i]),
      burden: Uint32Array.from(firstOf.map((i) => m.burden[i] as number)),
    },
    unlinked,
    multi: { patients: multiP, samples: multiS },
    mode,
  }
}

/** One line for the output: what the patient level did. */
export function patientLevelNote(pm: PatientMatrix, link: PatientLink): string {
  const how = { any: 'altered if any of its samples is', first: 'its first sample in the clinical file', error: 'one sample each' }[pm.mode]
  const parts = [`patient-level (--per-patient ${pm.mode}: ${how}; samples joined to patients by ${link.source}): ${pm.matrix.samples.length} patients`]
  if (pm.multi.patients > 0) parts.push(`${pm.multi.patients} with several sequenced samples (${pm.multi.samples} samples)`)
  if (pm.unlinked.length > 0) parts.push(`${pm.unlinked.length} sequenced sample(s) with no patient left out`)
  return parts.join('; ')
}

/**
 * `summary`'s level line when a study's samples share patients: "counts are per sample: 240
 * samples of 193 patients", from each sample's patient (the study's sample file).
 */
export function sampleLevelLine(patientOf: ReadonlyMap<string, string>, samples: readonly string[]): string {
  const patients = new Set<string>()
  let unknown = 0
  for (const x of samples) {
    const p = patientOf.get(x)
    if (p === undefined || p === '') unknown++
    else patients.add(p)
  }
  return `counts are per sample: ${samples.length} samples of ${patients.size} patients${unknown > 0 ? ` (${unknown} with no patient in the sample file)` : ''}; scan tests patient endpoints per patient`
}
