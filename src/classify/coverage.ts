/**
 * Which member genes a multi-gene feature (pathway, rule) is judged on, per panel, so that an
 * altered sample and a wild-type sample are judged on the same genes (--pathway-coverage).
 *
 * The old rule ("wild-type only where every member is assayed, altered wherever an event is seen")
 * let "altered" pass where "wild-type" could not: on a panel covering part of a pathway, only the
 * altered samples were assayed, and the pathway printed 3/3 = 100%. Now a feature's cell on a
 * sample is judged on a set of members U (the `used` set) fixed by the sample's panel alone:
 * altered when an accepted event hits a gene of U, wild-type when none does, not assayed when U is
 * empty. Events on members outside U are not counted for the feature (they still count for the
 * gene itself).
 *
 * | mode | U on a panel |
 * |---|---|
 * | `any` (default) | the members the panel covers (not assayed when it covers none) |
 * | `all` | every member when the panel covers them all; else empty (not assayed) |
 * | `common` | the members covered by every panel that covers at least one member, when the panel covers them all; else empty |
 *
 * `any` keeps every sample whose panel sees the feature at all, each judged on what its own panel
 * covers (frequencies on bigger panels can be higher: say so when comparing panels). `common`
 * judges every sample on the same genes (use it when panels differ with the endpoint). `all` is
 * the strictest. With no panel information, or a panel covering every member, the three agree.
 * A gene is covered for a pathway when the panel assays it for any event kind; for a rule, when
 * it assays every kind the rule looks at.
 */
import type { Panel } from '../panels/schema.js'
import { allGenesAssayed, ruleFullyAssayed } from './assay.js'
import type { CompiledRule } from './rule-match.js'

export type PathwayCoverage = 'all' | 'any' | 'common'
export const PATHWAY_COVERAGES: readonly PathwayCoverage[] = ['any', 'all', 'common']
export const DEFAULT_PATHWAY_COVERAGE: PathwayCoverage = 'any'

/** null: every member is used; a set: only these (empty = not assayed). */
export type Used = ReadonlySet<string> | null

const NONE: ReadonlySet<string> = new Set()

export interface CoverageMember {
  readonly genes: readonly string[]
  /** The rule the feature is (undefined for a pathway). */
  readonly rule?: CompiledRule | undefined
}

function covers(panel: Panel, m: CoverageMember, g: string): boolean {
  return m.rule ? ruleFullyAssayed(panel, { ...m.rule, genes: [g] }) : allGenesAssayed(panel, [g])
}

/** Members covered by every one of `panels` that covers at least one member (undefined: no panels). */
export function commonMembers(m: CoverageMember, panels: readonly Panel[]): ReadonlySet<string> | undefined {
  if (panels.length === 0) return undefined
  let common: Set<string> | undefined
  for (const p of panels) {
    const hit = m.genes.filter((g) => covers(p, m, g))
    if (hit.length === 0) continue
    common = common === undefined ? new Set(hit) : new Set(hit.filter((g) => (common as Set<string>).has(g)))
  }
  return common ?? NONE
}

/** The members feature `m` is judged on for a sample on `panel` (undefined: no panel information). */
export function usedMembers(panel: Panel | undefined, m: CoverageMember, mode: PathwayCoverage, common: ReadonlySet<string> | undefined): Used {
  if (panel === undefined) return null
  const hit = m.genes.filter((g) => covers(panel, m, g))
  switch (mode) {
    case 'all':
      return hit.length === m.genes.length ? null : NONE
    case 'any':
      return hit.length === m.genes.length ? null : new Set(hit)
    case 'common': {
      if (common === undefined) return hit.length === m.genes.length ? null : new Set(hit)
      for (const g of common) if (!hit.includes(g)) return NONE
      return common.size === m.genes.length ? null : common
    }
  }
}

/**
 * One note per rule or pathway not judged on all its members on some panel: per panel, the
 * members used; panels that cover none of them (or too few for the mode) are counted together.
 * `panels` are the distinct panels with their sample counts.
 */
export function coverageNotes(
  features: readonly { readonly id: string; readonly type: string; readonly member: CoverageMember }[],
  panels: readonly { readonly panel: Panel; readonly samples: number }[],
  mode: PathwayCoverage,
  common: (f: number) => ReadonlySet<string> | undefined,
): string[] {
  const out: string[] = []
  features.forEach((f, i) => {
    const parts: string[] = []
    let offPanels = 0
    let offSamples = 0
    for (const { panel, samples } of panels) {
      const used = usedMembers(panel, f.member, mode, common(i))
      if (used === null) continue
      if (used.size === 0) {
        offPanels++
        offSamples += samples
      } else parts.push(`on ${panel.id} (${samples} sample(s)) judged on ${[...used].join(', ')}`)
    }
    if (offPanels > 0) parts.push(`not assayed on ${offPanels} panel(s) (${offSamples} sample(s)) covering ${mode === 'any' ? 'none' : mode === 'all' ? 'not all' : 'not every common one'} of its members`)
    if (parts.length > 0) out.push(`${f.type} ${f.id} (${f.member.genes.length} members; --pathway-coverage ${mode}): ${parts.join('; ')}`)
  })
  return out
}
