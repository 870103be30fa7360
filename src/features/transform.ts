/**
 * `--transform none|log10|log2|sd` for numeric features: the effect (OR, HR) is reported per unit
 * of the transformed value — per 10-fold (log10), per doubling (log2) or per standard deviation
 * (sd: x / sd(x), R's sd with n − 1; the effect does not depend on centring). A log of a value
 * ≤ 0 is refused, naming the feature: a pseudo-count would be a guess the user did not make.
 */
import { InputError, quote } from '../errors.js'
import type { NumericTransform } from './design.js'

export const TRANSFORM_NAMES = ['none', 'log10', 'log2', 'sd'] as const
export type TransformName = (typeof TRANSFORM_NAMES)[number]

function logOf(base: 'log10' | 'log2'): NumericTransform {
  const f = base === 'log10' ? Math.log10 : Math.log2
  return {
    name: base,
    apply(values, what) {
      const bad = values.find((v) => !(v > 0))
      if (bad !== undefined) {
        throw new InputError('BAD_VALUE', `--transform ${base}: ${quote(what)} has the value ${bad}; a log needs values above 0`, {
          suggestion: 'use --transform none or sd, or add your own offset to the column',
        })
      }
      return { values: values.map(f), label: (c) => `${base}(${c})` }
    },
  }
}

const SD: NumericTransform = {
  name: 'sd',
  apply(values, what) {
    const n = values.length
    const mean = values.reduce((a, b) => a + b, 0) / n
    const sd = Math.sqrt(values.reduce((a, b) => a + (b - mean) ** 2, 0) / (n - 1))
    if (!(sd > 0)) throw new InputError('BAD_VALUE', `--transform sd: ${quote(what)} has no spread (SD 0 or fewer than two values)`)
    return { values: values.map((v) => v / sd), label: (c) => `${c}/SD`, note: `${what}: SD = ${Number(sd.toPrecision(6))}` }
  },
}

const NONE: NumericTransform = { name: 'none', apply: (values) => ({ values: [...values], label: (c) => c }) }

export function numericTransform(name: TransformName): NumericTransform {
  return name === 'none' ? NONE : name === 'sd' ? SD : logOf(name)
}
