/**
 * Average ranks (R's rank(ties.method = "average")) and the sizes of the tied groups, which the
 * rank tests need for their tie corrections. O(n log n).
 */

export interface Ranks {
  /** 1-based average rank of each input value, in input order. */
  readonly ranks: Float64Array
  /** Size of every group of equal values with more than one member, in ascending value order. */
  readonly ties: readonly number[]
}

export function averageRanks(values: ArrayLike<number>): Ranks {
  const n = values.length
  const order = Array.from({ length: n }, (_, i) => i).sort((a, b) => (values[a] as number) - (values[b] as number) || a - b)
  const ranks = new Float64Array(n)
  const ties: number[] = []
  let i = 0
  while (i < n) {
    let j = i
    const v = values[order[i] as number] as number
    while (j + 1 < n && values[order[j + 1] as number] === v) j++
    // positions i..j (0-based) share the mean of ranks i+1..j+1
    const r = (i + j) / 2 + 1
    for (let k = i; k <= j; k++) ranks[order[k] as number] = r
    if (j > i) ties.push(j - i + 1)
    i = j + 1
  }
  return { ranks, ties }
}
