import type { ReadReport } from '../../src/model/report.js'
import { VcfParser, type RecordEngine, type VcfResult } from '../../src/vcf/reader.js'
import { existsSync, readdirSync, statSync } from 'node:fs'
import { join } from 'node:path'
import { FIXTURES, thrownAsync } from '../helpers.js'

export { shared, hasShared, thrown } from '../helpers.js'

export function fixture(rel: string): string {
  return join(FIXTURES, 'vcf', rel)
}

/** The InputError a promise rejects with (fails the test if it does not reject with one). */
export const rejected = (p: Promise<unknown>) => thrownAsync(() => p)

/** Every .vcf / .vcf.gz / .vcf.bgz under dir (sorted, recursive); none when dir is absent. */
export function vcfFiles(dir: string): string[] {
  if (!existsSync(dir)) return []
  const out: string[] = []
  for (const name of readdirSync(dir).sort()) {
    const p = join(dir, name)
    if (statSync(p).isDirectory()) out.push(...vcfFiles(p))
    else if (/\.vcf(\.b?gz)?$/i.test(name)) out.push(p)
  }
  return out
}

export const VEP_FORMAT = 'Allele|Consequence|IMPACT|SYMBOL|Gene|Feature_type|Feature|BIOTYPE|EXON|HGVSc|HGVSp|cDNA_position|Protein_position|Amino_acids|ALLELE_NUM|CANONICAL|PICK'

/** One CSQ entry in VEP_FORMAT order. */
export function csq(e: {
  allele: string
  cons: string
  symbol?: string
  feature?: string
  biotype?: string
  hgvsc?: string
  hgvsp?: string
  cdna?: string
  protein?: string
  aa?: string
  num?: number
  canonical?: boolean
  pick?: boolean
}): string {
  return [
    e.allele, e.cons, 'MODERATE', e.symbol ?? '', 'ENSG1', 'Transcript', e.feature ?? 'ENST1', e.biotype ?? 'protein_coding', '',
    e.hgvsc ?? '', e.hgvsp ?? '', e.cdna ?? '', e.protein ?? '', e.aa ?? '', e.num === undefined ? '' : String(e.num),
    e.canonical ? 'YES' : '', e.pick ? '1' : '',
  ].join('|')
}

export function vepHeader(samples: string[] = ['NORMAL', 'TUMOR'], extra: string[] = []): string[] {
  return [
    '##fileformat=VCFv4.2',
    `##INFO=<ID=CSQ,Number=.,Type=String,Description="Consequence annotations from Ensembl VEP. Format: ${VEP_FORMAT}">`,
    '##INFO=<ID=SOMATIC,Number=0,Type=Flag,Description="Somatic">',
    '##FORMAT=<ID=GT,Number=1,Type=String,Description="Genotype">',
    '##FORMAT=<ID=AD,Number=R,Type=Integer,Description="Allelic depths">',
    '##FORMAT=<ID=DP,Number=1,Type=Integer,Description="Depth">',
    ...extra,
    ['#CHROM', 'POS', 'ID', 'REF', 'ALT', 'QUAL', 'FILTER', 'INFO', ...(samples.length ? ['FORMAT', ...samples] : [])].join('\t'),
  ]
}

/**
 * A read report as the paths' contract states it: the same counts, drop reasons and notes, the notes
 * and drop tallies in any order (their order follows which path met a record first, an accident).
 */
export function canonicalReport(r: ReadReport): ReadReport {
  const byText = (x: unknown, y: unknown): number => (JSON.stringify(x) < JSON.stringify(y) ? -1 : JSON.stringify(x) > JSON.stringify(y) ? 1 : 0)
  return { ...r, warnings: [...r.warnings].sort(byText), dropped: [...r.dropped].sort(byText) }
}

/** A VCF's lines through one record engine: the result (report canonical) or the error thrown, for engine-against-oracle comparisons. */
export function engineOutcome(name: string, lines: readonly string[], engine: RecordEngine, options: ConstructorParameters<typeof VcfParser>[1]): { ok: VcfResult } | { error: string } {
  const p = new VcfParser(name, options, engine)
  try {
    lines.forEach((t, i) => p.push(t, i + 1))
    const r = p.finish()
    return { ok: { ...r, report: canonicalReport(r.report) } }
  } catch (e) {
    return { error: String(e) }
  }
}
