/**
 * One gene's lollipop from a classified matrix: `lollipop` writes it, `report` embeds it. Returns
 * the sites and the notes that say what was and was not drawn.
 */
import type { BuiltMatrix } from '../matrix/build.js'
import type { RecordCells } from '../matrix/cells.js'
import { lollipopSites, type LollipopData, type Side } from '../classify/lollipop.js'
import type { CompiledRule } from '../classify/rule-match.js'
import { InputError, quote } from '../errors.js'
import { ALTERED } from '../matrix/types.js'
import type { Alteration } from '../model/alteration.js'
import { proteinTranscript, type ProteinTranscript } from '../panels/protein-table.js'
import { layoutLollipop } from '../../viz/lollipop.js'
import { toSvg } from '../../viz/svg.js'
import type { ReadLimits } from '../io/read-limits.js'

export interface LollipopFigureOptions {
  readonly refseq?: string | undefined
  readonly split?: { sideOf: (s: string) => Side | undefined; names: { above: string; below: string }; rule: string } | undefined
  readonly hotspots?: readonly { position: number; label: string }[] | undefined
  readonly labelTop?: number | undefined
  readonly width?: number | undefined
  /** The command's read limits (default: readLimits()). */
  readonly limits?: ReadLimits | undefined
}

export interface LollipopFigure {
  readonly gene: string
  readonly svg: string
  readonly data: LollipopData
  readonly transcript: ProteinTranscript
  readonly notes: readonly string[]
}

/** Every event of the gene's altered cells, in sample order. */
export function geneEvents(matrix: BuiltMatrix<RecordCells>, gene: string): Alteration[] {
  const fi = matrix.features.findIndex((f) => f.type === 'gene' && f.id === gene)
  if (fi < 0) throw new InputError('NOT_FOUND', `gene ${quote(gene)} was not built`)
  const n = matrix.samples.length
  const events: Alteration[] = []
  for (let s = 0; s < n; s++) {
    const i = fi * n + s
    if (matrix.state[i] === ALTERED) events.push(...(matrix.cells.get(i)?.events ?? []))
  }
  return events
}

export async function lollipopFigure(matrix: BuiltMatrix<RecordCells>, gene: string, opts: LollipopFigureOptions = {}): Promise<LollipopFigure> {
  const events = geneEvents(matrix, gene)
  const transcript = await proteinTranscript(gene, { refseq: opts.refseq, limits: opts.limits })
  const data = lollipopSites(events, transcript.length, opts.split?.sideOf)
  const left: string[] = []
  if (data.unplaced > 0) left.push(`${data.unplaced} without a protein position`)
  if (data.beyond > 0) left.push(`${data.beyond} past residue ${transcript.length} (numbered on another transcript)`)
  if (data.ungrouped > 0) left.push(`${data.ungrouped} from samples outside the two groups`)
  const notes = [
    `${data.drawn} mutation${data.drawn === 1 ? '' : 's'} in ${data.samples} sample${data.samples === 1 ? '' : 's'} drawn${left.length > 0 ? `; not drawn: ${left.join(', ')}` : ''}`,
    `Transcript: ${transcript.rule}${opts.split ? `; split by ${opts.split.rule}` : ''}`,
  ]
  const svg = toSvg(layoutLollipop(transcript, data, { labelTop: opts.labelTop, hotspots: opts.hotspots, sides: opts.split?.names, notes, width: opts.width }))
  return { gene, svg, data, transcript, notes }
}

/** The hotspot residues the biomarker rules name for this gene, labelled with the rule id (drawn as marks on the axis). */
export function ruleHotspots(rules: readonly CompiledRule[], gene: string): { position: number; label: string }[] {
  const out: { position: number; label: string }[] = []
  for (const r of rules) {
    if (!r.genes.includes(gene) || r.hotspots === undefined) continue
    for (const residue of r.hotspots.keys()) out.push({ position: Number(residue.replace(/^\D+/, '')), label: r.id })
  }
  return out
}

/** `--sites-out`: one line per drawn site, under a `#` line naming the transcript and what was drawn. */
export function lollipopSitesTsv(fig: LollipopFigure): string[] {
  const t = fig.transcript
  const rows = fig.data.sites.map((s) => [s.position, s.side, s.count, s.samples, s.changes.map((c) => `${c.change}:${c.count}`).join(','), s.classes.map((c) => `${c.variantClass}:${c.count}`).join(',')].join('\t'))
  return [`# ${fig.gene} ${t.protein} (${t.refseq}), ${t.length} aa; ${fig.notes.join('; ')}`, 'position\tside\tcount\tsamples\tchanges\tclasses', ...rows]
}
