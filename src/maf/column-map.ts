/**
 * Mutation tables that are not MAF (a paper's supplementary list, a lab export), read through a
 * column map: `sample=Patient,gene="Hugo Symbol",class="Variant Classification",protein=HGVS_p`.
 * The class column may hold MAF classes or Sequence Ontology / SnpEff / ANNOVAR terms, including
 * `&`-joined ones (`missense_variant&splice_region_variant`): the most severe decides (vcf2maf order).
 */
import { InputError, quote } from '../errors.js'
import { isMissing, parseCountField, parseFloatField, parsePositionField } from '../io/fields.js'
import { displayName, readLineBatches } from '../io/lines.js'
import type { ReadLimits } from '../io/read-limits.js'
import { TableParser, findNamedColumn } from '../io/table.js'
import { kindOfType, lookupVariantClass, type Alteration, type Origin, type VariantType } from '../model/alteration.js'
import { drop, dropSkipped, newReport, warn, type ReadReport } from '../model/report.js'
import { ReadNotes } from '../model/read-notes.js'
import { classifyConsequence, splitTerms } from '../model/consequence.js'
import { statusOrigin, typeFromAlleles } from './rules.js'

export const MAPPABLE_FIELDS = ['sample', 'gene', 'class', 'protein', 'chrom', 'start', 'end', 'ref', 'alt', 'type', 'vaf', 'depth', 'status'] as const
export type MappableField = (typeof MAPPABLE_FIELDS)[number]
const REQUIRED: readonly MappableField[] = ['sample', 'gene', 'class']

export type ColumnMap = Readonly<Partial<Record<MappableField, string>>>

/** Parse `field=Column,field="Column with spaces"`. */
export function parseColumnMap(spec: string): ColumnMap {
  const out: Partial<Record<MappableField, string>> = {}
  const re = /\s*([A-Za-z_]+)\s*=\s*(?:"([^"]*)"|([^,]*))\s*(?:,|$)/gy
  let m: RegExpExecArray | null
  let last = 0
  while (last < spec.length && (m = re.exec(spec)) !== null) {
    const key = (m[1] as string).toLowerCase()
    if (!(MAPPABLE_FIELDS as readonly string[]).includes(key)) {
      throw new InputError('USAGE', `--columns: unknown field ${quote(key)}; expected ${MAPPABLE_FIELDS.join(', ')}`)
    }
    out[key as MappableField] = (m[2] ?? m[3] ?? '').trim()
    last = re.lastIndex
  }
  if (last < spec.length) throw new InputError('USAGE', `--columns: cannot read ${quote(spec.slice(last))}; expected field=Column pairs separated by commas`)
  const missing = REQUIRED.filter((k) => out[k] === undefined)
  if (missing.length > 0) throw new InputError('USAGE', `--columns: missing ${missing.join(', ')} (required: ${REQUIRED.join(', ')})`)
  return out
}

export interface ColumnMappedOptions {
  /** Line and size caps, the read registry (default: readLimits()). */
  readonly limits?: ReadLimits | undefined
  readonly lenient?: boolean | undefined
  readonly origin?: Origin | undefined
  readonly sampleOverride?: string | undefined
}

export async function readColumnMapped(
  path: string,
  map: ColumnMap,
  opts: ColumnMappedOptions = {},
): Promise<{ alterations: Alteration[]; report: ReadReport; samples: string[] }> {
  const file = displayName(path)
  const report = newReport(file, 'column-mapped table')
  const notes = new ReadNotes()
  const table = new TableParser(file, { lenient: opts.lenient, what: 'mutation table' })
  const alterations: Alteration[] = []
  const samples = new Set<string>()
  let idx: Partial<Record<MappableField, number>> | undefined
  let guessedFrame = 0
  for await (const b of readLineBatches(path, { limits: opts.limits })) {
    for (let k = 0; k < b.lines.length; k++) {
      const line = b.firstLine + k
      const row = table.push(b.lines[k] as string, line)
      if (row === undefined) continue
      idx ??= resolve(map, table)
      report.rowsRead++
      try {
        const f = row.fields
        const get = (key: MappableField) => (idx?.[key] === undefined ? undefined : (f[idx[key]] as string).trim())
        const at = (key: MappableField) => ({ name: map[key] ?? key, file, line, column: (idx?.[key] ?? 0) + 1 })
        const sample = opts.sampleOverride ?? get('sample') ?? ''
        if (isMissing(sample)) throw new InputError('BAD_VALUE', `${map.sample}: empty sample ID`, at('sample'))
        const gene = get('gene')
        const clsRaw = get('class') ?? ''
        const ref = get('ref') ?? ''
        const alt = get('alt') ?? ''
        const typeCol = get('type')?.toUpperCase()
        let variantType: VariantType | undefined =
          typeCol === 'SNP' || typeCol === 'DNP' || typeCol === 'TNP' || typeCol === 'ONP' || typeCol === 'INS' || typeCol === 'DEL' ? typeCol : undefined
        variantType ??= ref !== '' && alt !== '' ? typeFromAlleles(ref, alt) : undefined
        let variantClass = lookupVariantClass(clsRaw)
        let term = clsRaw
        if (variantClass === undefined) {
          // Pseudo-alleles carry only the indel direction when the table has a type but no alleles.
          const [r, a] = ref !== '' && alt !== '' ? [ref, alt] : variantType === 'INS' ? ['-', 'N'] : variantType === 'DEL' ? ['N', '-'] : ['N', 'N']
          const c = classifyConsequence(splitTerms(clsRaw), r, a, at('class'))
          variantClass = c.variantClass
          term = c.term
          if (variantClass === 'Targeted_Region' && /frameshift/i.test(c.term)) {
            variantClass = 'Frame_Shift_Del'
            guessedFrame++
          }
        }
        samples.add(sample)
        const symbol = gene === undefined || isMissing(gene) ? 'Unknown' : gene
        alterations.push({
          sample,
          gene: symbol,
          kind: kindOfType(variantType),
          variantClass,
          variantType,
          chrom: get('chrom'),
          start: parsePositionField(get('start'), at('start')),
          end: parsePositionField(get('end'), at('end')),
          ref: ref || undefined,
          alt: alt || undefined,
          protein: isMissing(get('protein')) ? undefined : get('protein'),
          origin: statusOrigin(get('status'), opts.origin),
          vaf: parseFloatField(get('vaf'), at('vaf'), true),
          depth: parseCountField(get('depth'), at('depth')),
          source: { file, line },
        })
        report.kept++
        notes.term(term, variantClass)
        notes.gene(symbol, line)
      } catch (e) {
        if (opts.lenient && e instanceof InputError) drop(report, 'bad-row', 1, e.code.toLowerCase())
        else throw e
      }
    }
  }
  table.finish()
  dropSkipped(report, table.skipped, { countRead: true })
  notes.flush(report)
  if (guessedFrame > 0) warn(report, { code: 'frameshift-guessed', detail: String(guessedFrame) })
  return { alterations, report, samples: [...samples].sort() }
}

function resolve(map: ColumnMap, table: TableParser): Partial<Record<MappableField, number>> {
  const h = table.header
  if (h === undefined) return {}
  const out: Partial<Record<MappableField, number>> = {}
  const missing: string[] = []
  for (const [k, col] of Object.entries(map) as [MappableField, string][]) {
    const i = findNamedColumn(h, col)
    if (i === undefined) missing.push(`${k}=${quote(col)}`)
    else out[k] = i
  }
  if (missing.length > 0) {
    throw new InputError('MISSING_COLUMN', `--columns names column(s) not in the header: ${missing.join(', ')}`, {
      file: h.file,
      line: h.line,
      suggestion: `the header has: ${h.columns.slice(0, 30).join(', ')}`,
    })
  }
  return out
}
