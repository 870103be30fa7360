/**
 * Gene-level copy-number calls → Alteration records (kind 'cna').
 *
 * Layouts and value scales: see layout.ts and states.ts.
 *
 * Representation (why two arrays): `alterations` holds only the high-level events a CNA track
 * means by default, amplification (variantClass 'Amp', cnState 'amp') and deep/homozygous deletion
 * ('Del', 'deep_del'), as maftools' cnTable and cBioPortal's default OncoPrint do. Low-level gains
 * and shallow (one-copy) losses are returned separately in `lowLevel` (variantClass 'Amp'/'Del',
 * cnState 'gain'/'shallow_del'), so no later stage can count them as amplifications by accident;
 * a caller who wants them merges them deliberately and classifies on cnState.
 * A Hugo_Symbol's '|suffix' is dropped, as cBioPortal does. Rows naming a gene only by Entrez ID
 * are dropped as 'missing gene' (no ID mapping here).
 * Origin is 'somatic': tumour copy-number calls are made against a normal or a panel of normals.
 *
 * Accounting: for long tables one ReadReport unit is a row; for matrices it is a gene × sample cell
 * (format '… (cells)'). Units not kept are dropped by reason: 'neutral', 'low-level (gain /
 * shallow deletion)', 'not a dosage state (CN-LOH, complex)', 'missing value', 'missing gene',
 * 'missing sample', 'comment line' ('#' lines between rows, one unit each), 'duplicate' (same sample, gene and state seen before), 'unrecognized value'
 * (lenient only; strict mode throws a located error). Low-level units are counted as dropped from
 * `alterations` even though they are returned in `lowLevel`.
 * `samples` lists every sample the file assays (matrix columns, or every sample named in a long
 * table), including samples with no alteration: they are wild-type, not unassayed.
 * "Not Available" (comut; TCGA's "[Not Available]") says a locus was not assayed in a sample: such
 * units are dropped as 'not assayed (Not Available)' and listed in `notAssayed`, so the matrix
 * never counts them as wild-type. Other missing tokens (NA, empty) stay 'missing value'.
 * Allele-specific tables (two rows per locus, comut / Liu 2019) are combined per locus: ./allelic.ts.
 */
import { z } from 'zod'
import { InputError, quote } from '../errors.js'
import { parseFloatField, isMissing } from '../io/fields.js'
import { parseTableLines, readTable, type ReadTableResult } from '../io/table.js'
import type { Alteration } from '../model/alteration.js'
import { drop, dropSkipped, newReport, warn, warnError, type DropCode, type ReadReport } from '../model/report.js'
import { isAlleleOnlyWord, isNotAvailable } from './allelic.js'
import { buildAllelic } from './read-allelic.js'
import { detectLayout, type Layout } from './layout.js'
import {
  ACCEPTED_CALLS,
  DEFAULT_COPIES_THRESHOLDS,
  DEFAULT_LOG2_THRESHOLDS,
  lookupCall,
  stateFromCopies,
  stateFromLog2,
  ThresholdsSchema,
  type CnCall,
} from './states.js'
import type { WithLimits } from '../io/read-limits.js'

export const ReadCopyNumberOptionsSchema = z.object({
  sampleColumn: z.string().min(1).optional(),
  geneColumn: z.string().min(1).optional(),
  valueColumn: z.string().min(1).optional(),
  scale: z.enum(['call', 'copies', 'log2']).optional(),
  copiesThresholds: ThresholdsSchema.optional(),
  log2Thresholds: ThresholdsSchema.optional(),
  lenient: z.boolean().optional(),
})
/** The schema's options, and the read limits (default readLimits()). */
export type ReadCopyNumberOptions = z.input<typeof ReadCopyNumberOptionsSchema> & WithLimits
type Opts = z.output<typeof ReadCopyNumberOptionsSchema>

/** A locus whose copy number the table says was not assayed in a sample ("Not Available"). */
export interface CnNotAssayed {
  readonly sample: string
  readonly gene: string
  readonly source: { readonly file: string; readonly line: number }
}

export interface CopyNumberResult {
  readonly alterations: Alteration[]
  readonly lowLevel: Alteration[]
  readonly report: ReadReport
  readonly samples: string[]
  readonly notAssayed: CnNotAssayed[]
}

export async function readCopyNumber(path: string, opts: ReadCopyNumberOptions = {}): Promise<CopyNumberResult> {
  const o = ReadCopyNumberOptionsSchema.parse(opts)
  return build(await readTable(path, { lenient: o.lenient, what: 'copy-number table', limits: opts.limits }), o)
}

export function parseCopyNumberLines(file: string, lines: readonly string[], opts: ReadCopyNumberOptions = {}): CopyNumberResult {
  const o = ReadCopyNumberOptionsSchema.parse(opts)
  return build(parseTableLines(file, lines, { lenient: o.lenient, what: 'copy-number table' }), o)
}

const DROP_REASON: Readonly<Record<Exclude<CnCall, 'amp' | 'deep_del'>, DropCode>> = {
  neutral: 'cn-neutral',
  gain: 'cn-low-level',
  shallow_del: 'cn-low-level',
  other: 'cn-not-dosage',
}

/** Generic missing tokens plus comut's "Not Available" (with or without TCGA brackets). */
function isMissingCn(s: string | undefined): boolean {
  return isMissing(s) || /^\[?not available\]?$/i.test((s as string).trim())
}

interface Cell {
  readonly raw: string
  readonly file: string
  readonly line: number
  readonly column: number
  readonly columnName: string
}

/** Turns one cell into a state under a fixed scale; throws located errors. */
function classifier(scale: 'call' | 'copies' | 'log2', o: Opts): (c: Cell) => { state: CnCall; copies?: number | undefined } {
  if (scale === 'call') {
    return (c) => {
      const state = lookupCall(c.raw)
      if (state === undefined && isAlleleOnlyWord(c.raw)) {
        // One matrix cell per locus cannot hold two alleles: reading it as the locus' state would
        // call one lost allele a homozygous deletion.
        throw new InputError('UNKNOWN_TERM', `${c.columnName}: ${quote(c.raw)} is a per-allele copy-number state`, {
          file: c.file,
          line: c.line,
          column: c.column,
          suggestion: 'allele-specific calls need a long table (sample, gene, value) with one row per allele',
        })
      }
      if (state === undefined) {
        throw new InputError('UNKNOWN_TERM', `${c.columnName}: unknown copy-number call ${quote(c.raw)}`, {
          file: c.file,
          line: c.line,
          column: c.column,
          suggestion: `accepted: ${ACCEPTED_CALLS.join(', ')}; continuous values need scale 'log2' or 'copies'`,
        })
      }
      return { state }
    }
  }
  const t = scale === 'copies' ? (o.copiesThresholds ?? DEFAULT_COPIES_THRESHOLDS) : (o.log2Thresholds ?? DEFAULT_LOG2_THRESHOLDS)
  return (c) => {
    const v = parseFloatField(c.raw, { file: c.file, line: c.line, column: c.column, name: c.columnName }) as number
    if (scale === 'log2') return { state: stateFromLog2(v, t) }
    if (v < 0) throw new InputError('BAD_NUMBER', `${c.columnName}: copy number cannot be negative, got ${v}`, { file: c.file, line: c.line, column: c.column })
    return { state: stateFromCopies(v, t), copies: v }
  }
}

/** maftools' cnTable puts words in CN; other tables put copy numbers there. Decide per column. */
function resolveScale(layout: Layout, t: ReadTableResult): 'call' | 'copies' | 'log2' {
  if (layout.form === 'matrix') return 'call'
  if (layout.scale !== 'cn?') return layout.scale
  const words = t.rows.some((r) => {
    const v = r.fields[layout.value]
    return !isMissingCn(v) && !/^[+-]?(\d+\.?\d*|\.\d+)([eE][+-]?\d+)?$/.test((v as string).trim())
  })
  return words ? 'call' : 'copies'
}

function build(t: ReadTableResult, o: Opts): CopyNumberResult {
  const { header } = t
  const layout = detectLayout(header, o)
  const scale = layout.form === 'matrix' ? (o.scale ?? 'call') : resolveScale(layout, t)
  if (layout.form === 'long' && scale === 'call' && t.rows.some((r) => isAlleleOnlyWord(r.fields[layout.value] ?? ''))) {
    return buildAllelic(t, layout, { lenient: o.lenient })
  }
  const classify = classifier(scale, o)
  const report = newReport(header.file, layout.form === 'matrix' ? `copy-number matrix, ${scale} (cells)` : `copy-number long table, ${scale}`)
  dropSkipped(report, t.skipped, { withBlank: true, countRead: true })
  const alterations: Alteration[] = []
  const lowLevel: Alteration[] = []
  const samples = new Set<string>()
  const notAssayed: CnNotAssayed[] = []
  const seen = new Map<string, { state: CnCall; line: number }[]>()
  if (layout.form === 'matrix') for (const i of layout.samples) samples.add((header.columns[i] as string).trim())

  const take = (sample: string | undefined, gene: string | undefined, cell: Cell): void => {
    report.rowsRead++
    if (sample === undefined) return drop(report, 'missing-sample')
    samples.add(sample)
    if (gene === undefined) return drop(report, 'missing-gene')
    if (isNotAvailable(cell.raw)) {
      notAssayed.push({ sample, gene, source: { file: header.file, line: cell.line } })
      return drop(report, 'cn-not-assayed')
    }
    if (isMissingCn(cell.raw)) return drop(report, 'missing-value')
    let r: ReturnType<typeof classify>
    try {
      r = classify(cell)
    } catch (e) {
      if (!(o.lenient && e instanceof InputError)) throw e
      warnError(report, e)
      return drop(report, 'cn-unrecognized')
    }
    const key = `${sample}\t${gene}`
    const prior = seen.get(key) ?? []
    if (r.state !== 'neutral' && r.state !== 'other') {
      if (prior.some((p) => p.state === r.state)) return drop(report, 'duplicate')
      const conflict = prior.find((p) => p.state !== r.state)
      if (conflict) warn(report, { code: 'cn-conflict', location: { file: header.file, line: cell.line }, detail: `${gene} in ${sample} is ${r.state} here but ${conflict.state} at line ${conflict.line}` })
      seen.set(key, [...prior, { state: r.state, line: cell.line }])
    }
    if (r.state === 'neutral' || r.state === 'other') return drop(report, DROP_REASON[r.state])
    const rec: Alteration = {
      sample,
      gene,
      kind: 'cna',
      variantClass: r.state === 'amp' || r.state === 'gain' ? 'Amp' : 'Del',
      variantType: 'CNV',
      origin: 'somatic',
      cnState: r.state,
      copyNumber: r.copies,
      source: { file: header.file, line: cell.line },
    }
    if (r.state === 'amp' || r.state === 'deep_del') {
      alterations.push(rec)
      report.kept++
    } else {
      lowLevel.push(rec)
      drop(report, DROP_REASON[r.state])
    }
  }

  const value = (s: string | undefined): string | undefined => (isMissing(s) ? undefined : (s as string).trim())
  for (const row of t.rows) {
    // cBioPortal's importer tests put '#' comment lines between data rows; one unit each.
    if ((row.fields[0] ?? '').startsWith('#')) {
      report.rowsRead++
      drop(report, 'comment-line')
      continue
    }
    // cBioPortal drops a '|suffix' from Hugo_Symbol ("AKT2|TEST", GISTIC's "GENE|chr19").
    const gene = value(row.fields[layout.gene]?.split('|')[0])
    if (layout.form === 'matrix') {
      for (const i of layout.samples) {
        const columnName = (header.columns[i] as string).trim()
        take(columnName, gene, { raw: row.fields[i] ?? '', file: header.file, line: row.line, column: i + 1, columnName })
      }
    } else {
      const columnName = header.columns[layout.value] as string
      take(value(row.fields[layout.sample]), gene, { raw: row.fields[layout.value] ?? '', file: header.file, line: row.line, column: layout.value + 1, columnName })
    }
  }
  return { alterations, lowLevel, report, samples: [...samples], notAssayed }
}
