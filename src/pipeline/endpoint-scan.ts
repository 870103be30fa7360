/**
 * `scan`'s genomic scan over every endpoint, each at its level (./clinical-level.ts: per patient
 * when it reads patient attributes), and the statements that say what was tested and how each
 * input was read. Pure over values already read: the CLI reads the inputs and writes the tables.
 */
import { describeResponseColumn, isResponseColumn } from '../clinical/endpoints.js'
import { sampleStatements, sampleWarnings } from '../clinical/provenance.js'
import type { CohortMatrix } from '../matrix/types.js'
import type { ClinicalTable } from '../model/clinical.js'
import type { EndpointSpec } from '../scan/endpoints.js'
import type { Alternative } from '../stats/fisher.js'
import { scanGroups, scanSurvival, strataStatement, type GroupScan, type SurvivalScan } from '../scan/index.js'
import { LogFactorialTable } from '../stats/log-factorial.js'
import type { PerPatient } from '../study/patients.js'
import { atLevel, studyEndpointNote, type ClinicalSource } from './clinical-level.js'

export interface ScanRun {
  readonly groups: GroupScan[]
  readonly survival: SurvivalScan[]
}

export interface EndpointScanOptions {
  readonly alternative?: Alternative | undefined
  readonly adjust?: 'BH' | 'bonferroni' | undefined
  readonly lenient?: boolean | undefined
  /** A clinical column stratifying the exact test of a response endpoint. */
  readonly strata?: string | undefined
  readonly confType?: 'log' | 'log-log' | undefined
  /** Clinical columns the Cox models adjust for. */
  readonly covariates?: readonly string[] | undefined
  /** Patient-level tests: a patient with several samples is altered if any is, its first sample, or an error. */
  readonly perPatient?: PerPatient | undefined
}

export interface EndpointScan {
  readonly run: ScanRun
  /** One entry per endpoint, in the order given (for one output file per endpoint). */
  readonly perEndpoint: readonly { readonly name: string; readonly groups: GroupScan[]; readonly survival: SurvivalScan[] }[]
  /** Each scan's level and join lines, keyed by the scan object (for statements and JSON). */
  readonly levels: ReadonlyMap<object, readonly string[]>
}

/** Scan `features` of `matrix` against every endpoint, each at its level; no matrix (clinical features only), no rows. */
export function scanEndpoints(clinical: ClinicalSource, matrix: CohortMatrix | undefined, endpoints: readonly EndpointSpec[], features: readonly number[], o: EndpointScanOptions = {}): EndpointScan {
  const run: ScanRun = { groups: [], survival: [] }
  const perEndpoint: { name: string; groups: GroupScan[]; survival: SurvivalScan[] }[] = []
  const levels = new Map<object, readonly string[]>()
  const cache = {}
  const cov = o.covariates ?? []
  const perPatient = o.perPatient ?? 'any'
  if (matrix === undefined) return { run, perEndpoint, levels }
  // One log-factorial table for every Fisher test of the run, sized for the largest one.
  const table = new LogFactorialTable(matrix.samples.length + 1)
  for (const ep of endpoints) {
    if (ep.kind === 'group') {
      const r = atLevel(clinical, matrix, perPatient, cache, (m, t) => scanGroups(m, t, ep.spec, features, { alternative: o.alternative, adjust: o.adjust, table, lenient: o.lenient, strata: o.strata }), (g) => [g.endpoint.column, ...cov, ...(o.strata === undefined ? [] : [o.strata])])
      levels.set(r.result, r.notes)
      run.groups.push(r.result)
      perEndpoint.push({ name: ep.name, groups: [r.result], survival: [] })
    } else {
      const r = atLevel(clinical, matrix, perPatient, cache, (m, t) => scanSurvival(m, t, ep.spec, features, { confType: o.confType, covariates: o.covariates, adjust: o.adjust, lenient: o.lenient, curves: false }), (v) => [v.timeColumn, v.eventColumn, ...cov])
      levels.set(r.result, [...studyEndpointNote(ep), ...r.notes])
      run.survival.push(r.result)
      perEndpoint.push({ name: ep.name, groups: [], survival: [r.result] })
    }
  }
  return { run, perEndpoint, levels }
}

const count = (ex: Readonly<Record<string, number>>): string => Object.entries(ex).map(([k, v]) => `${v} ${k}`).join('; ')

/** What was tested and how each input was read, one statement a line (stderr notes, JSON, report). */
export function scanStatements(table: ClinicalTable, run: ScanRun, levels: ReadonlyMap<object, readonly string[]> = new Map()): string[] {
  const out = [...sampleStatements(table)]
  const unit = (r: object): string => ((levels.get(r) ?? []).some((l) => l.startsWith('patient-level')) ? 'patients' : 'sequenced samples')
  for (const g of run.groups) {
    out.push(...g.endpoint.reading, ...(levels.get(g) ?? []).map((l) => `${g.endpoint.name}: ${l}`), `${g.endpoint.name}: ${g.tested} ${unit(g)} tested${Object.keys(g.excluded).length > 0 ? `; excluded: ${count(g.excluded)}` : ''}`)
    for (const f of g.families) out.push(`family "${f}": ${g.rows.filter((r) => r.family === f).length} tests, q within the family`)
    if (g.strata) out.push(strataStatement(g.endpoint.name, g.strata))
  }
  for (const sv of run.survival) {
    out.push(...sv.reading, ...(levels.get(sv) ?? []).map((l) => `${sv.endpoint}: ${l}`), `${sv.endpoint}: ${sv.tested} ${unit(sv)} tested, ${sv.testedEvents} events${Object.keys(sv.excluded).length > 0 ? `; excluded: ${count(sv.excluded)}` : ''}`)
  }
  return out
}

/** How the clinical table and its response tracks were read (the oncoplot's stderr; the report prints the same). */
export function clinicalNotes(table: ClinicalTable, tracks: readonly string[]): string[] {
  const out = [...sampleWarnings(table).map((w) => `warning: ${w}`), ...sampleStatements(table)]
  for (const t of tracks) if (table.columns.includes(t) && isResponseColumn(table, t)) out.push(`track ${describeResponseColumn(table, t)}`)
  return out
}
