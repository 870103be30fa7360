/**
 * Which clinical table an endpoint is tested on, and at which level (sample or patient).
 *
 * - A study folder without --clinical: its patient and sample files. An endpoint whose columns
 *   are patient attributes (OS_MONTHS/OS_STATUS, …) is tested per patient (../src/study/patients.ts);
 *   one that reads a sample attribute, per sample. `os`, `pfs` and `dfs` are cBioPortal's
 *   OS_MONTHS/OS_STATUS, PFS_MONTHS/PFS_STATUS, DFS_MONTHS/DFS_STATUS (months, as the names say).
 * - --clinical with --patient-column: every endpoint per patient; a column a patient's samples
 *   disagree on is refused.
 * - --clinical alone: per sample, as before.
 * The level and the join are stated in the output.
 */
import { InputError } from '../src/errors.js'
import type { CohortMatrix, StateMatrix } from '../src/matrix/types.js'
import type { ClinicalTable } from '../src/model/clinical.js'
import type { ReadReport } from '../src/model/report.js'
import type { EndpointSpec } from '../src/scan/endpoints.js'
import { checkPatientColumns, readStudyClinical, withPatientColumn, type LeveledClinical } from '../src/study/clinical.js'
import { collapseToPatients, patientLevelNote, type PatientMatrix, type PerPatient } from '../src/study/patients.js'
import { readClinical } from '../src/clinical/read.js'
import { clinicalReading, loadClinical } from './clinical-options.js'
import { studyOf } from './study.js'
import { limitsOf } from './read-limits.js'

export interface ClinicalSource {
  readonly plain?: ClinicalTable | undefined
  readonly leveled?: LeveledClinical | undefined
  /** Patient-level for every endpoint (--patient-column). */
  readonly allPatient: boolean
  readonly reports: readonly ReadReport[]
  readonly files: readonly string[]
}

export interface ClinicalOptions {
  readonly clinical?: string | undefined
  readonly sampleColumn?: string | undefined
  readonly responseColumn?: string | undefined
  readonly patientColumn?: string | undefined
  readonly lenient?: boolean | undefined
}

/**
 * `samples`: the calls' sample IDs, against which a --clinical table's sample column is chosen and
 * matched (cli/clinical-options.ts); the study's own files are keyed by SAMPLE_ID / PATIENT_ID.
 */
export async function loadClinicalSource(raw: unknown, o: ClinicalOptions, samples: readonly string[] | undefined): Promise<ClinicalSource> {
  if (o.clinical === undefined) {
    const s = studyOf(raw)
    if (s === undefined || (s.folder.patients === undefined && s.folder.samples === undefined)) {
      throw new InputError('USAGE', '--clinical: required: the clinical table (or give a cBioPortal study folder with clinical files)')
    }
    const leveled = await readStudyClinical(s.folder.patients, s.folder.samples, { lenient: o.lenient, reading: clinicalReading(raw), limits: limitsOf(raw) })
    return { leveled, allPatient: false, reports: leveled.reports, files: leveled.files }
  }
  // Without calls (clinical features alone) the sample column is found by name, not by overlap.
  const r = samples === undefined ? await readClinical(o.clinical, { sampleColumn: o.sampleColumn, responseColumn: o.responseColumn, lenient: o.lenient, reading: clinicalReading(raw), limits: limitsOf(raw) }) : await loadClinical(o.clinical, raw, samples)
  if (o.patientColumn === undefined) return { plain: r.table, allPatient: false, reports: [r.report], files: [o.clinical] }
  const leveled = withPatientColumn(r, o.patientColumn)
  return { leveled, allPatient: true, reports: leveled.reports, files: leveled.files }
}

/** cBioPortal's survival columns for os/pfs/dfs, when the study's tables have them. */
const CBIO_SURVIVAL: Readonly<Record<string, readonly [string, string]>> = { os: ['OS_MONTHS', 'OS_STATUS'], pfs: ['PFS_MONTHS', 'PFS_STATUS'], dfs: ['DFS_MONTHS', 'DFS_STATUS'] }

export function studyEndpoint(src: ClinicalSource, ep: EndpointSpec, word: string): EndpointSpec {
  const pair = CBIO_SURVIVAL[word.trim().toLowerCase()]
  if (pair === undefined || src.leveled === undefined || src.allPatient) return ep
  const cols = new Set(src.leveled.sample.columns.map((c) => c.toUpperCase()))
  if (!cols.has(pair[0]) || !cols.has(pair[1])) return ep
  return { kind: 'survival', spec: { time: pair[0], event: pair[1] }, name: word.trim().toLowerCase() }
}

/** The header line saying what a study's os/pfs/dfs became. */
export function studyEndpointNote(ep: EndpointSpec): string[] {
  if (ep.kind !== 'survival' || typeof ep.spec !== 'object' || !(ep.name in CBIO_SURVIVAL)) return []
  return [`${ep.name} = ${ep.spec.time} (months, as the column name says) with event ${ep.spec.event} (cBioPortal 1:/0: coding)`]
}

export interface LevelRun<T> {
  readonly result: T
  /** Lines for the output header: the level and the join. */
  readonly notes: readonly string[]
}

/**
 * Run one endpoint's scan at its level. `scan(matrix, table)` is the scan; `columns(result)` the
 * clinical columns it read (for the --patient-column agreement check).
 */
export function atLevel<T>(
  src: ClinicalSource,
  matrix: CohortMatrix,
  perPatient: PerPatient,
  cache: { pm?: PatientMatrix },
  scan: (m: StateMatrix, t: ClinicalTable) => T,
  columns: (r: T) => readonly string[],
): LevelRun<T> {
  if (src.plain !== undefined) return { result: scan(matrix, src.plain), notes: [] }
  const lv = src.leveled as LeveledClinical
  const pm = (cache.pm ??= collapseToPatients(matrix, lv.link, perPatient))
  try {
    const result = scan(pm.matrix, lv.patient)
    if (src.allPatient) checkPatientColumns(lv, columns(result))
    return { result, notes: [patientLevelNote(pm, lv.link)] }
  } catch (e) {
    // Not a patient attribute: the endpoint reads a sample column, so it is tested per sample.
    if (src.allPatient || !(e instanceof InputError) || e.code !== 'MISSING_COLUMN') throw e
  }
  return { result: scan(matrix, lv.sample), notes: [`sample-level (a column it reads is a sample attribute; patient attributes joined by ${lv.link.source})`] }
}
