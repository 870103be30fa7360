/**
 * The panel options (--panel, --sample-panels) or a study folder's panels → a function assigning
 * a sample list its panels, plus what the notes need (the panels by id, the per-profile decisions).
 *
 * Panel symbols go through the same alias table as the calls (scope: the panel's id), so data
 * renamed MRE11A → MRE11 meets a panel that still says MRE11A; every rename is in the notes.
 * With a sample → panel matrix, cBioPortal's per-profile rule decides (../panels/profiled.ts);
 * samples the matrix does not name are whole-exome, as cBioPortal takes them, and the notes count them.
 */
import { resolve } from 'node:path'
import { InputError, quote } from '../errors.js'
import { DEFAULT_MAX_LINE_LENGTH, peekText } from '../io/lines.js'
import { DEFAULT_MAX_SIDE_FILE_BYTES } from '../io/limits.js'
import { readLimits, type ReadLimits } from '../io/read-limits.js'
import { readSideLines } from '../io/side-file.js'
import type { AliasResolver } from '../panels/aliases.js'
import { assignAll, PROFILE_KIND, type PanelAssignment } from '../panels/assign.js'
import { parseGenePanelFile, parsePanelMatrix, type CbioGenePanel, type PanelMatrix } from '../panels/cbioportal.js'
import { loadPanel, panelFromGenes } from '../panels/load.js'
import { profiledAssigner, type AssayKind, type KindSource } from '../panels/profiled.js'
import type { GeneAssay, Panel } from '../panels/schema.js'
import { shippedDir, shippedPath } from '../panels/shipped.js'
import { existsSync } from 'node:fs'
import type { StudyPanels } from '../study/panels.js'

/** A shipped data file by id, or the path itself when it exists. */
export function resolveData(spec: string, prefix: string): string {
  if (existsSync(spec)) return spec
  const shipped = shippedPath(`${prefix}${spec}.json`)
  if (existsSync(shipped)) return shipped
  const bare = shippedPath(`${spec}.json`)
  if (existsSync(bare)) return bare
  throw new InputError('NOT_FOUND', `${quote(spec)} is neither a file nor a shipped ${prefix.replace(/-$/, '') || 'data'} id`, {
    suggestion: 'see panels/README.md for the shipped ids',
  })
}

/**
 * `read(path, limits)`, outside the user's --max-line-length when `path` is one of the package's
 * own data files: the cap guards against bad inputs, and gene-aliases.json (read by every analysis)
 * has 297-character lines, so a cap of 250 meant for a clinical table would stop every command.
 */
export function readData<T>(path: string, read: (path: string, limits: ReadLimits) => Promise<T>, limits: ReadLimits = readLimits()): Promise<T> {
  // The same for the side-file size cap (--max-side-file-bytes): it is there for the user's files.
  return resolve(path).startsWith(shippedDir()) ? read(path, { ...limits, maxSideFileBytes: DEFAULT_MAX_SIDE_FILE_BYTES, maxLineLength: DEFAULT_MAX_LINE_LENGTH }) : read(path, limits)
}

/** Panel files and panel matrices through the capped side-file reader (../io/side-file.ts). */
function collect(path: string, what: string, limits: ReadLimits | undefined): Promise<{ text: string; line: number }[]> {
  return readSideLines(path, what, limits)
}

/** A cBioPortal panel definition with its symbols alias-resolved (scope: its stable id). */
export function aliasPanel(p: CbioGenePanel, aliases: AliasResolver, file: string): CbioGenePanel {
  const seen = new Map<string, string>()
  const genes: string[] = []
  for (const raw of p.genes) {
    const g = aliases.resolve(raw, p.stableId)
    const first = seen.get(g)
    if (first !== undefined) throw new InputError('FORMAT', `gene_list: ${g} is listed twice (as ${first} and ${raw}, an alias)`, { file })
    seen.set(g, raw)
    genes.push(g)
  }
  return { ...p, genes }
}

async function readPanelSpec(spec: string, aliases: AliasResolver, given: ReadLimits | undefined): Promise<{ panel?: Panel; cbio?: CbioGenePanel }> {
  return readData(
    resolveData(spec, 'panel-'),
    async (path, limits) => {
      const head = await peekText(path, 2048, { limits })
      if (/^\s*stable_id\s*:/m.test(head)) return { cbio: aliasPanel(parseGenePanelFile(await collect(path, 'gene panel file', limits), path), aliases, path) }
      return { panel: await loadPanel(path, aliases, limits) }
    },
    given,
  )
}

export interface PanelSource {
  readonly assign: (samples: readonly string[]) => PanelAssignment
  /** Every panel a sample can get, by id (for the notes). */
  readonly panels: () => ReadonlyMap<string, Panel>
  /** The panel definitions themselves (what --pathway-coverage common intersects). */
  readonly definitions: readonly Panel[]
  /** Per-profile decisions for these samples (empty without a matrix). */
  readonly notes: (samples: readonly string[]) => string[]
}

const ALL_KINDS: GeneAssay = { mutations: 'exons', hotspots: [], copyNumber: true, fusions: true }

export interface ReadPanelsOptions {
  readonly panels?: readonly string[] | undefined
  readonly samplePanels?: string | undefined
  /** A study folder's panel rules, used when neither --panel nor --sample-panels is given. */
  readonly study?: StudyPanels | undefined
  /** Line and size caps and the read registry (default: readLimits()). */
  readonly limits?: ReadLimits | undefined
}

export async function readPanels(opts: ReadPanelsOptions, aliases: AliasResolver): Promise<PanelSource | undefined> {
  const specs = opts.panels ?? []
  if (specs.length === 0 && opts.samplePanels === undefined) {
    if (opts.study === undefined) return undefined
    const s = opts.study
    const defs = new Map<string, CbioGenePanel>()
    for (const path of s.panelFiles) {
      const d = aliasPanel(parseGenePanelFile(await collect(path, 'gene panel file', opts.limits), path), aliases, path)
      defs.set(d.stableId, d)
    }
    return fromRules(s.matrix, defs, s.kinds, new Map())
  }
  const read = await Promise.all(specs.map((spec) => readPanelSpec(spec, aliases, opts.limits)))
  const json = read.flatMap((r) => (r.panel ? [r.panel] : []))
  const cbio = read.flatMap((r) => (r.cbio ? [r.cbio] : []))
  if (opts.samplePanels === undefined) {
    if (read.length > 1) throw new InputError('USAGE', 'several --panel given: say which sample used which with --sample-panels FILE')
    const one = json[0] ?? (cbio[0] && panelFromGenes(cbio[0].stableId, cbio[0].description, cbio[0].genes, ALL_KINDS))
    if (one === undefined) return undefined
    const panels = new Map([[one.id, one]])
    return { assign: (samples) => assignAll(one, samples), panels: () => panels, definitions: [one], notes: () => [] }
  }
  const matrix = parsePanelMatrix(await collect(opts.samplePanels, 'sample-panel matrix', opts.limits), opts.samplePanels)
  // Without meta files, a profile column is known by its name; a kind with no column follows the
  // mutation panel (targeted assays call CN and SVs on the genes they sequence).
  const columns: Record<AssayKind, string[]> = { mutations: [], copyNumber: [], fusions: [] }
  for (const p of matrix.profiles) {
    const k = PROFILE_KIND[p.toLowerCase()]
    if (k !== undefined) columns[k].push(p)
  }
  if (columns.mutations.length === 0) throw new InputError('MISSING_COLUMN', 'panel matrix has no "mutations" column', { file: matrix.file })
  const every = (cols: string[]): KindSource => ({ columns: cols.length > 0 ? cols : columns.mutations, profiled: 'all', profiledBy: 'the cohort' })
  const defs = new Map<string, CbioGenePanel>([
    ...cbio.map((d) => [d.stableId, d] as const),
    ...json.map((p) => [p.id, { stableId: p.id, description: p.name, genes: [...p.genes.keys()] }] as const),
  ])
  const src = fromRules(matrix, defs, { mutations: every(columns.mutations), copyNumber: every(columns.copyNumber), fusions: every(columns.fusions) }, new Map(json.map((p) => [p.id, p])))
  return src
}

/** Profile rules → panel source; a composite that is one JSON panel on every profile is that panel (its hotspots and per-gene assays kept). */
function fromRules(matrix: PanelMatrix | undefined, defs: ReadonlyMap<string, CbioGenePanel>, kinds: Readonly<Record<AssayKind, KindSource>>, json: ReadonlyMap<string, Panel>): PanelSource {
  const a = profiledAssigner({ matrix, definitions: defs, kinds, sizeMb: new Map([...json].flatMap(([id, p]) => (p.sizeMb === undefined ? [] : [[id, p.sizeMb] as const]))) })
  const definitions = [...defs.values()].map((d) => json.get(d.stableId) ?? panelFromGenes(d.stableId, d.description, d.genes, ALL_KINDS))
  const swap = (panels: ReadonlyMap<string, Panel>): Map<string, Panel> => new Map([...panels].map(([id, p]) => [id, json.get(id) ?? p]))
  return {
    assign: (samples) => {
      const r = a.assign(samples)
      return json.size === 0 ? r : { panels: swap(r.panels), samplePanel: r.samplePanel }
    },
    panels: () => swap(a.panels),
    definitions,
    notes: (samples) => a.notes(samples),
  }
}
