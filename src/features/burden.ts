/**
 * Per-sample mutation burden from the calls, as features: the mutation count (counted classes,
 * SNVs and indels, germline calls excluded: the matrix's `burden`, all genes) and TMB = that
 * count per Mb of the sample's panel coding territory (the panel JSON's `sizeMb`, or the size
 * given for a cBioPortal panel). A sample sequenced without any panel is taken as whole-exome:
 * `exomeMb` (default 50 Mb, maftools `tmb(captureSize = 50)`), and the output says so. A sample on
 * a panel of unknown size has no TMB (counted as missing), never a guessed one. O(samples).
 */
import type { StateMatrix } from '../matrix/types.js'
import type { NumericVector } from './vector.js'

/** maftools tmb()'s default capture size; stated in every output that uses it. */
export const DEFAULT_EXOME_MB = 50

export interface BurdenOptions {
  readonly exomeMb?: number | undefined
}

export function mutationCountVector(m: StateMatrix, classes: string): NumericVector {
  const values = new Map<string, number>()
  m.samples.forEach((s, i) => values.set(s, m.burden[i] ?? 0))
  return {
    id: 'mutation_count',
    label: 'mutation count',
    source: 'mutation_count',
    kind: 'numeric',
    unit: 'mutations',
    values,
    missing: {},
    interpretation: `numeric: somatic SNVs and indels of the counted classes (${classes}) per sample, all genes`,
  }
}

export function tmbVector(m: StateMatrix, classes: string, opts: BurdenOptions = {}): NumericVector {
  const exome = opts.exomeMb ?? DEFAULT_EXOME_MB
  const values = new Map<string, number>()
  let unknownSize = 0
  let exomeSamples = 0
  const sizes = new Map<string, number>()
  m.samples.forEach((s, i) => {
    const panel = m.samplePanel[i]
    let mb = m.panelMb[i]
    if (panel === undefined) {
      mb = exome
      exomeSamples++
    } else if (mb !== undefined) sizes.set(panel, mb)
    if (mb === undefined) {
      unknownSize++
      return
    }
    values.set(s, (m.burden[i] ?? 0) / mb)
  })
  const parts = [...sizes].sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0)).map(([p, mb]) => `${p} ${mb} Mb`)
  if (exomeSamples > 0) parts.push(`${exomeSamples} sample(s) with no panel taken as whole-exome, ${exome} Mb`)
  return {
    id: 'tmb',
    label: 'TMB',
    source: 'tmb',
    kind: 'numeric',
    unit: 'mut/Mb',
    values,
    missing: unknownSize > 0 ? { 'panel size unknown (no sizeMb)': unknownSize } : {},
    interpretation: `numeric: somatic SNVs and indels of the counted classes (${classes}) per Mb of coding territory (${parts.join('; ')})`,
  }
}
