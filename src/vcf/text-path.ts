/**
 * The text path: one record line (a string) → each allele's alterations or drop reason. The columns,
 * the INFO values the reader uses and the target samples' FORMAT fields are read as spans of the
 * line (line-scan.ts). A copy-number, SV or ALT-less record has its whole INFO column typed
 * (rules/info.ts parseInfo), since its handlers read any key. Origin, the multi-allelic choice and
 * the per-ALT dispatch to the small-variant (small.ts) and structural (sv.ts) handlers are here; the
 * parser (reader.ts) owns the header, the counts and the byte path.
 *
 * A RecordOracle replaces the reading of every record's columns by another reader's (tests only:
 * test/vcf/gmod-oracle.ts is @gmod/vcf's parseLine), and the same dispatch follows: the parity tests
 * (test/vcf/fast-path*.test.ts) hold this path's records and reports to @gmod/vcf's.
 */
import type { MetaMap } from '@gmod/vcf'
import { InputError, quote } from '../errors.js'
import type { MultiAllelicTally } from './multiallelic.js'
import { adForChoice, chooseAlt, gtParts, otherCarried } from './multiallelic.js'
import { annovarBlocks } from './annovar.js'
import type { AnnotationDecoder, DecodeContext } from './annotation.js'
import type { Effect } from './effect.js'
import type { Dialect } from './dialect.js'
import type { ParsedVcfOptions } from './options.js'
import type { AlleleResult, RecordContext, RecordFields, RecordShared, SampleTarget } from './record.js'
import { FormatReader, InfoScan, LineColumns, type InfoKeyPolicy } from './line-scan.js'
import type { SampleRoles } from './sample-roles.js'
import { lineNormalGt, lineTargets } from './targets.js'
import { smallVariant } from './small.js'
import { alleleShape } from './structural.js'
import type { SvHandler } from './sv.js'
import { parseInfo, type InfoMap } from './rules/info.js'
import { ORIGIN_KEYS, originFromInfo, recordOrigin } from './rules/origin.js'
import { CONTIG_NAME } from './byte-path/index.js'

/** Their InfoScan slots: the reader asks for the origin keys first. */
const ORIGIN_SLOTS: readonly number[] = [0, 1, 2, 3]

/** A record's columns as the whole-record dispatch reads them (see RecordOracle). */
export interface RecordColumns {
  readonly chrom: string
  readonly ref: string
  /** [] for ALT '.'. */
  readonly alts: readonly string[]
  /** The FILTER column as written. */
  readonly filter: string
  /** Every INFO key, typed (rules/info.ts). */
  readonly info: Readonly<InfoMap>
  /** The INFO column as written (ANNOVAR blocks, Funcotator / Oncotator raw values). */
  readonly infoText: string
  /** The FORMAT column (undefined: a sites-only line). */
  readonly format: string | undefined
  readonly targets: readonly SampleTarget[]
  readonly normalGt: () => string | undefined
}

/** What an oracle read of one record line: its columns, and its INFO keys in the order written. */
export interface OracleRecord extends RecordColumns {
  readonly infoKeys: readonly string[]
}

/**
 * Another reader of the record columns, made from the header (every line up to #CHROM, joined by
 * '\n') and the sample roles it decided; for tests only (test/vcf/gmod-oracle.ts).
 */
export type RecordOracle = (header: string, roles: SampleRoles) => (line: string) => OracleRecord

/**
 * How record lines are read: 'fast' (this path, and with a table the byte path), or an oracle
 * (every record's columns read by it; no byte path).
 */
export type RecordEngine = 'fast' | RecordOracle

/** What the text path asks of the parser: the INFO key policy and whether the dialect is still unknown. */
export interface TextHost extends InfoKeyPolicy {
  pending(): boolean
  unannotated(): InputError
}

/** What the header decided. */
export interface TextSettings {
  readonly file: string
  readonly opts: ParsedVcfOptions
  /** Set when an oracle reads the columns (tests). */
  readonly oracle: ((line: string) => OracleRecord) | undefined
  readonly infoMeta: MetaMap
  readonly roles: SampleRoles
  readonly sampleNames: readonly string[]
  readonly sv: SvHandler
  readonly multi: MultiAllelicTally
}

/** Whether every ALT is a small variant (none symbolic, breakend or '*'). */
function allSmall(alts: readonly string[]): boolean {
  for (let i = 0; i < alts.length; i++) if (alleleShape(alts[i] as string) !== 'small') return false
  return true
}

export class TextPath {
  private readonly file: string
  private readonly opts: ParsedVcfOptions
  private readonly oracle: ((line: string) => OracleRecord) | undefined
  private readonly infoMeta: MetaMap
  private readonly roles: SampleRoles
  private readonly sampleNames: readonly string[]
  private readonly sv: SvHandler
  private readonly multi: MultiAllelicTally
  private readonly cols = new LineColumns()
  private readonly formatReader = new FormatReader()
  private readonly infoScan: InfoScan
  private dialect: Dialect | undefined
  private decoder: AnnotationDecoder | undefined
  /** The annotation key's InfoScan slot (-1: no decoder). */
  private annotationSlot = -1
  /** The last record's per-record state (its alleles' notes wait there until the parser keeps it). */
  lastShared: RecordShared | undefined

  constructor(
    s: TextSettings,
    private readonly host: TextHost,
  ) {
    this.file = s.file
    this.opts = s.opts
    this.oracle = s.oracle
    this.infoMeta = s.infoMeta
    this.roles = s.roles
    this.sampleNames = s.sampleNames
    this.sv = s.sv
    this.multi = s.multi
    this.infoScan = new InfoScan(s.infoMeta)
    this.infoScan.want(ORIGIN_KEYS)
  }

  /** The annotation dialect (decided from the header, or from an undeclared ANN / EFF key). */
  setDecoder(dialect: Dialect | undefined, decoder: AnnotationDecoder | undefined): void {
    this.dialect = dialect
    this.decoder = decoder
    this.infoScan.want(decoder === undefined ? ORIGIN_KEYS : [...ORIGIN_KEYS, decoder.key])
    this.annotationSlot = decoder === undefined ? -1 : this.infoScan.slot(decoder.key)
  }

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

  /** One record line → its alleles' results. */
  read(text: string, line: number): AlleleResult[] {
    this.lastShared = undefined
    const cols = this.cols
    if (!cols.scan(text)) {
      throw new InputError('COLUMN_COUNT', 'VCF record has fewer than the 8 fixed tab-separated columns', { file: this.file, line, suggestion: 'columns must be separated by tabs, not spaces' })
    }
    // POS 0 is legal: a telomere (VCF 4.3 §1.6.2); '.', signs and trailing garbage are not.
    const pos = cols.digits(1)
    if (pos < 0) throw new InputError('BAD_NUMBER', `POS: expected a non-negative integer, got ${quote(cols.col(1))}`, { file: this.file, line, column: 2 })
    const chrom = this.checkShape(cols, line)
    if (this.oracle !== undefined) return this.oracleRecord(text, line, pos)
    const scan = this.infoScan
    scan.scan(text, cols.start(7), cols.tab[7] as number, this.host)
    if (this.host.pending()) throw this.host.unannotated()
    const filter = cols.is(6, 'PASS') ? 'PASS' : cols.is(6, '.') ? '.' : cols.col(6)
    if (!this.opts.keepFiltered && filter !== 'PASS' && filter !== '.') return [{ code: 'filtered', detail: filter }]
    const ref = cols.col(3)
    if (ref === '') throw new InputError('FORMAT', 'REF is empty', { file: this.file, line, column: 4 })
    const altText = cols.col(4)
    const alts = altText === '.' ? [] : altText.indexOf(',') === -1 ? [altText] : altText.split(',')
    // Copy-number, SV, '*' and ALT-less records: every INFO key typed.
    if (alts.length === 0 || !allSmall(alts)) return this.whole(text, line, pos, this.lineColumns(chrom, ref, alts, filter))
    const effects = this.fastEffects(text, line, pos, ref)
    return this.alleles(text, line, {
      chrom,
      pos,
      ref,
      alts,
      filter,
      info: scan.values(ORIGIN_SLOTS),
      effects,
      targets: lineTargets(this.formatReader, cols, this.roles, this.sampleNames),
      infoText: this.dialect?.kind === 'annovar' ? cols.col(7) : '',
      formatHasCn: false,
      normalGt: () => lineNormalGt(this.formatReader, cols, this.roles),
    })
  }

  /**
   * The scanned line's columns with its whole INFO typed: copy-number, SV, '*' and ALT-less
   * records, whose handlers (sv.ts) read any INFO key (END, CN, CHR2, …).
   */
  private lineColumns(chrom: string, ref: string, alts: readonly string[], filter: string): RecordColumns {
    const cols = this.cols
    const reader = this.formatReader
    return {
      chrom,
      ref,
      alts,
      filter,
      info: parseInfo(cols.text, cols.start(7), cols.tab[7] as number, this.infoMeta),
      infoText: cols.col(7),
      format: cols.has(8) ? cols.col(8) : undefined,
      targets: lineTargets(reader, cols, this.roles, this.sampleNames),
      normalGt: () => lineNormalGt(reader, cols, this.roles),
    }
  }

  /**
   * The annotation entries of the scanned line. The decoder reads them straight from the line when
   * the value is the text as written (no %XX escapes, String type); else from its typed values.
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

  /** The record as the oracle reads its columns (tests), with the checks the line path makes. */
  private oracleRecord(text: string, line: number, pos: number): AlleleResult[] {
    const c = (this.oracle as (line: string) => OracleRecord)(text)
    // Undeclared keys are warned about in the order the line writes them (as the span scanner does).
    for (const key of c.infoKeys) this.host.onKey(key)
    if (this.host.pending()) throw this.host.unannotated()
    if (!this.opts.keepFiltered && c.filter !== 'PASS' && c.filter !== '.') return [{ code: 'filtered', detail: c.filter }]
    if (c.ref === '') throw new InputError('FORMAT', 'REF is empty', { file: this.file, line, column: 4 })
    return this.whole(text, line, pos, c)
  }

  /** A record whose columns were read whole: its annotation entries decoded from the typed INFO value. */
  private whole(text: string, line: number, pos: number, c: RecordColumns): AlleleResult[] {
    const decoder = this.decoder
    const val = decoder === undefined ? undefined : c.info[decoder.key]
    const where = { file: this.file, line, column: 8 }
    const effects = decoder === undefined ? [] : decoder.decode(val === undefined || val === true ? [] : val, where, { pos, ref: c.ref, infoText: c.infoText })
    return this.alleles(text, line, {
      chrom: c.chrom,
      pos,
      ref: c.ref,
      alts: c.alts,
      filter: c.filter,
      info: c.info,
      effects,
      targets: c.targets,
      infoText: c.infoText,
      formatHasCn: c.format !== undefined && c.format.split(':').includes('CN'),
      normalGt: c.normalGt,
    })
  }

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
    const origin = recordOrigin(this.opts.origin, originFromInfo(f.info), this.roles.mode === 'paired')
    const { chrom, pos, ref, alts, filter, info, effects, targets } = f
    const shared: RecordShared = (this.lastShared = {})
    const ctx: RecordContext = { file: this.file, line, text, info, chrom, pos, ref, alts, filter, origin, mode: this.roles.mode, targets, effects, infoMeta: this.infoMeta, shared }
    if (alts.length === 0) return info.CN !== undefined || f.formatHasCn ? [this.sv.cna(ctx, 0)] : ['no-alt']
    const annovar = this.dialect?.kind === 'annovar' ? annovarBlocks(f.infoText, this.dialect.db) : undefined
    const one = this.oneAlt(f)
    if (one !== undefined) {
      const r = alleleShape(alts[one.chosen - 1] as string) === 'small' ? smallVariant(ctx, one.chosen, annovar) : 'star-allele'
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
      else if (shape === 'star') out.push('star-allele')
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

