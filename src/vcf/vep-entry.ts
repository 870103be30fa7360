/**
 * One VEP / SnpEff ANN / CSQT entry of the text path, read lazily from the line (annotation.ts
 * finds its field bounds): a field is sliced only when an Effect rule reads it.
 */
import { splitTerms } from '../model/consequence.js'
import type { Effect } from './effect.js'
import { SLOT } from './entry-layout.js'

/** cDNA position "1480/5971" → 5971 (vcf2maf's Transcript_Length); 0 when absent. */
function lengthAfterSlash(s: string | undefined): number {
  if (s === undefined) return 0
  const i = s.lastIndexOf('/')
  if (i === -1) return 0
  const n = Number(s.slice(i + 1))
  return Number.isFinite(n) ? n : 0
}

/**
 * Consequence string → its terms, shared: most entries of a file carry one of a few dozen strings
 * ("missense_variant", "intron_variant&non_coding_transcript_variant"), so each is split once.
 * Bounded so a file of odd strings cannot grow it without limit. The arrays are never written to.
 * (A direct-mapped cache over the line's chars, to skip the slice, measured slower: 150 vs 140 ns.)
 */
const TERMS = new Map<string, readonly string[]>()
function cachedTerms(s: string): readonly string[] {
  let t = TERMS.get(s)
  if (t === undefined) {
    t = splitTerms(s)
    if (TERMS.size >= 4096) TERMS.clear()
    TERMS.set(s, t)
  }
  return t
}

/**
 * One VEP / SnpEff ANN entry whose fields are sliced from `src` only when read: choosing one
 * transcript reads PICK, BIOTYPE, Consequence, cDNA length, SYMBOL and CANONICAL of each, the
 * other fields only of the chosen one. `at` holds [start, end) in `src` per slot, -1 when the
 * header has no such column. Field values follow decode's rules: '' and '.' are absent, except
 * Allele and Consequence, read as written.
 */
export class VepEntry implements Effect {
  private memoTerms: readonly string[] | undefined

  constructor(
    private readonly src: string,
    private readonly at: readonly number[],
  ) {}

  private field(slot: number): string | undefined {
    const a = this.at[2 * slot] as number
    const b = this.at[2 * slot + 1] as number
    if (a < 0 || a === b || (b - a === 1 && this.src.charCodeAt(a) === 46)) return undefined
    return this.src.slice(a, b)
  }

  private is(slot: number, s: string): boolean {
    const a = this.at[2 * slot] as number
    return a >= 0 && (this.at[2 * slot + 1] as number) - a === s.length && this.src.startsWith(s, a)
  }

  get allele(): string {
    const a = this.at[0] as number
    return a < 0 ? '' : this.src.slice(a, this.at[1])
  }
  get alleleNum(): number | undefined {
    const v = this.field(SLOT.alleleNum)
    return v === undefined ? undefined : Number(v)
  }
  get terms(): readonly string[] {
    if (this.memoTerms === undefined) {
      const a = this.at[2 * SLOT.consequence] as number
      this.memoTerms = cachedTerms(a < 0 ? '' : this.src.slice(a, this.at[2 * SLOT.consequence + 1]))
    }
    return this.memoTerms
  }
  get symbol(): string | undefined {
    return this.field(SLOT.symbol)
  }
  get geneId(): string | undefined {
    return this.field(SLOT.gene)
  }
  get feature(): string | undefined {
    return this.field(SLOT.feature)
  }
  get biotype(): string | undefined {
    return this.field(SLOT.biotype)
  }
  get canonical(): boolean {
    return this.is(SLOT.canonical, 'YES')
  }
  get pick(): boolean {
    return this.is(SLOT.pick, '1')
  }
  get hgvsc(): string | undefined {
    return this.field(SLOT.hgvsc)
  }
  get hgvsp(): string | undefined {
    return this.field(SLOT.hgvsp)
  }
  get proteinPosition(): string | undefined {
    return this.field(SLOT.protein)
  }
  get aminoAcids(): string | undefined {
    return this.field(SLOT.aa)
  }
  get transcriptLength(): number {
    return lengthAfterSlash(this.field(SLOT.cdna))
  }
}
