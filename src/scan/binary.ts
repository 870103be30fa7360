/**
 * Group endpoints: binary (ORR, DCR, any two-valued column) and categorical (each level vs the rest,
 * maftools clinicalEnrichment semantics, but samples with a missing value are excluded and counted
 * rather than put in "rest").
 *
 * Complexity: O(features × samples) counting + one Fisher test per row (log-factorial table shared).
 */
import type { StateMatrix } from '../matrix/types.js'
import { clopperPearson } from '../stats/clopper-pearson.js'
import { fisherExact, type Alternative } from '../stats/fisher.js'
import type { LogFactorialTable } from '../stats/log-factorial.js'
import { countTable, type Table2x2 } from './groups.js'
import type { AssociationRow, Rate } from './row.js'
import { powerFor } from './power.js'

export interface GroupTestOptions {
  readonly alternative?: Alternative | undefined
  readonly table?: LogFactorialTable | undefined
  /** Compute power (binary endpoints). */
  readonly power?: boolean | undefined
}

function rate(x: number, n: number): Rate | undefined {
  if (n === 0) return undefined
  const ci = clopperPearson(x, n)
  return { x, n, rate: x / n, lower: ci.lower, upper: ci.upper }
}

export interface Comparison {
  readonly endpoint: string
  readonly comparison: string
  readonly family: string
  readonly level: number
  /** Compare against this one level only (pairwise); undefined = against all other levels. */
  readonly other?: number | undefined
}

export function testFeature(
  m: StateMatrix,
  f: number,
  group: Int32Array,
  cmp: Comparison,
  opts: GroupTestOptions = {},
): AssociationRow {
  const t: Table2x2 = countTable(m, f, group, cmp.level, cmp.other)
  const feature = m.features[f]
  if (feature === undefined) throw new RangeError(`no feature ${f}`)
  const alternative = opts.alternative ?? 'two-sided'
  const r = fisherExact(t.a, t.b, t.c, t.d, { alternative, table: opts.table })
  const pw = opts.power ? powerFor(t, opts.table) : undefined
  return {
    feature: feature.id,
    label: feature.label,
    featureType: feature.type,
    endpoint: cmp.endpoint,
    comparison: cmp.comparison,
    family: cmp.family,
    altered: t.a + t.b,
    assayed: t.a + t.b + t.c + t.d,
    notAssayed: t.notAssayed,
    a: t.a,
    b: t.b,
    c: t.c,
    d: t.d,
    rateAltered: rate(t.a, t.a + t.b),
    rateWildType: rate(t.c, t.c + t.d),
    oddsRatio: r.oddsRatio,
    oddsRatioLower: r.ci[0],
    oddsRatioUpper: r.ci[1],
    sampleOddsRatio: r.sampleOddsRatio,
    p: r.p,
    q: Number.NaN,
    test: r.method,
    alternative,
    power: pw?.power,
    powerEffect: pw?.effect,
    mdorLow: pw?.mdorLow,
    mdorHigh: pw?.mdorHigh,
  }
}
