/**
 * The figures the report adds where they apply: the cohort summary (maftools plotmafSummary), the
 * co-occurrence heatmap of the most altered genes, lollipops of the most altered genes with protein
 * changes, and the swimmer plot when the clinical table has a time endpoint and a response column.
 * Each figure states what it drew; a figure that does not apply is said so in `notes`, not guessed.
 */
import type { BuiltMatrix } from '../matrix/build.js'
import type { RecordCells } from '../matrix/cells.js'
import { mafSummaryData } from '../matrix/maf-summary.js'
import { proteinPosition } from '../classify/lollipop.js'
import { InputError } from '../errors.js'
import type { ClinicalTable } from '../model/clinical.js'
import { parseEndpoint } from '../scan/endpoints.js'
import { interactions } from '../scan/interactions.js'
import { layoutCooccurrence } from '../../viz/cooccurrence.js'
import { layoutMafSummary } from '../../viz/maf-summary.js'
import { topFeatures } from '../../viz/select-features.js'
import { toSvg } from '../../viz/svg.js'
import type { ReportFigure } from '../../viz/report/index.js'
import { geneEvents, lollipopFigure } from './lollipop-figure.js'
import { swimmerFigure } from './swimmer-figure.js'
import type { ReadLimits } from '../io/read-limits.js'

export const DEFAULT_LOLLIPOPS = 2
export const DEFAULT_COOCCURRENCE_TOP = 20

export interface ReportFigureOptions {
  /** The report's endpoints: the first survival one (pfs, os, TIME~EVENT) is the swimmer's bar. */
  readonly endpoints: readonly string[]
  /** Genes to draw as lollipops; default: the `lollipopCount` most altered genes with protein changes. */
  readonly lollipops?: readonly string[] | undefined
  readonly lollipopCount?: number | undefined
  readonly cooccurrenceTop?: number | undefined
  /** The command's read limits (the protein tables; default: readLimits()). */
  readonly limits?: ReadLimits | undefined
}

export interface ReportFigures {
  readonly figures: ReportFigure[]
  /** Why a figure was left out, for the report's interpretation list. */
  readonly notes: string[]
}

/** Genes with at least one event carrying a protein position, most altered first. */
function genesWithProteinChanges(matrix: BuiltMatrix<RecordCells>): string[] {
  return topFeatures(matrix, 'gene', matrix.features.length).filter((g) => geneEvents(matrix, g).some((e) => proteinPosition(e.protein) !== undefined))
}

export async function reportFigures(matrix: BuiltMatrix<RecordCells>, clinical: ClinicalTable, opts: ReportFigureOptions): Promise<ReportFigures> {
  const figures: ReportFigure[] = []
  const notes: string[] = []
  const hasGenes = matrix.features.some((f) => f.type === 'gene')

  if (hasGenes) {
    const summary = mafSummaryData(matrix)
    figures.push({ kind: 'summary', title: 'Cohort summary', svg: toSvg(layoutMafSummary(summary)), caption: ['Variant classes, variant types, SNV classes, per-sample burden and the most altered genes (maftools plotmafSummary).'] })
  }

  const top = topFeatures(matrix, 'gene', opts.cooccurrenceTop ?? DEFAULT_COOCCURRENCE_TOP)
  if (top.length >= 2) {
    const index = new Map(matrix.features.map((f, i) => [f.id, i]))
    const rows = interactions(
      matrix,
      top.map((id) => index.get(id) as number),
    )
    figures.push({
      kind: 'cooccurrence',
      title: `Co-occurrence and mutual exclusivity of the ${top.length} most altered genes`,
      svg: toSvg(layoutCooccurrence(top, rows)),
      caption: [`Pairwise Fisher's exact test over samples assayed for both genes; q = Benjamini–Hochberg over the ${rows.length} distinct pairs (as biomarkit interactions --top ${top.length}).`],
    })
  } else notes.push('co-occurrence heatmap not drawn: fewer than two altered genes')

  const named = opts.lollipops
  const genes = named ?? (hasGenes ? genesWithProteinChanges(matrix) : [])
  const want = named === undefined ? (opts.lollipopCount ?? DEFAULT_LOLLIPOPS) : named.length
  let drawn = 0
  for (const gene of genes) {
    if (drawn >= want) break
    let fig
    try {
      fig = await lollipopFigure(matrix, gene, { limits: opts.limits })
    } catch (e) {
      // A gene named with --lollipops must draw; a gene picked by count without a protein in the shipped table is skipped and said.
      if (named !== undefined || !(e instanceof InputError) || e.code !== 'NOT_FOUND') throw e
      notes.push(`lollipop of ${gene} not drawn: ${e.message}`)
      continue
    }
    drawn++
    figures.push({ kind: 'lollipop', title: `Lollipop: ${gene}`, svg: fig.svg, caption: fig.notes })
  }
  if (named === undefined && drawn === 0) notes.push('no lollipop drawn: no altered gene has a protein change with a position')

  const survivalWord = opts.endpoints.find((w) => parseEndpoint(w).kind === 'survival')
  if (survivalWord === undefined) notes.push('swimmer plot not drawn: no survival endpoint was given')
  else if (clinical.responseColumn === undefined) notes.push('swimmer plot not drawn: the clinical table has no best-response column (name one with --response-column)')
  else {
    const s = swimmerFigure(clinical, survivalWord)
    figures.push({ kind: 'swimmer', title: `Swimmer plot (${survivalWord})`, svg: s.svg, caption: [...s.reading, ...s.stated] })
  }
  return { figures, notes }
}
