/**
 * Which samples of a record may carry its alleles, with their FORMAT values (FORMAT_KEYS only):
 * sites-only → the file's one name; paired / tumour-only → the tumour column; cohort → every column.
 * Two implementations of one rule: through @gmod/vcf's processFormatFields (the reference path) and
 * through line-scan.ts's FormatReader (the fast path); test/vcf/fast-path.test.ts holds them equal.
 */
import type { Variant } from '@gmod/vcf'
import type { SampleTarget } from './record.js'
import { FORMAT_KEYS, type FormatValues } from './sample-counts.js'
import type { SampleRoles } from './sample-roles.js'
import type { FormatReader, LineColumns } from './line-scan.js'

const FORMAT_KEY_LIST: string[] = [...FORMAT_KEYS]

export function gmodTargets(v: Variant, r: SampleRoles, sampleNames: readonly string[]): SampleTarget[] {
  if (r.mode === 'sites-only') return [{ name: r.tumorName ?? '', idx: -1, fmt: {} }]
  const want = r.mode === 'cohort' ? -1 : (r.tumorIdx as number)
  const out: SampleTarget[] = []
  const keys = FORMAT_KEY_LIST
  v.processFormatFields(keys, (str, ranges, idx) => {
    if (want !== -1 && idx !== want) return
    const fmt: FormatValues = {}
    for (let k = 0; k < keys.length; k++) {
      const a = ranges[2 * k] as number
      if (a >= 0) fmt[keys[k] as keyof FormatValues] = str.slice(a, ranges[2 * k + 1])
    }
    out.push({ name: want === -1 ? (sampleNames[idx] as string) : (r.tumorName as string), idx, fmt })
  })
  // A FORMAT without any key we read reports no sample: the tumour is still the target.
  if (out.length === 0 && want !== -1) out.push({ name: r.tumorName as string, idx: want, fmt: {} })
  return out
}

/** The same, from the line `cols` last scanned. */
export function fastTargets(reader: FormatReader, cols: LineColumns, r: SampleRoles, sampleNames: readonly string[]): SampleTarget[] {
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
 * without a normal column or GT. Both paths, as above.
 */
export function gmodNormalGt(v: Variant, r: SampleRoles): string | undefined {
  if (r.mode !== 'paired' || r.normalIdx === undefined) return undefined
  let gt: string | undefined
  v.processFormatFields(['GT'], (str, ranges, idx) => {
    const a = ranges[0] as number
    if (idx === r.normalIdx && a >= 0) gt = str.slice(a, ranges[1])
  })
  return gt
}

export function fastNormalGt(reader: FormatReader, cols: LineColumns, r: SampleRoles): string | undefined {
  if (r.mode !== 'paired' || r.normalIdx === undefined || !reader.declares(cols)) return undefined
  return reader.sample(cols, r.normalIdx).GT
}
