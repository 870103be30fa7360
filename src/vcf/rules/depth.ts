/**
 * A sample's depth and VAF for one allele once its allele counts are read: the one rule both record
 * paths call (sample-counts.ts from FORMAT text, byte-path/row-reader.ts from bytes), over plain
 * numbers, undefined where the file gives none. vcf2maf's t_depth (FixAlleleDepths):
 * - depth = the caller's depth (FORMAT DP; Strelka: its tier-1 sum), else the allele depths' sum
 *   (`sum`, or ref + alt); that sum also when the depth is below ref + alt (a DP smaller than its
 *   own allele depths is not a depth);
 * - VAF, when the file states none (FORMAT AF / FREQ): alt / depth, for a positive depth.
 */

export function alleleDepth(depth: number | undefined, sum: number | undefined, ref: number | undefined, alt: number | undefined): number | undefined {
  const total = sum ?? (ref !== undefined && alt !== undefined ? ref + alt : undefined)
  if (total !== undefined && (depth === undefined || (ref ?? 0) + (alt ?? 0) > depth)) return total
  return depth
}

export function countVaf(alt: number | undefined, depth: number | undefined): number | undefined {
  return alt !== undefined && depth !== undefined && depth > 0 ? alt / depth : undefined
}
