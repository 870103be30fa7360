/** How one MAF file is read (the options every MAF path takes). */
import type { ReadLimits } from '../io/read-limits.js'
import type { Origin } from '../model/alteration.js'

export interface MafOptions {
  /** Line and size caps, the read registry (default: readLimits()). */
  readonly limits?: ReadLimits | undefined
  /** Skip bad rows (counted by reason) instead of stopping at the first. */
  readonly lenient?: boolean | undefined
  /** Keep every non-standard column in `extra` (for convert; costs memory). */
  readonly keepExtra?: boolean | undefined
  /** Origin to use when the file has no Mutation_Status (e.g. a germline MAF). */
  readonly origin?: Origin | undefined
  /** Replace every row's sample ID (manifest rows that name the sample). */
  readonly sampleOverride?: string | undefined
}
