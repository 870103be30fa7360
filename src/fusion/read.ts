/**
 * Fusion / structural-variant calls → Alteration records (kind 'fusion', variantClass 'Fusion',
 * variantType 'SV', origin 'somatic'). Layouts: see layout.ts; labels: fusion-name.ts.
 *
 * One row, two genes: a fusion is an alteration of BOTH partner genes (cBioPortal's OncoPrint shows
 * it in both genes' rows), so a two-gene row yields one record per gene: first gene = 5'/site-1
 * gene with partner = 3'/site-2 gene, then the 3' gene with the 5' gene as partner. With `genes`
 * (e.g. a panel's gene list) only listed genes get a record, so a fusion of two panel genes still
 * yields two and a fusion of a panel gene with an unlisted partner yields one. An intragenic event
 * (EGFR–EGFR, "EGFR-intragenic") yields one record with itself as partner; a row naming only one
 * site gene yields one record without partner. The MAF-like layout already has one row per gene,
 * so it yields one record per row.
 * `extra` carries `fusion` ("EML4::ALK", HGNC style), `site` ('5p' | '3p'), and cBioPortal's
 * Event_Info / Class when present.
 *
 * ReadReport unit = row (so alterations can outnumber `kept`). Dropped by reason: 'missing sample',
 * 'missing gene', 'no listed gene' (none of the row's genes is in `genes`), 'duplicate' (every record
 * the row would make was made before: same sample, gene, partner), 'unparseable fusion label'
 * (lenient; strict mode throws a located error), plus the table parser's reasons.
 */
import { z } from 'zod'
import { InputError, quote } from '../errors.js'
import { isMissing } from '../io/fields.js'
import { findColumn, parseTableLines, readTable, type ReadTableResult } from '../io/table.js'
import type { Alteration } from '../model/alteration.js'
import { drop, dropSkipped, newReport, warnError, type ReadReport } from '../model/report.js'
import { splitFusionName, type FusionGenes } from './fusion-name.js'
import { detectFusionLayout, type FusionLayout } from './layout.js'
import type { WithLimits } from '../io/read-limits.js'

export const ReadFusionsOptionsSchema = z.object({
  /** Sample name for a single-sample file without a sample column (PCGR, STAR-Fusion). */
  sample: z.string().min(1).optional(),
  /** Only these genes get records (e.g. a panel's genes). */
  genes: z.array(z.string().min(1)).optional(),
  lenient: z.boolean().optional(),
})
/** The schema's options, and the read limits (default readLimits()). */
export type ReadFusionsOptions = z.input<typeof ReadFusionsOptionsSchema> & WithLimits
type Opts = z.output<typeof ReadFusionsOptionsSchema>

export interface FusionResult {
  readonly alterations: Alteration[]
  readonly report: ReadReport
  readonly samples: string[]
}

export async function readFusions(path: string, opts: ReadFusionsOptions = {}): Promise<FusionResult> {
  const o = ReadFusionsOptionsSchema.parse(opts)
  return build(await readTable(path, { lenient: o.lenient, what: 'fusion table', limits: opts.limits }), o)
}

export function parseFusionLines(file: string, lines: readonly string[], opts: ReadFusionsOptions = {}): FusionResult {
  const o = ReadFusionsOptionsSchema.parse(opts)
  return build(parseTableLines(file, lines, { lenient: o.lenient, what: 'fusion table' }), o)
}

const cell = (s: string | undefined): string | undefined => (isMissing(s) ? undefined : (s as string).trim())

type GenePair = readonly [gene: string, partner: string | undefined]
type RowGenes =
  | { readonly kind: 'ok'; readonly fusion: FusionGenes | undefined; readonly pairs: GenePair[] }
  | { readonly kind: 'bad-label'; readonly label: string; readonly column: number }

/** The [gene, partner] pairs one row speaks for, 5'/site-1 gene first. */
function rowGenes(layout: FusionLayout, fields: readonly string[]): RowGenes {
  switch (layout.form) {
    case 'sv':
    case 'pair': {
      const g5 = cell(fields[layout.gene5])
      const g3 = cell(fields[layout.gene3])
      if (g5 !== undefined && g3 !== undefined) return { kind: 'ok', fusion: { gene5: g5, gene3: g3 }, pairs: [[g5, g3], [g3, g5]] }
      const only = g5 ?? g3
      return { kind: 'ok', fusion: undefined, pairs: only === undefined ? [] : [[only, undefined]] }
    }
    case 'maf': {
      const gene = cell(fields[layout.gene])
      const label = cell(fields[layout.label])
      const fusion = label === undefined ? undefined : splitFusionName(label, gene)
      const partner = fusion === undefined ? undefined : fusion.gene5 === gene ? fusion.gene3 : fusion.gene3 === gene ? fusion.gene5 : undefined
      return { kind: 'ok', fusion, pairs: gene === undefined ? [] : [[gene, partner]] }
    }
    case 'label': {
      const label = cell(fields[layout.label])
      if (label === undefined) return { kind: 'ok', fusion: undefined, pairs: [] }
      const fusion = splitFusionName(label)
      if (fusion === undefined) return { kind: 'bad-label', label, column: layout.label }
      return { kind: 'ok', fusion, pairs: [[fusion.gene5, fusion.gene3], [fusion.gene3, fusion.gene5]] }
    }
  }
}

function build(t: ReadTableResult, o: Opts): FusionResult {
  const { header } = t
  const file = header.file
  const layout = detectFusionLayout(header, o.sample !== undefined)
  const report = newReport(file, `fusion table, ${layout.form}`)
  dropSkipped(report, t.skipped, { withBlank: true, countRead: true })
  const listed = o.genes === undefined ? undefined : new Set(o.genes)
  const extrasAt = ['Event_Info', 'Class'].map((name) => [name, findColumn(header, name) ?? -1] as const).filter(([, i]) => i !== -1)
  const alterations: Alteration[] = []
  const samples = new Set<string>()
  const made = new Set<string>()

  for (const row of t.rows) {
    report.rowsRead++
    const sample = o.sample ?? (layout.sample === undefined ? undefined : cell(row.fields[layout.sample]))
    if (sample === undefined) {
      drop(report, 'missing-sample')
      continue
    }
    samples.add(sample)

    const parsed = rowGenes(layout, row.fields)
    if (parsed.kind === 'bad-label') {
      const e = new InputError('BAD_VALUE', `${header.columns[parsed.column]}: cannot split fusion label ${quote(parsed.label)} into two genes`, {
        file,
        line: row.line,
        column: parsed.column + 1,
        suggestion: "write it as GENE1::GENE2 or GENE1--GENE2 (gene symbols may contain '-')",
      })
      if (!o.lenient) throw e
      warnError(report, e)
      drop(report, 'fusion-unparseable')
      continue
    }
    const { fusion } = parsed
    let { pairs } = parsed
    if (fusion !== undefined && fusion.gene5 === fusion.gene3) pairs = pairs.slice(0, 1)
    if (pairs.length === 0) {
      drop(report, 'missing-gene')
      continue
    }
    if (listed !== undefined) pairs = pairs.filter(([g]) => listed.has(g))
    if (pairs.length === 0) {
      drop(report, 'fusion-unlisted')
      continue
    }
    let fresh = 0
    for (const [gene, partner] of pairs) {
      const key = `${sample}\t${gene}\t${partner ?? ''}`
      if (made.has(key)) continue
      made.add(key)
      fresh++
      const extra: Record<string, string> = {}
      if (fusion !== undefined) {
        extra.fusion = `${fusion.gene5}::${fusion.gene3}`
        extra.site = gene === fusion.gene5 ? '5p' : '3p'
      }
      for (const [name, i] of extrasAt) {
        const v = cell(row.fields[i])
        if (v !== undefined) extra[name] = v
      }
      alterations.push({
        sample,
        gene,
        kind: 'fusion',
        variantClass: 'Fusion',
        variantType: 'SV',
        origin: 'somatic',
        partner,
        source: { file, line: row.line },
        extra,
      })
    }
    if (fresh === 0) drop(report, 'duplicate')
    else report.kept++
  }
  return { alterations, report, samples: [...samples] }
}
