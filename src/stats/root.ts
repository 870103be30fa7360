/**
 * Root finding for monotone functions: a bracket that always contains the root, Newton steps when
 * they stay inside it and shrink |f| fast, bisection otherwise ("rtsafe"). Converges quadratically
 * near the root, so solving to ~1e-15 relative costs a handful of extra evaluations. R's fisher.test
 * uses uniroot with its default tol = eps^0.25 ≈ 1.2e-4 (absolute), which is why R prints 1.41418
 * for a conditional MLE that is exactly √2.
 */

export interface ValueAndSlope {
  readonly value: number
  readonly slope: number
}

export interface RootResult {
  readonly root: number
  readonly iterations: number
  readonly converged: boolean
}

/**
 * Find x in [lo, hi] with f(x) = 0, given that f(lo) and f(hi) have opposite signs (or one is 0).
 * Stops when the step is below relTol·max(scale, |x|): scale 1 suits log-odds, a tiny scale suits
 * probabilities that may be 1e-9 and still need full relative precision.
 */
export function solveBracketed(
  f: (x: number) => ValueAndSlope,
  lo: number,
  hi: number,
  relTol = 4 * Number.EPSILON,
  scale = 1,
  maxIter = 400,
): RootResult {
  const flo = f(lo).value
  const fhi = f(hi).value
  if (flo === 0) return { root: lo, iterations: 0, converged: true }
  if (fhi === 0) return { root: hi, iterations: 0, converged: true }
  if (Math.sign(flo) === Math.sign(fhi)) throw new RangeError(`solveBracketed: no sign change on [${lo}, ${hi}]`)
  // Orient so that f(neg) < 0 < f(pos).
  let neg = flo < 0 ? lo : hi
  let pos = flo < 0 ? hi : lo
  let x = 0.5 * (lo + hi)
  let prevStep = Math.abs(hi - lo)
  let step = prevStep
  for (let it = 1; it <= maxIter; it++) {
    const { value, slope } = f(x)
    if (value === 0 || Number.isNaN(value)) return { root: x, iterations: it, converged: value === 0 }
    if (value < 0) neg = x
    else pos = x
    const newton = x - value / slope
    const inside = Number.isFinite(newton) && (newton - neg) * (newton - pos) < 0
    // Take Newton only if it stays strictly inside the bracket and shrinks the step at least by half
    // relative to the step before last (Numerical Recipes' rtsafe criterion).
    let next: number
    if (inside && Math.abs(newton - x) < 0.5 * prevStep) {
      next = newton
    } else {
      next = 0.5 * (neg + pos)
    }
    prevStep = step
    step = Math.abs(next - x)
    const tol = relTol * Math.max(scale, Math.abs(x))
    if (step <= tol || Math.abs(pos - neg) <= tol) return { root: next, iterations: it, converged: true }
    x = next
  }
  return { root: x, iterations: maxIter, converged: false }
}

/**
 * For an increasing function, walk outward from x0 in doubling steps until the sign changes;
 * returns [lo, hi] with f(lo) ≤ 0 ≤ f(hi), or undefined if none found within `limit`.
 */
export function bracketIncreasing(
  f: (x: number) => number,
  x0: number,
  firstStep = 1,
  limit = 1e4,
): readonly [number, number] | undefined {
  const f0 = f(x0)
  if (f0 === 0) return [x0, x0]
  const dir = f0 < 0 ? 1 : -1
  let prev = x0
  let stepSize = firstStep
  while (stepSize <= limit) {
    const x = x0 + dir * stepSize
    const fx = f(x)
    if (dir > 0 ? fx >= 0 : fx <= 0) return dir > 0 ? [prev, x] : [x, prev]
    prev = x
    stepSize *= 2
  }
  return undefined
}
