/**
 * The vocabularies of an alteration as small integer codes: the EventTable's one-byte columns
 * (kind, class, variant type, origin, copy-number state) use them, and so does every reader that
 * writes the table's columns directly.
 */
import { MAF_CLASSES, VARIANT_TYPES, type AlterationKind, type CnState, type Origin, type VariantClass, type VariantType } from './alteration.js'

export const KINDS: readonly AlterationKind[] = ['snv', 'indel', 'cna', 'fusion']
export const ORIGINS: readonly Origin[] = ['somatic', 'germline', 'unknown']
export const CN_STATES: readonly CnState[] = ['deep_del', 'shallow_del', 'gain', 'amp']

export const KIND_CODE: Readonly<Record<AlterationKind, number>> = { snv: 0, indel: 1, cna: 2, fusion: 3 }
export const ORIGIN_CODE: Readonly<Record<Origin, number>> = { somatic: 0, germline: 1, unknown: 2 }
export const CLASS_CODE: ReadonlyMap<VariantClass, number> = new Map(MAF_CLASSES.map((c, i) => [c, i]))
export const TYPE_CODE: ReadonlyMap<VariantType, number> = new Map(VARIANT_TYPES.map((t, i) => [t, i + 1]))
export const CN_CODE: ReadonlyMap<CnState, number> = new Map(CN_STATES.map((s, i) => [s, i + 1]))
