/**
 * The tests' oracle for the VCF text path: every record's columns read by @gmod/vcf 7 (parseLine for
 * the fixed columns and the typed INFO, processFormatFields for the samples' FORMAT values), handed
 * to the same allele dispatch (src/vcf/text-path.ts RecordOracle). The reader's own column reading
 * (line-scan.ts, rules/info.ts, targets.ts) must give the same records and read reports:
 * fast-path.test.ts (every real VCF and fixture), fast-path-fuzz.test.ts (generated records).
 */
import VCF, { type Variant } from '@gmod/vcf'
import { FORMAT_KEYS, type FormatValues } from '../../src/vcf/sample-counts.js'
import type { SampleRoles } from '../../src/vcf/sample-roles.js'
import type { SampleTarget } from '../../src/vcf/record.js'
import type { RecordOracle } from '../../src/vcf/text-path.js'

const FORMAT_KEY_LIST: string[] = [...FORMAT_KEYS]

/** Which samples may carry the alleles, with their FORMAT values: as src/vcf/targets.ts decides, through processFormatFields. */
function gmodTargets(v: Variant, r: SampleRoles, sampleNames: readonly string[]): SampleTarget[] {
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

/** The normal's GT in a paired file. */
function gmodNormalGt(v: Variant, r: SampleRoles): string | undefined {
  if (r.mode !== 'paired' || r.normalIdx === undefined) return undefined
  let gt: string | undefined
  v.processFormatFields(['GT'], (str, ranges, idx) => {
    const a = ranges[0] as number
    if (idx === r.normalIdx && a >= 0) gt = str.slice(a, ranges[1])
  })
  return gt
}

/** The keys of an INFO column, in the order written ('.': none). */
function infoKeys(info: string): string[] {
  if (info === '.') return []
  return info.split(';').map((kv) => {
    const eq = kv.indexOf('=')
    return eq === -1 ? kv : kv.slice(0, eq)
  })
}

export const gmodOracle: RecordOracle = (header, roles) => {
  const vcf = new VCF({ header, strict: false })
  const names = vcf.samples
  return (text) => {
    const v = vcf.parseLine(text)
    const infoText = text.split('\t', 8)[7] ?? ''
    return {
      chrom: v.CHROM ?? '',
      ref: v.REF ?? '',
      alts: v.ALT ?? [],
      filter: v.FILTER === undefined ? '.' : typeof v.FILTER === 'string' ? v.FILTER : v.FILTER.join(';'),
      info: v.INFO,
      infoText,
      infoKeys: infoKeys(infoText),
      format: v.FORMAT,
      targets: gmodTargets(v, roles, names),
      normalGt: () => gmodNormalGt(v, roles),
    }
  }
}
