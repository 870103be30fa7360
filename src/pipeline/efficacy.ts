/**
 * The efficacy table of a treated cohort (all patients, sequenced or not): ORR and DCR with
 * Clopper–Pearson CIs, and Kaplan–Meier medians of PFS and OS, overall and within the levels of
 * chosen clinical columns (HER2 IHC, brain metastases, prior therapy…).
 */
import { binaryEndpoint } from '../clinical/endpoints.js'
import { InputError } from '../errors.js'
import { survivalEndpoint, type SurvivalSpec } from '../clinical/survival.js'
import type { ClinicalTable } from '../model/clinical.js'
import { clopperPearson } from '../stats/clopper-pearson.js'
import { kaplanMeier } from '../stats/km.js'
import { coxph } from '../stats/cox.js'
import { clinicalFactor } from '../features/clinical-factor.js'
import type { MedianCell } from '../features/rows.js'

export interface RateCell {
  readonly x: number
  readonly n: number
  readonly rate: number
  readonly lower: number
  readonly upper: number
}

export interface EfficacyRow {
  /** "All patients" or "her2_ihc = 2+". */
  readonly group: string
  readonly column: string | undefined
  readonly level: string | undefined
  readonly patients: number
  readonly orr: RateCell | undefined
  readonly dcr: RateCell | undefined
  readonly pfs: MedianCell | undefined
  readonly os: MedianCell | undefined
  /** Level rows: Cox HR (Efron) of this level vs the column's reference level, 95% CI, Wald p. */
  readonly pfsHr?: HazardCell | undefined
  readonly osHr?: HazardCell | undefined
  /** Level rows: the column's reference level (stated with every HR). */
  readonly reference?: string | undefined
}

export interface HazardCell {
  readonly hr: number
  readonly lower: number
  readonly upper: number
  readonly p: number
  readonly n: number
  readonly events: number
  readonly note: string | undefined
}

function rate(values: ReadonlyMap<string, 0 | 1>, members: ReadonlySet<string>): RateCell | undefined {
  let x = 0
  let n = 0
  for (const [s, v] of values) {
    if (!members.has(s)) continue
    n++
    x += v
  }
  if (n === 0) return undefined
  const ci = clopperPearson(x, n)
  return { x, n, rate: x / n, lower: ci.lower, upper: ci.upper }
}

function median(values: ReadonlyMap<string, { time: number; event: 0 | 1 }>, members: ReadonlySet<string>): MedianCell | undefined {
  const t: number[] = []
  const e: (0 | 1)[] = []
  for (const [s, v] of values) {
    if (!members.has(s)) continue
    t.push(v.time)
    e.push(v.event)
  }
  if (t.length === 0) return undefined
  const km = kaplanMeier(t, e)
  return { n: km.n, events: km.events, median: km.median.estimate, lower: km.median.lower, upper: km.median.upper }
}

/** A table without the needed columns simply has no such rows; any other error (bad values) stops. */
function absentIfMissing<T>(f: () => T): T | undefined {
  try {
    return f()
  } catch (e) {
    if (e instanceof InputError && e.code === 'MISSING_COLUMN') return undefined
    throw e
  }
}

function tryBinary(table: ClinicalTable, spec: 'orr' | 'dcr') {
  const ep = absentIfMissing(() => binaryEndpoint(table, spec))
  return ep?.kind === 'binary' ? ep.values : undefined
}

function trySurvival(table: ClinicalTable, spec: SurvivalSpec) {
  return absentIfMissing(() => survivalEndpoint(table, spec))?.values
}

/** HR of `level` vs `reference` among the patients at either, one Cox model with the column's levels. */
function hazard(values: ReadonlyMap<string, { time: number; event: 0 | 1 }>, levelOf: ReadonlyMap<string, string>, levels: readonly string[], level: string): HazardCell | undefined {
  const samples = [...values.keys()].filter((s) => levelOf.has(s))
  const others = levels.slice(1)
  const j = others.indexOf(level)
  if (j < 0) return undefined
  const time = samples.map((s) => (values.get(s) as { time: number }).time)
  const event = samples.map((s) => (values.get(s) as { event: 0 | 1 }).event)
  const events = event.reduce<number>((a, b) => a + b, 0)
  if (events === 0) return undefined
  const x = samples.map((s) => others.map((l) => (levelOf.get(s) === l ? 1 : 0)))
  const fit = coxph(time, event, x)
  const c = fit.coefficients[j]
  if (!c) return undefined
  return { hr: c.hr, lower: c.lower, upper: c.upper, p: c.p, n: samples.length, events, note: fit.warning }
}

export function efficacyTable(table: ClinicalTable, subgroupColumns: readonly string[] = [], references: ReadonlyMap<string, string> = new Map()): EfficacyRow[] {
  const orr = tryBinary(table, 'orr')
  const dcr = tryBinary(table, 'dcr')
  const pfs = trySurvival(table, 'pfs')
  const os = trySurvival(table, 'os')
  const row = (group: string, column: string | undefined, level: string | undefined, members: ReadonlySet<string>): EfficacyRow => ({
    group,
    column,
    level,
    patients: members.size,
    orr: orr && rate(orr, members),
    dcr: dcr && rate(dcr, members),
    pfs: pfs && median(pfs, members),
    os: os && median(os, members),
  })
  const all = new Set(table.rows.keys())
  const rows = [row('All patients', undefined, undefined, all)]
  for (const col of subgroupColumns) {
    const factor = clinicalFactor(table, col, { reference: references.get(col), categorical: true })
    const levelOf = factor.kind === 'numeric' ? new Map<string, string>() : factor.values
    const ordered = factor.kind === 'numeric' ? [] : factor.levels
    const levels = new Map<string, Set<string>>()
    for (const [s, r] of table.rows) {
      const v = r.values.get(col)
      if (v === undefined) continue
      const set = levels.get(v) ?? new Set<string>()
      set.add(s)
      levels.set(v, set)
    }
    for (const level of [...levels.keys()].sort()) {
      const base = row(`${col} = ${level}`, col, level, levels.get(level) as Set<string>)
      const isRef = level === ordered[0]
      rows.push({
        ...base,
        reference: ordered[0],
        pfsHr: isRef || !pfs ? undefined : hazard(pfs, levelOf, ordered, level),
        osHr: isRef || !os ? undefined : hazard(os, levelOf, ordered, level),
      })
    }
  }
  return rows
}

/** Patients per line of therapy: 1st, 2nd, ≥3rd (the study's grouping). */
export function lineOfTherapyCounts(table: ClinicalTable): [string, number][] {
  const bins: [string, number][] = [
    ['1st', 0],
    ['2nd', 0],
    ['≥3rd', 0],
  ]
  for (const r of table.rows.values()) {
    const v = Number(r.values.get('line_of_therapy'))
    if (!Number.isFinite(v)) continue
    const b = bins[v <= 1 ? 0 : v === 2 ? 1 : 2] as [string, number]
    b[1]++
  }
  return bins
}
