/**
 * Altered-cell helpers: build the AlteredCell record, multi-hit (a display rule only: the data
 * keep every event), per-sample burden and TMB.
 */
import { MAF_CLASSES, type Alteration, type Origin, type VariantClass } from '../model/alteration.js'
import type { AlteredCell, CohortMatrix } from '../matrix/types.js'

const CLASS_ORDER: ReadonlyMap<VariantClass, number> = new Map(MAF_CLASSES.map((c, i) => [c, i]))
const ORIGIN_ORDER: readonly Origin[] = ['somatic', 'germline', 'unknown']

export function makeCell(events: readonly Alteration[], contributors?: Iterable<string>): AlteredCell {
  const classes: VariantClass[] = []
  const origins = new Set<Origin>()
  for (const e of events) {
    if (!classes.includes(e.variantClass)) classes.push(e.variantClass)
    origins.add(e.origin)
  }
  classes.sort((a, b) => (CLASS_ORDER.get(a) ?? 0) - (CLASS_ORDER.get(b) ?? 0))
  const cell: AlteredCell = {
    events,
    classes,
    origins: ORIGIN_ORDER.filter((o) => origins.has(o)),
    contributors: contributors === undefined ? undefined : [...new Set(contributors)].sort(),
  }
  return cell
}

/** maftools' Multi_Hit: two or more mutation events (copy-number events excluded) in one cell. */
export function isMultiHit(cell: AlteredCell): boolean {
  let n = 0
  for (const e of cell.events) if (e.kind !== 'cna' && ++n >= 2) return true
  return false
}

/** Mutations per megabase for sample index `s`, or undefined when the panel size is unknown. */
export function tmbPerMb(m: CohortMatrix, s: number): number | undefined {
  const mb = m.panelMb[s]
  const b = m.burden[s]
  return mb === undefined || b === undefined ? undefined : b / mb
}
