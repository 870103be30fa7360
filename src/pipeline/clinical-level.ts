/**
 * Which clinical table an endpoint is tested on, and at which level (sample or patient), once the
 * tables are read (cli/levels.ts reads them):
 *
 * - A study folder's patient and sample files: an endpoint whose columns are patient attributes
 *   (OS_MONTHS/OS_STATUS, …) is tested per patient (../study/patients.ts); one that reads a sample
 *   attribute, per sample. `os`, `pfs` and `dfs` are cBioPortal's OS_MONTHS/OS_STATUS,
 *   PFS_MONTHS/PFS_STATUS, DFS_MONTHS/DFS_STATUS (months, as the names say).
 * - A table with a patient column (`allPatient`): every endpoint per patient; a column a patient's
 *   samples disagree on is refused.
 * - A plain table: per sample.
 * The level and the join are stated in the output.
 */
import { InputError } from '../errors.js'
import type { CohortMatrix, StateMatrix } from '../matrix/types.js'
import type { ClinicalTable } from '../model/clinical.js'
import type { ReadReport } from '../model/report.js'
import type { EndpointSpec } from '../scan/endpoints.js'
import { checkPatientColumns, type LeveledClinical } from '../study/clinical.js'
import { collapseToPatients, patientLevelNote, type PatientMatrix, type PerPatient } from '../study/patients.js'

export interface ClinicalSource {
  readonly plain?: ClinicalTable | undefined
  readonly leveled?: LeveledClinical | undefined
  /** Patient-level for every endpoint (--patient-column). */
  readonly allPatient: boolean
  readonly reports: readonly ReadReport[]
  readonly files: readonly string[]
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
