/**
 * Somatic / germline origin from a record's INFO, when the caller of readVcf did not state it.
 * Order (first that applies): INFO flag SOMATIC → somatic; INFO flag GERMLINE → germline;
 * VarDict STATUS; VarScan SS; else 'unknown' — which the reader turns into 'somatic' for a paired
 * tumour/normal file. (opts.origin, when given, overrides all of this.)
 */
import type { InfoMap, InfoValue } from './info.js'
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

/**
 * The rule over plain values, which both record paths call: `somatic` / `germline` are the INFO
 * flags' presence, `status` / `ss` the first value of VarDict STATUS / VarScan SS (undefined: none).
 * Words are own keys of the tables only ("constructor" is no VarDict status).
 */
export function originOf(somatic: boolean, germline: boolean, status: string | undefined, ss: string | undefined): Origin {
  if (somatic) return 'somatic'
  if (germline) return 'germline'
  if (status !== undefined && Object.hasOwn(VARDICT_STATUS, status)) return VARDICT_STATUS[status] as Origin
  if (ss !== undefined && Object.hasOwn(VARSCAN_SS, ss)) return VARSCAN_SS[ss] as Origin
  return 'unknown'
}

/** originOf on a record's typed INFO values (a Flag, or a key without value, is `true`). */
export function originFromInfo(info: Readonly<InfoMap>): Origin {
  return originOf(info.SOMATIC === true, info.GERMLINE === true, first(info.STATUS), first(info.SS))
}

/**
 * A record's origin: the caller's (opts.origin) when stated; else the INFO's, where a paired
 * tumour/normal file's 'unknown' is somatic (Mutect2, Strelka, VarDict paired… emit somatic calls by
 * construction; INFO flags that say otherwise still win).
 */
export function recordOrigin(stated: Origin | undefined, fromInfo: Origin, paired: boolean): Origin {
  return stated ?? (fromInfo === 'unknown' && paired ? 'somatic' : fromInfo)
}
