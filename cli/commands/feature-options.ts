/**
 * Options shared by the commands that test clinical and continuous features (scan, km, forest):
 * the `--features` words, `--reference COL=LEVEL`, and JSON text with Inf/NaN spelled out.
 */
import { InputError, quote } from '../../src/errors.js'
import { jsonNumber } from '../../src/io/json-numbers.js'

export type GenomicType = 'genes' | 'rules' | 'pathways'

export interface FeatureWords {
  readonly genomic: GenomicType[]
  /** Clinical columns asked for with `clinical:COL[,COL…]`. */
  readonly clinical: string[]
  readonly tmb: boolean
  readonly mutationCount: boolean
}

const GENOMIC: ReadonlySet<string> = new Set(['genes', 'rules', 'pathways'])

/**
 * `genes,rules,pathways,tmb,mutation_count,clinical:COL[,COL…]`: after `clinical:` every word that
 * is not one of the other keywords is a further clinical column, so
 * `--features clinical:brain_mets,her2_ihc,tmb` names two columns and TMB. A column named like a
 * keyword takes its own prefix (`clinical:tmb`).
 */
export function parseFeatureWords(words: readonly string[]): FeatureWords {
  const out: FeatureWords = { genomic: [], clinical: [], tmb: false, mutationCount: false }
  let inClinical = false
  for (const raw of words) {
    const w = raw.trim()
    if (w === '') continue
    const lower = w.toLowerCase()
    if (lower.startsWith('clinical:')) {
      const col = w.slice('clinical:'.length).trim()
      if (col === '') throw new InputError('USAGE', '--features: "clinical:" needs a column name (clinical:brain_mets)')
      out.clinical.push(col)
      inClinical = true
    } else if (GENOMIC.has(lower)) {
      out.genomic.push(lower as GenomicType)
      inClinical = false
    } else if (lower === 'tmb') {
      ;(out as { tmb: boolean }).tmb = true
      inClinical = false
    } else if (lower === 'mutation_count' || lower === 'mutations') {
      ;(out as { mutationCount: boolean }).mutationCount = true
      inClinical = false
    } else if (inClinical) out.clinical.push(w)
    else throw new InputError('USAGE', `--features: unknown feature type ${quote(w)}`, { suggestion: 'genes, rules, pathways, tmb, mutation_count, clinical:COL[,COL…]' })
  }
  return out
}

/** `--reference her2_ihc=1+` (repeatable or comma-separated) → column → level (a Map: a column may be named `__proto__`). */
export function parseReferences(items: readonly string[] | undefined): Map<string, string> {
  const out = new Map<string, string>()
  for (const it of items ?? []) {
    const eq = it.indexOf('=')
    if (eq <= 0 || eq === it.length - 1) throw new InputError('USAGE', `--reference: expected COLUMN=LEVEL, got ${quote(it)}`)
    out.set(it.slice(0, eq).trim(), it.slice(eq + 1).trim())
  }
  return out
}

/** JSON with full precision, numbers as every JSON output writes them (src/io/json-numbers.ts); Maps and Sets as objects and arrays. */
export function jsonText(value: unknown): string {
  const replace = (_k: string, v: unknown): unknown => {
    if (typeof v === 'number') return jsonNumber(v)
    if (v instanceof Map) return Object.fromEntries(v as Map<string, unknown>)
    if (v instanceof Set) return [...(v as Set<unknown>)]
    return v
  }
  return JSON.stringify(value, replace, 1) + '\n'
}
