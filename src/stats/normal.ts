/**
 * Standard normal distribution: pnorm through the incomplete gamma (Φ(−z) = Q(½, z²/2)/2, accurate
 * relative to the tail, e.g. Φ(−38) ≈ 2.9e-316), qnorm by Halley refinement of a rough start on that
 * pnorm, which converges to the last bit in 2–3 steps because the start is already within 5e-4.
 */
import { regularizedGamma } from './incomplete-gamma.js'

const INV_SQRT_2PI = 0.3989422804014327

export function dnorm(z: number): number {
  return INV_SQRT_2PI * Math.exp(-0.5 * z * z)
}

/** P(Z ≤ z) (lowerTail) or P(Z > z). */
export function pnorm(z: number, lowerTail = true): number {
  if (Number.isNaN(z)) return NaN
  const tail = z === 0 ? 0.5 : 0.5 * regularizedGamma(0.5, 0.5 * z * z).upper
  // tail = P(Z > |z|)
  const small = tail
  const large = z === 0 ? 0.5 : 1 - tail
  if (lowerTail) return z < 0 ? small : large
  return z > 0 ? small : large
}

/** Abramowitz & Stegun 26.2.23 (|error| < 4.5e-4): starting point for refinement, p ≤ 0.5. */
function roughUpperQuantile(p: number): number {
  const t = Math.sqrt(-2 * Math.log(p))
  return t - (2.515517 + 0.802853 * t + 0.010328 * t * t) / (1 + 1.432788 * t + 0.189269 * t * t + 0.001308 * t * t * t)
}

/** Quantile of the standard normal: qnorm(p) with P(Z ≤ qnorm(p)) = p. */
export function qnorm(p: number): number {
  if (Number.isNaN(p) || p < 0 || p > 1) return NaN
  if (p === 0) return -Infinity
  if (p === 1) return Infinity
  if (p === 0.5) return 0
  // Work in the smaller tail q = min(p, 1−p), solving P(Z > z) = q for z > 0.
  const q = p < 0.5 ? p : 1 - p
  let z = roughUpperQuantile(q)
  for (let i = 0; i < 8; i++) {
    const f = pnorm(z, false) - q
    const d = dnorm(z)
    if (d === 0) break
    // Halley for g(z) = P(Z > z) − q: g' = −φ(z), g'' = zφ(z).
    const r = f / d
    const step = r / (1 + 0.5 * z * r)
    z += step
    if (Math.abs(step) <= 1e-16 * Math.max(1, Math.abs(z))) break
  }
  return p < 0.5 ? -z : z
}
