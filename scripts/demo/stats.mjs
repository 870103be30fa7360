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
