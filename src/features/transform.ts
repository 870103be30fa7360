/**
 * `--transform none|log10|log2|sd` for numeric features, as a NumericTransform over
 * src/stats/transform.ts (the statistics core's transforms): the effect (OR, HR) is per unit of
 * the transformed value. A value the transform refuses (0 or negative under a log) is an input
 * error naming the feature; no pseudo-count is ever assumed.
 */
import { InputError, quote } from '../errors.js'
import { TRANSFORMS, transformValues, type Transform } from '../stats/transform.js'
import type { NumericTransform } from './design.js'

export const TRANSFORM_NAMES = TRANSFORMS
export type TransformName = Transform

export function numericTransform(name: TransformName): NumericTransform {
  return {
    name,
    apply(values, what) {
      try {
        const t = transformValues(values, name)
        return {
          values: t.values,
          label: (c) => (name === 'none' ? c : name === 'sd' ? `${c}/SD` : `${name}(${c})`),
          note: name === 'none' ? undefined : `${what}: ${t.unit}`,
        }
      } catch (e) {
        if (e instanceof RangeError) throw new InputError('BAD_VALUE', `--transform ${name}: feature ${quote(what)}: ${e.message.replace(/^transformValues: /, '')}`, { suggestion: 'use --transform none or sd, or add your own offset to the column' })
        throw e
      }
    },
  }
}
