/**
 * Fusion-table layouts, told apart by column names:
 * - 'sv': cBioPortal structural-variant file (data_sv.txt / data_structural_variants.txt):
 *   Sample_Id, Site1_Hugo_Symbol, Site2_Hugo_Symbol (Event_Info, Class, … carried as extras);
 * - 'pair': a simple table with two gene columns (gene_a/gene_b, gene1/gene2, geneA/geneB,
 *   5p_gene/3p_gene, left_gene/right_gene, five_prime_gene/three_prime_gene);
 * - 'maf': the older cBioPortal fusion file, MAF-like: Hugo_Symbol, Tumor_Sample_Barcode, Fusion
 *   (one row per gene; the partner is read from the Fusion label);
 * - 'label': a sample column and a fusion label only (OncoKB example_fusions: Tumor_Sample_Barcode,
 *   Fusion; PCGR: FusionGene, single-sample, sample given by option).
 */
import { InputError } from '../errors.js'
import type { TableHeader } from '../io/table.js'
import { findColumn } from '../io/table.js'

export const SAMPLE_COLUMNS: readonly string[] = ['sample_id', 'tumor_sample_barcode', 'sample', 'sample_name', 'sampleid', 'sample_barcode', 'patient_id', 'patient']
const LABEL_COLUMNS = ['fusion', 'fusiongene', 'fusion_gene', 'fusion_name', 'fusionname', 'fusion_genes']
const PAIR_COLUMNS: ReadonlyArray<readonly [string, string]> = [
  ['site1_hugo_symbol', 'site2_hugo_symbol'],
  ['gene_a', 'gene_b'],
  ['gene1', 'gene2'],
  ['genea', 'geneb'],
  ['5p_gene', '3p_gene'],
  ['left_gene', 'right_gene'],
  ['five_prime_gene', 'three_prime_gene'],
  ['gene_5p', 'gene_3p'],
]

export type FusionLayout =
  | { readonly form: 'sv' | 'pair'; readonly sample: number | undefined; readonly gene5: number; readonly gene3: number }
  | { readonly form: 'maf'; readonly sample: number | undefined; readonly gene: number; readonly label: number }
  | { readonly form: 'label'; readonly sample: number | undefined; readonly label: number }

export function detectFusionLayout(h: TableHeader, sampleGiven: boolean): FusionLayout {
  const cols = h.columns
  // Case-insensitive, first accepted name wins; a found column repeated in other case
  // (`Hugo_Symbol` + `hugo_symbol`) is an error at the header, as in every other reader.
  const find = (names: readonly string[]): number | undefined => findColumn(h, ...names)
  const sample = find(SAMPLE_COLUMNS)
  if (sample === undefined && !sampleGiven) {
    throw new InputError('MISSING_COLUMN', `fusion table: no sample column (looked for ${SAMPLE_COLUMNS.join(', ')})`, {
      file: h.file,
      line: h.line,
      suggestion: `for a single-sample file pass the sample name as an option; the header has: ${cols.slice(0, 30).join(', ')}`,
    })
  }
  for (const [a, b] of PAIR_COLUMNS) {
    const gene5 = find([a])
    const gene3 = find([b])
    if (gene5 !== undefined && gene3 !== undefined) return { form: a.startsWith('site1') ? 'sv' : 'pair', sample, gene5, gene3 }
  }
  const label = find(LABEL_COLUMNS)
  if (label !== undefined) {
    const gene = find(['hugo_symbol', 'gene', 'gene_symbol'])
    return gene !== undefined ? { form: 'maf', sample, gene, label } : { form: 'label', sample, label }
  }
  throw new InputError('MISSING_COLUMN', 'fusion table: no gene columns', {
    file: h.file,
    line: h.line,
    suggestion: `expected Site1_Hugo_Symbol + Site2_Hugo_Symbol, gene_a + gene_b (or gene1/gene2, …), or a Fusion / FusionGene label; the header has: ${cols.slice(0, 30).join(', ')}`,
  })
}
