/**
 * Transforms for a continuous feature before it enters a model, so an effect (OR, HR) is per unit
 * of the transformed value: none, log10, log2 (per 10-fold / 2-fold increase) or sd (per standard
 * deviation: centred and divided by the sample SD, n − 1 denominator).
 *
 * Zeros under a log: refused unless the caller states a pseudo-count c, which is then applied to
 * every value as log(x + c) and written into the description. A default pseudo-count would change
 * the effect size silently (log10(x + 1) and log10(x + 0.1) give different ORs), so there is none.
 * Negative values are always refused under a log.
 */

export const TRANSFORMS = ['none', 'log10', 'log2', 'sd'] as const
export type Transform = (typeof TRANSFORMS)[number]

export interface TransformOptions {
  /** added to every value before a log; required when a value is 0 */
  readonly pseudoCount?: number | undefined
}

export interface Transformed {
  readonly values: number[]
  readonly transform: Transform
  /** what one unit of the transformed value means, e.g. "per 10-fold increase of log10(x + 1)" */
  readonly unit: string
  readonly pseudoCount: number | undefined
  /** for sd: the mean and SD used */
  readonly mean: number | undefined
  readonly sd: number | undefined
}

export function transformValues(values: readonly number[], transform: Transform, options: TransformOptions = {}): Transformed {
  values.forEach((v, i) => {
    if (!Number.isFinite(v)) throw new RangeError(`transformValues: value ${i} must be a finite number, got ${String(v)}`)
  })
  if (transform === 'none') return { values: [...values], transform, unit: 'per unit', pseudoCount: undefined, mean: undefined, sd: undefined }
  if (transform === 'sd') {
    if (values.length < 2) throw new RangeError('transformValues: sd needs at least 2 values')
    const mean = values.reduce((s, v) => s + v, 0) / values.length
    const sd = Math.sqrt(values.reduce((s, v) => s + (v - mean) * (v - mean), 0) / (values.length - 1))
    if (!(sd > 0)) throw new RangeError('transformValues: every value is the same; there is no standard deviation to scale by')
    return { values: values.map((v) => (v - mean) / sd), transform, unit: `per standard deviation (SD ${formatNumber(sd)})`, pseudoCount: undefined, mean, sd }
  }
  const c = options.pseudoCount
  if (c !== undefined && !(Number.isFinite(c) && c > 0)) throw new RangeError(`transformValues: the pseudo-count must be a positive number, got ${String(c)}`)
  const negative = values.filter((v) => v < 0).length
  if (negative > 0) throw new RangeError(`transformValues: ${negative} value(s) are negative; ${transform} is undefined for them`)
  const zeros = values.filter((v) => v === 0).length
  if (zeros > 0 && c === undefined) {
    throw new RangeError(`transformValues: ${zeros} value(s) are 0 and ${transform}(0) is −∞; state a pseudo-count (e.g. 1 for counts) or use the none or sd transform`)
  }
  const log = transform === 'log10' ? Math.log10 : Math.log2
  const shift = c ?? 0
  const inner = c === undefined ? 'x' : `x + ${formatNumber(c)}`
  return {
    values: values.map((v) => log(v + shift)),
    transform,
    unit: `per ${transform === 'log10' ? '10' : '2'}-fold increase of ${inner} (${transform}(${inner}))`,
    pseudoCount: c,
    mean: undefined,
    sd: undefined,
  }
}

function formatNumber(v: number): string {
  return Number(v.toPrecision(4)).toString()
}
