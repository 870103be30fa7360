/**
 * The interface every annotation decoder implements (VEP CSQ, SnpEff ANN/EFF and CSQT in
 * annotation.ts; bcsq.ts, funcotator.ts, oncotator.ts). Its own file so that the decoders and
 * annotation.ts, which picks one per dialect, do not import each other.
 */
import type { Location } from '../errors.js'
import type { Effect } from './effect.js'
import type { RecordFields } from './record.js'

export type Raw = readonly (string | number | undefined)[]

/** What of the record a decoder may need besides the key's values (bcftools matches POS/REF, Funcotator reads raw INFO). */
export type DecodeContext = Pick<RecordFields, 'pos' | 'ref' | 'infoText'>

export interface AnnotationDecoder {
  readonly key: string
  /** All entries of one record's annotation INFO value. */
  decode(values: Raw, where: Location, record: DecodeContext): Effect[]
  /**
   * The same from the value as written in the line, text[from, to): what decode would give for
   * text.slice(from, to).split(','), or undefined to have the caller use decode (rare shapes).
   * Only for decoders that need nothing of the record but the value (VEP, SnpEff ANN, CSQT).
   */
  decodeSpan?(text: string, from: number, to: number, where: Location): Effect[] | undefined
}
