/**
 * Which annotator wrote this VCF, decided from the header text (the INFO Description), not only
 * from the key: VEP writes CSQ but can be told to write ANN (or any --vcf_info_field name, e.g.
 * "vep"), SnpEff writes ANN, and bcftools csq can be told to write CSQ. One dialect per file; when
 * several are declared the first of this list wins (the others are ignored): VEP, SnpEff ANN,
 * SnpEff EFF, ANNOVAR, bcftools csq, Funcotator, Isaac/Nirvana CSQT, Oncotator.
 *
 * - VEP: Description contains "Format: Allele|Consequence|…" (field names read from it; a Format
 *   without Allele, as older VEP runs wrote, is read too when the Description names VEP: each entry
 *   then applies to every ALT). A Description naming BCFtools/csq is never VEP, whatever its key.
 * - SnpEff ANN: Description "Functional annotations: 'Allele | Annotation | …'".
 * - SnpEff EFF: Description "… Format: 'Effect ( Effect_Impact | … )'".
 * - ANNOVAR (table_annovar.pl -vcfinput): Func.<db> / Gene.<db> keys; the gene database is the
 *   first of refGene, ensGene, knownGene, then any other declared Func.<db>.
 * - bcftools csq: Description names "BCFtools/csq" (key BCSQ, or any key given with csq -c); the
 *   entry layout is bcftools' fixed one (bcsq.ts), whatever the Description lists after it.
 * - GATK Funcotator: Description "… Funcotation fields are: Gencode_28_hugoSymbol|…" (names read
 *   from it; funcotator.ts needs the Gencode hugoSymbol and variantClassification fields).
 * - Illumina Isaac (IONA) / Nirvana: key CSQT, Description "… Format: [GenotypeIndex|]HGNC|
 *   Transcript ID|Consequence" (names read from it). CSQR (regulatory) is not read.
 * - Oncotator (VCF output): INFO keys gene and variant_classification (Oncotator declares every
 *   key with Description "Unknown", so the keys are the signature).
 *
 * Fallback for files whose annotator forgot the header line (several SnpEff test files): an
 * undeclared ANN key is read with the standard 16-field ANN layout, an undeclared EFF key with the
 * layout implied by its field count; both add a warning. An undeclared CSQ cannot be read (VEP's
 * field order is run-specific).
 *
 * Complexity: once per file, O(INFO header lines × Description length); nothing per record.
 */
import type { MetaMap } from '@gmod/vcf'
import { quote } from '../errors.js'

export type Dialect =
  | { readonly kind: 'vep'; readonly key: string; readonly fields: readonly string[] }
  | { readonly kind: 'snpeff-ann'; readonly key: string; readonly fields: readonly string[] }
  | { readonly kind: 'snpeff-eff'; readonly key: string; readonly fields: readonly string[] | undefined }
  | { readonly kind: 'annovar'; readonly db: string }
  | { readonly kind: 'bcsq'; readonly key: string }
  | { readonly kind: 'funcotator'; readonly key: string; readonly fields: readonly string[] }
  | { readonly kind: 'csqt'; readonly key: string; readonly fields: readonly string[] }
  | { readonly kind: 'oncotator' }

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

const BCFTOOLS_CSQ = /BCFtools\/csq/i

function vepFields(desc: string): string[] | undefined {
  const i = desc.indexOf('Format:')
  if (i === -1 || BCFTOOLS_CSQ.test(desc)) return undefined
  const fields = pipeFields(desc.slice(i + 'Format:'.length))
  if (!fields.includes('Consequence')) return undefined
  // Older VEP runs (cyvcf2 test-hemi.vcf) list no Allele: every entry then applies to every ALT.
  return fields.includes('Allele') || desc.includes('VEP') ? fields : undefined
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

/** "…Funcotation fields are: Gencode_28_hugoSymbol|…" → the names. */
function funcotatorFields(desc: string): string[] | undefined {
  const i = desc.indexOf('Funcotation fields are:')
  if (i === -1) return undefined
  return pipeFields(desc.slice(i + 'Funcotation fields are:'.length))
}

/** "…Format: GenotypeIndex|HGNC|Transcript ID|Consequence" → ['GenotypeIndex', 'HGNC', 'TranscriptID', 'Consequence']. */
function csqtFields(desc: string): string[] | undefined {
  const i = desc.indexOf('Format:')
  if (i === -1) return undefined
  const fields = pipeFields(desc.slice(i + 'Format:'.length))
  return fields.includes('HGNC') && fields.includes('Consequence') ? fields : undefined
}

/** The dialects biomarkit added after VEP, SnpEff and ANNOVAR, in precedence order. */
function laterDialect(info: MetaMap, keys: readonly string[]): Dialect | undefined {
  const bcsq = keys.find((k) => BCFTOOLS_CSQ.test(description(info, k)))
  if (bcsq !== undefined) return { kind: 'bcsq', key: bcsq }
  for (const key of keys) {
    const fields = funcotatorFields(description(info, key))
    if (fields) return { kind: 'funcotator', key, fields }
  }
  const csqt = info.CSQT === undefined ? undefined : csqtFields(description(info, 'CSQT'))
  if (csqt) return { kind: 'csqt', key: 'CSQT', fields: csqt }
  if (info.variant_classification !== undefined && info.gene !== undefined) return { kind: 'oncotator' }
  return undefined
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
  return db === undefined ? laterDialect(info, keys) : { kind: 'annovar', db }
}

/** Fallback from an undeclared INFO key seen in a record (see the file comment). */
export function dialectFromUndeclaredKey(key: string): Dialect | undefined {
  if (key === 'ANN') return { kind: 'snpeff-ann', key, fields: ANN_STANDARD_FIELDS }
  if (key === 'EFF') return { kind: 'snpeff-eff', key, fields: undefined }
  return undefined
}

const LAYOUT_KEYS = ['CSQ', 'ANN', 'BCSQ', 'CSQT', 'FUNCOTATION']

/**
 * Why no dialect was found. A declared CSQ/ANN/… whose Description gives no field list (bcftools'
 * test perl-flt.vcf: CSQ "Predicted consequence") is named: its layout (VEP's run-specific fields,
 * or bcftools csq's) cannot be known from the header, and guessing it from values would be silent.
 */
export function unannotatedMessage(info: MetaMap): string {
  const key = LAYOUT_KEYS.find((k) => info[k] !== undefined)
  if (key !== undefined) {
    return `VCF INFO/${key} is declared (${quote(description(info, key))}) without a field list biomarkit recognises, so its layout is unknown`
  }
  return (
    'VCF is not annotated: no VEP CSQ, SnpEff ANN/EFF, ANNOVAR Func.*, bcftools csq BCSQ, Funcotator FUNCOTATION, ' +
    'Illumina CSQT or Oncotator variant_classification INFO field in the header'
  )
}

export const UNANNOTATED_HINT =
  'annotate it first: Ensembl VEP with --vcf (writes INFO/CSQ), SnpEff (writes INFO/ANN), ANNOVAR ' +
  'table_annovar.pl -vcfinput (writes Func.refGene/Gene.refGene/ExonicFunc.refGene/AAChange.refGene), ' +
  'bcftools csq (writes INFO/BCSQ) or GATK Funcotator --output-file-format VCF (writes INFO/FUNCOTATION)'
