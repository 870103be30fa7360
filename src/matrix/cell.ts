/**
 * Altered-cell helpers: build the AlteredCell record, multi-hit (a display rule only: the data
 * keep every event), per-sample burden and TMB.
 */
import { MAF_CLASSES, type Alteration, type Origin, type VariantClass } from '../model/alteration.js'
import type { AlteredCell, CohortMatrix } from './types.js'

const CLASS_BIT: ReadonlyMap<VariantClass, number> = new Map(MAF_CLASSES.map((c, i) => [c, 1 << i]))
if (MAF_CLASSES.length > 31) throw new Error('cell.ts: class bitmask holds 31 classes')
const ORIGIN_ORDER: readonly Origin[] = ['somatic', 'germline', 'unknown']
const ORIGIN_BIT: Readonly<Record<Origin, number>> = { somatic: 1, germline: 2, unknown: 4 }

// Cells are built on demand (./cellStore.ts), up to three times per cell in one `summary`, and a
// cohort has only a few distinct class sets: the class and origin lists are shared, frozen
// arrays per set, so a cell allocates its own record and event list and nothing else.
const classLists = new Map<number, readonly VariantClass[]>()
const originLists = new Map<number, readonly Origin[]>()

function classList(mask: number): readonly VariantClass[] {
  let l = classLists.get(mask)
  if (l === undefined) {
    l = Object.freeze(MAF_CLASSES.filter((_, i) => (mask & (1 << i)) !== 0))
    classLists.set(mask, l)
  }
  return l
}

function originList(mask: number): readonly Origin[] {
  let l = originLists.get(mask)
  if (l === undefined) {
    l = Object.freeze(ORIGIN_ORDER.filter((o) => (mask & ORIGIN_BIT[o]) !== 0))
    originLists.set(mask, l)
  }
  return l
}

export function makeCell(events: readonly Alteration[], contributors?: Iterable<string>): AlteredCell {
  // 30 classes: bits 0..29 fit a 31-bit positive integer.
  let classes = 0
  let origins = 0
  for (const e of events) {
    classes |= CLASS_BIT.get(e.variantClass) ?? 0
    origins |= ORIGIN_BIT[e.origin]
  }
  return {
    events,
    classes: classList(classes),
    origins: originList(origins),
    contributors: contributors === undefined ? undefined : [...new Set(contributors)].sort(),
  }
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
