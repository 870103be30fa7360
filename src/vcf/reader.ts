/**
 * The VCF parser: lines in, alterations (or EventTable rows) out, no I/O (read.ts is the streaming
 * edge). Header lines are collected until #CHROM; then one @gmod/vcf parser is built from them
 * (meta lines, INFO/FORMAT declarations, samples) and the annotation dialect and sample roles are
 * decided once. Record lines go to the text path (text-path.ts); given an EventTable, `pushBytes`
 * first offers a line to the byte path (byte-path/), which writes the record's rows or hands the
 * line back. Either way the parser is "feed header and record lines with their line numbers, then
 * finish()", in any split of the file; a later part read by a worker thread comes back as rows and
 * counts (`partCounts` / `absorb`).
 *
 * Accounting: every record is read = kept (≥ 1 alteration) + dropped (by the reason of its last
 * allele); breakend pairs settle when the pair resolves (sv.ts). INFO keys not declared in the
 * header are tolerated (VCF 4.3 §1.6.1 reserved keys count as declared) and warned about once per
 * key, with the first line that used it. Kept rows of consequence classes maftools does not count,
 * and date-like gene symbols, are named in the report at finish (../model/read-notes.ts).
 *
 * Complexity: O(record bytes) per record. Memory: the header, pending breakends, and the output
 * (~360 B a record object; one EventTable row, ~61 B + protein string). Timings: README "Performance".
 */
import VCF, { type MetaMap } from '@gmod/vcf'
import { InputError, isInputError } from '../errors.js'
import { addDrops, copyDrops, drop, newReport, warn, warnError, type DropCode, type DropTally, type ReadReport } from '../model/report.js'
import { ReadNotes, type ReadNotesData } from '../model/read-notes.js'
import type { Alteration, VariantClass } from '../model/alteration.js'
import { decoderFor, entryLayout, type AnnotationDecoder } from './annotation.js'
import { detectDialect, dialectFromUndeclaredKey, UNANNOTATED_HINT, unannotatedMessage, type Dialect } from './dialect.js'
import { resolveThresholds, VcfReadOptionsSchema, type ParsedVcfOptions, type VcfReadOptions } from './options.js'
import { isDrop, type AlleleResult, type FilteredDrop } from './record.js'
import { TextPath, type RecordEngine } from './text-path.js'
import { resolveRoles, type SampleRoles } from './sample-roles.js'
import { multiAllelicNote, type MultiAllelicTally } from './multiallelic.js'
import { GeneIndex } from './structural.js'
import { SvHandler } from './sv.js'
import type { EventTable } from '../model/events.js'
import { bytePath, type BytePath } from './byte-path/index.js'

/** Header bounds: GRCh38 with alt contigs has ~3,400 ##contig lines; scaffold-level genomes reach ~10^5. */
const MAX_HEADER_LINES = 1_000_000
const MAX_HEADER_CHARS = 64 * 2 ** 20

export interface VcfResult {
  readonly alterations: Alteration[]
  readonly report: ReadReport
  /** Tumour sample IDs seen in the header (all sample columns for a cohort VCF). */
  readonly samples: string[]
}

/** A refused record's drop reason by its error code (lenient mode); other codes: 'invalid' with the code. */
const REASON_BY_CODE: Readonly<Partial<Record<string, DropCode>>> = {
  UNKNOWN_TERM: 'invalid-term',
  BAD_NUMBER: 'invalid-number',
  FORMAT: 'invalid-record',
}


export type { OracleRecord, RecordEngine, RecordOracle } from './text-path.js'


/** See VcfParser.partCounts. */
export interface VcfPartCounts {
  readonly rowsRead: number
  readonly kept: number
  readonly dropped: readonly DropTally[]
  readonly warnings: number
  readonly structural: number
  readonly dialectFromRecords: boolean
  readonly multi: MultiAllelicTally
  readonly notes: ReadNotesData
}

export class VcfParser {
  readonly report: ReadReport
  readonly alterations: Alteration[] = []
  /** When set, alterations are handed over one by one and not kept (flat memory for huge files). */
  onRecord: ((a: Alteration) => void) | undefined
  private readonly opts: ParsedVcfOptions
  private readonly header: string[] = []
  /** Characters of the header lines so far (bounded: MAX_HEADER_CHARS). */
  private headerChars = 0
  private parser: VCF | undefined
  private infoMeta: MetaMap = {}
  private dialect: Dialect | undefined
  private decoder: AnnotationDecoder | undefined
  private roles: SampleRoles = { mode: 'sites-only' }
  private sampleNames: string[] = []
  private headerLine = 0
  private lastLine = 0
  private dialectPending = false
  private format = 'vcf'
  private readonly undeclared = new Set<string>()
  private readonly sv: SvHandler
  /** The text path (text-path.ts), made at the #CHROM line. */
  private text: TextPath | undefined
  /** The table path for small-variant record bytes (byte-path/row-reader.ts); only with a table and no oracle. */
  private rows: BytePath | undefined

  /**
   * With `table`, kept alterations are appended to it (small variants read from bytes by
   * `pushBytes` as id rows, without a record object) and `alterations` stays empty.
   */
  constructor(
    readonly file: string,
    options: VcfReadOptions = {},
    private readonly engine: RecordEngine = 'fast',
    private readonly table?: EventTable,
  ) {
    this.opts = VcfReadOptionsSchema.parse(options)
    this.report = newReport(file, 'vcf')
    this.firstRow = table?.length ?? 0
    this.sv = new SvHandler({
      thresholds: resolveThresholds(this.opts.cnThresholds),
      lowLevel: this.opts.cnaLowLevel ?? false,
      genes: this.opts.genes ? new GeneIndex(this.opts.genes) : undefined,
    })
  }

  /** Tumour sample IDs (all sample columns for a cohort). */
  get samples(): string[] {
    if (this.roles.mode === 'cohort') return [...this.sampleNames]
    return this.roles.tumorName === undefined ? [] : [this.roles.tumorName]
  }

  push(text: string, line: number): void {
    this.lastLine = line
    if (this.parser === undefined) {
      this.pushHeader(text, line)
      return
    }
    if (text === '') return
    this.report.rowsRead++
    let result: AlleleResult[]
    const reader = this.text as TextPath
    try {
      result = reader.read(text, line)
    } catch (e) {
      if (!this.opts.lenient || !isInputError(e) || e.code === 'UNANNOTATED') throw e
      const code = REASON_BY_CODE[e.code]
      if (code !== undefined) drop(this.report, code)
      else drop(this.report, 'invalid', 1, e.code.toLowerCase())
      warnError(this.report, e)
      return
    }
    let kept = false
    let reason: DropCode | FilteredDrop = 'no-alt'
    const shared = reader.lastShared
    for (const r of result) {
      if (isDrop(r)) reason = r
      else if (r.length > 0) {
        kept = true
        if (this.table) for (const a of r) this.table.push(a)
        else if (this.onRecord) for (const a of r) this.onRecord(a)
        else for (const a of r) this.alterations.push(a)
      }
    }
    if (kept) {
      this.report.kept++
      if (shared?.notes !== undefined) for (const n of shared.notes) this.noteRows(n.term, n.cls, n.gene, n.rows, line)
    }
    // An empty result is a breakend waiting for its mate: settled by the SV handler later.
    else if (result.length > 0) {
      if (typeof reason === 'string') drop(this.report, reason)
      else drop(this.report, reason.code, 1, reason.detail)
    }
  }

  /**
   * After a block of lines fed by bytes (../io/byte-lines.ts): once, size the table for the whole
   * file from the rows the first block gave (no growth copies, no half-empty last growth).
   */
  block(fed: number, fileSize: number): void {
    const t = this.table
    if (this.sized || t === undefined) return
    this.sized = true
    const rows = t.length - this.firstRow
    if (rows > 0 && fileSize > 2 * fed) t.reserve(Math.ceil((fileSize / fed) * rows * 1.02) - rows)
  }

  private sized = false
  private readonly firstRow: number
  /** Records the table path read from bytes (the others were decoded and read as text). */
  tablePathRecords = 0

  /**
   * Feed one line given as bytes buf[s, e) (valid UTF-8, no line break). With a table, a
   * small-variant record is read from the bytes (byte-path/row-reader.ts) when it can be read exactly; any other
   * line is decoded and read by `push`.
   */
  pushBytes(buf: Buffer, s: number, e: number, line: number): void {
    if (this.rows !== undefined && s < e) {
      this.lastLine = line
      if (this.rows.push(buf, s, e, line)) {
        this.tablePathRecords++
        return
      }
    }
    this.push(buf.toString('utf8', s, e), line)
  }

  private pushHeader(text: string, line: number): void {
    // Bounded: the header is held whole until #CHROM (a 4.3 MB VCF of 30M header lines took 3.9 GB).
    this.headerChars += text.length
    if (line > MAX_HEADER_LINES || this.headerChars > MAX_HEADER_CHARS) {
      throw new InputError('LIMIT', `VCF header is longer than ${line > MAX_HEADER_LINES ? `${MAX_HEADER_LINES} lines` : `${MAX_HEADER_CHARS / 2 ** 20} MiB`} before its #CHROM line`, {
        file: this.file,
        line,
        suggestion: 'real VCF headers are a few thousand lines; check the file is a VCF and complete',
      })
    }
    if (text.startsWith('##')) {
      // A "##" line that is not KEY=VALUE (free text some tools write) would make @gmod/vcf reject
      // the whole header: skip it, with a located warning.
      if (text.indexOf('=') > 2) this.header.push(text)
      else warn(this.report, { code: 'vcf-header-not-meta', location: { file: this.file, line }, detail: '' })
      return
    }
    if (!text.startsWith('#CHROM')) {
      if (text.trim() === '' && this.header.length > 0) return
      if (text.startsWith('#') && this.header.length > 0) {
        warn(this.report, { code: 'vcf-header-comment', location: { file: this.file, line }, detail: '' })
        return
      }
      throw new InputError('FORMAT', this.header.length === 0 ? 'not a VCF: expected ##fileformat or #CHROM header lines' : 'VCF has no #CHROM header line before its first record', {
        file: this.file,
        line,
        suggestion: 'a VCF needs a tab-separated "#CHROM POS ID REF ALT QUAL FILTER INFO" line after the ## meta lines',
      })
    }
    this.headerLine = line
    try {
      this.parser = new VCF({ header: [...this.header, text].join('\n'), strict: false })
    } catch (e) {
      throw new InputError('FORMAT', `bad VCF header: ${e instanceof Error ? e.message.split('\n')[0] : String(e)}`, { file: this.file, line })
    }
    this.infoMeta = (this.parser.getMetadata('INFO') ?? {}) as MetaMap
    this.sampleNames = this.parser.samples
    const meta = (k: string): string | undefined => {
      const v = this.parser?.getMetadata(k)
      return typeof v === 'string' ? v : undefined
    }
    this.roles = resolveRoles(this.sampleNames, { tumorSample: meta('tumor_sample'), normalSample: meta('normal_sample') }, this.opts, this.file, line)
    if (this.roles.mode === 'sites-only' && this.opts.sampleOverride === undefined && this.opts.tumorId === undefined) {
      warn(this.report, { code: 'vcf-no-samples', location: { file: this.file, line }, detail: this.roles.tumorName ?? '' })
    }
    const oracle = this.engine === 'fast' ? undefined : this.engine([...this.header, text].join('\n'), this.roles)
    this.text = new TextPath(
      { file: this.file, opts: this.opts, oracle, infoMeta: this.infoMeta, roles: this.roles, sampleNames: this.sampleNames, sv: this.sv, multi: this.multi },
      { settled: this.settled, onKey: this.onKey, pending: () => this.dialectPending, unannotated: () => this.unannotated() },
    )
    this.setDialect(detectDialect(this.infoMeta))
    if (this.dialect === undefined && this.opts.genes === undefined) this.dialectPending = true
  }

  private setDialect(d: Dialect | undefined): void {
    this.dialect = d
    this.decoder = d === undefined ? undefined : decoderFor(d)
    this.text?.setDecoder(d, this.decoder)
    this.format = d === undefined ? 'vcf' : `vcf:${d.kind}`
    this.rows = undefined
    const layout = d === undefined ? undefined : entryLayout(d)
    const key = this.decoder?.key
    const type = key === undefined ? undefined : this.infoMeta[key]?.Type
    // The table path reads the annotation value as written: not when the header types it as a
    // number or flag (the text path then reads typed values, rules/info.ts).
    if (this.table !== undefined && this.engine === 'fast' && layout !== undefined && key !== undefined && type !== 'Flag' && type !== 'Integer' && type !== 'Float') {
      this.rows = bytePath({
        file: this.file,
        table: this.table,
        report: this.report,
        keepFiltered: this.opts.keepFiltered ?? false,
        origin: this.opts.origin,
        roles: this.roles,
        sampleNames: this.sampleNames,
        key,
        layout,
        infoMeta: this.infoMeta,
        settled: this.settled,
        splitMultiallelic: this.opts.splitMultiallelic ?? false,
        multi: this.multi,
        notes: this.notes,
      })
    }
  }

  private unannotated(): InputError {
    return new InputError('UNANNOTATED', unannotatedMessage(this.infoMeta), {
      file: this.file,
      line: this.headerLine,
      suggestion: `${UNANNOTATED_HINT}; for copy-number / SV VCFs, a gene coordinate list (genes option) also works`,
    })
  }

  /** Whether the header left the dialect to be decided by the records (an undeclared ANN / EFF key). */
  get dialectFromRecords(): boolean {
    return this.dialectPending
  }

  /**
   * What a parser that read one later part of a file (a worker thread, ../scale/read/parallel.ts) hands
   * back beside its table rows; `headerWarnings` is how many warnings its header lines gave.
   */
  partCounts(headerWarnings: number): VcfPartCounts {
    return {
      rowsRead: this.report.rowsRead,
      kept: this.report.kept,
      dropped: copyDrops(this.report.dropped),
      warnings: this.report.warnings.length - headerWarnings,
      structural: this.sv.structuralSeen,
      dialectFromRecords: this.dialectPending,
      multi: { ...this.multi },
      notes: this.notes.data(),
    }
  }

  /**
   * Whether a part's rows and counts are what reading its lines here would give: not when it warned
   * (warnings carry line numbers and are given once per key), read breakends (pairs span records),
   * or had to learn the dialect from its records.
   */
  static mergeable(c: VcfPartCounts): boolean {
    return c.warnings === 0 && c.structural === 0 && !c.dialectFromRecords
  }

  /**
   * Append the rows of the part that follows everything read so far (ids translated to this
   * table's pool, line numbers shifted by `lineOffset`) and add its counts. O(rows of the part).
   */
  absorb(part: EventTable, c: VcfPartCounts, lineOffset: number): void {
    const t = this.table
    if (t === undefined) throw new Error('absorb needs a table')
    t.appendTable(part, t.idMap(part), lineOffset)
    this.report.rowsRead += c.rowsRead
    this.report.kept += c.kept
    addDrops(this.report, c.dropped)
    this.multi.records += c.multi.records
    this.multi.alleles += c.multi.alleles
    this.notes.merge(c.notes, lineOffset)
  }

  /** Call after the last line. Throws if the input ended before #CHROM, or was unannotated. */
  finish(): VcfResult {
    if (this.parser === undefined) {
      if (this.header.length === 0 && this.lastLine === 0) throw new InputError('EMPTY_FILE', 'the VCF is empty', { file: this.file })
      throw new InputError('FORMAT', 'VCF has no #CHROM header line', { file: this.file, line: this.lastLine, suggestion: 'the file may be truncated, or only a header fragment' })
    }
    if (this.dialectPending && this.report.rowsRead === 0) throw this.unannotated()
    this.sv.finish()
    this.notes.flush(this.report)
    const note = multiAllelicNote(this.file, this.multi)
    if (note !== undefined) warn(this.report, note)
    this.report.kept += this.sv.lateKept
    for (const [code, n] of Object.entries(this.sv.lateDropped) as [DropCode, number][]) drop(this.report, code, n)
    return { alterations: this.alterations, report: { ...this.report, format: this.format }, samples: this.samples }
  }

  /** INFO keys onKey has nothing to do for: declared, or already warned about. */
  private readonly settled = (key: string): boolean => this.infoMeta[key] !== undefined || this.undeclared.has(key)

  /** Undeclared INFO keys: one warning per key; an undeclared ANN / EFF decides the dialect. */
  private readonly onKey = (key: string): void => {
    if (this.settled(key)) return
    this.undeclared.add(key)
    warn(this.report, { code: 'vcf-info-undeclared', location: { file: this.file, line: this.lastLine }, detail: key })
    if (this.dialectPending) {
      const d = dialectFromUndeclaredKey(key)
      if (d) {
        this.setDialect(d)
        this.dialectPending = false
      }
    }
  }

  private readonly keyPolicy = { settled: this.settled, onKey: this.onKey }

  /** Uncounted consequence terms and date-like gene symbols of the rows kept (../model/read-notes.ts). */
  private readonly notes = new ReadNotes()

  private noteRows(term: string, cls: VariantClass, gene: string, rows: number, line: number): void {
    for (let k = 0; k < rows; k++) {
      this.notes.term(term, cls)
      this.notes.gene(gene, line)
    }
  }

  /** Multi-allelic records whose tumour carried ALTs left out (multiallelic.ts); one note at finish. */
  readonly multi: MultiAllelicTally = { records: 0, alleles: 0 }

}

/** Parse an in-memory VCF (tests, and callers that already hold the text). */
export function parseVcfLines(lines: readonly string[], options: VcfReadOptions = {}, file = 'input.vcf'): VcfResult {
  const p = new VcfParser(options.displayName ?? file, options)
  lines.forEach((t, i) => p.push(t, i + 1))
  return p.finish()
}
