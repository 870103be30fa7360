/**
 * Which annotator wrote this VCF, decided from the header text (the INFO Description), not only
 * from the key: VEP writes CSQ but can be told to write ANN (or any --vcf_info_field name, e.g.
 * "vep"), and SnpEff writes ANN. Precedence when several are declared: VEP, SnpEff ANN, SnpEff EFF,
 * ANNOVAR (one dialect per file; the others are ignored).
 *
 * - VEP: Description contains "Format: Allele|Consequence|…" (field names read from it).
 * - SnpEff ANN: Description "Functional annotations: 'Allele | Annotation | …'".
 * - SnpEff EFF: Description "… Format: 'Effect ( Effect_Impact | … )'".
 * - ANNOVAR (table_annovar.pl -vcfinput): Func.<db> / Gene.<db> keys; the gene database is the
 *   first of refGene, ensGene, knownGene, then any other declared Func.<db>.
 *
 * Fallback for files whose annotator forgot the header line (several SnpEff test files): an
 * undeclared ANN key is read with the standard 16-field ANN layout, an undeclared EFF key with the
 * layout implied by its field count; both add a warning. An undeclared CSQ cannot be read (VEP's
 * field order is run-specific).
 */
import type { MetaMap } from '@gmod/vcf'

export type Dialect =
  | { readonly kind: 'vep'; readonly key: string; readonly fields: readonly string[] }
  | { readonly kind: 'snpeff-ann'; readonly key: string; readonly fields: readonly string[] }
  | { readonly kind: 'snpeff-eff'; readonly key: string; readonly fields: readonly string[] | undefined }
  | { readonly kind: 'annovar'; readonly db: string }

/** SnpEff's ANN layout (VCF annotation format specification v1.0). */
export const ANN_STANDARD_FIELDS: readonly string[] = [
  'Allele', 'Annotation', 'Annotation_Impact', 'Gene_Name', 'Gene_ID', 'Feature_Type', 'Feature_ID', 'Transcript_BioType',
  'Rank', 'HGVS.c', 'HGVS.p', 'cDNA.pos/cDNA.length', 'CDS.pos/CDS.length', 'AA.pos/AA.length', 'Distance', 'ERRORS/WARNINGS/INFO',
]

function description(meta: MetaMap, key: string): string {
  const d = meta[key]?.Description
  return typeof d === 'string' ? d : ''
}

/** "…Format: Allele|Consequence|IMPACT" → ['Allele','Consequence','IMPACT'] (quotes/spaces dropped). */
function pipeFields(text: string): string[] {
  return text
    .replace(/['"]/g, '')
    .split('|')
    .map((f) => f.replace(/\s+/g, ''))
}

function vepFields(desc: string): string[] | undefined {
  const i = desc.indexOf('Format:')
  if (i === -1) return undefined
  const fields = pipeFields(desc.slice(i + 'Format:'.length))
  return fields.includes('Allele') && fields.includes('Consequence') ? fields : undefined
}

function annFields(desc: string): string[] | undefined {
  const i = desc.indexOf('Functional annotations:')
  if (i === -1) return undefined
  const fields = pipeFields(desc.slice(i + 'Functional annotations:'.length))
  return fields.includes('Annotation') && fields.includes('Gene_Name') ? fields : undefined
}

/** "Effect ( Effect_Impact | … | Exon [ | ERRORS | WARNINGS ] )" → names inside the parentheses. */
function effFields(desc: string): string[] | undefined {
  const open = desc.indexOf('Effect (')
  if (open === -1) return undefined
  const inner = desc.slice(open + 'Effect ('.length).replace(/[[\]()'"]/g, '')
  return inner
    .split('|')
    .map((f) => f.trim())
    .filter((f) => f !== '')
}

const ANNOVAR_DB_ORDER = ['refGene', 'ensGene', 'knownGene']

export function detectDialect(info: MetaMap): Dialect | undefined {
  const keys = Object.keys(info)
  let ann: Dialect | undefined
  let eff: Dialect | undefined
  for (const key of keys) {
    const desc = description(info, key)
    const vep = desc.includes('VEP') || key === 'CSQ' ? vepFields(desc) : undefined
    if (vep) return { kind: 'vep', key, fields: vep }
    const a = annFields(desc)
    if (a && ann === undefined) ann = { kind: 'snpeff-ann', key, fields: a }
    const e = effFields(desc)
    if (e && eff === undefined) eff = { kind: 'snpeff-eff', key, fields: e }
  }
  if (ann) return ann
  if (eff) return eff
  const dbs = keys.filter((k) => k.startsWith('Func.')).map((k) => k.slice('Func.'.length))
  const db = ANNOVAR_DB_ORDER.find((d) => dbs.includes(d)) ?? dbs[0]
  return db === undefined ? undefined : { kind: 'annovar', db }
}

/** Fallback from an undeclared INFO key seen in a record (see the file comment). */
export function dialectFromUndeclaredKey(key: string): Dialect | undefined {
  if (key === 'ANN') return { kind: 'snpeff-ann', key, fields: ANN_STANDARD_FIELDS }
  if (key === 'EFF') return { kind: 'snpeff-eff', key, fields: undefined }
  return undefined
}

export const UNANNOTATED_HINT =
  'annotate it first: Ensembl VEP with --vcf (writes INFO/CSQ), SnpEff (writes INFO/ANN), or ANNOVAR ' +
  'table_annovar.pl -vcfinput (writes Func.refGene/Gene.refGene/ExonicFunc.refGene/AAChange.refGene)'

/**
 * Annotators whose output we recognise but do not read (not in the scope). Named in the
 * UNANNOTATED error so the user is not told their annotated file has no annotation.
 */
const UNSUPPORTED: readonly (readonly [string, RegExp, string])[] = [
  ['BCSQ', /BCFtools\/csq/i, 'bcftools csq (INFO/BCSQ)'],
  ['CSQ', /BCFtools\/csq/i, 'bcftools csq (INFO/CSQ in BCSQ layout)'],
  ['FUNCOTATION', /Funcotator/i, 'GATK Funcotator (INFO/FUNCOTATION)'],
  ['CSQT', /transcript consequence/i, 'Illumina Isaac/Nirvana (INFO/CSQT)'],
]

export function unsupportedAnnotator(info: MetaMap): string | undefined {
  for (const [key, re, name] of UNSUPPORTED) if (re.test(description(info, key))) return name
  return undefined
}

