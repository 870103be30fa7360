import { existsSync } from 'node:fs'
import { fileURLToPath } from 'node:url'
import { InputError } from '../../src/errors.js'

/** A file in the shared real-data folder (../shared/data next to the checkout). */
export function shared(rel: string): string {
  return fileURLToPath(new URL(`../../../shared/data/${rel}`, import.meta.url))
}

export function fixture(rel: string): string {
  return fileURLToPath(new URL(`../fixtures/vcf/${rel}`, import.meta.url))
}

export const hasShared = (rel: string): boolean => existsSync(shared(rel))

/** Run fn and return the InputError it throws (fails the test if it does not throw one). */
export function thrown(fn: () => unknown): InputError {
  try {
    fn()
  } catch (e) {
    if (e instanceof InputError) return e
    throw e
  }
  throw new Error('expected an InputError')
}

export async function rejected(p: Promise<unknown>): Promise<InputError> {
  try {
    await p
  } catch (e) {
    if (e instanceof InputError) return e
    throw e
  }
  throw new Error('expected an InputError')
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
