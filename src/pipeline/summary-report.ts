/**
 * The `summary` output: per-feature n/N with class breakdown, per-sample burden, and the read
 * report — as aligned text for people or JSON for programs.
 */
import type { BuiltMatrix } from '../matrix/build.js'
import { featureSummary, geneSummary, sampleSummary, stateTotals, type SampleSummaryRow, type StateTotals } from '../matrix/summary.js'
import { MAF_CLASSES } from '../model/alteration.js'
import type { ReadReport } from '../model/report.js'
import { droppedText, readReportJson, totalDropped, warningsText } from '../model/report.js'

export interface SummaryInput {
  readonly matrix: BuiltMatrix
  readonly reports: readonly ReadReport[]
  readonly countedClasses: readonly string[]
  /** Said under the first line, e.g. that counts are per sample when samples share patients. */
  readonly levelNote?: string | undefined
}

export function summaryJson(input: SummaryInput): unknown {
  const totals = stateTotals(input.matrix)
  return summaryDocument(input, totals, sampleSummary(input.matrix, totals))
}

/** The JSON document with the given perSample section (./summary-json.ts writes it as text). */
export function summaryDocument(input: SummaryInput, totals: StateTotals, perSample: readonly SampleSummaryRow[]): unknown {
  const { matrix } = input
  return {
    samples: matrix.samples.length,
    ...(input.levelNote === undefined ? {} : { level: input.levelNote }),
    countedClasses: input.countedClasses,
    features: featureSummary(matrix, totals),
    genes: geneSummary(matrix, totals),
    perSample,
    readReports: input.reports.map(readReportJson),
    notes: matrix.notes,
  }
}

function pct(x: number, n: number): string {
  return n === 0 ? 'NA' : `${((100 * x) / n).toFixed(1)}%`
}

/** Columns padded to their widest cell; the last column is not padded. */
export function alignColumns(rows: readonly (readonly string[])[]): string[] {
  const widths: number[] = []
  for (const r of rows) r.forEach((c, i) => (widths[i] = Math.max(widths[i] ?? 0, c.length)))
  return rows.map((r) => r.map((c, i) => (i === r.length - 1 ? c : c.padEnd(widths[i] ?? 0))).join('  ').trimEnd())
}

export function summaryText(input: SummaryInput, top?: number): string {
  const { matrix } = input
  const n = matrix.samples.length
  const out: string[] = []
  const rows = input.reports.reduce((s, r) => s + r.rowsRead, 0)
  out.push(`${n} samples sequenced; ${rows} input rows in ${input.reports.length} file(s)`)
  if (input.levelNote !== undefined) out.push(input.levelNote)
  out.push(`counted classes: ${input.countedClasses.join(', ')}`)
  const totals = stateTotals(matrix)
  let anyAltered = 0 // samples with an altered gene feature
  for (let s = 0; s < n; s++) if ((totals.geneAltered[s] as number) > 0) anyAltered++
  out.push(`altered in ${anyAltered} of ${n} samples (${pct(anyAltered, n)})`, '')
  const genes = new Map(geneSummary(matrix, totals).map((g) => [g.gene, g]))
  const typeOrder = { gene: 0, rule: 1, pathway: 2 } as const
  const feats = featureSummary(matrix, totals)
    .slice()
    .sort((a, b) => typeOrder[a.type] - typeOrder[b.type] || b.altered - a.altered || (a.id < b.id ? -1 : a.id > b.id ? 1 : 0))
  const genesOnly = feats.filter((f) => f.type === 'gene')
  const shown = top === undefined ? feats : [...genesOnly.slice(0, top), ...feats.filter((f) => f.type !== 'gene')]
  const table: string[][] = [['feature', 'type', 'altered/assayed', '%', 'not assayed', 'events by class']]
  for (const f of shown) {
    const g = genes.get(f.id)
    const classes =
      g && f.type === 'gene'
        ? MAF_CLASSES.filter((k) => g.classCounts[k] !== undefined)
            .map((k) => `${k} ${g.classCounts[k]}`)
            .join(', ')
        : ''
    // Pathway labels already name the pathway ("PI3K/AKT/mTOR (PAM) pathway"); rules show id and label.
    const name = f.type === 'pathway' || f.label === f.id ? f.label : `${f.id} (${f.label})`
    table.push([name, f.type, `${f.altered}/${f.assayed}`, pct(f.altered, f.assayed), String(f.notAssayed), classes])
  }
  for (const l of alignColumns(table)) out.push(l) // not push(...): one argument per feature overflows the stack
  if (top !== undefined && shown.length < feats.length) out.push(`… ${feats.length - shown.length} more gene(s); --top to show more, --json for all`)
  out.push('', 'read report:')
  for (const r of input.reports) {
    const dropped = Object.entries(droppedText(r))
    out.push(`  ${r.file} (${r.format}): read ${r.rowsRead}, kept ${r.kept}, dropped ${totalDropped(r)}${dropped.length ? ` (${dropped.map(([k, v]) => `${v} ${k}`).join('; ')})` : ''}`)
    for (const w of warningsText(r)) out.push(`    warning: ${w}`)
  }
  const notes = matrix.notes
  const refused = Object.entries(notes.refused)
  if (refused.length > 0) out.push(`  events outside the panel's assay (not counted): ${refused.map(([k, v]) => `${v} ${k}`).join('; ')}`)
  for (const w of notes.warnings) out.push(`  note: ${w}`)
  return out.join('\n') + '\n'
}
