/** Small builders for hand-made alterations in tests. */
import type { Alteration, VariantClass } from '../../src/model/alteration.js'

let line = 1

export function alt(sample: string, gene: string, variantClass: VariantClass, extra: Partial<Alteration> = {}): Alteration {
  const kind = variantClass === 'Amp' || variantClass === 'Del' ? 'cna' : variantClass === 'Fusion' ? 'fusion' : 'snv'
  return { sample, gene, kind, variantClass, origin: 'somatic', source: { file: 'test.maf', line: line++ }, ...extra }
}
