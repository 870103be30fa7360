/**
 * Chromosome names we accept: human 1–22 (23/24 as older TCGA X/Y), X, Y, M/MT, with or without `chr`, plus unplaced /
 * alternate contigs (names with `_`, GL…, KI…, NC_…, HLA-…, EBV). Anything else ("chr99", "23",
 * "Pos") usually means shifted columns, so it is an error rather than a silent new contig.
 */
// 23 and 24 are X and Y in older TCGA MAFs (maftools' tcga_laml.maf writes 23).
const MAIN = /^(?:chr)?(?:[1-9]|1\d|2[0-4]|X|Y|M|MT)$/i
const CONTIG = /^(?:chr)?(?:[^\s]*_[^\s]*|GL\d+(?:\.\d+)?|KI\d+(?:\.\d+)?|NC_\d+(?:\.\d+)?|HLA-[^\s]+|EBV)$/i

export function isKnownChromosome(name: string): boolean {
  return MAIN.test(name) || CONTIG.test(name)
}
