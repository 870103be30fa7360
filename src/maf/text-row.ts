/**
 * The MAF text path: one data row's fields as strings → the fields of an EventRow, or an
 * InputError naming the file, line and column. This is the reference reading: every line the
 * byte path (./byte-row.ts) does not read exactly comes here, so every error, warning and count
 * has one source. Values repeated from row to row (genes, chromosomes, classes, types, statuses,
 * FILTER) are cached by the word as written, which keeps a million-row read from re-deriving them.
 */
import { InputError, quote, type Location } from '../errors.js'
import { isMissing, parseCountField, parsePositionField } from '../io/fields.js'
import { VARIANT_TYPES } from '../model/alteration.js'
import { CLASS_CODE, ORIGIN_CODE, own, type EventRow, type StringPool } from '../model/events.js'
import { isKnownChromosome } from './chromosome.js'
import type { MafColumns } from './columns.js'
import { plainUint, trimmed } from './field-values.js'
import type { MafOptions } from './options.js'
import { TYPE_CODE, classOfWord, geneSymbol, positionsInOrder, readDepth, statusOrigin, tumourAllele, typeCodeOf, typeFromAlleles } from './rules.js'

export class MafTextRows {
  /** Hugo_Symbol as written → pool id of the gene (empty / NA → "Unknown"). */
  private readonly geneIds = new Map<string, number>()
  /** Chromosome names already checked (real files name a few dozen contigs). */
  private readonly chromOk = new Set<string>()
  /** Variant_Classification words seen → class code (only words that are MAF classes, so at most a few dozen). */
  private readonly classOf = new Map<string, number>()
  /** Variant_Type as written → type code (0: not a MAF type). */
  private readonly typeOf = new Map<string, number>()
  /** Mutation_Status as written → origin code. */
  private readonly originOf = new Map<string, number>()
  /** The previous row's FILTER and its pool id (files have a handful of values, usually runs of PASS). */
  private lastFilter = ''
  private lastFilterId = -1
  /** Rows read with an NA Start_Position; rows whose Variant_Type was derived from the alleles. */
  noPosition = 0
  inferredType = 0
  /** The last row's protein change and its own class word (when not a MAF class). */
  protein: string | undefined
  rawClass: string | undefined

  constructor(
    private readonly file: string,
    private readonly pool: StringPool,
    private readonly opts: MafOptions,
  ) {}

  /** Fill `r` (all but kind, cnState, vaf, copyNumber, protein, file and line) from the row's fields; throws InputError for a bad value. */
  read(f: readonly string[], line: number, c: MafColumns, r: EventRow): void {
    const file = this.file
    const at = (i: number): Location => ({ file, line, column: i + 1 })
    const get = (i: number | undefined) => (i === undefined ? undefined : (f[i] as string))
    const pool = this.pool

    const sampleRaw = this.opts.sampleOverride ?? trimmed(f[c.sample] as string)
    if (sampleRaw === '' || isMissing(sampleRaw)) {
      throw new InputError('BAD_VALUE', 'Tumor_Sample_Barcode: empty sample ID', at(c.sample))
    }
    const sampleId = pool.id(sampleRaw)
    const chromRaw = trimmed(f[c.chrom] as string)
    if (!this.chromOk.has(chromRaw)) {
      if (!isKnownChromosome(chromRaw)) {
        throw new InputError('BAD_VALUE', `Chromosome: unknown chromosome name ${quote(chromRaw)}`, {
          ...at(c.chrom),
          suggestion: 'expected 1–22, X, Y, MT (with or without "chr") or a named contig; the columns may be shifted',
        })
      }
      if (this.chromOk.size < 100_000) this.chromOk.add(own(chromRaw))
    }
    const chromId = pool.id(chromRaw)
    const startFast = plainUint(f[c.start])
    const start = startFast >= 1 ? startFast : parsePositionField(f[c.start], { name: 'Start_Position', ...at(c.start) })
    const endFast = plainUint(f[c.end])
    const end = endFast >= 1 ? endFast : parsePositionField(f[c.end], { name: 'End_Position', ...at(c.end) })
    // A missing position (NA) is kept — the call still says the gene is altered in that sample
    // (maftools' APL example has FLT3 ITDs with NA positions) — and counted in the report.
    if (start === undefined) this.noPosition++
    if (start !== undefined && end !== undefined && !positionsInOrder(start, end)) {
      throw new InputError('BAD_VALUE', `End_Position ${end} is before Start_Position ${start}`, at(c.end))
    }
    const cls = this.classCode(trimmed(f[c.cls] as string), at, c)
    const refStr = trimmed(f[c.ref] as string)
    const refId = pool.id(refStr)
    const ref = pool.values[refId] as string
    const alt = tumourAllele(ref, trimmed(f[c.alt2] as string), get(c.opt.allele1)?.trim())
    const typeWord = f[c.type] as string
    let type = this.typeOf.get(typeWord)
    if (type === undefined) {
      type = typeCodeOf(typeWord)
      if (this.typeOf.size < 1000) this.typeOf.set(own(typeWord), type)
    }
    if (type === 0) {
      // Real MAFs write "", "NA" or caller words ("DUP:TANDEM"): derive the type from the alleles
      // as vcf2maf would, and say so in the report.
      const inferred = typeFromAlleles(ref, alt)
      if (inferred === undefined) {
        throw new InputError('UNKNOWN_TERM', `Variant_Type: unknown type ${quote(typeWord.trim().toUpperCase())} and the alleles do not tell`, {
          ...at(c.type),
          suggestion: `expected one of ${VARIANT_TYPES.join(', ')}`,
        })
      }
      type = TYPE_CODE.get(inferred) ?? 0
      this.inferredType++
    }

    const altId = pool.id(alt)

    const geneRaw = f[c.gene] as string
    let gene = this.geneIds.get(geneRaw)
    if (gene === undefined) {
      const g = trimmed(geneRaw)
      gene = pool.id(geneSymbol(g))
      this.geneIds.set(own(geneRaw), gene)
    }
    const count = (i: number | undefined, name: string): number => {
      const v = plainUint(get(i))
      return v >= 0 ? v : (parseCountField(get(i), { name, ...at(i ?? 0) }) ?? -1)
    }
    const altCount = count(c.opt.altCount, 't_alt_count')
    const refCount = count(c.opt.refCount, 't_ref_count')
    const depth = readDepth(altCount, refCount, count(c.opt.depth, 't_depth'))
    const statusWord = get(c.opt.mutationStatus)
    let origin = statusWord === undefined ? undefined : this.originOf.get(statusWord)
    if (origin === undefined) {
      origin = ORIGIN_CODE[statusOrigin(statusWord, this.opts.origin)]
      if (statusWord !== undefined && this.originOf.size < 1000) this.originOf.set(own(statusWord), origin)
    }
    const proteinRaw = get(c.opt.protein)
    const protein = proteinRaw === undefined ? undefined : trimmed(proteinRaw)
    const filterRaw = get(c.opt.filter)
    const filter = filterRaw === undefined ? '' : trimmed(filterRaw)

    if (filter !== this.lastFilter) {
      this.lastFilter = filter
      this.lastFilterId = filter === '' ? -1 : pool.id(filter)
    }
    this.protein = protein === undefined || isMissing(protein) ? undefined : protein
    this.rawClass = cls.raw
    r.sample = sampleId
    r.gene = gene
    r.cls = cls.code
    r.type = type
    r.origin = origin
    r.chrom = chromId
    r.start = start ?? NaN
    r.end = end ?? start ?? NaN
    r.ref = refId
    r.alt = altId
    r.filter = this.lastFilterId
    r.altCount = altCount
    r.refCount = refCount
    r.depth = depth
  }

  private classCode(clsRaw: string, at: (i: number) => Location, c: MafColumns): { code: number; raw: string | undefined } {
    // Cached by the word as written: lookupVariantClass lower-cases (a new string) on every call.
    const code = this.classOf.get(clsRaw)
    if (code !== undefined) return { code, raw: undefined }
    const vc = classOfWord(clsRaw)
    if (vc === undefined) {
      throw new InputError('UNKNOWN_TERM', `Variant_Classification: unknown class ${quote(clsRaw)}`, {
        ...at(c.cls),
        suggestion: 'use a MAF Variant_Classification (e.g. Missense_Mutation); for Sequence Ontology terms use a column-mapped table (--columns)',
      })
    }
    const k = CLASS_CODE.get(vc.cls) as number
    // Only MAF classes are cached: project words are few rows, and the table keeps each one's word.
    if (vc.raw === undefined) this.classOf.set(own(clsRaw), k)
    return { code: k, raw: vc.raw }
  }
}
