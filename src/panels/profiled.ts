/**
 * cBioPortal's rule for which genes a sample was assayed on, per molecular profile (mutations,
 * copy number, structural variants), as its importer and frontend apply it:
 *
 * 1. the sample's entry in the gene-panel matrix column of that profile: a panel id, or `NA` =
 *    not profiled for that profile (the matrix is the most specific statement, so it wins);
 * 2. else, when the sample is profiled (in the profile's case list, e.g. `cases_sequenced`, or in
 *    its data file): the meta file's `gene_panel`, else whole-exome (every gene assayed);
 * 3. else not profiled for that profile.
 *
 * Each sample's three answers make one composite panel (shared by every sample with the same
 * triple; a cohort has a handful). A whole-exome kind is the panel's `others` assay, so genes no
 * panel file lists are still assayed for it. Explicit `--sample-panels` files follow the same rule
 * with every sample of the cohort counted as profiled (./assign.ts keeps the simpler one-panel case).
 *
 * Every decision is counted per profile and reason, for the notes.
 */
import { InputError, quote } from '../errors.js'
import type { CbioGenePanel, PanelMatrix } from './cbioportal.js'
import type { GeneAssay, Panel } from './schema.js'
import type { PanelAssignment } from './assign.js'

export type AssayKind = 'mutations' | 'copyNumber' | 'fusions'
export const ASSAY_KINDS: readonly AssayKind[] = ['mutations', 'copyNumber', 'fusions']
const KIND_WORD: Readonly<Record<AssayKind, string>> = { mutations: 'mutations', copyNumber: 'copy number', fusions: 'structural variants' }

export interface KindSource {
  /** Matrix columns that give this profile's panel (profile stable ids), first non-NA wins. */
  readonly columns: readonly string[]
  /** Samples profiled besides the matrix (case list or data file); 'all' = every sample of the cohort. */
  readonly profiled: ReadonlySet<string> | 'all'
  /** What `profiled` is, for the notes ("cases_sequenced", "the data file"). */
  readonly profiledBy: string
  /** The meta file's gene_panel for samples the matrix does not name. */
  readonly metaPanel?: string | undefined
}

export interface ProfileRules {
  readonly matrix?: PanelMatrix | undefined
  /** Panel definitions by stable id (symbols already alias-resolved). */
  readonly definitions: ReadonlyMap<string, CbioGenePanel>
  readonly kinds: Readonly<Record<AssayKind, KindSource>>
  /** Panel sizes in Mb for TMB, by stable id (optional). */
  readonly sizeMb?: ReadonlyMap<string, number> | undefined
}

/** A panel stable id, or WES / NA (sentinels no stable id can spell). */
type Decision = { readonly panel: string; readonly why: string }
const WES = '\u0000whole-exome'
const NA = '\u0000not-profiled'
const word = (p: string): string => (p === WES ? 'WES' : p === NA ? 'NA' : p)

export interface ProfiledAssigner {
  /** Sample list → assignment (a whole cohort or one partition of it; the same sample always gets the same panel). */
  assign(samples: readonly string[]): PanelAssignment
  /** Every composite panel made so far, by id. */
  readonly panels: ReadonlyMap<string, Panel>
  /** "mutations: 12 whole-exome (in cases_sequenced, no panel named)" lines for `samples`. */
  notes(samples: readonly string[]): string[]
  /** Samples the matrix names for at least one profile (they are sequenced, with or without calls). */
  readonly matrixSamples: readonly string[]
}

export function profiledAssigner(rules: ProfileRules): ProfiledAssigner {
  const { matrix, definitions, kinds } = rules
  for (const k of ASSAY_KINDS) {
    const id = kinds[k].metaPanel
    if (id !== undefined && !definitions.has(id)) {
      throw new InputError('NOT_FOUND', `gene_panel ${quote(id)} (${KIND_WORD[k]} profile) has no definition`, { suggestion: `supply data_gene_panel_${id.toLowerCase()}.txt (stable_id: ${id})` })
    }
  }
  // Matrix rows are shared records (one per distinct panel tuple): each is checked once.
  const checked = new Set<object>()
  if (matrix) {
    for (const [sample, row] of matrix.rows) {
      if (checked.has(row)) continue
      checked.add(row)
      for (const v of Object.values(row)) {
        if (v !== undefined && !definitions.has(v)) {
          throw new InputError('NOT_FOUND', `sample ${sample}: panel ${v} has no definition`, { file: matrix.file, suggestion: `supply data_gene_panel_${v.toLowerCase()}.txt (stable_id: ${v})` })
        }
      }
    }
  }
  // A profile's columns that the matrix has (a profile without one falls to the meta gene_panel).
  const matrixColumns = { mutations: [] as string[], copyNumber: [] as string[], fusions: [] as string[] }
  for (const k of ASSAY_KINDS) matrixColumns[k] = kinds[k].columns.filter((c) => matrix?.profiles.includes(c) === true)
  // Decisions are few distinct values: interned, so 200,000 samples do not build 600,000 strings.
  const interned = new Map<string, Decision>()
  const dec = (panel: string, why: string): Decision => {
    const key = `${panel}\t${why}`
    let d = interned.get(key)
    if (d === undefined) {
      d = { panel, why }
      interned.set(key, d)
    }
    return d
  }
  const decide = (sample: string, k: AssayKind, row: Readonly<Record<string, string | undefined>> | undefined): Decision => {
    const src = kinds[k]
    const columns = matrixColumns[k]
    if (row !== undefined && columns.length > 0) {
      for (const c of columns) {
        const v = row[c]
        if (v !== undefined) return dec(v, c)
      }
      return dec(NA, 'matrix NA')
    }
    if (src.profiled === 'all' || src.profiled.has(sample)) {
      const by = src.profiled === 'all' ? (row === undefined ? 'not in the panel matrix' : 'no matrix column for this profile') : `in ${src.profiledBy}`
      return src.metaPanel !== undefined ? dec(src.metaPanel, `meta gene_panel (${by})`) : dec(WES, `whole-exome (${by}, no panel named)`)
    }
    return dec(NA, `not profiled (not in ${src.profiledBy})`)
  }
  const panels = new Map<string, Panel>()
  const composite = (d: Readonly<Record<AssayKind, Decision>>): Panel => {
    const ids = ASSAY_KINDS.map((k) => d[k].panel)
    const id = ids.every((x) => x === ids[0]) ? (ids[0] === WES ? 'whole-exome' : ids[0] === NA ? 'not-profiled' : (ids[0] as string)) : `mutations=${word(ids[0] as string)};cna=${word(ids[1] as string)};sv=${word(ids[2] as string)}`
    const hit = panels.get(id)
    if (hit) return hit
    const sets = ASSAY_KINDS.map((k) => {
      const p = d[k].panel
      return p === WES || p === NA ? p : new Set((definitions.get(p) as CbioGenePanel).genes)
    })
    const has = (i: number, g: string): boolean => {
      const s = sets[i]
      return s === WES || (typeof s !== 'string' && s !== undefined && s.has(g))
    }
    const genes = new Map<string, GeneAssay>()
    for (const s of sets) {
      if (typeof s === 'string') continue
      for (const g of s) {
        if (genes.has(g)) continue
        genes.set(g, { mutations: has(0, g) ? 'exons' : 'none', hotspots: [], copyNumber: has(1, g), fusions: has(2, g) })
      }
    }
    const wes = ASSAY_KINDS.filter((_, i) => sets[i] === WES)
    const others: GeneAssay | undefined =
      wes.length === 0
        ? undefined
        : { mutations: wes.includes('mutations') ? 'exons' : 'none', hotspots: [], copyNumber: wes.includes('copyNumber'), fusions: wes.includes('fusions') }
    const mut = d.mutations.panel
    const sizeMb = mut === WES || mut === NA ? undefined : rules.sizeMb?.get(mut)
    const p: Panel = { id, name: id, sizeMb, genes, others }
    panels.set(id, p)
    return p
  }
  // The triples are interned (a cohort has a handful), so the composite panel id is made once per
  // triple, not once per sample.
  type Triple = Readonly<Record<AssayKind, Decision>> & { panelId?: string }
  const decisionNo = new Map<Decision, number>()
  const no = (d: Decision): number => {
    let i = decisionNo.get(d)
    if (i === undefined) decisionNo.set(d, (i = decisionNo.size))
    return i
  }
  const triples = new Map<string, Triple>()
  const intern = (mu: Decision, cn: Decision, sv: Decision): Triple => {
    const key = `${no(mu)},${no(cn)},${no(sv)}`
    let d = triples.get(key)
    if (d === undefined) triples.set(key, (d = { mutations: mu, copyNumber: cn, fusions: sv }))
    return d
  }
  // decide() reads the sample only for a kind its matrix row does not answer, and then only
  // whether the sample is profiled: a sample's triple is a function of its (shared) row record
  // and those at most three bits, so 200,000 samples are decided by a lookup each (building the
  // decision keys per sample took ~0.3 s at that size).
  type Row = Readonly<Record<string, string | undefined>>
  const NO_ROW: Row = {}
  const byInputs = new Map<Row, (Triple | undefined)[]>()
  const profiled = (s: string, k: AssayKind, row: Row | undefined): number => {
    if (row !== undefined && matrixColumns[k].length > 0) return 0
    const p = kinds[k].profiled
    return p === 'all' || p.has(s) ? 1 : 0
  }
  const decisions = (s: string): Triple => {
    const row = matrix?.rows.get(s)
    const bits = profiled(s, 'mutations', row) | (profiled(s, 'copyNumber', row) << 1) | (profiled(s, 'fusions', row) << 2)
    let seen = byInputs.get(row ?? NO_ROW)
    if (seen === undefined) byInputs.set(row ?? NO_ROW, (seen = []))
    let d = seen[bits]
    if (d === undefined) seen[bits] = d = intern(decide(s, 'mutations', row), decide(s, 'copyNumber', row), decide(s, 'fusions', row))
    return d
  }
  const matrixSamples: string[] = []
  if (matrix) for (const [s, row] of matrix.rows) if (anyPanel(row)) matrixSamples.push(s)
  return {
    panels,
    matrixSamples,
    assign(samples) {
      const samplePanel = new Map<string, string>()
      for (const s of samples) {
        const d = decisions(s)
        samplePanel.set(s, (d.panelId ??= composite(d).id))
      }
      return { panels, samplePanel }
    },
    notes(samples) {
      // Counted per interned decision, then worded once each (decisions map one-to-one to their
      // words, so first-seen order is the same either way).
      // Counted per triple first (a handful), then per kind in the triples' first-seen order, which
      // is each decision's first-seen order too.
      const perTriple = new Map<Triple, number>()
      for (const s of samples) {
        const t = decisions(s)
        perTriple.set(t, (perTriple.get(t) ?? 0) + 1)
      }
      const perKind = ASSAY_KINDS.map(() => new Map<Decision, number>())
      for (const [t, n] of perTriple) {
        ASSAY_KINDS.forEach((k, i) => {
          const c = perKind[i] as Map<Decision, number>
          c.set(t[k], (c.get(t[k]) ?? 0) + n)
        })
      }
      const out: string[] = []
      ASSAY_KINDS.forEach((k, i) => {
        const src = kinds[k]
        // A profile the study does not have at all: nothing to say per sample.
        if (src.profiled !== 'all' && src.profiled.size === 0 && matrixColumns[k].length === 0) return
        const counts = new Map<string, number>()
        for (const [d, n] of perKind[i] as Map<Decision, number>) {
          const key =
            d.why === 'matrix NA'
              ? `not profiled: NA in the panel matrix (${matrixColumns[k].join(', ')})`
              : d.panel === WES || d.panel === NA
                ? d.why
                : matrixColumns[k].includes(d.why)
                  ? `${d.panel} from panel matrix (${d.why})`
                  : `${d.panel} from ${d.why}`
          counts.set(key, (counts.get(key) ?? 0) + n)
        }
        out.push(`${KIND_WORD[k]} panels: ${[...counts].map(([why, n]) => `${n} ${why}`).join('; ')}`)
      })
      return out
    },
  }
}

const named = new WeakMap<object, boolean>()
/** Does a matrix row name a panel for at least one profile? (Memoised per shared row record.) */
export function anyPanel(row: Readonly<Record<string, string | undefined>>): boolean {
  let v = named.get(row)
  if (v === undefined) named.set(row, (v = Object.values(row).some((x) => x !== undefined)))
  return v
}

/** What a panel assays for `gene`: its own entry, else its whole-exome kinds (`others`), else nothing. */
export function assayOf(panel: Panel, gene: string): GeneAssay | undefined {
  return panel.genes.get(gene) ?? panel.others
}
