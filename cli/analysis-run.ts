/**
 * One analysis run shared by `report` and `demo`: classify, scan the requested endpoints, draw the
 * oncoplot and KM figures, and assemble the report input with provenance (input SHA-256s).
 */
import { createHash } from 'node:crypto'
import { readFile } from 'node:fs/promises'
import { basename } from 'node:path'
import type { BuiltMatrix } from '../src/classify/matrix.js'
import type { Cohort } from '../src/input/cohort.js'
import type { ClinicalTable } from '../src/model/clinical.js'
import type { ReadReport } from '../src/model/report.js'
import { classifyCohort, type ClassifyOptions } from '../src/pipeline/classify-cohort.js'
import { parseEndpoint } from '../src/scan/endpoints.js'
import { scanGroups, scanSurvival, selectFeatures, type GroupScan, type SurvivalScan } from '../src/scan/index.js'
import { LogFactorialTable } from '../src/stats/log-factorial.js'
import { VERSION } from '../src/version.js'
import { layoutOrdered, orderMatrix, toSvg, type OncoplotOptions, type Ordering } from '../viz/index.js'
import { kmSectionFromScan, type KmSection, type ReportInput } from '../viz/report/index.js'
import { pickFeatures, trackSpecs } from './commands/oncoplot.js'

export interface AnalysisOptions {
  readonly classify: ClassifyOptions
  readonly endpoints: readonly string[]
  readonly featureTypes: readonly ('gene' | 'rule' | 'pathway')[]
  readonly minAltered?: number | undefined
  readonly covariates?: readonly string[] | undefined
  readonly tracks?: readonly string[] | undefined
  readonly top?: number | undefined
  /** Rows of the oncoplot. */
  readonly oncoplotShow?: 'gene' | 'rule' | 'pathway' | undefined
  /** Keep samples with no altered cell in the oncoplot (maftools drops them by default). */
  readonly keepUnaltered?: boolean | undefined
  /** The matrix when the caller classified already (to key the clinical table by its samples). */
  readonly matrix?: BuiltMatrix | undefined
}

export interface AnalysisResult {
  readonly matrix: BuiltMatrix
  readonly groups: GroupScan[]
  readonly survival: SurvivalScan[]
  readonly oncoplot: { svg: string; svgWithTooltips: string; order: Ordering }
  readonly km: KmSection[]
}

export async function runAnalysis(cohort: Cohort, clinical: ClinicalTable, opts: AnalysisOptions): Promise<AnalysisResult> {
  const matrix = opts.matrix ?? (await classifyCohort(cohort, { ...opts.classify, withPathways: opts.featureTypes.includes('pathway') }))
  const features = selectFeatures(matrix, { types: opts.featureTypes, minAltered: opts.minAltered })
  const table = new LogFactorialTable(matrix.samples.length + 1)
  const groups: GroupScan[] = []
  const survival: SurvivalScan[] = []
  for (const word of opts.endpoints) {
    const ep = parseEndpoint(word)
    if (ep.kind === 'group') groups.push(scanGroups(matrix, clinical, ep.spec, features, { table }))
    else survival.push(scanSurvival(matrix, clinical, ep.spec, features, { covariates: opts.covariates }))
  }
  const show = opts.oncoplotShow ?? 'gene'
  const base: OncoplotOptions = {
    features: pickFeatures(matrix, show, opts.top ?? 20),
    removeUnaltered: !opts.keepUnaltered,
    tracks: opts.tracks ? trackSpecs(clinical, opts.tracks.filter((t) => clinical.columns.includes(t))) : undefined,
  }
  const order = orderMatrix(matrix, base, clinical)
  const svg = toSvg(layoutOrdered(matrix, order, base, clinical))
  const svgWithTooltips = toSvg(layoutOrdered(matrix, order, { ...base, tooltips: true }, clinical))
  const km: KmSection[] = []
  for (const s of survival) {
    s.rows.forEach((row, i) => {
      const curves = s.curves[i]
      // The axis names the unit the input stated (or "Time (unit not stated)"), never a guessed one.
      const unit = s.timeUnit
      if (curves && (curves.altered || curves.wildType)) km.push(kmSectionFromScan(row, curves, { timeLabel: unit === undefined ? 'Time (unit not stated)' : unit.charAt(0).toUpperCase() + unit.slice(1), unit }))
    })
  }
  return { matrix, groups, survival, oncoplot: { svg, svgWithTooltips, order }, km }
}

export async function sha256File(path: string): Promise<{ sha256: string; bytes: number }> {
  const data = await readFile(path)
  return { sha256: createHash('sha256').update(data).digest('hex'), bytes: data.length }
}

export interface ReportMeta {
  readonly title: string
  readonly synthetic?: boolean | undefined
  readonly syntheticNote?: string | undefined
  readonly inputs: readonly { path: string; role: string }[]
  readonly parameters: readonly (readonly [string, string])[]
  readonly command?: string | undefined
  readonly clinicalReport: ReadReport
  readonly patientsClinical: number
  readonly panels: readonly string[]
  /** Show inputs by base name (demo) or as given. */
  readonly baseNames?: boolean | undefined
  readonly interpretation?: readonly string[] | undefined
  readonly warnings?: readonly string[] | undefined
}

export async function reportInput(cohort: Cohort, a: AnalysisResult, meta: ReportMeta): Promise<ReportInput> {
  const inputs = []
  for (const i of meta.inputs) {
    const h = await sha256File(i.path)
    inputs.push({ name: meta.baseNames ? basename(i.path) : i.path, sha256: h.sha256, bytes: h.bytes, role: i.role })
  }
  return {
    title: meta.title,
    synthetic: meta.synthetic,
    syntheticNote: meta.syntheticNote,
    cohort: {
      samplesSequenced: a.matrix.samples.length,
      patientsClinical: meta.patientsClinical,
      features: a.matrix.features.length,
      panels: meta.panels,
    },
    oncoplotSvg: a.oncoplot.svgWithTooltips,
    associations: a.groups.flatMap((g) => g.rows),
    survival: a.survival.flatMap((s) => s.rows),
    km: a.km,
    readReports: [...cohort.reports.map((r) => (meta.baseNames ? { ...r, file: basename(r.file) } : r)), meta.clinicalReport],
    provenance: { tool: 'biomarkit', version: VERSION, inputs, parameters: meta.parameters, command: meta.command },
    interpretation: meta.interpretation,
    warnings: meta.warnings,
  }
}
