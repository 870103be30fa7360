/**
 * Input format from content, never from the file name: VCF by its `##fileformat` / `#CHROM` line,
 * MAF by its required columns, ANNOVAR multianno by `Func.refGene`-style columns, cBioPortal
 * copy-number / structural-variant files by their headers.
 */
import { InputError } from '../errors.js'
import { displayName, peekText } from '../io/lines.js'
import type { ReadLimits } from '../io/read-limits.js'

export type InputFormat = 'vcf' | 'maf' | 'annovar' | 'table'

export function sniffText(head: string): InputFormat {
  const lines = head.split('\n')
  const first = lines.find((l) => l.trim() !== '') ?? ''
  if (first.startsWith('##fileformat=VCF') || lines.some((l) => l.startsWith('#CHROM\t'))) return 'vcf'
  const header = lines.find((l) => l.trim() !== '' && !l.startsWith('#')) ?? ''
  const cols = header.split(/\t|,/).map((c) => c.trim().toLowerCase())
  if (cols.includes('hugo_symbol') && cols.includes('variant_classification') && cols.includes('tumor_sample_barcode')) return 'maf'
  if (cols.some((c) => /^func\.(refgene|ensgene|knowngene)$/.test(c))) return 'annovar'
  return 'table'
}

/**
 * A header with Hugo_Symbol and at least two other MAF columns is a MAF with columns missing, not
 * a generic table: reading it as MAF names the missing columns, where "not a VCF, MAF or ANNOVAR
 * table" would leave the user guessing (reliability corpus: maf/missing-columns.maf).
 */
export function looksLikeMaf(head: string): boolean {
  const header = head.split('\n').find((l) => l.trim() !== '' && !l.startsWith('#')) ?? ''
  const cols = new Set(header.split('\t').map((c) => c.trim().toLowerCase()))
  if (!cols.has('hugo_symbol')) return false
  const others = ['chromosome', 'start_position', 'end_position', 'reference_allele', 'tumor_seq_allele2', 'variant_classification', 'variant_type', 'tumor_sample_barcode']
  return others.filter((c) => cols.has(c)).length >= 2
}

export async function sniffFile(path: string, limits?: ReadLimits): Promise<InputFormat> {
  const head = await peekText(path, 16 * 1024, { limits })
  // An empty (or all-blank) file has no format to sniff; saying so beats "not a VCF, MAF or ANNOVAR table".
  if (head.trim() === '') throw new InputError('EMPTY_FILE', 'file is empty: no header line and no records', { file: displayName(path) })
  return sniffText(head)
}
