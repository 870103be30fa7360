/**
 * Input format from content, never from the file name: VCF by its `##fileformat` / `#CHROM` line,
 * MAF by its required columns, ANNOVAR multianno by `Func.refGene`-style columns, cBioPortal
 * copy-number / structural-variant files by their headers.
 */
import { peekText } from '../io/lines.js'

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

export async function sniffFile(path: string): Promise<InputFormat> {
  return sniffText(await peekText(path, 16 * 1024))
}
