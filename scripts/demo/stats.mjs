// The two statistics the demo's targets are stated in, implemented here so the generator can
// assert its own output. The test suite re-implements both independently (test/demo/).

/** R's survival package compares survival to 0.5 with this tolerance (sqrt(.Machine$double.eps)). */
const TOL = Math.sqrt(2.220446049250313e-16)

/**
 * @typedef {object} KmMedian
 * @property {number | undefined} median  undefined when S(t) never reaches 0.5
 * @property {boolean} plateau  S(t) sat exactly on 0.5, so R reports a midpoint
 */

/**
 * Kaplan–Meier median with R survfit's rule: the smallest event time t with S(t) <= 0.5; if S(t)
 * equals 0.5 exactly, the midpoint between t and the next event time. Ties follow R: at a tied
 * time, events happen before censorings (censored subjects are still at risk at their time).
 * @param {readonly number[]} time @param {readonly (0|1)[]} event
 * @returns {KmMedian}
 */
export function kmMedian(time, event) {
  const order = time.map((_, i) => i).sort((a, b) => (time[a] ?? 0) - (time[b] ?? 0))
  let atRisk = time.length
  let s = 1
  let k = 0
  /** @type {number | undefined} */
  let plateauAt
  while (k < order.length) {
    const t = time[order[k] ?? 0] ?? 0
    let d = 0
    let n = 0
    while (k < order.length && time[order[k] ?? 0] === t) {
      d += event[order[k] ?? 0] ?? 0
      n++
      k++
    }
    if (d > 0) {
      if (plateauAt !== undefined) return { median: (plateauAt + t) / 2, plateau: true }
      s *= (atRisk - d) / atRisk
      if (Math.abs(s - 0.5) < TOL) plateauAt = t
      else if (s < 0.5) return { median: t, plateau: false }
    }
    atRisk -= n
  }
  // A curve that ends sitting on exactly 0.5 has no next event time to average with; report the
  // time and flag it (the demo's search rejects every plateau, so nothing depends on this value).
  return plateauAt !== undefined ? { median: plateauAt, plateau: true } : { median: undefined, plateau: false }
}

/**
 * @param {number} n @returns {number} log(n!)
 */
function logFactorial(n) {
  let s = 0
  for (let i = 2; i <= n; i++) s += Math.log(i)
  return s
}

/**
 * Two-sided Fisher's exact test for [[a, b], [c, d]], as R's fisher.test: sum the probabilities of
 * all tables with the same margins that are no more likely than the observed one, with R's
 * relative tolerance 1 + 1e-7 for ties.
 * @param {number} a @param {number} b @param {number} c @param {number} d
 */
export function fisherTwoSided(a, b, c, d) {
  const r1 = a + b
  const c1 = a + c
  const n = a + b + c + d
  const lo = Math.max(0, c1 - (n - r1))
  const hi = Math.min(r1, c1)
  /** @param {number} x */
  const logP = (x) =>
    logFactorial(r1) + logFactorial(n - r1) + logFactorial(c1) + logFactorial(n - c1) -
    logFactorial(n) - logFactorial(x) - logFactorial(r1 - x) - logFactorial(c1 - x) - logFactorial(n - r1 - c1 + x)
  const pObs = Math.exp(logP(a))
  let p = 0
  for (let x = lo; x <= hi; x++) {
    const px = Math.exp(logP(x))
    if (px <= pObs * (1 + 1e-7)) p += px
  }
  return Math.min(1, p)
}

/**
 * Cox proportional-hazards fit for DISTINCT times (the demo has no ties, so Breslow = Efron =
 * the exact partial likelihood). Newton–Raphson from β = 0 with step halving; returns the
 * coefficients and their Wald standard errors. Small p only (Gaussian elimination).
 * @param {readonly number[]} time @param {readonly (0|1)[]} event @param {readonly (readonly number[])[]} x
 * @returns {{ beta: number[], se: number[] }}
 */
export function coxDistinct(time, event, x) {
  const p = x[0]?.length ?? 0
  const order = time.map((_, i) => i).sort((a, b) => (time[b] ?? 0) - (time[a] ?? 0)) // descending: risk sets grow
  /** @param {number[]} beta */
  const derivs = (beta) => {
    let ll = 0
    const u = new Array(p).fill(0)
    const h = Array.from({ length: p }, () => new Array(p).fill(0))
    let s0 = 0
    const s1 = new Array(p).fill(0)
    const s2 = Array.from({ length: p }, () => new Array(p).fill(0))
    for (const i of order) {
      const xi = /** @type {readonly number[]} */ (x[i])
      let eta = 0
      for (let j = 0; j < p; j++) eta += (beta[j] ?? 0) * (xi[j] ?? 0)
      const w = Math.exp(eta)
      s0 += w
      for (let j = 0; j < p; j++) {
        s1[j] += w * (xi[j] ?? 0)
        for (let k = 0; k < p; k++) s2[j][k] += w * (xi[j] ?? 0) * (xi[k] ?? 0)
      }
      if (event[i] === 1) {
        ll += eta - Math.log(s0)
        for (let j = 0; j < p; j++) {
          u[j] += (xi[j] ?? 0) - s1[j] / s0
          for (let k = 0; k < p; k++) h[j][k] += s2[j][k] / s0 - (s1[j] * s1[k]) / (s0 * s0)
        }
      }
    }
    return { ll, u, h }
  }
  let beta = new Array(p).fill(0)
  let d = derivs(beta)
  for (let it = 0; it < 30; it++) {
    const step = solve(d.h, d.u)
    let next = beta.map((b, j) => b + (step[j] ?? 0))
    let dn = derivs(next)
    for (let half = 0; half < 20 && !(dn.ll >= d.ll - 1e-12); half++) {
      next = beta.map((b, j) => (b + (next[j] ?? 0)) / 2)
      dn = derivs(next)
    }
    const moved = Math.max(...next.map((b, j) => Math.abs(b - (beta[j] ?? 0))))
    beta = next
    d = dn
    if (moved < 1e-10) break
  }
  const inv = invert(d.h)
  return { beta, se: inv.map((row, j) => Math.sqrt(row[j] ?? NaN)) }
}

/** @param {number[][]} a @param {number[]} b */
function solve(a, b) {
  const inv = invert(a)
  return inv.map((row) => row.reduce((s, v, j) => s + v * (b[j] ?? 0), 0))
}

/** Gauss–Jordan inverse of a small symmetric positive-definite matrix. @param {number[][]} a */
function invert(a) {
  const p = a.length
  const m = a.map((row, i) => [...row, ...Array.from({ length: p }, (_, j) => (i === j ? 1 : 0))])
  for (let c = 0; c < p; c++) {
    const piv = /** @type {number[]} */ (m[c])
    const d = piv[c] ?? 0
    for (let j = 0; j < 2 * p; j++) piv[j] = (piv[j] ?? 0) / d
    for (let r = 0; r < p; r++) {
      if (r === c) continue
      const row = /** @type {number[]} */ (m[r])
      const f = row[c] ?? 0
      for (let j = 0; j < 2 * p; j++) row[j] = (row[j] ?? 0) - f * (piv[j] ?? 0)
    }
  }
  return m.map((row) => row.slice(p))
}
