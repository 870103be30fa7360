/**
 * The one-figure commands' figures from a feature scan already run (./feature-scan.ts): a KM
 * figure of one feature, a forest of the univariable or multivariable terms, the burden of a
 * numeric feature by response. Each returns the SVG text (and, for burden, what it read and who it
 * left out); the CLI reads the inputs, prints the statements and writes the files.
 */
import { binaryEndpoint } from '../clinical/endpoints.js'
import { survivalEndpoint } from '../clinical/survival.js'
import { InputError, quote } from '../errors.js'
import type { CohortMatrix } from '../matrix/types.js'
import type { ClinicalTable } from '../model/clinical.js'
import type { EndpointSpec } from '../scan/endpoints.js'
import { burdenByResponse } from '../../viz/burden-figure.js'
import { burdenSvg } from '../../viz/burden-plot.js'
import { forestSvg } from '../../viz/forest.js'
import { kmSvg } from '../../viz/km.js'
import { factorKmInput, hrForestOptions, hrForestRows, orForestOptions, orForestRows } from '../../viz/study-figures.js'
import type { FeatureScanRun } from './feature-scan.js'

/** Matrix feature indices of gene / rule / pathway ids (case-insensitive); an unknown id is a usage error. */
export function featureIndices(matrix: CohortMatrix, ids: readonly string[]): number[] {
  const index = new Map(matrix.features.map((f, i) => [f.id.toLowerCase(), i]))
  return ids.map((id) => {
    const i = index.get(id.toLowerCase())
    if (i === undefined) throw new InputError('USAGE', `feature ${quote(id)} is not in the matrix`, { suggestion: 'a gene symbol, rule id or pathway id of the calls; or clinical:COL, tmb, mutation_count' })
    return i
  })
}

/** The KM figure of the run's first feature against a survival endpoint, with its term rows printed on it. */
export function kmFeatureSvg(run: FeatureScanRun, table: ClinicalTable, ep: EndpointSpec, opts: { title?: string | undefined; timeLabel?: string | undefined } = {}): string {
  if (ep.kind !== 'survival') throw new InputError('USAGE', `km: ${quote(ep.name)} is not a survival endpoint (pfs, os or TIME~EVENT)`)
  const v = run.vectors[0]
  const rows = run.endpoints[0]?.survival ?? []
  if (!v) throw new InputError('USAGE', 'km: no feature to draw')
  const sep = survivalEndpoint(table, ep.spec)
  return kmSvg(factorKmInput(v, sep, rows, { title: opts.title, timeLabel: opts.timeLabel ?? `Time (${sep.timeColumn})` }))
}

/** A hazard-ratio (survival) or odds-ratio (response) forest of the run's univariable or multivariable terms. */
export function forestFeatureSvg(run: FeatureScanRun, opts: { multivariable?: boolean | undefined; title?: string | undefined } = {}): string {
  const multi = opts.multivariable === true
  const pick = <T extends { model: string }>(rows: readonly T[]) => rows.filter((r) => (multi ? r.model === 'multivariable' : r.model === 'univariable'))
  const e = run.endpoints[0]
  if (!e) throw new InputError('USAGE', 'forest: no endpoint')
  const what = multi ? 'Multivariable' : 'Univariable'
  return e.kind === 'survival'
    ? forestSvg(hrForestRows(pick(e.survival)), hrForestOptions(opts.title ?? `${what} Cox regression — ${e.endpoint}`, multi))
    : forestSvg(orForestRows(pick(e.response)), orForestOptions(opts.title ?? `${what} logistic regression — ${e.endpoint}`, multi))
}

export interface BurdenFeatureFigure {
  readonly svg: string
  /** How the response and the feature were read, and what was drawn (the command prints them on stderr). */
  readonly statements: readonly string[]
}

/** The run's first feature (numeric) by the two groups of a response endpoint, with the Wilcoxon rank-sum p. */
export function burdenFeatureFigure(run: FeatureScanRun, table: ClinicalTable, ep: EndpointSpec, opts: { title?: string | undefined; yLabel?: string | undefined; log?: boolean | undefined; lenient?: boolean | undefined } = {}): BurdenFeatureFigure {
  if (ep.kind !== 'group') throw new InputError('USAGE', `burden: ${quote(ep.name)} is not a response endpoint (orr, dcr or a two-valued column)`)
  const v = run.vectors[0]
  if (!v) throw new InputError('USAGE', 'burden: no feature to draw')
  if (v.kind !== 'numeric') throw new InputError('USAGE', `burden: ${quote(v.label)} is ${v.interpretation}; the burden plot draws a numeric feature`, { suggestion: 'km or forest draw a factor with levels' })
  const rep = binaryEndpoint(table, ep.spec, { lenient: opts.lenient })
  if (rep.kind !== 'binary') throw new InputError('USAGE', `burden: ${quote(ep.name)} has ${rep.levels.length} levels; the burden plot compares two response groups`)
  const fig = burdenByResponse(v, rep, { title: opts.title, yLabel: opts.yLabel, log: opts.log })
  const statements = [
    ...rep.reading,
    `${v.id}: ${v.interpretation}`,
    `drawn: ${rep.positive} ${fig.n[0]}, ${rep.negative} ${fig.n[1]}${fig.noValue > 0 ? `; ${fig.noValue} with a response but no ${v.label} left out` : ''}${fig.wilcoxon ? `; Wilcoxon rank-sum p = ${fig.wilcoxon.p} (${fig.wilcoxon.method})` : ''}`,
  ]
  return { svg: burdenSvg(fig.input), statements }
}
