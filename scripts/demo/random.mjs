// Seeded pseudo-random numbers for the demo generator. Math.random is never used: the demo files
// must be byte-for-byte reproducible, and a committed test regenerates them and compares.

/**
 * mulberry32: a 32-bit state generator (Tommy Ettinger's public-domain design). Plenty for
 * shuffling 64 patients; not for cryptography.
 * @param {number} seed
 * @returns {() => number} uniform in [0, 1)
 */
export function mulberry32(seed) {
  let a = seed >>> 0
  return () => {
    a = (a + 0x6d2b79f5) >>> 0
    let t = a
    t = Math.imul(t ^ (t >>> 15), t | 1)
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61)
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296
  }
}

/** @typedef {() => number} Rng */

/**
 * Integer uniform in [lo, hi] (both inclusive).
 * @param {Rng} rng @param {number} lo @param {number} hi
 */
export function randInt(rng, lo, hi) {
  return lo + Math.floor(rng() * (hi - lo + 1))
}

/**
 * Fisher–Yates shuffle, returns a new array.
 * @template T @param {Rng} rng @param {readonly T[]} xs @returns {T[]}
 */
export function shuffle(rng, xs) {
  const a = xs.slice()
  for (let i = a.length - 1; i > 0; i--) {
    const j = Math.floor(rng() * (i + 1))
    const t = /** @type {T} */ (a[i])
    a[i] = /** @type {T} */ (a[j])
    a[j] = t
  }
  return a
}

/**
 * Standard normal by Box–Muller (one of the pair; the other is discarded for simplicity).
 * @param {Rng} rng
 */
export function normal(rng) {
  const u = 1 - rng()
  const v = rng()
  return Math.sqrt(-2 * Math.log(u)) * Math.cos(2 * Math.PI * v)
}

/**
 * One element, uniformly.
 * @template T @param {Rng} rng @param {readonly T[]} xs @returns {T}
 */
export function pick(rng, xs) {
  return /** @type {T} */ (xs[Math.floor(rng() * xs.length)])
}
