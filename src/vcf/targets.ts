/**
 * Which samples of a record may carry its alleles, with their FORMAT values (FORMAT_KEYS only):
 * sites-only → the file's one name; paired / tumour-only → the tumour column; cohort → every column.
 * Read with line-scan.ts's FormatReader; test/vcf/fast-path.test.ts holds them to @gmod/vcf's
 * processFormatFields (test/vcf/gmod-oracle.ts).
 */
import type { SampleTarget } from './record.js'
import type { SampleRoles } from './sample-roles.js'
import type { FormatReader, LineColumns } from './line-scan.js'

/** The targets of the line `cols` last scanned. */
export function lineTargets(reader: FormatReader, cols: LineColumns, r: SampleRoles, sampleNames: readonly string[]): SampleTarget[] {
  if (r.mode === 'sites-only') return [{ name: r.tumorName ?? '', idx: -1, fmt: {} }]
  if (r.mode !== 'cohort') {
    const t = r.tumorIdx as number
    return [{ name: r.tumorName as string, idx: t, fmt: reader.declares(cols) ? reader.sample(cols, t) : {} }]
  }
  if (!reader.declares(cols)) return []
  const out: SampleTarget[] = []
  for (let j = 0; j < sampleNames.length; j++) out.push({ name: sampleNames[j] as string, idx: j, fmt: reader.sample(cols, j) })
  return out
}

/**
 * The normal's GT in a paired file (vcf2maf's allele choice reads it: multiallelic.ts); undefined
 * without a normal column or GT.
 */
export function lineNormalGt(reader: FormatReader, cols: LineColumns, r: SampleRoles): string | undefined {
  if (r.mode !== 'paired' || r.normalIdx === undefined || !reader.declares(cols)) return undefined
  return reader.sample(cols, r.normalIdx).GT
}
