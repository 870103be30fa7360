/**
 * The vocabularies of an alteration as small integer codes: the EventTable's one-byte columns
 * (kind, class, variant type, origin, copy-number state) use them, and so does every reader that
 * writes the table's columns directly.
 */
import { MAF_CLASSES, VARIANT_TYPES, type Alteration, type AlterationKind, type CnState, type Origin, type VariantClass, type VariantType } from './alteration.js'

export const KINDS: readonly AlterationKind[] = ['snv', 'indel', 'cna', 'fusion']
export const ORIGINS: readonly Origin[] = ['somatic', 'germline', 'unknown']
export const CN_STATES: readonly CnState[] = ['deep_del', 'shallow_del', 'gain', 'amp']

export const KIND_CODE: Readonly<Record<AlterationKind, number>> = { snv: 0, indel: 1, cna: 2, fusion: 3 }
export const ORIGIN_CODE: Readonly<Record<Origin, number>> = { somatic: 0, germline: 1, unknown: 2 }
export const CLASS_CODE: ReadonlyMap<VariantClass, number> = new Map(MAF_CLASSES.map((c, i) => [c, i]))
export const TYPE_CODE: ReadonlyMap<VariantType, number> = new Map(VARIANT_TYPES.map((t, i) => [t, i + 1]))
export const CN_CODE: ReadonlyMap<CnState, number> = new Map(CN_STATES.map((s, i) => [s, i + 1]))

/**
 * One event's vocabulary as one number, the only packed event code there is:
 * class << 7 | kind << 5 | copy-number state << 2 | origin (the table's codes; copy-number state
 * 0 = none). Codes compare as (class, kind, copy-number state, origin) tuples do. The cell stores
 * keep one per stored event (../matrix/cell-store.ts, ../matrix/counted-cells.ts); the summaries
 * and the oncoplot's glyph signatures read them through the decoders below.
 */
export const EVENT_CODES = MAF_CLASSES.length << 7
if (MAF_CLASSES.length > 64 || KINDS.length > 4 || CN_STATES.length + 1 > 8 || ORIGINS.length > 4) throw new Error('events-codes.ts: a vocabulary outgrew its bits in the event code')

export function eventCode(cls: number, kind: number, cnState: number, origin: number): number {
  return (cls << 7) | (kind << 5) | (cnState << 2) | origin
}

/** MAF_CLASSES index. */
export const codeClass = (code: number): number => code >>> 7
/** KINDS index. */
export const codeKind = (code: number): number => (code >>> 5) & 3
/** CN_STATES index + 1; 0 = none. */
export const codeCnState = (code: number): number => (code >>> 2) & 7
/** ORIGINS index. */
export const codeOrigin = (code: number): number => code & 3

/** A record's event code. */
export function recordCode(a: Pick<Alteration, 'variantClass' | 'kind' | 'cnState' | 'origin'>): number {
  return eventCode(CLASS_CODE.get(a.variantClass) as number, KIND_CODE[a.kind], a.cnState === undefined ? 0 : (CN_CODE.get(a.cnState) as number), ORIGIN_CODE[a.origin])
}
