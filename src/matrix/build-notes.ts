/** What a matrix build tells beside the matrix: counts of what it left out or doubted, as data and as sentences. */
import type { AliasUse } from '../panels/aliases.js'
import type { CompiledRule } from '../classify/rule-match.js'

export interface BuildNotes {
  /** Alterations dropped because their sample is outside the universe. */
  readonly outsideUniverse: number
  /** Events refused by the sample's panel, by reason. */
  readonly refused: Readonly<Record<string, number>>
  /** Called variants on hotspot-only genes that are not a listed hotspot (counted anyway). */
  readonly offHotspot: number
  /** Rule id → events that lacked the VAF/depth a threshold needs (not counted). */
  readonly missingEvidence: Readonly<Record<string, number>>
  readonly aliases: readonly AliasUse[]
  readonly warnings: readonly string[]
}


/** The build's notes as sentences (also for a merge of partition builds). */
export function buildWarnings(offHotspot: number, rules: readonly CompiledRule[], sawCopyNumber: boolean, missingEvidence: Readonly<Record<string, number>>): string[] {
  const warnings: string[] = []
  if (offHotspot > 0) warnings.push(`${offHotspot} called variant(s) on hotspot-only panel genes are outside the listed hotspots; counted anyway`)
  for (const r of rules) {
    if (r.looksAt.copyNumber && !sawCopyNumber && !r.looksAt.mutations && !r.looksAt.fusions) {
      warnings.push(`rule ${r.id} looks only at copy number, but the input has no copy-number events: its wild-type calls assume copy number was assayed`)
    }
  }
  for (const [id, k] of Object.entries(missingEvidence)) warnings.push(`rule ${id}: ${k} event(s) lacked the VAF/depth its thresholds need and were not counted`)
  return warnings
}
