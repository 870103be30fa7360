/**
 * Protein-change matching for hotspot rules: "H1047R", "p.H1047R", "p.His1047Arg", "p.(H1047R)"
 * all name residue H1047 changed to R. A rule hotspot "H1047" (residue only) matches any change at
 * that residue; "H1047R" only that substitution.
 */

const THREE_TO_ONE: Readonly<Record<string, string>> = {
  Ala: 'A', Arg: 'R', Asn: 'N', Asp: 'D', Cys: 'C', Gln: 'Q', Glu: 'E', Gly: 'G', His: 'H', Ile: 'I',
  Leu: 'L', Lys: 'K', Met: 'M', Phe: 'F', Pro: 'P', Ser: 'S', Thr: 'T', Trp: 'W', Tyr: 'Y', Val: 'V',
  Ter: '*', Sec: 'U', Pyl: 'O', Xaa: 'X',
}

const THREE_RE = /(Ala|Arg|Asn|Asp|Cys|Gln|Glu|Gly|His|Ile|Leu|Lys|Met|Phe|Pro|Ser|Thr|Trp|Tyr|Val|Ter|Sec|Pyl|Xaa)/g

export interface ProteinChange {
  /** Reference residue and position, e.g. "H1047". */
  readonly residue: string
  /** Alternate residue ("R", "*"), or undefined for frameshifts, indels and residue-only forms. */
  readonly alt?: string | undefined
}

/** Parse a protein change; undefined when it names no single residue (e.g. "p.?", splice "c." forms). */
export function parseProteinChange(s: string | undefined): ProteinChange | undefined {
  if (s === undefined) return undefined
  let t = s.trim()
  if (t.startsWith('p.')) t = t.slice(2)
  if (t.startsWith('(') && t.endsWith(')')) t = t.slice(1, -1)
  t = t.replace(THREE_RE, (m) => THREE_TO_ONE[m] ?? m)
  const m = /^([A-Z*])(\d+)(.*)$/.exec(t)
  if (!m) return undefined
  const residue = `${m[1] as string}${m[2] as string}`
  const rest = m[3] as string
  const alt = /^[A-Z*]$/.test(rest) ? rest : rest === 'X' ? '*' : undefined
  return { residue, alt }
}

/**
 * A hotspot as a rule or panel names it: one residue ("E545", "p.Glu545") or one substitution
 * ("H1047R", "p.(His1047Arg)"), nothing after it. The check the rule schema runs, so a hotspot the
 * schema accepts always compiles ("Xyz12" and "p.(D835Y" passed a looser pattern, then failed
 * here as an internal error); and "H1047Xyz" is refused, not read as "any change at H1047".
 */
export function isHotspot(s: string): boolean {
  let t = s.trim()
  if (t.startsWith('p.')) t = t.slice(2)
  if (t.startsWith('(') && t.endsWith(')')) t = t.slice(1, -1)
  return /^[A-Z*]\d+[A-Z*]?$/.test(t.replace(THREE_RE, (m) => THREE_TO_ONE[m] ?? m))
}

/** A compiled hotspot list: residue → accepted alts (empty set = any change at the residue). */
export type HotspotSet = ReadonlyMap<string, ReadonlySet<string>>

export function compileHotspots(list: readonly string[]): HotspotSet {
  const m = new Map<string, Set<string>>()
  for (const h of list) {
    const p = parseProteinChange(h)
    if (p === undefined) throw new Error(`not a protein hotspot: ${h}`)
    const s = m.get(p.residue) ?? new Set<string>()
    m.set(p.residue, s)
    if (p.alt === undefined) s.add('*any*')
    else s.add(p.alt)
  }
  return m
}

export function matchesHotspot(set: HotspotSet, protein: string | undefined): boolean {
  const p = parseProteinChange(protein)
  if (p === undefined) return false
  const alts = set.get(p.residue)
  if (alts === undefined) return false
  return alts.has('*any*') || (p.alt !== undefined && alts.has(p.alt))
}
