/** A synthetic large cohort (seeded, so deterministic) for the size test and the benchmark. */
import { ALTERED, NOT_ASSAYED, type AlteredCell, type RecordMatrix } from '../../src/matrix/types.js'
import { MapCells } from '../../src/matrix/cells.js'
import type { Alteration, VariantClass } from '../../src/model/alteration.js'

function lcg(seed: number): () => number {
  let s = seed >>> 0
  return () => {
    s = (Math.imul(s, 1664525) + 1013904223) >>> 0
    return s / 2 ** 32
  }
}

const CLASSES: readonly VariantClass[] = ['Missense_Mutation', 'Missense_Mutation', 'Missense_Mutation', 'Nonsense_Mutation', 'Frame_Shift_Del', 'Splice_Site', 'In_Frame_Del']

/** samples × genes; gene g altered in ~40%·0.88^g of samples; 10% of samples lack the last 10 genes. */
export function syntheticCohort(nSamples: number, nGenes: number, seed = 42): RecordMatrix {
  const rnd = lcg(seed)
  const samples = Array.from({ length: nSamples }, (_, i) => `S${String(i).padStart(6, '0')}`)
  const genes = Array.from({ length: nGenes }, (_, g) => `GENE${String(g).padStart(2, '0')}`)
  const state = new Uint8Array(nSamples * nGenes)
  const cells = new Map<number, AlteredCell>()
  const burden = new Uint32Array(nSamples)
  const smallPanel = samples.map(() => rnd() < 0.1)
  genes.forEach((gene, g) => {
    const p = 0.4 * 0.88 ** g
    for (let s = 0; s < nSamples; s++) {
      const i = g * nSamples + s
      if (smallPanel[s] && g >= nGenes - 10) {
        state[i] = NOT_ASSAYED
        continue
      }
      if (rnd() >= p) continue
      state[i] = ALTERED
      const sample = samples[s] as string
      const events: Alteration[] = []
      const r = rnd()
      const source = { file: 'synthetic', line: i + 1 }
      if (r < 0.1) events.push({ sample, gene, kind: 'cna', variantClass: 'Amp', cnState: 'amp', origin: 'somatic', source })
      if (r >= 0.05) events.push({ sample, gene, kind: 'snv', variantClass: CLASSES[Math.floor(rnd() * CLASSES.length)] as VariantClass, origin: rnd() < 0.02 ? 'germline' : 'somatic', source })
      if (r > 0.93) events.push({ sample, gene, kind: 'snv', variantClass: 'Missense_Mutation', origin: 'somatic', source })
      burden[s] = (burden[s] ?? 0) + events.filter((e) => e.kind === 'snv').length
      cells.set(i, { events, classes: [...new Set(events.map((e) => e.variantClass))], origins: [...new Set(events.map((e) => e.origin))] })
    }
  })
  for (let s = 0; s < nSamples; s++) burden[s] = (burden[s] ?? 0) + Math.floor(rnd() * 20)
  return {
    samples,
    features: genes.map((id) => ({ id, label: id, type: 'gene' as const, genes: [id] })),
    state,
    cells: new MapCells(cells),
    samplePanel: samples.map((_, s) => (smallPanel[s] ? 'small' : 'large')),
    panelMb: samples.map(() => undefined),
    burden,
  }
}
