/**
 * DISCOVER (Canisius, Martens & Wessels 2016, Genome Biology 17:261): tests of co-occurrence and
 * mutual exclusivity that condition on how often each gene and each sample is altered, so that a
 * few hypermutated samples do not make every pair "co-occur" as they do under Fisher's test.
 *
 * Background (the paper's "Methods: the DISCOVER test"): each cell is altered with its own
 * probability p_ij = 1/(1 + exp(−(μ_i + λ_j))), gene effect μ_i and sample effect λ_j, fitted by
 * maximum likelihood, which is the same as requiring every gene's and every sample's expected
 * number of alterations to equal the observed one. A gene or sample never (always) altered gets
 * p = 0 (1) and is left out of the fit. Fitted here by alternating one-dimensional Newton steps
 * on the μ's and λ's (block coordinate ascent on a concave likelihood, so it converges) until
 * every margin matches to 1e-9 alterations.
 *
 * Pair test: the number T of samples where both genes are altered is, under independence given
 * the background, Poisson-binomial with q_j = p_1j·p_2j; co-occurrence p = P(T ≥ t), mutual
 * exclusivity p = P(T ≤ t), both one-sided as in the paper. Pass the background the whole
 * alteration matrix (all genes the panel covers), not only the genes to be tested, so the sample
 * rates reflect each sample's burden.
 */
import { poissonBinomialTailsOf } from './poisson-binomial.js'

export interface DiscoverBackground {
  /** p[i][j]: background probability that gene i is altered in sample j */
  readonly p: readonly Float64Array[]
  readonly iterations: number
  /** largest |expected − observed| over all gene and sample margins at the end */
  readonly maxMarginError: number
}

export type AlterationRow = readonly (0 | 1 | boolean)[]

const TOL = 1e-9

function sigmoid(v: number): number {
  return v >= 0 ? 1 / (1 + Math.exp(-v)) : Math.exp(v) / (1 + Math.exp(v))
}

/** rows = genes, columns = samples. O(genes·samples) per sweep; typically 20–200 sweeps. */
export function discoverBackground(matrix: readonly AlterationRow[], maxIter = 10000): DiscoverBackground {
  const g = matrix.length
  if (g === 0) throw new RangeError('discoverBackground: no genes')
  const s = matrix[0]?.length ?? 0
  if (s === 0) throw new RangeError('discoverBackground: no samples')
  const rowSum = new Float64Array(g)
  const colSum = new Float64Array(s)
  matrix.forEach((row, i) => {
    if (row.length !== s) throw new RangeError(`discoverBackground: gene row ${i} has ${row.length} samples, expected ${s}`)
    row.forEach((v, j) => {
      if (v !== 0 && v !== 1 && v !== true && v !== false) throw new RangeError(`discoverBackground: cell [${i}][${j}] must be 0/1 or a boolean, got ${String(v)}`)
      if (v === 1 || v === true) {
        rowSum[i] = (rowSum[i] as number) + 1
        colSum[j] = (colSum[j] as number) + 1
      }
    })
  })
  // Degenerate margins are fixed at p = 0 or 1 (their effects would be ∓∞). Fixing a sample
  // altered in every gene can make a gene degenerate among the rest, so repeat until stable.
  const fixedRow: (0 | 1 | undefined)[] = new Array<undefined>(g).fill(undefined)
  const fixedCol: (0 | 1 | undefined)[] = new Array<undefined>(s).fill(undefined)
  const rowTarget = Float64Array.from(rowSum)
  const colTarget = Float64Array.from(colSum)
  for (let changed = true; changed; ) {
    changed = false
    const freeRowCount = fixedRow.filter((f) => f === undefined).length
    const freeColCount = fixedCol.filter((f) => f === undefined).length
    const onesInFixedCols = fixedCol.filter((f) => f === 1).length
    const onesInFixedRows = fixedRow.filter((f) => f === 1).length
    for (let i = 0; i < g; i++) {
      if (fixedRow[i] !== undefined) continue
      rowTarget[i] = (rowSum[i] as number) - onesInFixedCols
      if (rowTarget[i] === 0 || rowTarget[i] === freeColCount) {
        fixedRow[i] = rowTarget[i] === 0 ? 0 : 1
        changed = true
      }
    }
    for (let j = 0; j < s; j++) {
      if (fixedCol[j] !== undefined) continue
      colTarget[j] = (colSum[j] as number) - onesInFixedRows
      if (colTarget[j] === 0 || colTarget[j] === freeRowCount) {
        fixedCol[j] = colTarget[j] === 0 ? 0 : 1
        changed = true
      }
    }
  }
  const freeRows = [...rowSum.keys()].filter((i) => fixedRow[i] === undefined)
  const freeCols = [...colSum.keys()].filter((j) => fixedCol[j] === undefined)
  const mu = new Float64Array(g)
  const lambda = new Float64Array(s)
  // Start from the independent logits of the margins' rates.
  for (const i of freeRows) mu[i] = Math.log((rowTarget[i] as number) / (freeCols.length - (rowTarget[i] as number)))
  if (freeRows.length === 0 || freeCols.length === 0) return { p: fixedMatrix(), iterations: 0, maxMarginError: 0 }
  let iterations = 0
  let maxErr = Infinity
  for (let iter = 1; iter <= maxIter; iter++) {
    iterations = iter
    for (const j of freeCols) lambda[j] = solveEffect(colTarget[j] as number, freeRows, (i) => mu[i] as number, lambda[j] as number)
    for (const i of freeRows) mu[i] = solveEffect(rowTarget[i] as number, freeCols, (j) => lambda[j] as number, mu[i] as number)
    maxErr = 0
    for (const j of freeCols) {
      let e = 0
      for (const i of freeRows) e += sigmoid((mu[i] as number) + (lambda[j] as number))
      maxErr = Math.max(maxErr, Math.abs(e - (colTarget[j] as number)))
    }
    if (maxErr <= TOL) break
  }
  const p = fixedMatrix()
  if (maxErr > TOL) throw new Error(`discoverBackground: margins did not converge (largest error ${maxErr} alterations after ${iterations} sweeps)`)
  return { p, iterations, maxMarginError: maxErr }

  function fixedMatrix(): Float64Array[] {
    return matrix.map((_, i) => Float64Array.from({ length: s }, (_, j) => fixedRow[i] ?? fixedCol[j] ?? sigmoid((mu[i] as number) + (lambda[j] as number))))
  }
}

/** The effect e with Σ_k sigmoid(other(k) + e) = target: Newton on a concave-monotone sum, ≤ ~40 steps. */
function solveEffect(target: number, over: readonly number[], other: (k: number) => number, start: number): number {
  let e = Number.isFinite(start) ? start : 0
  for (let it = 0; it < 100; it++) {
    let f = -target
    let d = 0
    for (const k of over) {
      const v = sigmoid(other(k) + e)
      f += v
      d += v * (1 - v)
    }
    if (d === 0) break
    let step = f / d
    if (step > 5) step = 5
    if (step < -5) step = -5
    e -= step
    if (Math.abs(step) < 1e-13) break
  }
  return e
}

export interface DiscoverPairResult {
  /** samples altered in both genes */
  readonly observed: number
  /** expected number under the background, Σ_j p_1j·p_2j */
  readonly expected: number
  /** P(T ≥ observed): evidence of co-occurrence */
  readonly pCooccurrence: number
  /** P(T ≤ observed): evidence of mutual exclusivity */
  readonly pExclusivity: number
}

/** DISCOVER's pair test for genes a and b (rows of the matrix and of the background). */
export function discoverPairTest(a: AlterationRow, b: AlterationRow, pa: ArrayLike<number>, pb: ArrayLike<number>): DiscoverPairResult {
  const n = a.length
  if (b.length !== n || pa.length !== n || pb.length !== n) throw new RangeError('discoverPairTest: the two genes and their background rows must cover the same samples')
  let observed = 0
  const q = new Float64Array(n)
  let expected = 0
  for (let j = 0; j < n; j++) {
    if ((a[j] === 1 || a[j] === true) && (b[j] === 1 || b[j] === true)) observed++
    q[j] = (pa[j] as number) * (pb[j] as number)
    expected += q[j] as number
  }
  const tails = poissonBinomialTailsOf(q, observed)
  return { observed, expected, pCooccurrence: tails.upper, pExclusivity: tails.lower }
}
