// The stage order of the code (README "Architecture"), as lint zones: a file may import from its own
// folder and from earlier stages only. Folders in one stage (the formats) may not import each other.
// Used by eslint.config.js (import-x/no-restricted-paths) and test/architecture/lint-stages.test.ts.

/** Earliest first. Each entry: one stage, its folders (or single files) relative to the repository root. */
export const STAGES = [
  ['src/errors.ts', 'src/version.ts'], // what every stage may throw or print
  ['src/io'], // bytes, lines, tables, atomic writes
  ['src/model'], // the vocabulary every reader writes: alteration records, event codes, read reports
  ['src/maf', 'src/vcf', 'src/cna', 'src/fusion', 'src/clinical', 'src/panels'], // formats: one file type each
  ['src/scale/read'], // big files read by two threads; a MAF split by sample into partitions on disk
  ['src/input'], // a cohort from a manifest or file list: the formats, in parallel where it pays
  ['src/classify'], // records → classes, rules, assay (panel) status
  ['src/matrix'], // the sample × feature matrix: build, cell stores, summaries
  ['src/scale'], // the low-memory path: one matrix per sample partition, merged; when to switch to it
  ['src/study'], // cBioPortal study folders; patient-level collapsing of the matrix
  ['src/stats'], // R-exact statistics over plain numbers
  ['src/scan', 'src/features'], // association tests over the matrix; clinical and continuous features
  ['viz'], // scenes and renderers: oncoplot, KM, forest
  ['viz/report'], // the HTML report
  ['src/pipeline'], // whole analyses: load → classify → matrix → scan → figures
  ['src/tables'], // the study tables, formatted from the pipeline's results
  ['src/index.ts'], // the library's public surface
  ['cli'], // argument parsing and printing only
]

const isFile = (p) => p.endsWith('.ts')

/**
 * One zone per stage entry: it may not import any other entry of its own stage, nor any of a later one.
 * A folder holding another entry's folder (viz holds viz/report, scale holds scale/read) stands for its
 * direct files only, so that each of the two keeps its own place in the order.
 */
export function stageZones(stages = STAGES) {
  const all = stages.flat()
  const holdsOther = (p) => all.some((q) => q !== p && q.startsWith(`${p}/`))
  const as = (p, glob) => (isFile(p) ? `./${p}` : holdsOther(p) ? `./${p}/*.ts` : glob ? `./${p}/**/*` : `./${p}`)
  return stages.flatMap((stage, i) =>
    stage.flatMap((target) => {
      // One zone per forbidden entry: import-x refuses a zone whose `from` mixes globs and plain paths.
      const from = [...stage, ...stages.slice(i + 1).flat()].filter((p) => p !== target)
      return from.map((p) => ({ target: as(target, true), from: as(p, true) }))
    }),
  )
}

/**
 * import-x settings for TypeScript sources: without '.ts' among the extensions and a parser for it,
 * import-x does not read the imported files, and no-cycle sees no cycle at all.
 */
export function importSettings(project, createResolver) {
  return {
    'import-x/extensions': ['.ts', '.js'],
    'import-x/parsers': { '@typescript-eslint/parser': ['.ts'] },
    'import-x/resolver-next': [createResolver({ project })],
  }
}

/** The two rules: no cycle (type-only imports have no runtime effect and are allowed), no import against the stage order. */
export function stageRules(basePath) {
  return {
    'import-x/no-cycle': ['error', { ignoreExternal: true }],
    'import-x/no-restricted-paths': ['error', { basePath, zones: stageZones() }],
  }
}
