/**
 * Cohort → classified matrix: resolves panels (shipped id or file; cBioPortal panel files and the
 * sample → panel matrix), rules, pathways, counted classes and aliases, then builds the matrix.
 * The one place commands share, so `summary`, `scan`, `oncoplot` and `report` count the same way.
 * The user's --max-line-length applies to their files, not to the shipped ones (readData).
 */
import { InputError, quote } from '../errors.js'
import { lookupVariantClass, type VariantClass } from '../model/alteration.js'
import type { Cohort } from '../input/cohort.js'
import { buildMatrix, type BuildOptions, type BuiltMatrix } from '../matrix/build.js'
import type { Classifier } from '../matrix/classifier.js'
import type { RecordCells } from '../matrix/cells.js'
import { EventTable } from '../model/events.js'
import type { CnNotAssayed } from '../matrix/unassayed.js'
import { countedClasses } from '../classify/classes.js'
import { compileRules, type OriginFilter } from '../classify/rule-match.js'
import { loadRules } from '../classify/rules.js'
import { commonMembers, coverageNotes, DEFAULT_PATHWAY_COVERAGE, type PathwayCoverage } from '../classify/coverage.js'
import { loadAliases } from '../panels/aliases.js'
import { loadPathwaySet, type Pathway } from '../panels/pathways.js'
import { shippedPath } from '../panels/shipped.js'
import type { StudyPanels } from '../study/panels.js'
import { readData, readPanels, resolveData } from './read-panels.js'
import { readLimits, type ReadLimits } from '../io/read-limits.js'

export { resolveData } from './read-panels.js'

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
  /** Copy number "Not Available" per (sample, gene), from the inputs (../matrix/unassayed.ts). */
  readonly cnNotAssayed?: CnNotAssayed | undefined
  /** Which members a rule or pathway is judged on per panel (../classify/coverage.ts); default any. */
  readonly pathwayCoverage?: PathwayCoverage | undefined
  /** A study folder's panel rules (used when neither `panels` nor `samplePanels` is given). */
  readonly study?: StudyPanels | undefined
  /** Line and size caps and the read registry for the files read here (default: readLimits()). */
  readonly limits?: ReadLimits | undefined
}

export const DEFAULT_PATHWAYS = 'sanchez-vega-2018'

function parseClasses(list: readonly string[]): VariantClass[] {
  return list.map((c) => {
    const v = lookupVariantClass(c.trim())
    if (v === undefined) throw new InputError('USAGE', `--classes: unknown MAF class ${quote(c)}`, { suggestion: 'use MAF Variant_Classification names, e.g. Missense_Mutation,Nonsense_Mutation' })
    return v
  })
}

export type { Classifier }


/** Read every file the options name (aliases, pathways, rules, panels) once. */
export async function prepareClassifier(opts: ClassifyOptions = {}): Promise<Classifier> {
  const limits = opts.limits ?? readLimits()
  const aliases = await readData(shippedPath('gene-aliases.json'), loadAliases, limits)
  let pathways: Pathway[] = []
  if (opts.withPathways || opts.pathways !== undefined || opts.rules !== undefined) {
    pathways = await readData(resolveData(opts.pathways ?? DEFAULT_PATHWAYS, 'pathways-'), (p, l) => loadPathwaySet(p, aliases, l), limits)
  }
  const rules = opts.rules !== undefined ? compileRules(await readData(resolveData(opts.rules, 'biomarkers-'), loadRules, limits), opts.rules, { pathways, aliases }) : []
  const source = await readPanels(opts, aliases)
  const assign = source?.assign
  const mode = opts.pathwayCoverage ?? DEFAULT_PATHWAY_COVERAGE
  const members = [
    ...rules.map((r) => ({ key: `rule:${r.id}`, id: r.id, type: 'rule', member: { genes: r.genes, rule: r } })),
    ...(opts.withPathways || opts.pathways !== undefined ? pathways : []).map((p) => ({ key: `pathway:${p.id}`, id: p.id, type: 'pathway', member: { genes: p.genes } })),
  ]
  const coverageCommon = new Map<string, ReadonlySet<string>>()
  if (source && mode === 'common') {
    for (const m of members) {
      const c = commonMembers(m.member, source.definitions)
      if (c !== undefined) coverageCommon.set(m.key, c)
    }
  }
  const classes = countedClasses(opts.classes ? { classes: parseClasses(opts.classes) } : {})
  const features = opts.withPathways || opts.pathways !== undefined ? pathways : []
  // Given genes resolved once here (a rewrite is counted once however many builds follow).
  const genes = opts.genes?.map((g) => aliases.resolve(g, 'data'))
  const cn = opts.cnNotAssayed
  const cnNotAssayed = cn && { ...cn, cells: cn.cells.map((c) => ({ sample: c.sample, gene: aliases.resolve(c.gene, 'data') })) }
  const options = (samples: readonly string[], given: readonly string[] | undefined): BuildOptions => ({
    samples,
    genes: given,
    genesResolved: true,
    rules,
    pathways: features,
    classes,
    origin: opts.origin,
    panels: assign?.(samples),
    cnNotAssayed,
    coverage: mode,
    coverageCommon,
  })
  return {
    build: (events, samples) => buildMatrix(events, { ...options(samples, genes), aliases }),
    // Names already resolved; no aliases, so the alias report counts only the real builds.
    fill: (samples, given) => buildMatrix(new EventTable(), options(samples, given)).state,
    rules,
    aliases,
    genesGiven: opts.genes !== undefined,
    annotate: (m) => {
      if (source === undefined) return m
      const counts = new Map<string, number>()
      for (const id of m.samplePanel) if (id !== undefined) counts.set(id, (counts.get(id) ?? 0) + 1)
      const byId = source.panels()
      const used = [...counts].flatMap(([id, samples]) => {
        const panel = byId.get(id)
        return panel ? [{ panel, samples }] : []
      })
      const notes = [...source.notes(m.samples), ...coverageNotes(members, used, mode, (i) => coverageCommon.get((members[i] as { key: string }).key))]
      return notes.length === 0 ? m : { ...m, notes: { ...m.notes, warnings: [...m.notes.warnings, ...notes] } }
    },
  }
}

export async function classifyCohort(cohort: Cohort, opts: ClassifyOptions = {}): Promise<BuiltMatrix<RecordCells>> {
  const c = await prepareClassifier({ ...opts, cnNotAssayed: opts.cnNotAssayed ?? cohort.cnNotAssayed })
  return c.annotate(c.build(cohort.events, cohort.samples))
}
