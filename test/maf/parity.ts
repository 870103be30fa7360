/**
 * The contract between the MAF read paths (text, bytes, two threads, sample partitions): the same
 * records and the same read report. The order of the report's warnings and the string pool's ids
 * are not part of it (issue #20 item 2): `comparable` sorts the warnings and leaves the pool out.
 */
import type { ReadReport } from '../../src/model/report.js'

/** `r` with its report's warnings sorted and without `pool` (typed as `r`, so a result | error union keeps its shape). */
export function comparable<T extends { readonly report?: ReadReport | undefined; readonly pool?: unknown }>(r: T): T {
  const { pool: _pool, ...rest } = r
  if (rest.report === undefined) return rest as T
  return { ...rest, report: { ...rest.report, warnings: [...rest.report.warnings].sort((a, b) => (JSON.stringify(a) < JSON.stringify(b) ? -1 : JSON.stringify(a) > JSON.stringify(b) ? 1 : 0)) } } as T
}
