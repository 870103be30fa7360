/**
 * The clinical / continuous half of `scan`: every feature vector against every endpoint
 * (univariable rows, plus the cut-off row of a numeric feature against survival), optionally one
 * multivariable model per endpoint with every feature and the covariates. q = Benjamini–Hochberg
 * (or Bonferroni) over the univariable and cut-off rows of one endpoint (a family per endpoint);
 * multivariable rows carry no q (they are one model, not a screen).
 */
import { binaryEndpoint, type GroupSpec } from '../clinical/endpoints.js'
import { survivalEndpoint, type SurvivalSpec } from '../clinical/survival.js'
import { InputError, quote } from '../errors.js'
import type { ClinicalTable } from '../model/clinical.js'
import type { ConfType } from '../stats/km.js'
import { pAdjust } from '../stats/padjust.js'
import type { NumericTransform } from './design.js'
import { multivariableResponse, univariableResponse } from './response-terms.js'
import type { ResponseTermRow, SurvivalTermRow } from './rows.js'
import { multivariableSurvival, univariableSurvival } from './survival-terms.js'
import type { FeatureVector } from './vector.js'

export interface FeatureScanOptions {
  readonly transform: NumericTransform
  readonly confType?: ConfType | undefined
  readonly cutoff?: number | undefined
  readonly maxstat?: boolean | undefined
  readonly maxstatPMethod?: 'Lau94' | 'exactGauss' | undefined
  /** Stratum of each patient for the exact stratified test (response). */
  readonly strata?: FeatureVector | undefined
  readonly multivariable?: boolean | undefined
  readonly covariates?: readonly FeatureVector[] | undefined
  readonly adjust?: 'BH' | 'bonferroni' | undefined
  readonly lenient?: boolean | undefined
}

export interface FeatureScanEndpoint {
  readonly endpoint: string
  readonly kind: 'response' | 'survival'
  /** Patients with a value of the endpoint, and those left out by reason. */
  readonly tested: number
  readonly excluded: Readonly<Record<string, number>>
  readonly description: string
  /** How the endpoint's columns were read (time unit, event coding, response reading, NE rule), as scan states them. */
  readonly reading: readonly string[]
  readonly survival: SurvivalTermRow[]
  readonly response: ResponseTermRow[]
  /** Multivariable model: dropped by reason. */
  readonly multivariableDropped: Readonly<Record<string, number>> | undefined
}

function adjust(rows: { p: number; q: number; model: string }[], method: 'BH' | 'bonferroni'): void {
  const idx = rows.flatMap((r, i) => (r.model === 'multivariable' ? [] : [i]))
  const q = pAdjust(idx.map((i) => (rows[i] as { p: number }).p), method)
  idx.forEach((i, k) => ((rows[i] as { q: number }).q = q[k] as number))
}

const counts = (ex: Readonly<Record<string, readonly string[]>>) => Object.fromEntries(Object.entries(ex).map(([k, v]) => [k, v.length]))

export function scanFeatureVectors(
  table: ClinicalTable,
  endpoint: { kind: 'group'; spec: GroupSpec; name: string } | { kind: 'survival'; spec: SurvivalSpec; name: string },
  vectors: readonly FeatureVector[],
  opts: FeatureScanOptions,
): FeatureScanEndpoint {
  const method = opts.adjust ?? 'BH'
  const covariates = opts.covariates ?? []
  if (endpoint.kind === 'survival') {
    const ep = survivalEndpoint(table, endpoint.spec, { lenient: opts.lenient })
    const rows: SurvivalTermRow[] = vectors.flatMap((v) => univariableSurvival(v, ep, opts))
    adjust(rows, method)
    let dropped: Record<string, number> | undefined
    if (opts.multivariable) {
      const m = multivariableSurvival(vectors, covariates, ep, opts)
      rows.push(...m.rows)
      dropped = { ...m.design.dropped }
    }
    return {
      endpoint: ep.name, kind: 'survival', tested: ep.values.size, excluded: counts(ep.excluded),
      description: `${ep.name}: time ${quote(ep.timeColumn)}, event ${quote(ep.eventColumn)}${ep.eventMeansCensored ? ' (1 = censored, inverted)' : ''}; Cox PH (Efron ties)`,
      reading: ep.reading,
      survival: rows, response: [], multivariableDropped: dropped,
    }
  }
  const ep = binaryEndpoint(table, endpoint.spec, { lenient: opts.lenient })
  if (ep.kind !== 'binary') {
    throw new InputError('USAGE', `endpoint ${quote(endpoint.name)} has ${ep.levels.length} levels; clinical and continuous features are tested against a binary response (orr, dcr or a two-valued column)`)
  }
  const rows: ResponseTermRow[] = vectors.flatMap((v) => univariableResponse(v, ep, opts))
  adjust(rows, method)
  let dropped: Record<string, number> | undefined
  if (opts.multivariable) {
    const m = multivariableResponse(vectors, covariates, ep, opts)
    rows.push(...m.rows)
    dropped = { ...m.design.dropped }
  }
  return {
    endpoint: ep.name, kind: 'response', tested: ep.values.size, excluded: counts(ep.excluded),
    description: `${ep.name}: ${ep.positive} (1) vs ${ep.negative} (0) from ${quote(ep.column)}`,
    reading: ep.reading,
    survival: [], response: rows, multivariableDropped: dropped,
  }
}
