/**
 * biomarkit library: the public API, by stage (re-exports only).
 *
 *   import { maf, vcf, matrix, scan, stats } from 'biomarkit'
 *   const { alterations, samples } = await maf.readMaf('cohort.maf.gz')
 *   const m = matrix.buildMatrix(alterations, { samples })
 *   const r = stats.fisherExact(1, 5, 8, 14)
 *
 * Scenes and renderers live in viz/; the pipeline functions below return the report's figures and
 * the demo study's tables as SVG and TSV text (e.g. `reportFigures(matrix, clinical, { endpoints })`).
 */
export * as io from './io/index.js'
export * as maf from './maf/index.js'
export * as vcf from './vcf/index.js'
export * as clinical from './clinical/index.js'
export * as cna from './cna/index.js'
export * as fusion from './fusion/index.js'
export * as panels from './panels/index.js'
export * as classify from './classify/index.js'
export * as matrix from './matrix/index.js'
export * as scan from './scan/index.js'
export * as stats from './stats/index.js'
export { loadCohort, type Cohort, type CohortOptions } from './input/cohort.js'
export { readManifest, type Manifest, type ManifestEntry } from './input/manifest.js'
export { classifyCohort, type ClassifyOptions } from './pipeline/classify-cohort.js'
export { efficacyTable, type EfficacyRow } from './pipeline/efficacy.js'
// Whole analyses over values already read (the CLI only reads, parses options and writes).
export { reportFigures, type ReportFigureOptions, type ReportFigures } from './pipeline/report-figures.js'
export { lollipopFigure, lollipopSitesTsv, ruleHotspots, geneEvents, type LollipopFigure, type LollipopFigureOptions } from './pipeline/lollipop-figure.js'
export { sidesFromColumn } from './pipeline/lollipop-sides.js'
export { swimmerFigure, type SwimmerFigure, type SwimmerFigureOptions } from './pipeline/swimmer-figure.js'
export { columnChoices, optionRows, type OptionValue } from './pipeline/report-provenance.js'
export { scanEndpoints, scanStatements, clinicalNotes, type EndpointScan, type EndpointScanOptions, type ScanRun } from './pipeline/endpoint-scan.js'
export type { ClinicalSource } from './pipeline/clinical-level.js'
export { parseEndpoint, type EndpointSpec } from './scan/endpoints.js'
export { featureScan, featureScanText, type FeatureScanInput, type FeatureScanRun, type FeatureScanSettings, type FeatureScanWords } from './pipeline/feature-scan.js'
export { featureIndices, kmFeatureSvg, forestFeatureSvg, burdenFeatureFigure, type BurdenFeatureFigure } from './pipeline/feature-figures.js'
export { interactionScan, interactionsTsv, interactionsJson, type InteractionScan } from './pipeline/interaction-scan.js'
export { studyOutputs, type StudyInput, type StudyOutputs } from './tables/demo-study.js'
export { InputError, type ErrorCode, type Location } from './errors.js'
export type { Alteration, Origin, VariantClass, VariantType, AlterationKind, CnState, SourceRef } from './model/alteration.js'
export type { ClinicalTable, ClinicalRow, Response } from './model/clinical.js'
export type { ReadReport } from './model/report.js'
export { ALTERED, WILD_TYPE, NOT_ASSAYED, featureCounts, type CohortMatrix, type Feature, type AlteredCell } from './matrix/types.js'
export { VERSION } from './version.js'
