/**
 * P(max_k |Z_k| > b) for the standardised statistics of maximally selected rank statistics: maxstat's
 * pmethod = "exactGauss" (Hothorn & Lausen 2003), the limiting Gaussian law of the statistics at
 * the cuts leaving m_1 < … < m_K of n samples below.
 *
 * maxstat asks mvtnorm::pmvnorm for the K-variate normal box probability with correlations
 * corr(Z_i, Z_j) = √(m_i (n − m_j) / (m_j (n − m_i))) for m_i ≤ m_j (the permutation covariance
 * of two nested sums; its corrmsrs matrix is this one up to the order of the cuts, which a box
 * symmetric in every coordinate does not see) — a randomised quasi-Monte-Carlo integral, default
 * absolute error ≈ 1e-3 (attr "error"), different digits on every run.
 *
 * That correlation is a product along the ordered cuts (corr(i, k) = corr(i, j)·corr(j, k)), so the
 * statistics form a Gaussian Markov chain: Z_{k+1} = ρ_k Z_k + √(1 − ρ_k²) ε. The box probability is
 * then an iterated one-dimensional integral, which is computed here deterministically: the density
 * of Z_k restricted to [−b, b] on composite 8-point Gauss–Legendre nodes (panels no wider than
 * half the narrowest transition kernel), carried forward by the Gaussian kernel. The same numbers
 * give the same p, accurate to about 1e-9 (checked against pmvnorm run to its own tightest error,
 * test/stats/maxstat-exact-gauss.test.ts). O(K · nodes · band).
 */
import { dnorm, pnorm } from './normal.js'

// 8-point Gauss–Legendre on [−1, 1].
const GL_X = [-0.9602898564975363, -0.7966664774136267, -0.5255324099163290, -0.1834346424956498, 0.1834346424956498, 0.5255324099163290, 0.7966664774136267, 0.9602898564975363]
const GL_W = [0.1012285362903763, 0.2223810344533745, 0.3137066458778873, 0.3626837833783620, 0.3626837833783620, 0.3137066458778873, 0.2223810344533745, 0.1012285362903763]

/** Kernel mass beyond this many standard deviations is below 1e-22: left out. */
const BAND = 10

export function maxGaussP(b: number, n: number, below: readonly number[]): number {
  if (!(b >= 0) || !Number.isFinite(b)) throw new RangeError(`maxGaussP: b must be a finite number ≥ 0, got ${String(b)}`)
  const m = [...below].sort((x, y) => x - y)
  m.forEach((v, i) => {
    if (!Number.isInteger(v) || v < 1 || v >= n) throw new RangeError(`maxGaussP: cut ${i + 1} leaves ${v} of ${n} samples below; expected 1 … ${n - 1}`)
    if (i > 0 && v === m[i - 1]) throw new RangeError(`maxGaussP: two cuts leave ${v} samples below`)
  })
  if (m.length === 0) throw new RangeError('maxGaussP: no cut')
  // One cut: R's pexactgauss returns 2Φ(−b).
  if (m.length === 1) return 2 * pnorm(-b)
  const rho: number[] = []
  for (let k = 0; k + 1 < m.length; k++) {
    const a = m[k] as number
    const c = m[k + 1] as number
    rho.push(Math.sqrt((a * (n - c)) / (c * (n - a))))
  }
  const sMin = Math.min(...rho.map((r) => Math.sqrt(1 - r * r)))
  const panels = Math.max(8, Math.ceil((2 * b) / Math.min(0.25, sMin / 2)))
  const h = (2 * b) / panels
  const z: number[] = []
  const w: number[] = []
  for (let p = 0; p < panels; p++) {
    const mid = -b + (p + 0.5) * h
    GL_X.forEach((x, i) => {
      z.push(mid + (x * h) / 2)
      w.push(((GL_W[i] as number) * h) / 2)
    })
  }
  const N = z.length
  let f = z.map((v) => dnorm(v))
  for (const r of rho) {
    const s = Math.sqrt(1 - r * r)
    const g = new Array<number>(N).fill(0)
    // Nodes are sorted: for each target node, the sources within the band form one window.
    let lo = 0
    for (let j = 0; j < N; j++) {
      const zj = z[j] as number
      // ρ z_i within zj ± BAND·s  ⇔  z_i within (zj ± BAND·s)/ρ
      const from = (zj - BAND * s) / r
      const to = (zj + BAND * s) / r
      while (lo < N && (z[lo] as number) < from) lo++
      let acc = 0
      for (let i = lo; i < N && (z[i] as number) <= to; i++) {
        const u = (zj - r * (z[i] as number)) / s
        acc += (w[i] as number) * (f[i] as number) * Math.exp(-0.5 * u * u)
      }
      g[j] = acc / (s * Math.sqrt(2 * Math.PI))
    }
    f = g
  }
  let inside = 0
  for (let j = 0; j < N; j++) inside += (w[j] as number) * (f[j] as number)
  return Math.min(1, Math.max(0, 1 - inside))
}
