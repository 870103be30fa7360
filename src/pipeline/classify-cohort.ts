/**
 * Cohort → classified matrix: resolves panels (shipped id or file; cBioPortal panel files and the
 * sample → panel matrix), rules, pathways, counted classes and aliases, then builds the matrix.
 * The one place commands share, so `summary`, `scan`, `oncoplot` and `report` count the same way.
 * The user's --max-line-length applies to their files, not to the shipped ones (readData).
 */
import { existsSync } from 'node:fs'
import { resolve } from 'node:path'
import { InputError, quote } from '../errors.js'
import { DEFAULT_MAX_LINE_LENGTH, peekText, withMaxLineLength } from '../io/lines.js'
import { readSideLines } from '../io/side-file.js'
import { DEFAULT_MAX_SIDE_FILE_BYTES, withInputLimits } from '../io/limits.js'
import { lookupVariantClass, type VariantClass } from '../model/alteration.js'
import type { Cohort } from '../input/cohort.js'
import { buildMatrix, type BuildHooks, type BuildOptions, type BuiltMatrix } from '../classify/matrix.js'
import { EventTable } from '../model/events.js'
import { countedClasses } from '../classify/classes.js'
import { compileRules, type CompiledRule, type OriginFilter } from '../classify/ruleMatch.js'
import { loadRules } from '../classify/rules.js'
import { loadAliases, type AliasResolver } from '../panels/aliases.js'
import { assignAll, assignFromCbioportal, type PanelAssignment } from '../panels/assign.js'
import { parseGenePanelFile, parsePanelMatrix, type CbioGenePanel } from '../panels/cbioportal.js'
import { loadPanel, panelFromGenes } from '../panels/load.js'
import { loadPathwaySet, type Pathway } from '../panels/pathways.js'
import type { Panel } from '../panels/schema.js'
import { shippedDir, shippedPath } from '../panels/shipped.js'

export interface ClassifyOptions {
  /** Panel ids (shipped) or files: JSON panel, cBioPortal data_gene_panel_*.txt. */
  readonly panels?: readonly string[] | undefined
  /** Sample → panel: cBioPortal data_gene_panel_matrix.txt (or a two-column sample/panel TSV). */
  readonly samplePanels?: string | undefined
  /** Rule file or shipped rule-set id (e.g. "tdxd-her2low"). */
  readonly rules?: string | undefined
  /** Pathway set file or shipped id; "sanchez-vega-2018" is the default when pathways are asked for. */
  readonly pathways?: string | undefined
  readonly withPathways?: boolean | undefined
  /** Counted mutation classes (MAF names); default maftools' nine. */
  readonly classes?: readonly string[] | undefined
  readonly origin?: OriginFilter | undefined
  /** Gene features to build (default: every gene with a counted event). */
  readonly genes?: readonly string[] | undefined
}

export const DEFAULT_PATHWAYS = 'sanchez-vega-2018'

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
 * `read(path)`, outside the user's --max-line-length when `path` is one of the package's own data
 * files: the cap guards against bad inputs, and gene-aliases.json (read by every analysis) has
 * 297-character lines, so a cap of 250 meant for a clinical table would stop every command.
 */
function readData<T>(path: string, read: (path: string) => Promise<T>): Promise<T> {
  // The same for the side-file size cap (--max-side-file-bytes): it is there for the user's files.
  return resolve(path).startsWith(shippedDir())
    ? withInputLimits({ maxSideFileBytes: DEFAULT_MAX_SIDE_FILE_BYTES }, () => withMaxLineLength(DEFAULT_MAX_LINE_LENGTH, () => read(path)))
    : read(path)
}

function readPanelSpec(spec: string): Promise<{ panel?: Panel; cbio?: CbioGenePanel }> {
  return readData(resolveData(spec, 'panel-'), async (path) => {
    const head = await peekText(path, 2048)
    if (/^\s*stable_id\s*:/m.test(head)) {
      return { cbio: parseGenePanelFile(await readSideLines(path, 'gene panel file'), path) }
    }
    return { panel: await loadPanel(path) }
  })
}

/**
 * The panel files, read once; the returned function assigns a sample list (a whole cohort, or one
 * sample partition of it: ./low-memory.ts). Undefined: no panel information.
 */
async function readPanels(opts: ClassifyOptions): Promise<((samples: readonly string[]) => PanelAssignment) | undefined> {
  const specs = opts.panels ?? []
  if (specs.length === 0 && opts.samplePanels === undefined) return undefined
  const read = await Promise.all(specs.map(readPanelSpec))
  const json = read.flatMap((r) => (r.panel ? [r.panel] : []))
  const cbio = read.flatMap((r) => (r.cbio ? [r.cbio] : []))
  if (opts.samplePanels === undefined) {
    if (read.length > 1) throw new InputError('USAGE', 'several --panel given: say which sample used which with --sample-panels FILE')
    const one = json[0] ?? (cbio[0] && panelFromGenes(cbio[0].stableId, cbio[0].description, cbio[0].genes, { mutations: 'exons', hotspots: [], copyNumber: true, fusions: true }))
    return one ? (samples) => assignAll(one, samples) : undefined
  }
  const matrix = parsePanelMatrix(await readSideLines(opts.samplePanels, 'sample-panel matrix'), opts.samplePanels)
  if (json.length > 0) {
    // JSON panels: the matrix's mutation column names the panel id per sample.
    const byId = new Map(json.map((p) => [p.id, p]))
    const a = assignFromCbioportal(matrix, json.map((p) => ({ stableId: p.id, description: p.name, genes: [...p.genes.keys()] })))
    // Keep the JSON panels' own per-gene assays (hotspots, CN) where ids match.
    const panels = new Map(a.panels)
    for (const [id, p] of a.panels) panels.set(id, byId.get(id) ?? p)
    const assigned = { panels, samplePanel: a.samplePanel }
    return () => assigned
  }
  const assigned = assignFromCbioportal(matrix, cbio)
  return () => assigned
}

function parseClasses(list: readonly string[]): VariantClass[] {
  return list.map((c) => {
    const v = lookupVariantClass(c.trim())
    if (v === undefined) throw new InputError('USAGE', `--classes: unknown MAF class ${quote(c)}`, { suggestion: 'use MAF Variant_Classification names, e.g. Missense_Mutation,Nonsense_Mutation' })
    return v
  })
}

/** The options' files, read once, ready to classify a table (or many: one per sample partition). */
export interface Classifier {
  readonly build: (events: EventTable, samples: readonly string[], hooks?: BuildHooks) => BuiltMatrix
  /** The state a build gives `samples` without events: gene features `genes`, then the rules and pathways (../classify/merge.ts). */
  readonly fill: (samples: readonly string[], genes: readonly string[]) => Uint8Array
  readonly rules: readonly CompiledRule[]
  readonly aliases: AliasResolver
  /** Gene features were given (--genes). */
  readonly genesGiven: boolean
}

/** Read every file the options name (aliases, pathways, rules, panels) once. */
export async function prepareClassifier(opts: ClassifyOptions = {}): Promise<Classifier> {
  const aliases = await readData(shippedPath('gene-aliases.json'), loadAliases)
  let pathways: Pathway[] = []
  if (opts.withPathways || opts.pathways !== undefined || opts.rules !== undefined) {
    pathways = await readData(resolveData(opts.pathways ?? DEFAULT_PATHWAYS, 'pathways-'), (p) => loadPathwaySet(p, aliases))
  }
  const rules = opts.rules !== undefined ? compileRules(await readData(resolveData(opts.rules, 'biomarkers-'), loadRules), opts.rules, { pathways, aliases }) : []
  const assign = await readPanels(opts)
  const classes = countedClasses(opts.classes ? { classes: parseClasses(opts.classes) } : {})
  const features = opts.withPathways || opts.pathways !== undefined ? pathways : []
  // Given genes resolved once here (a rewrite is counted once however many builds follow).
  const genes = opts.genes?.map((g) => aliases.resolve(g, 'data'))
  const options = (samples: readonly string[], given: readonly string[] | undefined): BuildOptions => ({
    samples,
    genes: given,
    genesResolved: true,
    rules,
    pathways: features,
    classes,
    origin: opts.origin,
    panels: assign?.(samples),
  })
  return {
    build: (events, samples, hooks) => buildMatrix(events, { ...options(samples, genes), aliases, hooks }),
    // Names already resolved; no aliases, so the alias report counts only the real builds.
    fill: (samples, given) => buildMatrix(new EventTable(), options(samples, given)).state,
    rules,
    aliases,
    genesGiven: opts.genes !== undefined,
  }
}

export async function classifyCohort(cohort: Cohort, opts: ClassifyOptions = {}): Promise<BuiltMatrix> {
  return (await prepareClassifier(opts)).build(cohort.events, cohort.samples)
}
