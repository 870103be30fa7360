/**
 * MAF rows → Alteration records. Push-style (line in, record out); no I/O here.
 *
 * - Columns by header name, case-insensitive; every missing required column named at once.
 * - Empty / NA Hugo_Symbol becomes "Unknown" (as maftools does).
 * - Duplicate rows (same sample, chromosome, start, reference and Tumor_Seq_Allele2 — maftools'
 *   key) are collapsed and counted.
 * - A blank count stays unknown, never 0. FILTER is carried, not applied: MAF files are already
 *   curated call sets, and maftools keeps every row (documented in README).
 * - Every row is accounted for in the ReadReport: read = kept + dropped (by reason).
 *
 * Complexity: O(rows) time; O(distinct rows) memory for the duplicate index (~36 bytes a row,
 * ./dedup.ts) plus O(distinct sample, gene, chromosome, allele and FILTER strings), which are
 * interned so a million records share ten thousand sample strings instead of holding a million.
 * Per row only the columns used are sliced (TableParser.pushInto) and plain digit strings are
 * parsed with a char-code loop; anything unusual falls back to the general helpers, so errors are
 * unchanged. Measured with node --cpu-prof on 200,000 rows of bench/out/cohort.maf (see README,
 * Performance).
 */
import { InputError, quote } from '../errors.js'
import { isMissing, parseCountField, parsePositionField } from '../io/fields.js'
import { TableParser, findColumn, requireColumns, type TableHeader } from '../io/table.js'
import {
  VARIANT_TYPES,
  kindOfType,
  lookupVariantClass,
  type Alteration,
  type Origin,
  type VariantClass,
  type VariantType,
} from '../model/alteration.js'
import { drop, newReport, warn, type ReadReport } from '../model/report.js'
import { isKnownChromosome } from './chromosome.js'
import { DuplicateIndex } from './dedup.js'
import { MUTATION_STATUS_ORIGIN, OPTIONAL_MAF_COLUMNS, REQUIRED_MAF_COLUMNS, type OptionalMafField } from './columns.js'

export interface MafOptions {
  /** Skip bad rows (counted by reason) instead of stopping at the first. */
  readonly lenient?: boolean | undefined
  /** Keep every non-standard column in `extra` (for convert; costs memory). */
  readonly keepExtra?: boolean | undefined
  /** Origin to use when the file has no Mutation_Status (e.g. a germline MAF). */
  readonly origin?: Origin | undefined
  /** Replace every row's sample ID (manifest rows that name the sample). */
  readonly sampleOverride?: string | undefined
}

const VARIANT_TYPE_SET: ReadonlySet<string> = new Set(VARIANT_TYPES)

interface Cols {
  gene: number
  chrom: number
  start: number
  end: number
  ref: number
  alt2: number
  cls: number
  type: number
  sample: number
  opt: Partial<Record<OptionalMafField, number>>
  extra: number[]
  /** want[i] = 1 when column i is read (TableParser.pushInto slices only those). */
  want: Uint8Array
}

/** Plain decimal digits (no sign, no spaces, ≤ 15 digits) as a number; −1 for anything else. */
function plainUint(s: string | undefined): number {
  if (s === undefined) return -1
  const n = s.length
  if (n === 0 || n > 15) return -1
  let v = 0
  for (let i = 0; i < n; i++) {
    const d = s.charCodeAt(i) - 48
    if (d < 0 || d > 9) return -1
    v = v * 10 + d
  }
  return v
}

/**
 * A string we keep, detached from its line. V8 represents a substring of 13 or more characters as
 * a view into its parent, here the whole decoded 64 KB chunk, so one kept field would pin the
 * chunk; short ones are copies already.
 */
function own(s: string): string {
  return s.length < 13 ? s : Buffer.from(s, 'utf8').toString('utf8')
}

/** The stored copy of `s` (and its id), so equal strings from a million rows share one. */
class Interner {
  private readonly ids = new Map<string, number>()
  readonly values: string[] = []
  id(s: string): number {
    let i = this.ids.get(s)
    if (i === undefined) {
      i = this.values.length
      const kept = own(s)
      this.ids.set(kept, i)
      this.values.push(kept)
    }
    return i
  }
}

export class MafParser {
  readonly report: ReadReport
  readonly samples = new Set<string>()
  private readonly table: TableParser
  private cols: Cols | undefined
  private readonly seen = new DuplicateIndex()
  private readonly fields: string[] = []
  private readonly sampleIds = new Interner()
  private readonly chromIds = new Interner()
  private readonly alleleIds = new Interner()
  private readonly geneNames = new Map<string, string>()
  private readonly filters = new Map<string, string>()
  /** Chromosome names already checked (real files name a few dozen contigs). */
  private readonly chromOk = new Set<string>()
  /** Variant_Classification words seen → class (only words that are MAF classes, so at most a few dozen). */
  private readonly classOf = new Map<string, VariantClass>()
  private readonly nonStandard = new Map<string, number>()
  private noPosition = 0
  private inferredType = 0

  constructor(
    readonly file: string,
    private readonly opts: MafOptions = {},
  ) {
    this.report = newReport(file, 'MAF')
    this.table = new TableParser(file, { what: 'MAF', lenient: opts.lenient, isHeader: (t) => t.trim() !== '' && !t.startsWith('#'), allowDuplicateColumns: true })
  }

  get header(): TableHeader | undefined {
    return this.table.header
  }

  private resolve(h: TableHeader): Cols {
    const [gene, chrom, start, end, ref, alt2, cls, type, sample] = requireColumns(h, REQUIRED_MAF_COLUMNS, 'not a MAF') as [
      number, number, number, number, number, number, number, number, number,
    ]
    const opt: Partial<Record<OptionalMafField, number>> = {}
    for (const [k, names] of Object.entries(OPTIONAL_MAF_COLUMNS) as [OptionalMafField, readonly string[]][]) {
      const i = findColumn(h, ...names)
      if (i !== undefined) opt[k] = i
    }
    const used = new Set<number>([gene, chrom, start, end, ref, alt2, cls, type, sample])
    const extra = this.opts.keepExtra ? h.columns.map((_, i) => i).filter((i) => !used.has(i)) : []
    const want = new Uint8Array(h.columns.length)
    for (const i of [...used, ...Object.values(opt), ...extra]) want[i] = 1
    return { gene, chrom, start, end, ref, alt2, cls, type, sample, opt, extra, want }
  }

  /** Feed one line; returns the alteration for a kept data row. */
  push(text: string, line: number): Alteration | undefined {
    const h = this.table.header
    if (h === undefined) {
      this.table.push(text, line)
      return undefined
    }
    const c = (this.cols ??= this.resolve(h))
    if (!this.table.pushInto(text, line, c.want, this.fields)) return undefined
    this.report.rowsRead++
    try {
      const a = this.toAlteration(this.fields, line, c)
      if (a === undefined) return undefined
      this.report.kept++
      return a
    } catch (e) {
      if (this.opts.lenient && e instanceof InputError) {
        drop(this.report, `bad row: ${e.code.toLowerCase()}`)
        return undefined
      }
      throw e
    }
  }

  /** After the last line: header must exist; rows the table layer skipped are accounted for. */
  finish(): ReadReport {
    const h = this.table.finish()
    this.cols ??= this.resolve(h)
    for (const [reason, n] of Object.entries(this.table.skipped)) {
      if (reason === 'blank line') continue // not a data row
      this.report.rowsRead += n
      drop(this.report, reason, n)
    }
    if (this.noPosition > 0) warn(this.report, `${this.noPosition} row(s) without Start_Position (NA): kept, but they cannot be checked against panel hotspots`)
    if (this.inferredType > 0) warn(this.report, `${this.inferredType} row(s) with a missing or non-standard Variant_Type: derived from the alleles`)
    for (const [word, n] of [...this.nonStandard].sort()) {
      warn(this.report, `${n} row${n > 1 ? 's' : ''} with Variant_Classification ${quote(word)}, not a MAF class: kept as Unknown (not counted unless --classes names it)`)
    }
    return this.report
  }

  private toAlteration(f: readonly string[], line: number, c: Cols): Alteration | undefined {
    const file = this.file
    const at = (i: number) => ({ file, line, column: i + 1 })
    const get = (i: number | undefined) => (i === undefined ? undefined : (f[i] as string))

    const sampleRaw = this.opts.sampleOverride ?? (f[c.sample] as string).trim()
    if (sampleRaw === '' || isMissing(sampleRaw)) {
      throw new InputError('BAD_VALUE', 'Tumor_Sample_Barcode: empty sample ID', at(c.sample))
    }
    const sampleId = this.sampleIds.id(sampleRaw)
    const sample = this.sampleIds.values[sampleId] as string
    const chromRaw = (f[c.chrom] as string).trim()
    if (!this.chromOk.has(chromRaw) && !isKnownChromosome(chromRaw)) {
      throw new InputError('BAD_VALUE', `Chromosome: unknown chromosome name ${quote(chromRaw)}`, {
        ...at(c.chrom),
        suggestion: 'expected 1–22, X, Y, MT (with or without "chr") or a named contig; the columns may be shifted',
      })
    }
    if (this.chromOk.size < 100_000) this.chromOk.add(own(chromRaw))
    const chromId = this.chromIds.id(chromRaw)
    const chrom = this.chromIds.values[chromId] as string
    const startFast = plainUint(f[c.start])
    const start = startFast >= 1 ? startFast : parsePositionField(f[c.start], { name: 'Start_Position', ...at(c.start) })
    const endFast = plainUint(f[c.end])
    const end = endFast >= 1 ? endFast : parsePositionField(f[c.end], { name: 'End_Position', ...at(c.end) })
    // A missing position (NA) is kept — the call still says the gene is altered in that sample
    // (maftools' APL example has FLT3 ITDs with NA positions) — and counted in the report.
    if (start === undefined) this.noPosition++
    if (start !== undefined && end !== undefined && end < start - 1) {
      // An insertion may have End = Start + 1 or (some older MAFs) End = Start − 1; anything less is wrong.
      throw new InputError('BAD_VALUE', `End_Position ${end} is before Start_Position ${start}`, at(c.end))
    }
    const clsRaw = (f[c.cls] as string).trim()
    // Cached by the word as written: lookupVariantClass lower-cases (a new string) on every call.
    let variantClass = this.classOf.get(clsRaw)
    if (variantClass === undefined) {
      variantClass = lookupVariantClass(clsRaw)
      if (variantClass !== undefined) this.classOf.set(own(clsRaw), variantClass)
    }
    let rawClass: string | undefined
    if (variantClass === undefined) {
      // Real MAFs carry project-specific words (maftools' APL example: "ITD"). A word is kept as
      // 'Unknown' with its raw text — reported, and not counted unless --classes names it —
      // which is what maftools' default does. Anything that is not a word is an error.
      if (!/^[A-Za-z0-9_'+-]{1,64}$/.test(clsRaw)) {
        throw new InputError('UNKNOWN_TERM', `Variant_Classification: unknown class ${quote(clsRaw)}`, {
          ...at(c.cls),
          suggestion: 'use a MAF Variant_Classification (e.g. Missense_Mutation); for Sequence Ontology terms use a column-mapped table (--columns)',
        })
      }
      variantClass = 'Unknown'
      rawClass = clsRaw
      const n = (this.nonStandard.get(clsRaw) ?? 0) + 1
      this.nonStandard.set(clsRaw, n)
    }
    const refId = this.alleleIds.id((f[c.ref] as string).trim())
    const ref = this.alleleIds.values[refId] as string
    let alt = (f[c.alt2] as string).trim()
    const a1 = get(c.opt.allele1)?.trim()
    // Some MAFs put the tumour allele in Allele1 and repeat the reference in Allele2.
    if (alt === ref && a1 !== undefined && a1 !== '' && a1 !== ref) alt = a1
    const typeRaw = (f[c.type] as string).trim().toUpperCase()
    let variantType: VariantType
    if (VARIANT_TYPE_SET.has(typeRaw)) variantType = typeRaw as VariantType
    else {
      // Real MAFs write "", "NA" or caller words ("DUP:TANDEM"): derive the type from the alleles
      // as vcf2maf would, and say so in the report.
      const inferred = typeFromAlleles(ref, alt)
      if (inferred === undefined) {
        throw new InputError('UNKNOWN_TERM', `Variant_Type: unknown type ${quote(typeRaw)} and the alleles do not tell`, {
          ...at(c.type),
          suggestion: `expected one of ${VARIANT_TYPES.join(', ')}`,
        })
      }
      variantType = inferred
      this.inferredType++
    }

    const altId = this.alleleIds.id(alt)
    alt = this.alleleIds.values[altId] as string
    if (!this.seen.add(sampleId, chromId, start, refId, altId)) {
      drop(this.report, 'duplicate (same sample, chromosome, start and alleles)')
      return undefined
    }
    this.samples.add(sample)

    const geneRaw = (f[c.gene] as string).trim()
    let gene = this.geneNames.get(geneRaw)
    if (gene === undefined) {
      gene = isMissing(geneRaw) ? 'Unknown' : own(geneRaw)
      this.geneNames.set(gene === 'Unknown' ? geneRaw : gene, gene)
    }
    const count = (i: number | undefined, name: string): number | undefined => {
      const v = plainUint(get(i))
      return v >= 0 ? v : parseCountField(get(i), { name, ...at(i ?? 0) })
    }
    const altCount = count(c.opt.altCount, 't_alt_count')
    const refCount = count(c.opt.refCount, 't_ref_count')
    let depth = count(c.opt.depth, 't_depth')
    if (depth === undefined && altCount !== undefined && refCount !== undefined) depth = altCount + refCount
    const vaf = altCount !== undefined && depth !== undefined && depth > 0 ? altCount / depth : undefined
    const statusRaw = get(c.opt.mutationStatus)?.trim().toLowerCase()
    const origin: Origin = (statusRaw && MUTATION_STATUS_ORIGIN[statusRaw]) || this.opts.origin || (statusRaw ? 'unknown' : 'somatic')
    const proteinRaw = get(c.opt.protein)?.trim()
    const filterText = get(c.opt.filter)?.trim()
    let filterRaw = filterText === undefined ? undefined : this.filters.get(filterText)
    if (filterRaw === undefined && filterText !== undefined) {
      filterRaw = own(filterText)
      this.filters.set(filterRaw, filterRaw)
    }

    let extra: Record<string, string> | undefined
    if (c.extra.length > 0) {
      const h = this.table.header as TableHeader
      extra = {}
      for (const i of c.extra) extra[h.columns[i] as string] = f[i] as string
    }
    return {
      sample,
      gene,
      kind: kindOfType(variantType),
      variantClass,
      rawClass,
      variantType,
      chrom,
      start,
      end: end ?? start,
      ref,
      alt,
      protein: proteinRaw === undefined || isMissing(proteinRaw) ? undefined : own(proteinRaw),
      origin,
      vaf,
      depth,
      altCount,
      refCount,
      filter: filterRaw === undefined || filterRaw === '' ? undefined : filterRaw,
      source: { file, line },
      extra,
    }
  }
}

/** Variant_Type from MAF alleles ('-' = empty), as vcf2maf assigns it. */
export function typeFromAlleles(ref: string, alt: string): VariantType | undefined {
  const okAllele = /^[ACGTN-]+$/i
  if (!okAllele.test(ref) || !okAllele.test(alt) || ref === alt) return undefined
  if (ref === '-') return 'INS'
  if (alt === '-') return 'DEL'
  if (ref.length === alt.length) return ref.length === 1 ? 'SNP' : ref.length === 2 ? 'DNP' : ref.length === 3 ? 'TNP' : 'ONP'
  return ref.length < alt.length ? 'INS' : 'DEL'
}
