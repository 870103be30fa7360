/**
 * GISTIC 2.0 output → gene-level Alteration records, the way maftools' readGistic() reads it
 * (maftools R/readGistic.R at c8ff328):
 * - all_lesions.conf_XX.txt: one row per peak ("Amplification Peak 1", "Deletion Peak  3"); the
 *   "- CN values" rows are skipped; the sample columns follow "Amplitude Threshold"; a cell is 0
 *   (not altered), 1 (low-level: above the low threshold) or 2 (high-level);
 * - amp_genes / del_genes.conf_XX.txt: column-oriented, one column per peak: cytoband, q value,
 *   residual q value, wide peak boundaries, then the genes. A peak is matched to its gene column
 *   by (cytoband, wide peak boundaries) as maftools does; genes written "NAME|ENSG…" are left out
 *   (maftools: "ambiguous annotation") and counted in the report's warnings.
 * Every gene of an altered peak gets a record with `extra.peak` named as maftools names it
 * ("AP_1:1p33", "DP_3:7p12.1") and `extra.cytoband`.
 * Level: value 2 → `alterations` (amp / deep_del); value 1 → `lowLevel` (gain / shallow_del),
 * consistent with read.ts. maftools' default cnLevel = 'all' counts both: pass level 'all' to put
 * value-1 records into `alterations` too (their cnState still says gain / shallow_del).
 * Sample names are kept whole (maftools' isTCGA = TRUE would cut them to 12 characters).
 * ReadReport unit = peak × sample cell; dropped: 'not altered (0)', 'low-level (1)',
 * 'peak without gene list'. A (sample, gene, state) seen from two peaks is recorded once.
 */
import { z } from 'zod'
import { InputError, quote } from '../errors.js'
import { readLines } from '../io/lines.js'
import { findColumn, readTable, type ReadTableResult } from '../io/table.js'
import type { Alteration, CnState } from '../model/alteration.js'
import { drop, newReport, warn, type ReadReport } from '../model/report.js'
import type { ReadLimits, WithLimits } from '../io/read-limits.js'

export const ReadGisticOptionsSchema = z.object({
  ampGenes: z.string().min(1).optional(),
  delGenes: z.string().min(1).optional(),
  level: z.enum(['deep', 'all']).optional(),
})
/** The schema's options, and the read limits (default readLimits()). */
export type ReadGisticOptions = z.input<typeof ReadGisticOptionsSchema> & WithLimits

export interface GisticResult {
  readonly alterations: Alteration[]
  readonly lowLevel: Alteration[]
  readonly report: ReadReport
  readonly samples: string[]
}

type Kind = 'amp' | 'del'
const STATE: Readonly<Record<Kind, Readonly<Record<'1' | '2', CnState>>>> = {
  amp: { '1': 'gain', '2': 'amp' },
  del: { '1': 'shallow_del', '2': 'deep_del' },
}

/** Gene lists of one amp_genes / del_genes file, keyed by "cytoband|wide peak boundaries". */
export async function readGisticGenes(path: string, report: ReadReport, limits?: ReadLimits): Promise<Map<string, string[]>> {
  const rows: string[][] = []
  for await (const { text } of readLines(path, { limits })) rows.push(text.split('\t'))
  const [head, , , bounds] = rows
  if (head === undefined || bounds === undefined || head[0]?.trim().toLowerCase() !== 'cytoband') {
    throw new InputError('FORMAT', 'not a GISTIC genes file: expected rows cytoband, q value, residual q value, wide peak boundaries, genes', { file: path, line: 1 })
  }
  const out = new Map<string, string[]>()
  let ambiguous = 0
  for (let j = 1; j < head.length; j++) {
    const cytoband = (head[j] ?? '').trim()
    if (cytoband === '') continue
    const genes: string[] = []
    for (const r of rows.slice(4)) {
      const g = (r[j] ?? '').trim()
      if (g === '') continue
      if (g.includes('|')) ambiguous++
      else genes.push(g)
    }
    out.set(`${cytoband}|${(bounds[j] ?? '').trim()}`, genes)
  }
  if (ambiguous > 0) warn(report, { code: 'gistic-ambiguous-genes', location: { file: path }, detail: String(ambiguous) })
  return out
}

/** maftools' peak label: "Deletion Peak  3" + "7p12.1" → "DP_3:7p12.1". */
export function peakLabel(uniqueName: string, cytoband: string): string {
  const name = uniqueName.trim().replace(/ /g, '_').replace(/__/g, '_').replace('Amplification_Peak', 'AP').replace('Deletion_Peak', 'DP')
  return `${name}:${cytoband}`
}

export async function readGistic(allLesionsPath: string, opts: ReadGisticOptions): Promise<GisticResult> {
  const o = ReadGisticOptionsSchema.parse(opts)
  if (o.ampGenes === undefined && o.delGenes === undefined) {
    throw new InputError('USAGE', 'GISTIC: give amp_genes and/or del_genes to map peaks to genes', { file: allLesionsPath })
  }
  const t = await readTable(allLesionsPath, { what: 'GISTIC all_lesions file', limits: opts.limits })
  const report = newReport(t.header.file, 'GISTIC all_lesions (peak × sample cells)')
  const genes: Record<Kind, Map<string, string[]> | undefined> = {
    amp: o.ampGenes === undefined ? undefined : await readGisticGenes(o.ampGenes, report, opts.limits),
    del: o.delGenes === undefined ? undefined : await readGisticGenes(o.delGenes, report, opts.limits),
  }
  return build(t, genes, o.level ?? 'deep', report)
}

function build(t: ReadTableResult, genes: Record<Kind, Map<string, string[]> | undefined>, level: 'deep' | 'all', report: ReadReport): GisticResult {
  const { header } = t
  // Case-insensitive; a column repeated in other case is an error at the header (findColumn).
  const at = (name: string): number => {
    const i = findColumn(header, name) ?? -1
    if (i === -1) throw new InputError('MISSING_COLUMN', `GISTIC all_lesions: missing column ${quote(name)}`, { file: header.file, line: header.line })
    return i
  }
  const [nameCol, bandCol, wideCol, lastAnnot] = [at('unique name'), at('descriptor'), at('wide peak limits'), at('amplitude threshold')]
  const sampleCols = header.columns.map((c, i) => [c.trim(), i] as const).filter(([c, i]) => i > lastAnnot && c !== '')
  const alterations: Alteration[] = []
  const lowLevel: Alteration[] = []
  const seen = new Set<string>()
  for (const row of t.rows) {
    const unique = (row.fields[nameCol] ?? '').trim()
    if (/CN values/i.test(unique)) continue
    const kind: Kind | undefined = /^amplification peak/i.test(unique) ? 'amp' : /^deletion peak/i.test(unique) ? 'del' : undefined
    if (kind === undefined) throw new InputError('FORMAT', `GISTIC all_lesions: unexpected peak name ${quote(unique)}`, { file: header.file, line: row.line, column: nameCol + 1 })
    const cytoband = (row.fields[bandCol] ?? '').trim()
    const wide = (row.fields[wideCol] ?? '').split('(')[0]?.trim() ?? ''
    const peakGenes = genes[kind]?.get(`${cytoband}|${wide}`)
    const peak = peakLabel(unique, cytoband)
    if (peakGenes === undefined) warn(report, { code: 'gistic-peak-without-genes', location: { file: header.file, line: row.line }, detail: `${peak} has no gene list in the ${kind}_genes file` })
    for (const [sample, i] of sampleCols) {
      report.rowsRead++
      const v = (row.fields[i] ?? '').trim()
      if (v !== '0' && v !== '1' && v !== '2') {
        throw new InputError('BAD_VALUE', `${sample}: GISTIC call must be 0, 1 or 2, got ${quote(v)}`, { file: header.file, line: row.line, column: i + 1 })
      }
      if (v === '0') {
        drop(report, 'gistic-not-altered')
        continue
      }
      if (peakGenes === undefined) {
        drop(report, 'gistic-no-genes')
        continue
      }
      const state = STATE[kind][v]
      const into = v === '2' || level === 'all' ? alterations : lowLevel
      if (into === alterations) report.kept++
      else drop(report, 'gistic-low-level')
      for (const gene of peakGenes) {
        const key = `${sample}\t${gene}\t${state}`
        if (seen.has(key)) continue
        seen.add(key)
        into.push({
          sample,
          gene,
          kind: 'cna',
          variantClass: kind === 'amp' ? 'Amp' : 'Del',
          variantType: 'CNV',
          origin: 'somatic',
          cnState: state,
          source: { file: header.file, line: row.line },
          extra: { peak, cytoband },
        })
      }
    }
  }
  return { alterations, lowLevel, report, samples: sampleCols.map(([s]) => s) }
}
