/**
 * Read the clinical tables an analysis tests endpoints on: --clinical (with --patient-column, every
 * endpoint per patient), or a study folder's patient and sample files when --clinical is not given.
 * Which level each endpoint is then tested at is the library's (src/pipeline/clinical-level.ts).
 */
import { InputError } from '../src/errors.js'
import { readStudyClinical, withPatientColumn } from '../src/study/clinical.js'
import { readClinical } from '../src/clinical/read.js'
import type { ClinicalSource } from '../src/pipeline/clinical-level.js'
import { clinicalReading, loadClinical } from './clinical-options.js'
import { studyOf } from './study.js'
import { limitsOf } from './read-limits.js'

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

