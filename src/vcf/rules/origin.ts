/**
 * Somatic / germline origin from a record's INFO, when the caller of readVcf did not state it.
 * Order (first that applies): INFO flag SOMATIC → somatic; INFO flag GERMLINE → germline;
 * VarDict STATUS; VarScan SS; else 'unknown' — which the reader turns into 'somatic' for a paired
 * tumour/normal file. (opts.origin, when given, overrides all of this.)
 */
import type { InfoValue } from '@gmod/vcf'
import type { Origin } from '../../model/alteration.js'

/** INFO keys originFromInfo reads, in its order of precedence (the readers ask for these). */
export const ORIGIN_KEYS: readonly string[] = ['SOMATIC', 'GERMLINE', 'STATUS', 'SS']

/** VarDict INFO/STATUS values (VarDict var2vcf_paired.pl). */
export const VARDICT_STATUS: Readonly<Record<string, Origin>> = {
  StrongSomatic: 'somatic',
  LikelySomatic: 'somatic',
  Germline: 'germline',
  StrongLOH: 'germline',
  LikelyLOH: 'germline',
  AFDiff: 'unknown',
  SampleSpecific: 'unknown',
  Deletion: 'unknown',
}

/** VarScan INFO/SS: 0 reference, 1 germline, 2 somatic, 3 LOH, 5 unknown. */
export const VARSCAN_SS: Readonly<Record<string, Origin>> = { '1': 'germline', '2': 'somatic', '3': 'germline' }

function first(v: InfoValue | undefined): string | undefined {
  if (v === undefined || v === true) return undefined
  const x = v[0]
  return x === undefined ? undefined : String(x)
}

export function originFromInfo(info: Readonly<Record<string, InfoValue>>): Origin {
  if (info.SOMATIC === true) return 'somatic'
  if (info.GERMLINE === true) return 'germline'
  const status = first(info.STATUS)
  if (status !== undefined && VARDICT_STATUS[status] !== undefined) return VARDICT_STATUS[status]
  const ss = first(info.SS)
  if (ss !== undefined && VARSCAN_SS[ss] !== undefined) return VARSCAN_SS[ss]
  return 'unknown'
}
