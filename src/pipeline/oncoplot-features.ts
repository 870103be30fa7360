/**
 * What an oncoplot draws, chosen from the matrix and the clinical table: the top features and the
 * clinical tracks. Shared by the oncoplot, interactions, report and demo commands.
 */
import { InputError } from '../errors.js'
import { featureCounts, type CohortMatrix } from '../matrix/types.js'
import type { ClinicalTable } from '../model/clinical.js'
import { pairedEventColumn, type TrackSpec } from '../../viz/index.js'

/** Top N features of one type by altered fraction n/N (ties by id), or the named ones. */
export function pickFeatures(m: CohortMatrix, type: 'gene' | 'rule' | 'pathway', top: number, named?: readonly string[]): string[] {
  if (named) {
    const known = new Set(m.features.map((f) => f.id))
    const unknown = named.filter((g) => !known.has(g))
    if (unknown.length > 0) throw new InputError('USAGE', `--genes: not altered in any sample or not in the data: ${unknown.join(', ')}`)
    return [...named]
  }
  return m.features
    .map((f, i) => ({ f, c: featureCounts(m, i) }))
    .filter((x) => x.f.type === type && x.c.altered > 0)
    .sort((a, b) => b.c.altered / b.c.assayed - a.c.altered / a.c.assayed || b.c.altered - a.c.altered || (a.f.id < b.f.id ? -1 : a.f.id > b.f.id ? 1 : 0))
    .slice(0, top)
    .map((x) => x.f.id)
}

/** Track list → specs: a numeric time column listed with its event column gets event marks. */
export function trackSpecs(table: ClinicalTable, names: readonly string[]): TrackSpec[] {
  const listed = new Set(names)
  const usedAsEvent = new Set<string>()
  const specs: TrackSpec[] = []
  for (const n of names) {
    const ev = pairedEventColumn(table, n)
    if (ev !== undefined && listed.has(ev)) {
      usedAsEvent.add(ev)
      specs.push({ column: n, eventColumn: ev })
    } else specs.push({ column: n })
  }
  return specs.filter((s) => !usedAsEvent.has(s.column))
}
