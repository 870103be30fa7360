/**
 * A gene's mutations as sites along its protein, for a lollipop plot: pure, events in → sites out.
 *
 * - Position: the first residue number of the protein change ("p.R882H" → 882, "p.E746_A750del" →
 *   746, "p.Arg248Gln" → 248, "p.K120fs*12" → 120), as maftools reads AAChange. Events whose
 *   change names no residue (splice "p.X125_splice" does: 125; "p.?" or none does not) are counted
 *   as `unplaced`, and those past the protein's length as `beyond` (another transcript's numbering):
 *   both are reported, never drawn at a guessed place.
 * - A site is one position on one side (above/below when split by a clinical group). Its count is
 *   the number of mutations (events), as maftools counts; its colour is its most frequent class
 *   (ties: MAF_CLASSES order), as cBioPortal's mutation mapper colours a position.
 * - Only mutation events (SNVs and indels) count; copy number and fusions have no residue.
 */
import { MAF_CLASSES, type Alteration, type VariantClass } from '../model/alteration.js'

export type Side = 'above' | 'below'

export interface LollipopSite {
  readonly position: number
  readonly side: Side
  readonly count: number
  /** Events per class at the site, in MAF_CLASSES order. */
  readonly classes: readonly { readonly variantClass: VariantClass; readonly count: number }[]
  readonly mainClass: VariantClass
  /** Distinct protein changes at the site, most frequent first (ties by text). */
  readonly changes: readonly { readonly change: string; readonly count: number }[]
  readonly samples: number
}

export interface LollipopData {
  readonly sites: readonly LollipopSite[]
  /** Mutation events drawn. */
  readonly drawn: number
  readonly unplaced: number
  readonly beyond: number
  /** Events of samples with no side (group value missing or not one of the two). */
  readonly ungrouped: number
  readonly samples: number
}

const THREE = /(Ala|Arg|Asn|Asp|Cys|Gln|Glu|Gly|His|Ile|Leu|Lys|Met|Phe|Pro|Ser|Thr|Trp|Tyr|Val|Ter|Sec|Pyl|Xaa)/g
const ONE: Readonly<Record<string, string>> = {
  Ala: 'A', Arg: 'R', Asn: 'N', Asp: 'D', Cys: 'C', Gln: 'Q', Glu: 'E', Gly: 'G', His: 'H', Ile: 'I',
  Leu: 'L', Lys: 'K', Met: 'M', Phe: 'F', Pro: 'P', Ser: 'S', Thr: 'T', Trp: 'W', Tyr: 'Y', Val: 'V',
  Ter: '*', Sec: 'U', Pyl: 'O', Xaa: 'X',
}

/** The protein change in one-letter form without "p." and parentheses ("p.(Arg248Gln)" → "R248Q"). */
export function shortChange(protein: string): string {
  let t = protein.trim()
  if (t.startsWith('p.')) t = t.slice(2)
  if (t.startsWith('(') && t.endsWith(')')) t = t.slice(1, -1)
  return t.replace(THREE, (m) => ONE[m] ?? m)
}

/** First residue number of a protein change, or undefined when it names none. */
export function proteinPosition(protein: string | undefined): number | undefined {
  if (protein === undefined) return undefined
  const m = /^[A-Z*]?(\d+)/.exec(shortChange(protein))
  if (m === null) return undefined
  const n = Number(m[1])
  return n >= 1 && Number.isSafeInteger(n) ? n : undefined
}

const CLASS_RANK: ReadonlyMap<string, number> = new Map(MAF_CLASSES.map((c, i) => [c, i]))

export function lollipopSites(events: Iterable<Alteration>, length: number, sideOf: (sample: string) => Side | undefined = () => 'above'): LollipopData {
  interface Acc {
    classes: Map<VariantClass, number>
    changes: Map<string, number>
    samples: Set<string>
    count: number
  }
  const acc = new Map<string, Acc>()
  const allSamples = new Set<string>()
  let unplaced = 0
  let beyond = 0
  let ungrouped = 0
  let drawn = 0
  for (const e of events) {
    if (e.kind !== 'snv' && e.kind !== 'indel') continue
    const side = sideOf(e.sample)
    if (side === undefined) {
      ungrouped++
      continue
    }
    const pos = proteinPosition(e.protein)
    if (pos === undefined) {
      unplaced++
      continue
    }
    if (pos > length) {
      beyond++
      continue
    }
    const key = `${side}:${pos}`
    let a = acc.get(key)
    if (a === undefined) acc.set(key, (a = { classes: new Map(), changes: new Map(), samples: new Set(), count: 0 }))
    a.count++
    a.classes.set(e.variantClass, (a.classes.get(e.variantClass) ?? 0) + 1)
    const change = shortChange(e.protein ?? '')
    a.changes.set(change, (a.changes.get(change) ?? 0) + 1)
    a.samples.add(e.sample)
    allSamples.add(e.sample)
    drawn++
  }
  const sites: LollipopSite[] = []
  for (const [key, a] of acc) {
    const [side, pos] = key.split(':') as [Side, string]
    const classes = [...a.classes].sort((x, y) => (CLASS_RANK.get(x[0]) ?? 99) - (CLASS_RANK.get(y[0]) ?? 99)).map(([variantClass, count]) => ({ variantClass, count }))
    const main = [...classes].sort((x, y) => y.count - x.count)[0]
    const changes = [...a.changes].sort((x, y) => y[1] - x[1] || (x[0] < y[0] ? -1 : x[0] > y[0] ? 1 : 0)).map(([change, count]) => ({ change, count }))
    sites.push({ position: Number(pos), side, count: a.count, classes, mainClass: main?.variantClass ?? 'Missense_Mutation', changes, samples: a.samples.size })
  }
  sites.sort((x, y) => x.position - y.position || (x.side === y.side ? 0 : x.side === 'above' ? -1 : 1))
  return { sites, drawn, unplaced, beyond, ungrouped, samples: allSamples.size }
}

/** The label of a site: residue with every alternate seen ("R882C/H"), or the top change. */
export function siteLabel(s: LollipopSite): string {
  const subs = s.changes.map((c) => /^([A-Z*])(\d+)([A-Z*])$/.exec(c.change)).filter((m): m is RegExpExecArray => m !== null)
  if (subs.length === s.changes.length && subs.length > 0) {
    const head = `${subs[0]?.[1] ?? ''}${s.position}`
    if (subs.every((m) => `${m[1] ?? ''}${m[2] ?? ''}` === head)) return `${head}${[...new Set(subs.map((m) => m[3] ?? ''))].sort().join('/')}`
  }
  return s.changes[0]?.change ?? String(s.position)
}
