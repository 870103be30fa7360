/**
 * ANNOVAR *_multianno.txt (table_annovar.pl) → Alterations. Columns by header name (STYLE habit 7):
 * Chr, Start, End, Ref, Alt and Func/Gene/ExonicFunc/AAChange of one gene database (refGene, else
 * ensGene, else knownGene, else the first Func.<db> column). The sample is the row's
 * Tumor_Sample_Barcode column when present (maftools' example adds one), else options.sampleOverride
 * or tumorId; with neither it is a USAGE error, nothing is guessed.
 *
 * ANNOVAR coordinates are already left-normalised with '-' for an empty allele; an insertion sits
 * on the base before it (Start = End), which becomes MAF Start = Start, End = Start + 1 as
 * vcf2maf writes insertions. CR-only line endings (maftools' example) are handled by the line source.
 *
 * Complexity: O(bytes); one split per row.
 */
import { InputError } from '../errors.js'
import { parsePositionField } from '../io/fields.js'
import { displayName, readLineBatches } from '../io/lines.js'
import { findColumn, requireColumns, TableParser, type TableHeader } from '../io/table.js'
import { kindOfType, type Alteration, type VariantType } from '../model/alteration.js'
import { drop, dropSkipped, newReport, warnError, type ReadReport } from '../model/report.js'
import { interpretAnnovar } from './annovar.js'
import { classifyConsequence } from '../model/consequence.js'
import { ReadNotes } from '../model/read-notes.js'
import { VcfReadOptionsSchema, type VcfReadOptions } from './options.js'

export interface AnnovarResult {
  readonly alterations: Alteration[]
  readonly report: ReadReport
  readonly samples: string[]
}

const DB_ORDER = ['refGene', 'ensGene', 'knownGene']

function chooseDb(h: TableHeader): string {
  const dbs = h.columns.filter((c) => c.startsWith('Func.')).map((c) => c.slice('Func.'.length))
  const db = DB_ORDER.find((d) => dbs.includes(d)) ?? dbs[0]
  if (db === undefined) {
    throw new InputError('MISSING_COLUMN', 'ANNOVAR table: no Func.<database> column (e.g. Func.refGene)', {
      file: h.file,
      line: h.line,
      suggestion: 'expected table_annovar.pl output (*_multianno.txt) with a gene-based annotation (-protocol refGene -operation g)',
    })
  }
  return db
}

function variantType(ref: string, alt: string): VariantType {
  const r = ref === '-' ? 0 : ref.length
  const a = alt === '-' ? 0 : alt.length
  if (r === a) return a === 1 ? 'SNP' : a === 2 ? 'DNP' : a === 3 ? 'TNP' : 'ONP'
  return r > a ? 'DEL' : 'INS'
}

class AnnovarTableParser {
  readonly table: TableParser
  readonly report: ReadReport
  readonly alterations: Alteration[] = []
  private readonly samples = new Set<string>()
  private cols: { chr: number; start: number; end: number; ref: number; alt: number; func: number; gene: number; exonic: number; aa: number; sample: number | undefined } | undefined
  private readonly opts

  constructor(
    readonly file: string,
    options: VcfReadOptions,
  ) {
    this.opts = VcfReadOptionsSchema.parse(options)
    this.table = new TableParser(file, { delimiter: '\t', what: 'ANNOVAR table' })
    this.report = newReport(file, 'annovar')
  }

  private columns(h: TableHeader) {
    const db = chooseDb(h)
    const [chr, start, end, ref, alt, func, gene] = requireColumns(h, ['Chr', 'Start', 'End', 'Ref', 'Alt', `Func.${db}`, `Gene.${db}`], 'ANNOVAR table')
    const sample = findColumn(h, 'Tumor_Sample_Barcode')
    if (sample === undefined && this.opts.sampleOverride === undefined && this.opts.tumorId === undefined) {
      throw new InputError('USAGE', 'ANNOVAR table has no Tumor_Sample_Barcode column and no sample name was given', {
        file: h.file,
        line: h.line,
        suggestion: 'give the sample name (manifest sample / sampleOverride option)',
      })
    }
    return { chr, start, end, ref, alt, func, gene, exonic: findColumn(h, `ExonicFunc.${db}`) ?? -1, aa: findColumn(h, `AAChange.${db}`) ?? -1, sample } as NonNullable<typeof this.cols>
  }

  push(text: string, line: number): void {
    const row = this.table.push(text, line)
    if (row === undefined) return
    const h = this.table.header as TableHeader
    this.cols ??= this.columns(h)
    this.report.rowsRead++
    try {
      this.row(row.fields, line)
    } catch (e) {
      if (!this.opts.lenient || !(e instanceof InputError)) throw e
      drop(this.report, e.code === 'UNKNOWN_TERM' ? 'invalid-term' : 'invalid-value')
      warnError(this.report, e)
    }
  }

  private row(f: readonly string[], line: number): void {
    const c = this.cols as NonNullable<typeof this.cols>
    const get = (i: number): string | undefined => (i < 0 ? undefined : f[i])
    const loc = (i: number, name: string) => ({ file: this.file, line, column: i + 1, name })
    const start = parsePositionField(f[c.start], loc(c.start, 'Start'))
    const end = parsePositionField(f[c.end], loc(c.end, 'End'))
    const ref = (f[c.ref] ?? '').trim()
    const alt = (f[c.alt] ?? '').trim()
    if (start === undefined || end === undefined || ref === '' || alt === '') {
      drop(this.report, 'missing-position')
      return
    }
    const call = interpretAnnovar({ func: get(c.func), gene: get(c.gene), exonicFunc: get(c.exonic), aaChange: get(c.aa) })
    const cls = classifyConsequence(call.terms, ref, alt, { file: this.file, line, column: c.func + 1 })
    const type = variantType(ref, alt)
    const sample = (c.sample === undefined ? undefined : f[c.sample]?.trim()) || this.opts.sampleOverride || this.opts.tumorId
    if (sample === undefined) {
      drop(this.report, 'missing-sample')
      return
    }
    this.samples.add(sample)
    this.alterations.push({
      sample,
      gene: call.gene ?? 'Unknown',
      kind: kindOfType(type),
      variantClass: cls.variantClass,
      variantType: type,
      chrom: f[c.chr],
      start,
      end: ref === '-' ? start + 1 : end,
      ref,
      alt,
      protein: call.protein,
      origin: this.opts.origin ?? 'unknown',
      source: { file: this.file, line },
    })
    this.report.kept++
    this.notes.term(cls.term, cls.variantClass)
    this.notes.gene(call.gene ?? 'Unknown', line)
  }

  /** Terms not counted by default and date-like gene symbols, for the read report (../model/read-notes.ts). */
  private readonly notes = new ReadNotes()

  finish(): AnnovarResult {
    this.table.finish()
    dropSkipped(this.report, this.table.skipped)
    this.notes.flush(this.report)
    return { alterations: this.alterations, report: this.report, samples: [...this.samples] }
  }
}

export async function readAnnovarTable(path: string, opts: VcfReadOptions = {}): Promise<AnnovarResult> {
  const file = opts.displayName ?? displayName(path)
  const p = new AnnovarTableParser(file, opts)
  for await (const b of readLineBatches(path, { displayName: file, limits: opts.limits })) {
    for (let i = 0; i < b.lines.length; i++) p.push(b.lines[i] as string, b.firstLine + i)
  }
  return p.finish()
}

/** Same, from lines in memory (tests). */
export function parseAnnovarLines(lines: readonly string[], opts: VcfReadOptions = {}, file = 'input_multianno.txt'): AnnovarResult {
  const p = new AnnovarTableParser(opts.displayName ?? file, opts)
  lines.forEach((t, i) => p.push(t, i + 1))
  return p.finish()
}
