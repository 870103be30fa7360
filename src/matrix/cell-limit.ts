/**
 * The matrix holds one byte per (feature, sample) cell in one typed array, whose length V8 caps at
 * 2^32 (buffer.constants.MAX_LENGTH): past it the allocation threw a RangeError (exit 2). Refused
 * up front with the two numbers instead, before anything is allocated.
 */
import { constants } from 'node:buffer'
import { InputError } from '../errors.js'

export const MAX_CELLS = constants.MAX_LENGTH

export function assertCellCount(features: number, samples: number): void {
  const cells = features * samples
  if (cells > MAX_CELLS) {
    throw new InputError('LIMIT', `the matrix would hold ${features} features × ${samples} samples = ${cells} cells, over the ${MAX_CELLS} one table can hold`, {
      suggestion: 'split the cohort, or keep fewer features (--panel, --classes, fewer rules or pathways)',
    })
  }
}
