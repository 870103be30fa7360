import { describe, expect, it } from 'vitest'
import { countedClasses, counts, MAFTOOLS_NONSYNONYMOUS } from '../../src/classify/classes.js'
import { buildMatrix } from '../../src/matrix/build.js'
import { MAF_CLASSES, type VariantClass } from '../../src/model/alteration.js'
import { ALTERED, WILD_TYPE } from '../../src/matrix/types.js'
import { alt } from './helpers.js'

// Written out by hand (not derived from the code under test): the classes that count by default.
const COUNTED_BY_DEFAULT = new Set<string>([
  'Frame_Shift_Del', 'Frame_Shift_Ins', 'Splice_Site', 'Translation_Start_Site', 'Nonsense_Mutation',
  'Nonstop_Mutation', 'In_Frame_Del', 'In_Frame_Ins', 'Missense_Mutation', 'Amp', 'Del', 'Fusion',
])

describe('which classes count', () => {
  it('every MAF class is handled: counted classes are ALTERED, all others WILD_TYPE', () => {
    const samples = MAF_CLASSES.map((c) => `S_${c}`)
    const m = buildMatrix(
      MAF_CLASSES.map((c) => alt(`S_${c}`, 'GENE1', c)),
      { samples, genes: ['GENE1'] },
    )
    for (const c of MAF_CLASSES) {
      const s = m.samples.indexOf(`S_${c}`)
      expect(m.state[s], c).toBe(COUNTED_BY_DEFAULT.has(c) ? ALTERED : WILD_TYPE)
    }
    expect(MAFTOOLS_NONSYNONYMOUS).toHaveLength(9)
  })

  it('TERT keeps 5′Flank by default; the override can be replaced', () => {
    const cc = countedClasses()
    expect(counts(cc, 'TERT', alt('S', 'TERT', "5'Flank"))).toBe(true)
    expect(counts(cc, 'TP53', alt('S', 'TP53', "5'Flank"))).toBe(false)
    expect(counts(countedClasses({ perGene: {} }), 'TERT', alt('S', 'TERT', "5'Flank"))).toBe(false)
  })

  it('the class set is overridable, and CN / fusions can be switched off', () => {
    const only: VariantClass[] = ['Missense_Mutation']
    const cc = countedClasses({ classes: only, copyNumber: false, fusions: false })
    expect(counts(cc, 'X', alt('S', 'X', 'Missense_Mutation'))).toBe(true)
    expect(counts(cc, 'X', alt('S', 'X', 'Nonsense_Mutation'))).toBe(false)
    expect(counts(cc, 'X', alt('S', 'X', 'Amp'))).toBe(false)
    expect(counts(cc, 'X', alt('S', 'X', 'Fusion'))).toBe(false)
  })

  it('copy-number gains and shallow deletions are not alterations in gene features', () => {
    const cc = countedClasses()
    expect(counts(cc, 'X', alt('S', 'X', 'Amp', { cnState: 'gain' }))).toBe(false)
    expect(counts(cc, 'X', alt('S', 'X', 'Del', { cnState: 'shallow_del' }))).toBe(false)
    expect(counts(cc, 'X', alt('S', 'X', 'Del', { cnState: 'deep_del' }))).toBe(true)
  })
})
