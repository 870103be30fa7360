/**
 * What the HTML report shows. Everything is computed by the caller (the CLI `report` / `demo`
 * commands): statistics, SHA-256 of the inputs, the oncoplot SVG. The renderer adds no clock and no
 * environment, so equal inputs give byte-identical reports.
 */
import type { ReadReport } from '../../src/model/report.js'
import type { AssociationRow } from '../../src/scan/row.js'
import type { SurvivalRow } from '../../src/scan/survival-row.js'
import type { ForestRow } from '../forest.js'
import type { KmPlotInput } from '../km.js'

export interface CohortSummary {
  readonly samplesSequenced: number
  readonly patientsClinical: number
  readonly features: number
  /** Panel names (or "whole exome"); empty when unknown. */
  readonly panels: readonly string[]
  /** Extra rows for the summary table, in the order given. */
  readonly extra?: readonly (readonly [string, string])[] | undefined
}

export interface InputFile {
  readonly name: string
  readonly sha256: string
  readonly bytes?: number | undefined
  /** "maf", "vcf", "clinical", "panel", … */
  readonly role?: string | undefined
}

export interface Provenance {
  readonly tool: string
  readonly version: string
  readonly inputs: readonly InputFile[]
  /** Parameters as given (name → value), printed in the order given. */
  readonly parameters: readonly (readonly [string, string])[]
  readonly command?: string | undefined
  /** Only printed when passed: the report must be reproducible byte for byte. */
  readonly date?: string | undefined
}

export interface KmSection extends KmPlotInput {
  readonly feature: string
  readonly endpoint: string
}

import type { StudySection } from './study.js'
/** A figure beyond the oncoplot, forest and KM plots: SVG text from viz/svg.ts toSvg. */
export interface ReportFigure {
  readonly kind: 'summary' | 'cooccurrence' | 'lollipop' | 'swimmer'
  readonly title: string
  readonly svg: string
  /** Lines under the figure: what was drawn, what was left out and why. */
  readonly caption: readonly string[]
}

export interface ReportInput {
  readonly title: string
  /** Set for demo / simulated cohorts: a banner says so on top of every view. */
  readonly synthetic?: boolean | undefined
  /** Extra words for the synthetic banner (e.g. how the data were simulated). */
  readonly syntheticNote?: string | undefined
  readonly cohort: CohortSummary
  /** Oncoplot SVG from viz/svg.ts toSvg(layoutOncoplot(…, { tooltips: true })). */
  readonly oncoplotSvg?: string | undefined
  readonly associations: readonly AssociationRow[]
  /** Forest rows; default: the association rows with the smallest p (at most `forestMax`). */
  readonly forest?: readonly ForestRow[] | undefined
  readonly forestMax?: number | undefined
  /** Survival scan rows (KM medians, log-rank, Cox HR), shown as a table above the KM figures. */
  readonly survival?: readonly SurvivalRow[] | undefined
  readonly km: readonly KmSection[]
  /** Study tables and figures (Table 1, Fig. 1 …), shown after the cohort summary in this order. */
  readonly study?: readonly StudySection[] | undefined
  /** Survival rows with curves that were not drawn (only the `km` ones are): said under the table. */
  readonly kmNotDrawn?: number | undefined
  /** How the drawn KM plots were chosen, e.g. "the 12 with the smallest q, then p". */
  readonly kmRule?: string | undefined
  /** Cohort summary, co-occurrence heatmap, lollipops, swimmer plot, in this order. */
  readonly figures?: readonly ReportFigure[] | undefined
  readonly readReports: readonly ReadReport[]
  readonly provenance: Provenance
  /** How every input was read (sample column, codings, units, NE rule, directions, exclusions). */
  readonly interpretation?: readonly string[] | undefined
  /** Shown on top: e.g. sample IDs that differ from the calls' only in case (never merged). */
  readonly warnings?: readonly string[] | undefined
}
