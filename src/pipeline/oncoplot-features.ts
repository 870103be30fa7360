/**
 * What an oncoplot draws, chosen from the matrix and the clinical table: the top features and the
 * clinical tracks. Shared by the oncoplot, interactions, report and demo commands.
 */
import { InputError } from '../errors.js'
import type { CohortMatrix } from '../matrix/types.js'
import type { ClinicalTable } from '../model/clinical.js'
import { pairedEventColumn, type TrackSpec } from '../../viz/index.js'
import { topFeatures } from '../../viz/select-features.js'

/**
 * Top N features of one type, ranked as maftools ranks genes (viz/select-features.ts), or the named
 * ones. Named genes must be features of the matrix: `oncoplot --genes` builds them (wild-type rows
 * for genes without an alteration); `interactions` needs them altered somewhere.
 */
export function pickFeatures(m: CohortMatrix, type: 'gene' | 'rule' | 'pathway', top: number, named?: readonly string[]): string[] {
  if (named) {
    const known = new Set(m.features.map((f) => f.id))
    const unknown = named.filter((g) => !known.has(g))
    if (unknown.length > 0) throw new InputError('USAGE', `--genes: not altered in any sample or not in the data: ${unknown.join(', ')}`)
    return [...named]
  }
  return topFeatures(m, type, top)
}

/**
 * Track list → specs. `TIME~EVENT` pairs a numeric time column with its event column explicitly
 * (one bar with censoring marks: `OS~dead`); otherwise a time column listed with the event column
 * its name implies (`os_months` + `os_event`) is paired too.
 */
export function trackSpecs(table: ClinicalTable, names: readonly string[]): TrackSpec[] {
  const listed = new Set(names)
  const usedAsEvent = new Set<string>()
  const specs: TrackSpec[] = []
  for (const n of names) {
    const tilde = n.indexOf('~')
    if (tilde >= 0) {
      const column = n.slice(0, tilde).trim()
      const eventColumn = n.slice(tilde + 1).trim()
      if (column === '' || eventColumn === '' || eventColumn.includes('~')) throw new InputError('USAGE', `--tracks: ${JSON.stringify(n)} is not TIME~EVENT`, { suggestion: 'e.g. --tracks BR,OS~dead' })
      usedAsEvent.add(eventColumn)
      specs.push({ column, type: 'numeric', eventColumn })
      continue
    }
    const ev = pairedEventColumn(table, n)
    if (ev !== undefined && listed.has(ev)) {
      usedAsEvent.add(ev)
      specs.push({ column: n, eventColumn: ev })
    } else specs.push({ column: n })
  }
  return specs.filter((s) => !usedAsEvent.has(s.column))
}
