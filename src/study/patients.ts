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
import { ALTERED, NOT_ASSAYED, type StateMatrix } from '../matrix/types.js'

export type PerPatient = 'any' | 'first' | 'error'

/** Collapsed matrices of at least this many cells keep their state in a SharedArrayBuffer (see collapseStates). */
export const SHARED_BYTES = 1 << 20
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
  const n = m.samples.length
  // Each sequenced sample's patient as an integer (first-seen order), then members grouped by a
  // counting sort: no array per patient (159,000 of them on a GENIE-sized study).
  const pid = new Int32Array(n)
  const idOf = new Map<string, number>()
  const names: string[] = []
  const unlinked: string[] = []
  for (let i = 0; i < n; i++) {
    const s = m.samples[i] as string
    const p = link.patientOf.get(s)
    if (p === undefined) {
      unlinked.push(s)
      pid[i] = -1
      continue
    }
    let k = idOf.get(p)
    if (k === undefined) {
      k = names.length
      idOf.set(p, k)
      names.push(p)
    }
    pid[i] = k
  }
  const P = names.length
  // Patients sorted by ID (code-unit order); `at[k]` is patient k's column. Sample IDs sorted by
  // patient make the first-seen order sorted already (checked in one pass, else sorted).
  let sorted = true
  for (let k = 1; k < P && sorted; k++) if (!((names[k - 1] as string) < (names[k] as string))) sorted = false
  const patients = sorted ? names : [...names].sort((a, b) => (a < b ? -1 : a > b ? 1 : 0))
  const at = new Int32Array(P)
  for (let c = 0; c < P; c++) at[sorted ? c : (idOf.get(patients[c] as string) as number)] = c
  // Members of column c: order[start[c] .. start[c + 1]), in sample order.
  const start = new Int32Array(P + 1)
  for (let i = 0; i < n; i++) if ((pid[i] as number) >= 0) (start[(at[pid[i] as number] as number) + 1] as number)++
  for (let c = 0; c < P; c++) start[c + 1] = (start[c + 1] as number) + (start[c] as number)
  const fill = start.slice(0, P)
  const order = new Int32Array(n - unlinked.length)
  for (let i = 0; i < n; i++) {
    const k = pid[i] as number
    if (k >= 0) order[(fill[at[k] as number] as number)++] = i
  }
  let multiP = 0
  let multiS = 0
  const rank = (i: number): number => link.rank?.get(m.samples[i] as string) ?? Number.MAX_SAFE_INTEGER
  for (let c = 0; c < P; c++) {
    const a = start[c] as number
    const b = start[c + 1] as number
    if (b - a < 2) continue
    multiP++
    multiS += b - a
    if (mode === 'error') {
      const list = Array.from(order.subarray(a, b))
      throw new InputError('USAGE', `patient ${quote(patients[c] as string)} has ${list.length} sequenced samples (${list.map((i) => m.samples[i]).join(', ')}); --per-patient error refuses that`, {
        suggestion: 'use --per-patient any (altered if any sample is) or first',
      })
    }
    if (mode === 'first') order.set(Array.from(order.subarray(a, b)).sort((x, y) => rank(x) - rank(y) || x - y), a)
  }
  const first = new Int32Array(P)
  for (let c = 0; c < P; c++) first[c] = order[start[c] as number] as number
  const state = collapseStates(m.state, n, m.features.length, first, mode === 'any' ? rounds(order, start) : [])
  const samplePanel = new Array<string | undefined>(P)
  const panelMb = new Array<number | undefined>(P)
  const burden = new Uint32Array(P)
  for (let c = 0; c < P; c++) {
    const i = first[c] as number
    samplePanel[c] = m.samplePanel[i]
    panelMb[c] = m.panelMb[i]
    burden[c] = m.burden[i] as number
  }
  return {
    matrix: { samples: patients, features: m.features, state, samplePanel, panelMb, burden },
    unlinked,
    multi: { patients: multiP, samples: multiS },
    mode,
  }
}

/** Round r (from 1): the columns with more than r members, and each one's r-th member. */
interface Round {
  readonly column: Int32Array
  readonly sample: Int32Array
}

function rounds(order: Int32Array, start: Int32Array): Round[] {
  const P = start.length - 1
  const sizes: number[] = []
  for (let c = 0; c < P; c++) {
    const k = (start[c + 1] as number) - (start[c] as number)
    for (let r = 1; r < k; r++) sizes[r - 1] = (sizes[r - 1] ?? 0) + 1
  }
  const out = sizes.map((k) => ({ column: new Int32Array(k), sample: new Int32Array(k) }))
  const fill = new Int32Array(sizes.length)
  for (let c = 0; c < P; c++) {
    const a = start[c] as number
    const b = start[c + 1] as number
    for (let r = 1; a + r < b; r++) {
      const rd = out[r - 1] as Round
      const j = (fill[r - 1] as number)++
      rd.column[j] = c
      rd.sample[j] = order[a + r] as number
    }
  }
  return out
}

/**
 * States of the collapsed matrix: each column its first member's state, then each further member
 * folded in. `any` is an OR of the ALTERED bit (1) and an AND of the NOT_ASSAYED bit (2): altered
 * if any member is, else wild-type if any is assayed, else not assayed — for states 0..2 the same
 * as testing ALTERED, then WILD_TYPE, member by member (the property test holds the two equal).
 * A member per round keeps every loop straight (no per-patient inner loop): ~2× faster on
 * 510 features × 159,000 patients. A large matrix is built in a SharedArrayBuffer (the same bytes,
 * the same cost to allocate): a survival scan on two threads (../scan/survival-threads.ts) then
 * hands it to its worker as is instead of copying it (81 MB at 510 × 159,000: 0.25 s).
 */
function collapseStates(src: Uint8Array, n: number, F: number, first: Int32Array, more: readonly Round[]): Uint8Array {
  const P = first.length
  const state = F * P >= SHARED_BYTES ? new Uint8Array(new SharedArrayBuffer(F * P)) : new Uint8Array(F * P)
  for (let f = 0; f < F; f++) {
    gather(src, f * n, first, state, f * P)
    for (const r of more) fold(src, f * n, r.column, r.sample, state, f * P)
  }
  return state
}

function gather(src: Uint8Array, row: number, first: Int32Array, out: Uint8Array, at: number): void {
  for (let c = 0; c < first.length; c++) out[at + c] = src[row + (first[c] as number)] as number
}

function fold(src: Uint8Array, row: number, column: Int32Array, sample: Int32Array, out: Uint8Array, at: number): void {
  for (let j = 0; j < column.length; j++) {
    const o = at + (column[j] as number)
    const v = out[o] as number
    const x = src[row + (sample[j] as number)] as number
    out[o] = ((v | x) & ALTERED) | (v & x & NOT_ASSAYED)
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
