/**
 * The VCF reader core: line in, alterations out, no I/O (read.ts is the streaming edge).
 *
 * Header lines are collected until #CHROM; then ONE @gmod/vcf parser is built from them (meta lines,
 * INFO/FORMAT declarations, samples) and the annotation dialect and sample roles are decided once.
 * Record lines take the fast path (line-scan.ts: columns by indexOf, only the INFO values and the target
 * samples' FORMAT fields the reader uses); copy-number, SV and ALT-less records go through
 * @gmod/vcf's parseLine, whose full INFO the SV handler reads. The 'gmod' engine sends every record
 * through parseLine: test/vcf/fast-path.test.ts requires both to agree on every real VCF we hold.
 * We add file/line to every record and error, split per ALT, and hand each allele to the
 * small-variant or structural handler.
 *
 * Two ways in: `push` (a line as text) and `pushBytes` (a line as bytes). Given an EventTable (the
 * table path, readVcfInto), kept alterations are appended to it, and `pushBytes` first offers the
 * line to rows.ts, which reads a usual small-variant record (VEP / SnpEff ANN / CSQT) straight
 * into id/code rows; whatever it does not read exactly as `push` would is decoded and pushed
 * (test/vcf/table-path.test.ts holds both paths equal). Either way the parser is "feed header and
 * record lines with their line numbers, then finish()", in any split of the file.
 *
 * Accounting: every record is read = kept (≥ 1 alteration) + dropped (by the reason of its last
 * allele); breakend pairs settle when the pair resolves (sv.ts).
 * INFO keys not declared in the header are tolerated (VCF 4.3 §1.6.1 reserved keys count as
 * declared) and warned about once per key, with the first line that used it.
 *
 * Complexity: O(record bytes) per record. Memory: the header, pending breakends, and the output
 * alterations (~360 B each as records; one EventTable row, ~61 B + protein string, on the table
 * path). Measured (user CPU, the shared 2-core machine, bench VEP VCF of 1 tumour/normal pair and
 * one CSQ entry per record): reader alone 29-32 µs/record with parseLine for every record → 11.5 µs
 * on 200,000 in-memory lines, 15 µs on 1,000,000 (GC of the retained alterations grows with the
 * heap) → 3.2 µs with INFO, CSQ entries and FORMAT read as spans of the line (test/vcf/bench/
 * reader.mjs --text; unchanged) → table path from bytes 2.0 µs, against 4.3 µs for the records
 * pushed into the table as loadCohort did before (reader.mjs, the two builds interleaved, min of
 * 8 rounds; median ratio 1.93). Where the 2.0 µs go: see rows.ts.
 * `bcftools query` on the same file: 1.2-1.6 µs.
 */
import VCF, { type MetaMap } from '@gmod/vcf'
import { InputError, isInputError, quote } from '../errors.js'
import { addDrops, copyDrops, dropPhrase, newReport, warnError, warnText, type DropTally, type ReadReport } from '../model/report.js'
import type { Alteration, Origin } from '../model/alteration.js'
import { annovarBlocks } from './annovar.js'
import { decoderFor, entryLayout, type AnnotationDecoder, type DecodeContext } from './annotation.js'
import type { Effect } from './effect.js'
import { detectDialect, dialectFromUndeclaredKey, UNANNOTATED_HINT, unannotatedMessage, type Dialect } from './dialect.js'
import { resolveThresholds, VcfReadOptionsSchema, type ParsedVcfOptions, type VcfReadOptions } from './options.js'
import type { AlleleResult, RecordContext, RecordFields } from './record.js'
import { FormatReader, InfoScan, LineColumns } from './line-scan.js'
import { resolveRoles, type SampleRoles } from './samples.js'
import { fastNormalGt, fastTargets, gmodNormalGt, gmodTargets } from './targets.js'
import { adForChoice, chooseAlt, gtParts, multiAllelicNote, otherCarried, type MultiAllelicTally } from './multiallelic.js'
import { smallVariant } from './small.js'
import { alleleShape, GeneIndex } from './structural.js'
import { SvHandler } from './sv.js'
import { ORIGIN_KEYS, originFromInfo } from './origin.js'
import type { EventTable } from '../model/events.js'
import { CONTIG_NAME, RowReader } from './rows.js'

/** Header bounds: GRCh38 with alt contigs has ~3,400 ##contig lines; scaffold-level genomes reach ~10^5. */
const MAX_HEADER_LINES = 1_000_000
const MAX_HEADER_CHARS = 64 * 2 ** 20

export interface VcfResult {
  readonly alterations: Alteration[]
  readonly report: ReadReport
  /** Tumour sample IDs seen in the header (all sample columns for a cohort VCF). */
  readonly samples: string[]
}

const REASON_BY_CODE: Readonly<Record<string, string>> = {
  UNKNOWN_TERM: 'invalid: unknown consequence term',
  BAD_NUMBER: 'invalid: bad number',
  FORMAT: 'invalid: malformed record',
}

/** Their InfoScan slots: the reader asks for the origin keys first. */
const ORIGIN_SLOTS: readonly number[] = [0, 1, 2, 3]

/**
 * How record lines are read: 'fast' (line-scan.ts; @gmod/vcf only for copy-number / SV records) or
 * 'gmod' (every record through @gmod/vcf's parseLine: the reference the fast path is tested against).
 */
export type RecordEngine = 'fast' | 'gmod'


/** See VcfParser.partCounts. */
export interface VcfPartCounts {
  readonly rowsRead: number
  readonly kept: number
  readonly dropped: readonly DropTally[]
  readonly warnings: number
  readonly structural: number
  readonly dialectFromRecords: boolean
  readonly multi: MultiAllelicTally
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
  private readonly cols = new LineColumns()
  private readonly formatReader = new FormatReader()
  private infoScan = new InfoScan({})
  /** The annotation key's InfoScan slot (-1: no decoder). */
  private annotationSlot = -1
  /** The table path for small-variant record bytes (rows.ts); only with a table and the fast engine. */
  private rows: RowReader | undefined

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
    try {
      result = this.record(text, line)
    } catch (e) {
      if (!this.opts.lenient || !isInputError(e) || e.code === 'UNANNOTATED') throw e
      dropPhrase(this.report, REASON_BY_CODE[e.code] ?? `invalid: ${e.code.toLowerCase()}`)
      warnError(this.report, e)
      return
    }
    let kept = false
    let reason = 'no ALT allele'
    for (const r of result) {
      if (typeof r === 'string') reason = r
      else if (r.length > 0) {
        kept = true
        if (this.table) for (const a of r) this.table.push(a)
        else if (this.onRecord) for (const a of r) this.onRecord(a)
        else for (const a of r) this.alterations.push(a)
      }
    }
    if (kept) this.report.kept++
    // An empty result is a breakend waiting for its mate: settled by the SV handler later.
    else if (result.length > 0) dropPhrase(this.report, reason)
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
   * small-variant record is read from the bytes (rows.ts) when it can be read exactly; any other
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
      else warnText(this.report, `${this.file}:${line}: header line is not ##KEY=VALUE meta-information; ignored`)
      return
    }
    if (!text.startsWith('#CHROM')) {
      if (text.trim() === '' && this.header.length > 0) return
      if (text.startsWith('#') && this.header.length > 0) {
        warnText(this.report, `${this.file}:${line}: comment line in the header; ignored`)
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
    this.infoScan = new InfoScan(this.infoMeta)
    this.infoScan.want(ORIGIN_KEYS)
    this.sampleNames = this.parser.samples
    const meta = (k: string): string | undefined => {
      const v = this.parser?.getMetadata(k)
      return typeof v === 'string' ? v : undefined
    }
    this.roles = resolveRoles(this.sampleNames, { tumorSample: meta('tumor_sample'), normalSample: meta('normal_sample') }, this.opts, this.file, line)
    if (this.roles.mode === 'sites-only' && this.opts.sampleOverride === undefined && this.opts.tumorId === undefined) {
      warnText(this.report, `${this.file}:${line}: no sample columns; alterations are reported under the file name "${this.roles.tumorName ?? ''}" (give the sample name to override)`)
    }
    this.setDialect(detectDialect(this.infoMeta))
    if (this.dialect === undefined && this.opts.genes === undefined) this.dialectPending = true
  }

  private setDialect(d: Dialect | undefined): void {
    this.dialect = d
    this.decoder = d === undefined ? undefined : decoderFor(d)
    this.infoScan.want(this.decoder === undefined ? ORIGIN_KEYS : [...ORIGIN_KEYS, this.decoder.key])
    this.annotationSlot = this.decoder === undefined ? -1 : this.infoScan.slot(this.decoder.key)
    this.format = d === undefined ? 'vcf' : `vcf:${d.kind}`
    this.rows = undefined
    const layout = d === undefined ? undefined : entryLayout(d)
    const key = this.decoder?.key
    const type = key === undefined ? undefined : this.infoMeta[key]?.Type
    // The table path reads the annotation value as written: not when the header types it as a
    // number or flag (the text path then reads @gmod/vcf-typed values).
    if (this.table !== undefined && this.engine === 'fast' && layout !== undefined && key !== undefined && type !== 'Flag' && type !== 'Integer' && type !== 'Float') {
      this.rows = new RowReader({
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
  }

  /** Call after the last line. Throws if the input ended before #CHROM, or was unannotated. */
  finish(): VcfResult {
    if (this.parser === undefined) {
      if (this.header.length === 0 && this.lastLine === 0) throw new InputError('EMPTY_FILE', 'the VCF is empty', { file: this.file })
      throw new InputError('FORMAT', 'VCF has no #CHROM header line', { file: this.file, line: this.lastLine, suggestion: 'the file may be truncated, or only a header fragment' })
    }
    if (this.dialectPending && this.report.rowsRead === 0) throw this.unannotated()
    this.sv.finish()
    const note = multiAllelicNote(this.file, this.multi)
    if (note !== undefined) warnText(this.report, note)
    this.report.kept += this.sv.lateKept
    for (const [reason, n] of Object.entries(this.sv.lateDropped)) dropPhrase(this.report, reason, n)
    return { alterations: this.alterations, report: { ...this.report, format: this.format }, samples: this.samples }
  }

  /** INFO keys onKey has nothing to do for: declared, or already warned about. */
  private readonly settled = (key: string): boolean => this.infoMeta[key] !== undefined || this.undeclared.has(key)

  /** Undeclared INFO keys: one warning per key; an undeclared ANN / EFF decides the dialect. */
  private readonly onKey = (key: string): void => {
    if (this.settled(key)) return
    this.undeclared.add(key)
    warnText(this.report, `${this.file}:${this.lastLine}: INFO key ${quote(key)} is not declared in the header`)
    if (this.dialectPending) {
      const d = dialectFromUndeclaredKey(key)
      if (d) {
        this.setDialect(d)
        this.dialectPending = false
      }
    }
  }

  private readonly keyPolicy = { settled: this.settled, onKey: this.onKey }

  private lastChrom = ''

  /**
   * What @gmod/vcf does not check: the record has exactly the #CHROM line's columns (a missing
   * sample column would silently move a call to another sample), and CHROM is a legal contig name
   * (VCF 4.3 §1.4.7: no whitespace, commas, angle brackets; a space usually means a mangled file).
   * The name check runs once per contig run, since records come sorted; the run's name is reused
   * instead of slicing it out of every line.
   */
  private checkShape(cols: LineColumns, line: number): string {
    const expected = this.sampleNames.length > 0 ? 9 + this.sampleNames.length : 8
    const found = cols.count
    if (found < expected || (found > expected && this.sampleNames.length > 0)) {
      throw new InputError('COLUMN_COUNT', `expected ${expected} tab-separated columns as in the #CHROM line, found ${found}`, {
        file: this.file,
        line,
        column: Math.min(found, expected) + 1,
        suggestion: found < expected ? 'a sample column is missing: the record may be truncated' : 'a value may contain a tab',
      })
    }
    if (cols.is(0, this.lastChrom)) return this.lastChrom
    const chrom = cols.col(0)
    if (!CONTIG_NAME.test(chrom)) {
      throw new InputError('BAD_VALUE', `CHROM: ${quote(chrom)} is not a valid contig name`, {
        file: this.file,
        line,
        column: 1,
        suggestion: 'contig names have no whitespace, commas or angle brackets (VCF 4.3 §1.4.7)',
      })
    }
    this.lastChrom = chrom
    return chrom
  }

  private record(text: string, line: number): AlleleResult[] {
    const cols = this.cols
    if (!cols.scan(text)) {
      throw new InputError('COLUMN_COUNT', 'VCF record has fewer than the 8 fixed tab-separated columns', { file: this.file, line, suggestion: 'columns must be separated by tabs, not spaces' })
    }
    // POS 0 is legal: a telomere (VCF 4.3 §1.6.2); '.', signs and trailing garbage are not.
    const pos = cols.digits(1)
    if (pos < 0) throw new InputError('BAD_NUMBER', `POS: expected a non-negative integer, got ${quote(cols.col(1))}`, { file: this.file, line, column: 2 })
    const chrom = this.checkShape(cols, line)
    if (this.engine === 'gmod') return this.gmodRecord(text, line, pos)
    const scan = this.infoScan
    scan.scan(text, cols.start(7), cols.tab[7] as number, this.keyPolicy)
    if (this.dialectPending) throw this.unannotated()
    const filter = cols.is(6, 'PASS') ? 'PASS' : cols.is(6, '.') ? '.' : cols.col(6)
    if (!this.opts.keepFiltered && filter !== 'PASS' && filter !== '.') return [`filtered: ${filter}`]
    const ref = cols.col(3)
    if (ref === '') throw new InputError('FORMAT', 'REF is empty', { file: this.file, line, column: 4 })
    const altText = cols.col(4)
    const alts = altText === '.' ? [] : altText.indexOf(',') === -1 ? [altText] : altText.split(',')
    // Copy-number, SV and ALT-less records read any INFO key: they take the @gmod/vcf path.
    for (let i = 0; i < alts.length; i++) if (alleleShape(alts[i] as string) !== 'small') return this.gmodRecord(text, line, pos)
    if (alts.length === 0) return this.gmodRecord(text, line, pos)
    const effects = this.fastEffects(text, line, pos, ref)
    return this.alleles(text, line, {
      chrom,
      pos,
      ref,
      alts,
      filter,
      info: scan.values(ORIGIN_SLOTS),
      effects,
      targets: fastTargets(this.formatReader, cols, this.roles, this.sampleNames),
      infoText: this.dialect?.kind === 'annovar' ? cols.col(7) : '',
      formatHasCn: false,
      normalGt: () => fastNormalGt(this.formatReader, cols, this.roles),
    })
  }

  /**
   * The annotation entries of the scanned line. The decoder reads them straight from the line when
   * the value is the text as written (no %XX escapes, String type); else from @gmod/vcf-typed values.
   */
  private fastEffects(text: string, line: number, pos: number, ref: string): readonly Effect[] {
    const decoder = this.decoder
    if (decoder === undefined) return []
    const where = { file: this.file, line, column: 8 }
    const scan = this.infoScan
    const slot = this.annotationSlot
    if (decoder.decodeSpan !== undefined && scan.verbatim(slot)) {
      const e = decoder.decodeSpan(text, scan.valueStart(slot), scan.valueEnd(slot), where)
      if (e !== undefined) return e
    }
    const ann = scan.value(slot)
    return decoder.decode(ann === undefined || ann === true ? [] : ann, where, new LineRecord(pos, ref, this.cols))
  }

  /** The record through @gmod/vcf's parseLine (the reference path, and the SV / copy-number path). */
  private gmodRecord(text: string, line: number, pos: number): AlleleResult[] {
    const v = (this.parser as VCF).parseLine(text)
    for (const key in v.INFO) this.onKey(key)
    if (this.dialectPending) throw this.unannotated()
    const filter = v.FILTER === undefined ? '.' : typeof v.FILTER === 'string' ? v.FILTER : v.FILTER.join(';')
    if (!this.opts.keepFiltered && filter !== 'PASS' && filter !== '.') return [`filtered: ${filter}`]
    const ref = v.REF ?? ''
    if (ref === '') throw new InputError('FORMAT', 'REF is empty', { file: this.file, line, column: 4 })
    const val = this.decoder === undefined ? undefined : v.INFO[this.decoder.key]
    const infoText = text.split('\t', 8)[7] ?? ''
    const effects = this.decoder ? this.decoder.decode(val === undefined || val === true ? [] : val, { file: this.file, line, column: 8 }, { pos, ref, infoText }) : []
    return this.alleles(text, line, {
      chrom: v.CHROM ?? '',
      pos,
      ref,
      alts: v.ALT ?? [],
      filter,
      info: v.INFO,
      effects,
      targets: gmodTargets(v, this.roles, this.sampleNames),
      infoText,
      formatHasCn: (v.FORMAT ?? '').split(':').includes('CN'),
      normalGt: () => gmodNormalGt(v, this.roles),
    })
  }

  /** Multi-allelic records whose tumour carried ALTs left out (multiallelic.ts); one note at finish. */
  readonly multi: MultiAllelicTally = { records: 0, alleles: 0 }

  /**
   * The one ALT reported of a multi-allelic small-variant record (vcf2maf's choice, multiallelic.ts),
   * or undefined to report each: one ALT, --split-multiallelic, a cohort VCF, or a symbolic ALT.
   */
  private oneAlt(f: RecordFields): { chosen: number; others: number } | undefined {
    const alts = f.alts
    if (alts.length < 2 || this.opts.splitMultiallelic || this.roles.mode === 'cohort') return undefined
    for (const a of alts) {
      const shape = alleleShape(a)
      if (shape !== 'small' && shape !== 'star') return undefined
    }
    const t = f.targets[0]
    const tumour = gtParts(t?.fmt.GT)
    const ad = t !== undefined && t.idx >= 0 && t.fmt.AD !== undefined ? adForChoice(t.fmt.AD) : undefined
    const chosen = chooseAlt(alts.length, tumour, gtParts(f.normalGt()), ad, ad?.length ?? 0)
    return { chosen, others: otherCarried(tumour, chosen, alts.length) }
  }

  /** Origin and per-ALT dispatch, whichever path read the columns. */
  private alleles(text: string, line: number, f: RecordFields): AlleleResult[] {
    // A paired tumour/normal caller (Mutect2, Strelka, VarDict paired…) emits somatic calls by
    // construction; INFO flags that say otherwise (GERMLINE, VarDict/VarScan status) still win.
    const fromInfo = originFromInfo(f.info)
    const origin: Origin = this.opts.origin ?? (fromInfo === 'unknown' && this.roles.mode === 'paired' ? 'somatic' : fromInfo)
    const { chrom, pos, ref, alts, filter, info, effects, targets } = f
    const ctx: RecordContext = { file: this.file, line, text, info, chrom, pos, ref, alts, filter, origin, mode: this.roles.mode, targets, effects, infoMeta: this.infoMeta, shared: {} }
    if (alts.length === 0) return info.CN !== undefined || f.formatHasCn ? [this.sv.cna(ctx, 0)] : ['no ALT allele']
    const annovar = this.dialect?.kind === 'annovar' ? annovarBlocks(f.infoText, this.dialect.db) : undefined
    const one = this.oneAlt(f)
    if (one !== undefined) {
      const r = alleleShape(alts[one.chosen - 1] as string) === 'small' ? smallVariant(ctx, one.chosen, annovar) : 'spanning deletion allele (*)'
      if (one.others > 0) {
        this.multi.records++
        this.multi.alleles += one.others
      }
      return [r]
    }
    const out: AlleleResult[] = []
    for (let i = 1; i <= alts.length; i++) {
      const shape = alleleShape(alts[i - 1] as string)
      if (shape === 'small') out.push(smallVariant(ctx, i, annovar))
      else if (shape === 'cna') out.push(this.sv.cna(ctx, i))
      else if (shape === 'star') out.push('spanning deletion allele (*)')
      else {
        const r = this.sv.structural(ctx, i, shape === 'bnd')
        if (r !== undefined) out.push(r)
      }
    }
    return out
  }
}

/**
 * What a decoder may read of the scanned line besides its key's values (DecodeContext): the INFO
 * text is cut out only if a decoder asks (Funcotator, Oncotator read it raw; VEP never does).
 */
class LineRecord implements DecodeContext {
  constructor(
    readonly pos: number,
    readonly ref: string,
    private readonly cols: LineColumns,
  ) {}

  get infoText(): string {
    return this.cols.col(7)
  }
}

/** Parse an in-memory VCF (tests, and callers that already hold the text). */
export function parseVcfLines(lines: readonly string[], options: VcfReadOptions = {}, file = 'input.vcf'): VcfResult {
  const p = new VcfParser(options.displayName ?? file, options)
  lines.forEach((t, i) => p.push(t, i + 1))
  return p.finish()
}
