/**
 * One analysis run shared by `report` and `demo`: classify, scan the requested endpoints, draw the
 * oncoplot and KM figures, and assemble the report input with provenance (input SHA-256s).
 */
import { createHash } from 'node:crypto'
import { readFile } from 'node:fs/promises'
import { basename } from 'node:path'
import type { BuiltMatrix } from '../matrix/build.js'
import type { RecordCells } from '../matrix/cells.js'
import type { Cohort } from '../input/cohort.js'
import type { ClinicalTable } from '../model/clinical.js'
import type { ReadReport } from '../model/report.js'
import { classifyCohort, type ClassifyOptions } from './classify-cohort.js'
import { parseEndpoint } from '../scan/endpoints.js'
import { scanGroups, scanSurvival, selectFeatures, type GroupScan, type SurvivalScan } from '../scan/index.js'
import type { SurvivalGroupCurves } from '../scan/scan-survival.js'
import type { SurvivalRow } from '../scan/survival-row.js'
import { LogFactorialTable } from '../stats/log-factorial.js'
import { VERSION } from '../version.js'
import { layoutOrdered, orderMatrix, toSvg, type OncoplotOptions, type Ordering } from '../../viz/index.js'
import { kmSectionFromScan, type KmSection, type ReportFigure, type ReportInput } from '../../viz/report/index.js'
import { pickFeatures, trackSpecs } from './oncoplot-features.js'

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
  /** Test only these genes (scan's --genes). */
  readonly genes?: readonly string[] | undefined
  /** Draw at most this many KM plots, smallest q first (then p); the rest stay in the table. Default 12. */
  readonly topPlots?: number | undefined
  /** The matrix when the caller classified already (to key the clinical table by its samples). */
  readonly matrix?: BuiltMatrix<RecordCells> | undefined
}

export interface AnalysisResult {
  readonly matrix: BuiltMatrix<RecordCells>
  readonly groups: GroupScan[]
  readonly survival: SurvivalScan[]
  readonly oncoplot: { svg: string; svgWithTooltips: string; order: Ordering }
  readonly km: KmSection[]
  /** Survival rows with curves beyond `topPlots`: in the table, not drawn. */
  readonly kmNotDrawn: number
  readonly kmRule: string
}

export const DEFAULT_TOP_PLOTS = 12

const byCodePoint = (a: string, b: string): number => (a < b ? -1 : a > b ? 1 : 0)
/** NaN and undefined sort last. */
const ascending = (a: number | undefined, b: number | undefined): number => {
  const x = a === undefined || Number.isNaN(a) ? Infinity : a
  const y = b === undefined || Number.isNaN(b) ? Infinity : b
  return x < y ? -1 : x > y ? 1 : 0
}

/** KM plots worth drawing first: smallest q, then smallest p, then feature and endpoint by name (deterministic). */
export function compareKm(a: SurvivalRow, b: SurvivalRow): number {
  return ascending(a.q, b.q) || ascending(a.p, b.p) || byCodePoint(a.label, b.label) || byCodePoint(a.endpoint, b.endpoint)
}

export async function runAnalysis(cohort: Cohort, clinical: ClinicalTable, opts: AnalysisOptions): Promise<AnalysisResult> {
  const matrix = opts.matrix ?? (await classifyCohort(cohort, { ...opts.classify, withPathways: opts.featureTypes.includes('pathway') }))
  const features = selectFeatures(matrix, { types: opts.featureTypes, minAltered: opts.minAltered, genes: opts.genes })
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
    features: pickFeatures(matrix, show, opts.top ?? 20, show === 'gene' ? opts.genes : undefined),
    removeUnaltered: !opts.keepUnaltered,
    tracks: opts.tracks ? trackSpecs(clinical, opts.tracks.filter((t) => clinical.columns.includes(t))) : undefined,
  }
  const order = orderMatrix(matrix, base, clinical)
  const svg = toSvg(layoutOrdered(matrix, order, base, clinical))
  const svgWithTooltips = toSvg(layoutOrdered(matrix, order, { ...base, tooltips: true }, clinical))
  const drawable: { row: SurvivalRow; curves: SurvivalGroupCurves; unit: string | undefined }[] = []
  for (const s of survival) {
    s.rows.forEach((row, i) => {
      const curves = s.curves[i]
      if (curves && (curves.altered || curves.wildType)) drawable.push({ row, curves, unit: s.timeUnit })
    })
  }
  const topPlots = opts.topPlots ?? DEFAULT_TOP_PLOTS
  const chosen = [...drawable].sort((a, b) => compareKm(a.row, b.row)).slice(0, topPlots)
  // The axis names the unit the input stated (or "Time (unit not stated)"), never a guessed one.
  const km = chosen.map(({ row, curves, unit }) => kmSectionFromScan(row, curves, { timeLabel: unit === undefined ? 'Time (unit not stated)' : unit.charAt(0).toUpperCase() + unit.slice(1), unit }))
  const kmRule = `Kaplan–Meier plots drawn: the ${km.length} of ${drawable.length} with the smallest q, then p (--top-plots ${topPlots})`
  return { matrix, groups, survival, oncoplot: { svg, svgWithTooltips, order }, km, kmNotDrawn: drawable.length - km.length, kmRule }
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
  readonly figures?: readonly ReportFigure[] | undefined
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
    kmNotDrawn: a.kmNotDrawn,
    kmRule: a.kmRule,
    figures: meta.figures,
    readReports: [...cohort.reports.map((r) => (meta.baseNames ? { ...r, file: basename(r.file) } : r)), meta.clinicalReport],
    provenance: { tool: 'biomarkit', version: VERSION, inputs, parameters: meta.parameters, command: meta.command },
    interpretation: meta.interpretation,
    warnings: meta.warnings,
  }
}
