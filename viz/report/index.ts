/** HTML report, KM and forest plots: the public surface of viz/report. */
export { renderReport, defaultForest, REPORT_CSP } from './render.js'
export type { ReportInput, ReportFigure, CohortSummary, Provenance, InputFile, KmSection } from './types.js'
export { kmSectionFromScan, kmAnnotations, survivalTable, type KmSectionOptions } from './survival.js'
export { CLIENT_SCRIPT, CLIENT_SCRIPT_HASH } from './client-script.js'
export { layoutKm, kmSvg, kmCurve, kmMedian, nAtRisk, legendText, KM_COLORS, type KmCurve, type KmPlotInput, type KmLayoutOptions } from '../km.js'
export { layoutForest, forestSvg, forestRows, forestDomain, type ForestRow, type ForestOptions } from '../forest.js'
