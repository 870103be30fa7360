/** Reads the R reference cases in test/fixtures/stats/*.json (scripts/r/stats-reference.R). */
import { readFileSync } from 'node:fs'

export type Json = null | boolean | number | string | Json[] | { [k: string]: Json }

export function readStatsReference<T = Record<string, Json>>(name: string): T[] {
  return JSON.parse(readFileSync(new URL(`../fixtures/stats/${name}`, import.meta.url), 'utf8')) as T[]
}

/** R's numbers as written: "Inf"/"-Inf" strings, null for NA (→ NaN). */
export function rnum(v: Json | undefined): number {
  if (v === 'Inf') return Infinity
  if (v === '-Inf') return -Infinity
  if (v === null) return NaN
  if (typeof v !== 'number') throw new Error(`expected a number, got ${JSON.stringify(v)}`)
  return v
}

export function rnums(v: Json | undefined): number[] {
  if (!Array.isArray(v)) throw new Error(`expected an array, got ${JSON.stringify(v)}`)
  return v.map(rnum)
}

/** A string or boolean field as text (names, methods, flags in messages). */
export function rstr(v: Json | undefined): string {
  if (typeof v === 'string' || typeof v === 'boolean' || typeof v === 'number') return String(v)
  if (v === null) return 'NA'
  return JSON.stringify(v)
}
