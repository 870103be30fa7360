/** Reads the R reference tables in test/fixtures/r/ (plain TSV, 17 significant digits). */
import { readFileSync } from 'node:fs'

export type Row = Readonly<Record<string, string>>

export function readReference(name: string): Row[] {
  const text = readFileSync(new URL(`../fixtures/r/${name}`, import.meta.url), 'utf8')
  const lines = text.split('\n').filter((l) => l.length > 0)
  const header = (lines[0] ?? '').split('\t')
  return lines.slice(1).map((line) => {
    const cells = line.split('\t')
    const row: Record<string, string> = {}
    header.forEach((h, i) => (row[h] = cells[i] ?? ''))
    return row
  })
}

/** R's spelling of numbers: Inf, -Inf, NA (→ NaN), NaN. */
export function num(row: Row, key: string): number {
  const v = row[key]
  if (v === undefined) throw new Error(`reference row has no column ${key}: ${JSON.stringify(row)}`)
  if (v === 'Inf') return Infinity
  if (v === '-Inf') return -Infinity
  if (v === 'NA' || v === 'NaN') return NaN
  const x = Number(v)
  if (v.trim() === '' || Number.isNaN(x)) throw new Error(`bad number ${JSON.stringify(v)} in column ${key}`)
  return x
}

/** Relative difference, with exact equality (incl. both infinite / both NaN) counting as 0. */
export function relDiff(actual: number, expected: number): number {
  if (actual === expected) return 0
  if (Number.isNaN(actual) && Number.isNaN(expected)) return 0
  if (!Number.isFinite(actual) || !Number.isFinite(expected)) return Infinity
  return Math.abs(actual - expected) / Math.max(Math.abs(expected), Number.MIN_VALUE)
}

/** Fails with every input in the message when |actual − expected| > tol·|expected|. */
export function expectClose(actual: number, expected: number, tol: number, context: string): void {
  const d = relDiff(actual, expected)
  if (!(d <= tol)) {
    throw new Error(`${context}: got ${actual}, expected ${expected} (relative difference ${d.toExponential(3)} > ${tol})`)
  }
}
