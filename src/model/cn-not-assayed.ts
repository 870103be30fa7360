/**
 * Cells a copy-number table says were not assayed ("Not Available" for a gene in a sample), as the
 * input stage hands them to the matrix build (src/matrix/unassayed.ts applies them).
 */
export interface CnNotAssayed {
  /** (sample, gene) pairs, gene symbols alias-resolved. */
  readonly cells: readonly { readonly sample: string; readonly gene: string }[]
  /** The cohort read mutation calls (VCF / MAF / ANNOVAR / mapped tables), not only tables of copy number or fusions. */
  readonly mutationsRead: boolean
}
