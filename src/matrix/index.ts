/** The cohort matrix: building it from classified records, its cells and its summaries. Re-exports only. */
export { ALTERED, WILD_TYPE, NOT_ASSAYED, featureCounts, type CohortMatrix, type Feature, type AlteredCell } from './types.js'
export { buildMatrix, type BuildOptions, type BuildNotes, type BuiltMatrix } from './build.js'
export { isMultiHit, tmbPerMb, makeCell } from './cell.js'
export { geneSummary, featureSummary, sampleSummary, type GeneSummaryRow, type FeatureSummaryRow, type SampleSummaryRow } from './summary.js'
